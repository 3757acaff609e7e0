// Where each coding edit comes from. Tables carry their own verified flag; the LCD limits are the policies' own
// citations (one home for each rule), read from the version in force now.
import type { Citation } from '../verdicts';
import { cite } from '../policies/cite';
import { NCCI_PTP } from './data/ncci-ptp';
import { MUE } from './data/mue';
import { ESI_BASELINE } from '../policies/lcd-epidural';
import { FACET_BLOCK_VERSIONS, FACET_RFA_VERSIONS } from '../policies/lcd-facet-versions';
import { SHARED } from '../policies/shared-citations';

const latest = <T>(list: readonly T[]): T => list[list.length - 1]!;
const FACET_BLOCK = latest(FACET_BLOCK_VERSIONS).params;
const FACET_RFA = latest(FACET_RFA_VERSIONS).params;

export const CITE = {
  ptp: (verified: boolean): Citation =>
    cite({
      ruleId: 'NCCI-PTP',
      document: `NCCI PTP ${NCCI_PTP.quarter}`,
      section: 'Practitioner PTP edits',
      grade: verified ? 'P' : 'none',
      ...(verified ? {} : { note: 'Pair not yet confirmed against the CMS file' }),
    }),
  mue: (verified: boolean): Citation =>
    cite({
      ruleId: 'NCCI-MUE',
      document: `NCCI MUE ${MUE.quarter}`,
      section: 'Practitioner Services MUE Table',
      grade: verified ? 'P' : 'none',
      ...(verified ? {} : { note: 'Value not yet confirmed against the CMS file' }),
    }),
  imaging: cite({
    ruleId: 'CPT-IMAGING-INCLUDED',
    document: 'CPT code structure; NCCI',
    section: 'Imaging guidance included in 62321/62323/62325/62327, 64479-64484, 64490-64495, 64633-64636, 27096',
    grade: 'P',
  }),
  addOn: cite({
    ruleId: 'NCCI-ADD-ON',
    document: 'NCCI Add-on Code Edits',
    section: 'Add-on codes paid only with a listed primary code',
    grade: 'P',
  }),
  mod25: SHARED.modifier25,
  ptpModifiers: cite({
    ruleId: 'NCCI-MODIFIERS',
    document: 'NCCI Policy Manual, Ch. I',
    section: 'Modifiers 59 and XE/XS/XP/XU bypass only indicator-1 edits, with documentation',
    grade: 'P',
  }),
  icd10: SHARED.icd10,
  esiLevels: ESI_BASELINE.maxLevels!.citation,
  facetLevels: FACET_BLOCK.maxLevels!.citation,
  esiFrequency: ESI_BASELINE.frequencyRegion!.citation,
  facetFrequency: FACET_BLOCK.frequencyRegion!.citation,
  rfaFrequency: FACET_RFA.frequencyRegion!.citation,
  codeFormat: cite({
    ruleId: 'HCPCS-FORMAT',
    document: 'HCPCS code set (Level I CPT and Level II)',
    section: 'Five-character codes',
    grade: 'P',
  }),
  catalogue: cite({
    ruleId: 'CR-CATALOGUE',
    document: 'ClaimReady procedure catalogue',
    section: 'src/policy/services.ts (pain-management subset)',
    grade: 'P',
  }),
  claimForm: cite({
    ruleId: 'NUCC-1500',
    document: 'NUCC 1500 Claim Form Reference Instruction Manual',
    section: 'Item 21 (up to 12 diagnoses) and Item 24E (up to 4 pointers per line)',
    grade: 'P',
  }),
  modifiers: cite({
    ruleId: 'CMS-MODIFIERS',
    document: 'CMS Claims Processing Manual 100-04, Ch. 12',
    section: 'Modifiers 50, RT/LT, 25, 59/X{EPSU}',
    grade: 'P',
  }),
  siteConsistency: SHARED.siteConsistency,
  facetKx: cite({
    ruleId: 'FJ-KX',
    document: 'LCD L38803 family (L38801 / A58403)',
    section: 'Modifier KX on all diagnostic facet injection lines',
    grade: 'P',
    note: "Noridian JF/JE, 'Facet Joint Interventions for Pain Management Questions and Answers' (the MAC's own page, after its July 2022 webinar), A3: \"The KX modifier should be appended to the line for all diagnostic injections.\" Its rubric restating A58403 (S1) and a summary of A57826 (S2) agree; other MACs' twin articles were not read.",
  }),
  snrbKx: cite({
    ruleId: 'ESI-KX',
    document: 'ESI billing articles A56651, A58745',
    section: 'Modifier KX on diagnostic selective nerve root blocks',
    grade: 'S2',
    note: 'Summaries only, and only some contractors: advice.',
  }),
};

/** The per-region session limits the coding frequency edit repeats, from the policies (version in force now). */
export const LCD_LIMITS = { esi: ESI_BASELINE.frequencyRegion!, facetBlock: FACET_BLOCK.frequencyRegion!, rfa: FACET_RFA.frequencyRegion! };

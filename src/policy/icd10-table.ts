// ICD-10-CM (CMS/NCHS, public domain) for the pain-relevant categories, versioned by fiscal year (each release takes
// effect on October 1; those read are ICD10_RELEASES, later ones not read are ICD10_UNREAD_RELEASES). Within each
// category listed in ICD10_CATEGORIES every code is listed, so a header's children and a code's validity on a date of
// service come from the table, not from hand-picked rows. Labels are our own short wording. Codes outside these
// categories are unknown to ClaimReady (never assumed valid or invalid).
import type { SpinalRegion } from './picture';
import type { SourceGrade } from './verdicts';

export interface Icd10Row {
  code: string;
  label: string;
  region?: SpinalRegion;
  /** First date of service the code is valid (the fiscal year it was added). */
  from?: string;
  /** First date of service it is no longer valid (deleted), with its successors. */
  deletedOn?: string;
  successors?: string[];
}

/** Fiscal-year release dates this table encodes. */
export const ICD10_RELEASES = {
  FY2022: '2021-10-01',
  FY2023: '2022-10-01',
  FY2025: '2024-10-01',
} as const;

/** A release in force for dates of service ClaimReady checks whose changes to ICD10_CATEGORIES were not read. */
export interface UnreadIcd10Release {
  release: string;
  effective: string;
  /** What was read: `none` when no text of the release's changes was found. */
  grade: SourceGrade;
  searched: string;
}

/**
 * Releases after FY2025 were not read: no row here changes on their dates. A code they added in these categories is
 * unknown to ClaimReady (neither valid nor invalid), and one they deleted or made a header would still read as
 * valid. No code is encoded from them until their addenda are read.
 */
export const ICD10_UNREAD_RELEASES: readonly UnreadIcd10Release[] = [
  {
    release: 'FY2026',
    effective: '2025-10-01',
    grade: 'none',
    searched:
      'Searched again 2026-12-02 (search tool, corpora docs, pages, code; find_repos / find_files / find_string): "FY 2026 ICD-10-CM addenda tabular", "ICD-10-CM 2026 new codes M54", "icd10cm_tabular_2026", "2026 ICD-10-CM code descriptions M51", "G89 2026 ICD-10-CM", "FY2026 ICD-10-CM addenda musculoskeletal", "M51.360", "M51360", "icd10cm_codes_2026", "icd10cm_codes_addenda_2026", "icd10cm-codes-April-1-2026". Found: repositories that name the CMS/CDC 2026 files without holding them as text (the CMS zip in canvas-medical/icd-10-historical, 2026/2025-10-01-code-descriptions.zip, is binary and cannot be read here); a hand-picked 2026 code list (praeducer/autonomize-healthcare-ai-demo, not a faithful copy: it lists M54.5, deleted on 2021-10-01, as a code); secondary articles naming chapter totals only. No CMS/CDC/NCHS addenda text for M47-M54, M96.1, G89, B02.',
  },
  {
    release: 'FY2027',
    effective: '2026-10-01',
    grade: 'none',
    searched:
      'A vendor release note (docs.canvasmedical.com ICD Updates, S2: "190 new codes, 30 retired, 4 revised") was found; the part the search returns names no code in these categories and its full list could not be read, so nothing is encoded from it. No CMS/CDC text found (same searches as FY2026).',
  },
];

/** The categories whose every code is in the table (for the rest, a code is unknown). */
export const ICD10_CATEGORIES = [
  'M47.1',
  'M47.2',
  'M47.81',
  'M47.89',
  'M48.0',
  'M48.1',
  'M50',
  'M51',
  'M53.8',
  'M54.1',
  'M54.2',
  'M54.3',
  'M54.4',
  'M54.5',
  'M54.6',
  'M54.8',
  'M54.9',
  'M96.1',
  'G89',
  'B02',
];

type Site = [suffix: string, label: string, region?: SpinalRegion];

// Spinal site suffixes as the M4x/M5x subcategories use them.
const OCC: Site = ['1', 'occipito-atlanto-axial', 'cervical'];
const CERV: Site = ['2', 'cervical', 'cervical'];
const CT: Site = ['3', 'cervicothoracic', 'cervical'];
const THOR: Site = ['4', 'thoracic', 'thoracic'];
const TL: Site = ['5', 'thoracolumbar', 'thoracic'];
const LUMB: Site = ['6', 'lumbar', 'lumbar'];
const LS: Site = ['7', 'lumbosacral', 'lumbar'];
const SAC: Site = ['8', 'sacral and sacrococcygeal', 'sacral'];

function sites(header: string, label: string, list: Site[], extra: Partial<Icd10Row> = {}): Icd10Row[] {
  const rows: Icd10Row[] = [{ code: header, label: `${label} (category)` }];
  for (const [suffix, site, region] of list)
    rows.push({ code: `${header}${suffix}`, label: `${label}, ${site}`, ...(region ? { region } : {}), ...extra });
  return rows;
}

function row(code: string, label: string, region?: SpinalRegion, extra: Partial<Icd10Row> = {}): Icd10Row {
  return { code, label, ...(region ? { region } : {}), ...extra };
}

const FY2025 = { from: ICD10_RELEASES.FY2025 };

/** Cervical disc subcategories M50.0-M50.9: 0 unspecified level, 1 high, 2 mid (2-4 by level since FY2021), 3 cervicothoracic. */
function cervicalDisc(sub: string, label: string): Icd10Row[] {
  const h = `M50.${sub}`;
  return [
    row(h, `${label} (category)`),
    row(`${h}0`, `${label}, unspecified cervical level`, 'cervical'),
    row(`${h}1`, `${label}, high cervical (C2-C4)`, 'cervical'),
    row(`${h}2`, `${label}, mid-cervical (category)`, 'cervical'),
    row(`${h}20`, `${label}, mid-cervical, unspecified level`, 'cervical'),
    row(`${h}21`, `${label}, C4-C5`, 'cervical'),
    row(`${h}22`, `${label}, C5-C6`, 'cervical'),
    row(`${h}23`, `${label}, C6-C7`, 'cervical'),
    row(`${h}3`, `${label}, cervicothoracic (C7-T1)`, 'cervical'),
  ];
}

/** Lumbar/lumbosacral disc degeneration: billable until FY2025, then headers over four codes by pain pattern. */
function discDegeneration(site: Site): Icd10Row[] {
  const h = `M51.3${site[0]}`;
  const label = `Other disc degeneration, ${site[1]}`;
  return [
    row(h, label, site[2]),
    row(`${h}0`, `${label}, with discogenic back pain only`, site[2], FY2025),
    row(`${h}1`, `${label}, with lower extremity pain only`, site[2], FY2025),
    row(`${h}2`, `${label}, with discogenic back pain and lower extremity pain`, site[2], FY2025),
    row(`${h}9`, `${label}, without mention of back or lower extremity pain`, site[2], FY2025),
  ];
}

const THORACOLUMBAR: Site[] = [THOR, TL, LUMB, LS];

export const ICD10_ROWS: readonly Icd10Row[] = [
  // Spondylosis with myelopathy, with radiculopathy, without either (the facet categories), other spondylosis
  row('M47.1', 'Other spondylosis with myelopathy (category)'),
  row('M47.10', 'Other spondylosis with myelopathy, site unspecified'),
  ...sites('M47.1', 'Other spondylosis with myelopathy', [OCC, CERV, CT, THOR, TL, LUMB]).slice(1),
  row('M47.2', 'Other spondylosis with radiculopathy (category)'),
  row('M47.20', 'Other spondylosis with radiculopathy, site unspecified'),
  ...sites('M47.2', 'Other spondylosis with radiculopathy', [OCC, CERV, CT, THOR, TL, LUMB, LS, SAC]).slice(1),
  ...sites('M47.81', 'Spondylosis without myelopathy or radiculopathy', [OCC, CERV, CT, THOR, TL, LUMB, LS, SAC]),
  row('M47.819', 'Spondylosis without myelopathy or radiculopathy, site unspecified'),
  ...sites('M47.89', 'Other spondylosis', [OCC, CERV, CT, THOR, TL, LUMB, LS, SAC]),
  row('M47.899', 'Other spondylosis, site unspecified'),
  // Spinal stenosis; ankylosing hyperostosis
  row('M48.0', 'Spinal stenosis (category)'),
  row('M48.00', 'Spinal stenosis, site unspecified'),
  row('M48.01', 'Spinal stenosis, occipito-atlanto-axial', 'cervical'),
  row('M48.02', 'Spinal stenosis, cervical', 'cervical'),
  row('M48.03', 'Spinal stenosis, cervicothoracic', 'cervical'),
  row('M48.04', 'Spinal stenosis, thoracic', 'thoracic'),
  row('M48.05', 'Spinal stenosis, thoracolumbar', 'thoracic'),
  row('M48.06', 'Spinal stenosis, lumbar (category)', 'lumbar'),
  row('M48.061', 'Spinal stenosis, lumbar, without neurogenic claudication', 'lumbar'),
  row('M48.062', 'Spinal stenosis, lumbar, with neurogenic claudication', 'lumbar'),
  row('M48.07', 'Spinal stenosis, lumbosacral', 'lumbar'),
  row('M48.08', 'Spinal stenosis, sacral and sacrococcygeal', 'sacral'),
  row('M48.1', 'Ankylosing hyperostosis (category)'),
  row('M48.10', 'Ankylosing hyperostosis, site unspecified'),
  ...sites('M48.1', 'Ankylosing hyperostosis', [OCC, CERV, CT, THOR, TL, LUMB, LS, SAC]).slice(1),
  row('M48.19', 'Ankylosing hyperostosis, multiple sites'),
  // Cervical disc disorders
  row('M50', 'Cervical disc disorders (category)'),
  ...cervicalDisc('0', 'Cervical disc disorder with myelopathy'),
  ...cervicalDisc('1', 'Cervical disc disorder with radiculopathy'),
  ...cervicalDisc('2', 'Other cervical disc displacement'),
  ...cervicalDisc('3', 'Other cervical disc degeneration'),
  ...cervicalDisc('8', 'Other cervical disc disorders'),
  ...cervicalDisc('9', 'Cervical disc disorder, unspecified'),
  // Thoracic, thoracolumbar and lumbosacral disc disorders
  row('M51', 'Thoracic, thoracolumbar and lumbosacral disc disorders (category)'),
  ...sites('M51.0', 'Disc disorder with myelopathy', [THOR, TL, LUMB]),
  ...sites('M51.1', 'Disc disorder with radiculopathy', THORACOLUMBAR),
  ...sites('M51.2', 'Other disc displacement', THORACOLUMBAR),
  row('M51.3', 'Other disc degeneration (category)'),
  row('M51.34', 'Other disc degeneration, thoracic', 'thoracic'),
  row('M51.35', 'Other disc degeneration, thoracolumbar', 'thoracic'),
  ...discDegeneration(LUMB),
  ...discDegeneration(LS),
  ...sites('M51.4', 'Schmorl nodes', THORACOLUMBAR),
  ...sites('M51.8', 'Other disc disorders', THORACOLUMBAR),
  row('M51.9', 'Disc disorder, unspecified'),
  row('M51.A', 'Annulus fibrosus disc defect (category)', undefined, FY2025),
  row('M51.A0', 'Annulus fibrosus disc defect, lumbar, unspecified size', 'lumbar', FY2025),
  row('M51.A1', 'Annulus fibrosus disc defect, lumbar, small', 'lumbar', FY2025),
  row('M51.A2', 'Annulus fibrosus disc defect, lumbar, large', 'lumbar', FY2025),
  row('M51.A3', 'Annulus fibrosus disc defect, lumbosacral, unspecified size', 'lumbar', FY2025),
  row('M51.A4', 'Annulus fibrosus disc defect, lumbosacral, small', 'lumbar', FY2025),
  row('M51.A5', 'Annulus fibrosus disc defect, lumbosacral, large', 'lumbar', FY2025),
  // Other specified dorsopathies (the facet-cyst codes of the facet article)
  row('M53.8', 'Other specified dorsopathies (category)'),
  row('M53.80', 'Other specified dorsopathies, site unspecified'),
  ...sites('M53.8', 'Other specified dorsopathies', [OCC, CERV, CT, THOR, TL, LUMB, LS, SAC]).slice(1),
  // Dorsalgia
  row('M54.1', 'Radiculopathy (category)'),
  row('M54.10', 'Radiculopathy, site unspecified'),
  ...sites('M54.1', 'Radiculopathy', [OCC, CERV, CT, THOR, TL, LUMB, LS, SAC]).slice(1),
  row('M54.2', 'Cervicalgia', 'cervical'),
  row('M54.3', 'Sciatica (category)'),
  row('M54.30', 'Sciatica, unspecified side', 'lumbar'),
  row('M54.31', 'Sciatica, right side', 'lumbar'),
  row('M54.32', 'Sciatica, left side', 'lumbar'),
  row('M54.4', 'Lumbago with sciatica (category)'),
  row('M54.40', 'Lumbago with sciatica, unspecified side', 'lumbar'),
  row('M54.41', 'Lumbago with sciatica, right side', 'lumbar'),
  row('M54.42', 'Lumbago with sciatica, left side', 'lumbar'),
  row('M54.5', 'Low back pain', 'lumbar', { deletedOn: ICD10_RELEASES.FY2022, successors: ['M54.50', 'M54.51', 'M54.59'] }),
  row('M54.50', 'Low back pain, unspecified', 'lumbar', { from: ICD10_RELEASES.FY2022 }),
  row('M54.51', 'Vertebrogenic low back pain', 'lumbar', { from: ICD10_RELEASES.FY2022 }),
  row('M54.59', 'Other low back pain', 'lumbar', { from: ICD10_RELEASES.FY2022 }),
  row('M54.6', 'Pain in thoracic spine', 'thoracic'),
  row('M54.8', 'Other dorsalgia (category)'),
  row('M54.81', 'Occipital neuralgia', 'cervical'),
  row('M54.89', 'Other dorsalgia'),
  row('M54.9', 'Dorsalgia, unspecified'),
  row('M96.1', 'Postlaminectomy syndrome, not elsewhere classified'),
  // Pain, not elsewhere classified
  row('G89', 'Pain, not elsewhere classified (category)'),
  row('G89.0', 'Central pain syndrome'),
  row('G89.1', 'Acute pain, not elsewhere classified (category)'),
  row('G89.11', 'Acute pain due to trauma'),
  row('G89.12', 'Acute post-thoracotomy pain'),
  row('G89.18', 'Other acute postprocedural pain'),
  row('G89.2', 'Chronic pain, not elsewhere classified (category)'),
  row('G89.21', 'Chronic pain due to trauma'),
  row('G89.22', 'Chronic post-thoracotomy pain'),
  row('G89.28', 'Other chronic postprocedural pain'),
  row('G89.29', 'Other chronic pain'),
  row('G89.3', 'Neoplasm related pain'),
  row('G89.4', 'Chronic pain syndrome'),
  // Zoster: B02.2x are post-herpetic nervous-system codes; acute zoster is the rest
  row('B02', 'Zoster (category)'),
  row('B02.0', 'Zoster encephalitis'),
  row('B02.1', 'Zoster meningitis'),
  row('B02.2', 'Zoster with other nervous system involvement (category)'),
  row('B02.21', 'Postherpetic geniculate ganglionitis'),
  row('B02.22', 'Postherpetic trigeminal neuralgia'),
  row('B02.23', 'Postherpetic polyneuropathy'),
  row('B02.24', 'Postherpetic myelitis'),
  row('B02.29', 'Other postherpetic nervous system involvement'),
  row('B02.3', 'Zoster ocular disease (category)'),
  row('B02.30', 'Zoster ocular disease, unspecified'),
  row('B02.31', 'Zoster conjunctivitis'),
  row('B02.32', 'Zoster iridocyclitis'),
  row('B02.33', 'Zoster keratitis'),
  row('B02.34', 'Zoster scleritis'),
  row('B02.39', 'Other herpes zoster eye disease'),
  row('B02.7', 'Disseminated zoster'),
  row('B02.8', 'Zoster with other complications'),
  row('B02.9', 'Zoster without complications'),
  // Outside the complete categories: single codes the app meets (sacroiliac, myofascial, CRPS)
  row('M46.1', 'Sacroiliitis, not elsewhere classified', 'sacral'),
  row('M53.3', 'Sacrococcygeal disorders, not elsewhere classified', 'sacral'),
  row('M79.1', 'Myalgia (category since FY2023)'),
  row('M79.10', 'Myalgia, unspecified site', undefined, { from: ICD10_RELEASES.FY2023 }),
  row('M79.11', 'Myalgia of mastication muscle', undefined, { from: ICD10_RELEASES.FY2023 }),
  row('M79.12', 'Myalgia of auxiliary muscles, head and neck', undefined, { from: ICD10_RELEASES.FY2023 }),
  row('M79.18', 'Myalgia, other site', undefined, { from: ICD10_RELEASES.FY2023 }),
  row('M79.7', 'Fibromyalgia'),
  row('G90.5', 'Complex regional pain syndrome I (category)'),
  row('G90.50', 'Complex regional pain syndrome I, unspecified'),
];

// What the physician reads as the fix: the code the note's own assessment names (not a generic successor), and a
// spinal cord stimulator's thoracic leads for lumbar pain read as the usual placement, not a site disagreement. The
// seed chart pt-dx-deleted (its README: "the note's M47.816 is the documented fix") and pt-scs-trial are checked
// through the whole pipeline.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import type { Assessment, Finding } from '../../src/policy/verdicts';
import type { ClinicalPicture } from '../../src/policy/picture';
import { esiPicture, facetPicture, mbb, service, tfesi, TODAY } from './build';
import { loadFhir } from '../../src/cli/load';
import { checkPatient } from '../../src/cli/check';
import { localReader } from '../../src/fhir/read/local-reader';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

function withNote(p: ClinicalPicture, text: string, date = '2026-11-04'): ClinicalPicture {
  p.notes.push({ ref: 'DocumentReference/n1', title: 'Pain follow-up', date, contentType: 'text/plain', text });
  return p;
}

const NOTE = 'HPI: right-sided low back pain.\nA/P: lumbar spondylosis / facet arthropathy (M47.816). Plan right L4-L5 MBB.';

describe("fixes use the note's own assessment", () => {
  it('a deleted order code: the fix names the code the note assesses, with the note span as evidence', () => {
    const p = withNote(facetPicture(), NOTE);
    const f = find(assess(p, mbb({ reasonIcd10: ['M54.5'] }), 'medicare', TODAY), 'dx-code-valid');
    expect(f.status).toBe('missing');
    expect(f.fix).toMatch(/^Replace M54\.5 with M47\.816\b/);
    const quote = f.evidence.find((e) => e.ref === 'DocumentReference/n1')?.quote;
    expect(quote?.text).toContain('M47.816');
    expect(NOTE.slice(quote!.start, quote!.end)).toBe(quote!.text);
  });

  it('without a code in the notes the generic successors stay the fix', () => {
    const f = find(assess(facetPicture(), mbb({ reasonIcd10: ['M54.5'] }), 'medicare', TODAY), 'dx-code-valid');
    expect(f.fix).toBe('Replace M54.5 with one of M54.50, M54.51, M54.59');
  });

  it('a code of another region, a code not valid on the date, and an undotted level are not offered', () => {
    // M50.121 is cervical (not for a lumbar M54.5); M51.360 is valid only from 2024-10-01; "L5" is a level.
    const p = withNote(facetPicture(), 'A/P: cervical disc disorder (M50.121); L5 root; M51.360 planned.');
    const a = assess(p, mbb({ reasonIcd10: ['M54.5'], date: '2024-06-01' }), 'medicare', '2024-06-01');
    expect(find(a, 'dx-code-valid').fix).toBe('Replace M54.5 with one of M54.50, M54.51, M54.59');
  });

  it('facet closed list: the covered code the note names (M47.816) rather than the derived M47.817 for L5-S1', () => {
    const p = withNote(facetPicture(), NOTE);
    p.diagnoses = [];
    const f = find(assess(p, mbb({ levels: ['L4-L5', 'L5-S1'], reasonIcd10: ['M54.50'] }), 'medicare', TODAY), 'facet-diagnosis');
    expect(f.status).toBe('not-met');
    expect(f.fix).toContain('M47.816');
    expect(f.fix).not.toContain('M47.817');
  });

  it('seed pt-dx-deleted: both diagnosis fixes name M47.816, the code the note assesses', async () => {
    const seed = resolve(__dirname, '../../launch/sandbox/seed');
    const reader = localReader(loadFhir([seed]).resources);
    const [r] = await checkPatient(reader, 'pt-dx-deleted', { today: '2026-11-23', service: '64493' });
    expect(find(r!.assessment, 'dx-code-valid').fix).toMatch(/^Replace M54\.5 with M47\.816\b/);
    expect(find(r!.assessment, 'facet-diagnosis').fix).toContain('M47.816');
  });
});

describe('SCS trial: thoracic leads for lumbar pain are the usual placement', () => {
  const scs = (levels: string[], region: 'thoracic' | 'cervical') =>
    service('63650', 'scs-trial', { region, levels, laterality: undefined, reasonIcd10: ['M96.1', 'M54.16'] });

  it('T9-T10 leads with a lumbar radiculopathy: site agrees, and says why', () => {
    // The ESI picture's own plan (L5-S1) is left out: this test is about the diagnosis against the lead levels.
    const p = esiPicture();
    p.siteMentions = [];
    const f = find(assess(p, scs(['T9-T10'], 'thoracic'), 'medicare', TODAY), 'site-consistency');
    expect(f.status).toBe('met');
    expect(f.message).toMatch(/thoracic leads for a lumbar diagnosis \(M54\.16\) are the usual placement/);
  });

  it('cervical leads for a lumbar diagnosis are still a disagreement', () => {
    const p = esiPicture();
    p.siteMentions = [];
    const f = find(assess(p, scs(['C6-C7'], 'cervical'), 'medicare', TODAY), 'site-consistency');
    expect(f.status).toBe('missing');
    expect(f.message).toMatch(/M54\.16 is lumbar but the procedure is cervical/);
  });

  it('a thoracic ESI for a lumbar diagnosis is still a disagreement (the exemption is for leads only)', () => {
    const p = esiPicture();
    p.siteMentions = [];
    const f = find(assess(p, tfesi({ region: 'thoracic', levels: ['T10-T11'] }), 'medicare', TODAY), 'site-consistency');
    expect(f.status).toBe('missing');
    expect(f.message).toMatch(/M54\.16 is lumbar but the procedure is thoracic/);
  });

  it('seed pt-scs-trial: no site disagreement', async () => {
    const seed = resolve(__dirname, '../../launch/sandbox/seed');
    const reader = localReader(loadFhir([seed]).resources);
    const [r] = await checkPatient(reader, 'pt-scs-trial', { today: '2026-11-23', service: '63650' });
    const f = find(r!.assessment, 'site-consistency');
    expect(f.status).toBe('met');
    expect(f.message).toContain('usual placement');
  });
});

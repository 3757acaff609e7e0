// The three rules the held-out reviewer cases (from-texts/*.cases.ts ESI-07, FAC-12, BCB-06) found missing, each at,
// below and above its threshold: ESI for post-herpetic pain (the ESI LCD covers ACUTE herpes zoster only, S1),
// the facet exclusion of untreated radiculopathy when it is coded (S1), and BCBSMA 690's "at least moderate-severe"
// pain (P, provider news 2021-12-07).
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import type { Assessment, Finding } from '../../src/policy/verdicts';
import type { ClinicalPicture, DiagnosisFact, PainScoreFact } from '../../src/policy/picture';
import { addDays } from '../../src/policy/dates';
import { esiPicture, ev, facetPicture, mbb, service, tfesi, TODAY } from './build';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

function dx(icd10: string, display: string, daysAgo: number): DiagnosisFact {
  const onset = addDays(TODAY, -daysAgo);
  return { icd10, display, clinicalStatus: 'active', onset, source: 'coded', evidence: [ev(`Condition/${icd10}`, onset)] };
}

describe('ESI-DX (S1): zoster is covered as acute herpes zoster only; a service for post-herpetic pain (B02.2x) is not', () => {
  const thoracic = (reasons: string[]) =>
    service('62321', 'esi-interlaminar', { region: 'thoracic', levels: ['T6-T7'], laterality: undefined, reasonIcd10: reasons });
  function zosterPicture(code: string, display: string): ClinicalPicture {
    const p = esiPicture();
    p.diagnoses = [dx(code, display, 210)];
    p.symptoms = [
      { kind: 'radicular', present: true, region: 'thoracic', laterality: 'left', source: 'note', evidence: [ev('DocumentReference/n1')] },
    ];
    p.imaging = [
      {
        modality: 'MRI',
        date: addDays(TODAY, -100),
        finding: 'T6-T7 unremarkable',
        region: 'thoracic',
        levels: ['T6-T7'],
        source: 'coded',
        evidence: [ev('DiagnosticReport/m2')],
      },
    ];
    p.siteMentions = [];
    return p;
  }

  it('post-herpetic B02.29 on the order, with dermatomal pain read as radicular: not an indication (not-eligible)', () => {
    const a = assess(zosterPicture('B02.29', 'Other postherpetic nervous system involvement'), thoracic(['B02.29']), 'medicare', TODAY);
    const f = find(a, 'esi-indication');
    expect(f.status).toBe('not-met');
    expect(f.message).toMatch(/post-herpetic pain \(B02\.29\).*acute herpes zoster/);
    expect(f.citation).toMatchObject({ ruleId: 'ESI-DX', grade: 'S1', verified: true });
    expect(f.citation.version).toMatch(/2026-04-16/);
    expect(a.verdict).toBe('not-eligible');
  });

  it('acute zoster (B02.9) with the same picture is an indication', () => {
    const a = assess(zosterPicture('B02.9', 'Zoster without complications'), thoracic(['B02.9']), 'medicare', TODAY);
    expect(find(a, 'esi-indication').status).toBe('met');
  });

  it('post-herpetic code on the problem list only, the order names a thoracic radiculopathy: judged on the order', () => {
    const p = zosterPicture('B02.29', 'Other postherpetic nervous system involvement');
    p.diagnoses.push(dx('M54.14', 'Radiculopathy, thoracic region', 90));
    expect(find(assess(p, thoracic(['M54.14']), 'medicare', TODAY), 'esi-indication').status).toBe('met');
  });

  it('no order reason and only B02.22 on the problem list: what is treated is post-herpetic, not covered', () => {
    const p = zosterPicture('B02.22', 'Postherpetic trigeminal neuralgia');
    expect(find(assess(p, thoracic([]), 'medicare', TODAY), 'esi-indication').status).toBe('not-met');
  });

  it('an order naming both B02.29 and a radiculopathy code is not "only post-herpetic"', () => {
    const p = zosterPicture('B02.29', 'Other postherpetic nervous system involvement');
    p.diagnoses.push(dx('M54.14', 'Radiculopathy, thoracic region', 90));
    expect(find(assess(p, thoracic(['B02.29', 'M54.14']), 'medicare', TODAY), 'esi-indication').status).toBe('met');
  });
});

describe('FJ-EXCLUSIONS (S1): absence of untreated radiculopathy or neurogenic claudication, also when only coded', () => {
  it('a coded lumbar radiculopathy (M54.16) with no symptom facts excludes a lumbar facet block', () => {
    const p = facetPicture();
    p.symptoms = [{ kind: 'axial', present: true, region: 'lumbar', source: 'note', evidence: [ev('DocumentReference/n1')] }];
    p.diagnoses.push(dx('M54.16', 'Radiculopathy, lumbar region', 60));
    const a = assess(p, mbb(), 'medicare', TODAY);
    const f = find(a, 'facet-axial');
    expect(f.status).toBe('not-met');
    expect(f.message).toMatch(/coded M54\.16/);
    expect(f.citation).toMatchObject({ ruleId: 'FJ-EXCLUSIONS', grade: 'S1', verified: true });
    expect(a.verdict).toBe('not-eligible');
  });

  it('a note dated on or after the code that denies radicular symptoms outweighs the old code', () => {
    for (const after of [0, 10]) {
      const p = facetPicture();
      p.diagnoses.push(dx('M54.16', 'Radiculopathy, lumbar region', 60));
      p.symptoms = [
        { kind: 'axial', present: true, region: 'lumbar', source: 'note', evidence: [ev('DocumentReference/n1')] },
        {
          kind: 'radicular',
          present: false,
          region: 'lumbar',
          date: addDays(TODAY, -60 + after),
          source: 'note',
          evidence: [ev('DocumentReference/n2')],
        },
      ];
      expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-axial').status, `denial ${after} days after`).toBe('met');
    }
  });

  it('a denial dated before the radiculopathy was coded does not outweigh it', () => {
    const p = facetPicture();
    p.diagnoses.push(dx('M54.16', 'Radiculopathy, lumbar region', 60));
    p.symptoms = [
      { kind: 'axial', present: true, region: 'lumbar', source: 'note', evidence: [ev('DocumentReference/n1')] },
      {
        kind: 'radicular',
        present: false,
        region: 'lumbar',
        date: addDays(TODAY, -61),
        source: 'note',
        evidence: [ev('DocumentReference/n2')],
      },
    ];
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-axial').status).toBe('not-met');
  });

  it('a cervical radiculopathy code does not exclude a lumbar facet block', () => {
    const p = facetPicture();
    p.diagnoses.push(dx('M54.12', 'Radiculopathy, cervical region', 60));
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-axial').status).toBe('met');
  });

  it('coded lumbar stenosis with neurogenic claudication (M48.062) excludes it too', () => {
    const p = facetPicture();
    p.symptoms = [{ kind: 'axial', present: true, region: 'lumbar', source: 'note', evidence: [ev('DocumentReference/n1')] }];
    p.diagnoses.push(dx('M48.062', 'Spinal stenosis, lumbar region with neurogenic claudication', 60));
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-axial').message).toMatch(/neurogenic claudication \(coded M48\.062\)/);
  });

  it('radicular pain from a documented facet synovial cyst is the exception; "no synovial cyst" is not a cyst', () => {
    // No symptom facts, so only the coded radiculopathy and the cyst finding decide.
    const coded = (): ClinicalPicture => {
      const p = facetPicture();
      p.symptoms = [{ kind: 'axial', present: true, region: 'lumbar', source: 'note', evidence: [ev('DocumentReference/n1')] }];
      p.diagnoses.push(dx('M54.16', 'Radiculopathy, lumbar region', 60));
      return p;
    };
    const withCyst = coded();
    withCyst.imaging = [
      {
        modality: 'MRI',
        date: addDays(TODAY, -30),
        finding: 'Left L4-L5 facet synovial cyst narrowing the lateral recess',
        region: 'lumbar',
        levels: ['L4-L5'],
        source: 'coded',
        evidence: [ev('DiagnosticReport/m3')],
      },
    ];
    expect(find(assess(withCyst, mbb(), 'medicare', TODAY), 'facet-axial').status).toBe('met');
    for (const finding of [
      'Facet arthropathy L4-L5; no synovial cyst',
      'Disc protrusion without facet cyst',
      'Negative for synovial cysts.',
    ]) {
      const p = coded();
      p.imaging = [{ ...withCyst.imaging[0]!, finding }];
      expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-axial').status, finding).toBe('not-met');
    }
    // A negation in an earlier clause does not reach a later one.
    const later = coded();
    later.imaging = [{ ...withCyst.imaging[0]!, finding: 'No stenosis. Right L4-L5 synovial cyst' }];
    expect(find(assess(later, mbb(), 'medicare', TODAY), 'facet-axial').status).toBe('met');
  });
});

describe('BCBSMA-690-PAIN (P): persistent pain of at least moderate-severe intensity, read as NRS/VAS >= 4 of 10', () => {
  const score = (value: number, daysAgo = 3): PainScoreFact => ({
    instrument: 'NRS',
    value,
    raw: `${value}/10`,
    date: addDays(TODAY, -daysAgo),
    source: 'note',
    evidence: [ev(`Observation/p${value}-${daysAgo}`)],
  });
  const withPain = (...scores: PainScoreFact[]): ClinicalPicture => {
    const p = esiPicture();
    p.painScores = scores;
    return p;
  };

  it('below (3/10): not eligible; at (4/10) and above (5, 10): met', () => {
    const below = assess(withPain(score(3)), tfesi(), 'bcbsma', TODAY);
    const f = find(below, 'pain-intensity');
    expect(f.status).toBe('not-met');
    expect(f.citation).toMatchObject({
      ruleId: 'BCBSMA-690-PAIN',
      grade: 'P',
      verified: true,
      version: 'provider news reminder 2021-12-07',
    });
    expect(below.verdict).toBe('not-eligible');
    for (const v of [4, 5, 10])
      expect(find(assess(withPain(score(v)), tfesi(), 'bcbsma', TODAY), 'pain-intensity').status, `${v}/10`).toBe('met');
  });

  it('the latest score decides (8/10 a month ago, 3/10 now: not met)', () => {
    expect(find(assess(withPain(score(8, 30), score(3, 2)), tfesi(), 'bcbsma', TODAY), 'pain-intensity').status).toBe('not-met');
  });

  it('no 0-10 score: missing, not guessed', () => {
    expect(find(assess(withPain(), tfesi(), 'bcbsma', TODAY), 'pain-intensity').status).toBe('missing');
  });

  it('Medicare sets no intensity rule: 2/10 is not blocked by it', () => {
    expect(find(assess(withPain(score(2)), tfesi(), 'medicare', TODAY), 'pain-intensity').status).toBe('not-applicable');
  });
});

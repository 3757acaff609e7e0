// ESI rules as the L39240 / A58993 rubric (S1) states them, at, below and above each threshold; cases written from
// the text, not from the code. The rule id and grade of each citation are checked where the rule changed.
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import type { Assessment, Finding } from '../../src/policy/verdicts';
import { addDays } from '../../src/policy/dates';
import { esiPicture, ev, proc, relief, service, tfesi, TODAY } from './build';
import { HOURS_PER_MONTH } from '../../src/policy/dates';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

describe('ESI-DX (S1 rubric L39240/A58993): coverage by indication, no closed code list', () => {
  it('a radicular patient coded with a disc displacement (M51.26) is judged on the documented radicular pain', () => {
    const p = esiPicture();
    p.diagnoses = [
      {
        icd10: 'M51.26',
        display: 'Other intervertebral disc displacement, lumbar',
        clinicalStatus: 'active',
        onset: addDays(TODAY, -120),
        source: 'coded',
        evidence: [ev('Condition/c9')],
      },
    ];
    const a = assess(p, tfesi({ reasonIcd10: ['M51.26'] }), 'medicare', TODAY);
    expect(find(a, 'esi-indication').status).toBe('met');
    expect(find(a, 'esi-indication').citation).toMatchObject({ ruleId: 'ESI-DX', grade: 'S1', verified: true });
    expect(a.verdict).toBe('ready');
  });

  it('FY2025 disc degeneration with lower-extremity pain (M51.362) names the indication even without a symptom fact', () => {
    const p = esiPicture();
    p.symptoms = [];
    p.diagnoses = [
      {
        icd10: 'M51.362',
        display: 'Disc degeneration, lumbar, back and leg pain',
        clinicalStatus: 'active',
        onset: addDays(TODAY, -120),
        source: 'coded',
        evidence: [ev('Condition/c9')],
      },
    ];
    expect(find(assess(p, tfesi({ reasonIcd10: ['M51.362'] }), 'medicare', TODAY), 'esi-indication').status).toBe('met');
  });

  it('disc degeneration with discogenic back pain only (M51.360) is axial: not covered', () => {
    const p = esiPicture();
    p.symptoms = [];
    p.diagnoses = [
      {
        icd10: 'M51.360',
        display: 'Disc degeneration, lumbar, discogenic back pain only',
        clinicalStatus: 'active',
        onset: addDays(TODAY, -120),
        source: 'coded',
        evidence: [ev('Condition/c9')],
      },
    ];
    const a = assess(p, tfesi({ reasonIcd10: ['M51.360'] }), 'medicare', TODAY);
    expect(find(a, 'esi-indication').status).toBe('not-met');
    expect(a.verdict).toBe('not-eligible');
  });

  it('axial low back pain alone (M54.50) with radicular pain denied is not covered (ESI-AXIAL)', () => {
    const p = esiPicture();
    p.symptoms = [{ kind: 'radicular', present: false, region: 'lumbar', source: 'note', evidence: [ev('DocumentReference/n1')] }];
    p.diagnoses = [
      {
        icd10: 'M54.50',
        display: 'Low back pain',
        clinicalStatus: 'active',
        onset: addDays(TODAY, -120),
        source: 'coded',
        evidence: [ev('Condition/c1')],
      },
    ];
    const a = assess(p, tfesi({ reasonIcd10: ['M54.50'] }), 'medicare', TODAY);
    expect(find(a, 'esi-indication').status).toBe('not-met');
    expect(a.verdict).toBe('not-eligible');
  });

  it('stenosis with neurogenic claudication, and post-laminectomy syndrome, are indications', () => {
    const p = esiPicture();
    p.symptoms = [];
    expect(find(assess(p, tfesi({ reasonIcd10: ['M48.062'] }), 'medicare', TODAY), 'esi-indication').status).toBe('met');
    expect(find(assess(p, tfesi({ reasonIcd10: ['M96.1'] }), 'medicare', TODAY), 'esi-indication').status).toBe('met');
  });
});

describe('ESI-DURATION and ESI-CONSERVATIVE-WEEKS (S1): 4 weeks of pain and 4 weeks of care; acute zoster exempt, B02.2x is not acute', () => {
  it.each([
    [27, 'not-met', 'not-eligible'],
    [28, 'met', 'ready'],
    [29, 'met', 'ready'],
  ])('%i days of failed conservative care -> %s (a hard rule now)', (days, status, verdict) => {
    const p = esiPicture();
    p.conservativeCare = [
      {
        kind: 'physical-therapy',
        description: 'PT',
        start: addDays(TODAY, -days - 10),
        end: addDays(TODAY, -10),
        outcome: 'failed',
        source: 'note',
        evidence: [ev('DocumentReference/n1')],
      },
    ];
    const a = assess(p, tfesi(), 'medicare', TODAY);
    const f = find(a, 'conservative-weeks');
    expect(f.status).toBe(status);
    expect(f.severity).toBe('blocker');
    expect(f.citation).toMatchObject({ ruleId: 'ESI-CONSERVATIVE-WEEKS', grade: 'S1' });
    expect(a.verdict).toBe(verdict);
  });

  it('acute herpes zoster (B02.9) is exempt from both 4-week rules', () => {
    const p = esiPicture();
    p.painDuration = [{ weeks: 1, asOf: TODAY, source: 'note', evidence: [ev('DocumentReference/n1')] }];
    p.conservativeCare = [];
    p.diagnoses = [
      {
        icd10: 'B02.9',
        display: 'Zoster without complications',
        clinicalStatus: 'active',
        onset: addDays(TODAY, -7),
        source: 'coded',
        evidence: [ev('Condition/z')],
      },
    ];
    const a = assess(p, tfesi({ reasonIcd10: ['B02.9'] }), 'medicare', TODAY);
    expect(find(a, 'esi-pain-duration').status).toBe('met');
    expect(find(a, 'conservative-weeks').status).toBe('met');
    // The exemption is on the conservative-care clause as a whole: no failed course is asked for either.
    expect(find(a, 'conservative-failed')).toMatchObject({ status: 'met', citation: { ruleId: 'ESI-CONSERVATIVE' } });
    expect(find(a, 'conservative-failed').message).toContain('B02.9 is exempt');
  });

  it('without acute zoster, no failed course is still a gap (the exemption is not general)', () => {
    const p = esiPicture();
    p.conservativeCare = [];
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'conservative-failed').status).not.toBe('met');
  });

  it('post-herpetic B02.29 is not the acute-zoster exemption', () => {
    const p = esiPicture();
    p.painDuration = [{ weeks: 1, asOf: TODAY, source: 'note', evidence: [ev('DocumentReference/n1')] }];
    p.diagnoses = [
      {
        icd10: 'B02.29',
        display: 'Other postherpetic nervous system involvement',
        clinicalStatus: 'active',
        onset: addDays(TODAY, -7),
        source: 'coded',
        evidence: [ev('Condition/z')],
      },
    ];
    const a = assess(p, tfesi({ reasonIcd10: ['B02.29'] }), 'medicare', TODAY);
    expect(find(a, 'esi-pain-duration').status).toBe('not-met');
    expect(find(a, 'conservative-failed').message).not.toContain('exempt');
  });
});

describe('ESI-DX-IMAGING (S1): concordant imaging is read by a requirement', () => {
  it('an MRI of the region that reads as normal does not support the diagnosis; the same study with a finding does', () => {
    const p = esiPicture();
    const mri = {
      modality: 'MRI' as const,
      date: addDays(TODAY, -30),
      finding: 'Normal MRI of the lumbar spine',
      region: 'lumbar' as const,
      levels: [],
      source: 'coded' as const,
      evidence: [ev('DiagnosticReport/n')],
    };
    p.imaging = [{ ...mri, normal: true }];
    const a = assess(p, tfesi(), 'medicare', TODAY);
    expect(find(a, 'esi-concordant-imaging')).toMatchObject({ status: 'missing' });
    expect(find(a, 'esi-concordant-imaging').message).toContain('reads as normal');
    expect(a.verdict).toBe('incomplete');
    p.imaging = [mri];
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-concordant-imaging').status).toBe('met');
  });
  it('no MRI/CT on file -> missing (incomplete)', () => {
    const p = esiPicture();
    p.imaging = [];
    const a = assess(p, tfesi(), 'medicare', TODAY);
    expect(find(a, 'esi-concordant-imaging').status).toBe('missing');
    expect(a.verdict).toBe('incomplete');
  });
  it('a cervical MRI does not support a lumbar injection; an MRI at another lumbar level is missing too', () => {
    const p = esiPicture();
    p.imaging = [
      {
        modality: 'MRI',
        date: addDays(TODAY, -30),
        finding: 'C5-C6 protrusion',
        region: 'cervical',
        levels: ['C5-C6'],
        source: 'coded',
        evidence: [ev('DiagnosticReport/c')],
      },
    ];
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-concordant-imaging').status).toBe('missing');
    p.imaging = [
      {
        modality: 'MRI',
        date: addDays(TODAY, -30),
        finding: 'L2-L3 protrusion',
        region: 'lumbar',
        levels: ['L2-L3'],
        source: 'coded',
        evidence: [ev('DiagnosticReport/l')],
      },
    ];
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-concordant-imaging').status).toBe('missing');
  });
  it('an MRI dated after the date of service does not count', () => {
    const p = esiPicture();
    p.imaging = [
      {
        modality: 'MRI',
        date: addDays(TODAY, 3),
        region: 'lumbar',
        levels: ['L4-L5'],
        source: 'coded',
        evidence: [ev('DiagnosticReport/f')],
      },
    ];
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-concordant-imaging').status).toBe('missing');
  });
});

describe('ESI-FREQUENCY (S1): sessions, not records', () => {
  const twoLevel = (daysAgo: number) => [
    proc('esi-transforaminal', daysAgo, [relief(80, 4 * HOURS_PER_MONTH)], { code: '64483', id: `a${daysAgo}`, levels: ['L4-L5'] }),
    proc('esi-transforaminal', daysAgo, [], { code: '64484', id: `b${daysAgo}`, levels: ['L5-S1'] }),
  ];
  it.each([
    [3, 'met'],
    [4, 'not-met'],
  ])('%i prior two-level sessions recorded as 64483 + 64484 -> %s', (n, status) => {
    const p = esiPicture();
    for (let i = 0; i < n; i++) p.procedureHistory.push(...twoLevel(30 + i * 60));
    expect(find(assess(p, tfesi({ levels: ['L4-L5', 'L5-S1'] }), 'medicare', TODAY), 'esi-frequency-region').status).toBe(status);
  });
  it('the previous procedure of the repeat rule is the previous session: its relief is on the 64483 record, not the 64484 one', () => {
    const p = esiPicture();
    p.procedureHistory.push(...twoLevel(120));
    expect(find(assess(p, tfesi({ levels: ['L4-L5', 'L5-S1'] }), 'medicare', TODAY), 'esi-repeat-relief').status).toBe('met');
  });
});

describe('ESI-REPEAT (S1): >= 50% for >= 3 months; after a failed first injection, >= 14 days with a changed approach, level or drug', () => {
  it.each([
    [3 * HOURS_PER_MONTH - 1, 'not-met'],
    [3 * HOURS_PER_MONTH, 'met'],
    [3 * HOURS_PER_MONTH + 1, 'met'],
  ])('60%% relief for %i hours -> %s (a hard rule now)', (hours, status) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 150, [relief(60, 10)]), proc('esi-transforaminal', 120, [relief(60, hours)]));
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief');
    expect(f.status).toBe(status);
    expect(f.severity).toBe('blocker');
  });
  it.each([
    [13, 'not-met'],
    [14, 'met'],
    [15, 'met'],
  ])('failed first transforaminal, interlaminar repeat after %i days -> %s', (days, status) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', days, [relief(10, 24)]));
    const f = find(
      assess(p, service('62323', 'esi-interlaminar', { reasonIcd10: ['M54.16'], laterality: undefined }), 'medicare', TODAY),
      'esi-repeat-relief',
    );
    expect(f.status).toBe(status);
  });
  it('failed first injection, same approach, level and drug, no rationale -> not-met', () => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 30, [relief(10, 24)]));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe('not-met');
  });
  it('failed first injection, the note documents a different steroid -> met', () => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 30, [relief(10, 24)]));
    p.notes.push({
      ref: 'DocumentReference/n2',
      title: 'Plan',
      date: addDays(TODAY, -2),
      contentType: 'text/plain',
      text: 'Repeat TFESI with a different steroid (dexamethasone).',
    });
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe('met');
  });
  it.each([
    ['the first injection failed, so we are changing the approach from transforaminal to interlaminar', 'met'],
    ['Rationale: changing the drug to dexamethasone after no response.', 'met'],
    ['We will switch from a transforaminal to an interlaminar approach.', 'met'],
    ['We are switching the steroid.', 'met'],
    ['Repeat the same injection; no change in the approach.', 'not-met'],
    ['The patient asked about changing her pharmacy.', 'not-met'],
  ])('failed first injection, the note says "%s" -> %s', (text, status) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 30, [relief(10, 24)]));
    p.notes.push({ ref: 'DocumentReference/n2', title: 'Plan', date: addDays(TODAY, -2), contentType: 'text/plain', text });
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe(status);
  });
  it('a second failed injection is not a failed first: the relief rule applies', () => {
    const p = esiPicture();
    p.procedureHistory.push(
      proc('esi-transforaminal', 90, [relief(10, 24)]),
      proc('esi-interlaminar', 30, [relief(10, 24)], { code: '62323' }),
    );
    expect(
      find(assess(p, service('62323', 'esi-interlaminar', { reasonIcd10: ['M54.16'] }), 'medicare', TODAY), 'esi-repeat-relief').status,
    ).toBe('not-met');
  });
});

describe('ESI-SAME-SESSION (S1): different blocks in one session are not covered; facet cyst excepted', () => {
  it('an ESI and a facet block planned the same day -> not eligible, any region', () => {
    const p = esiPicture();
    const esi = tfesi();
    p.plannedServices = [
      esi,
      service('64490', 'facet-mbb', {
        region: 'cervical',
        levels: ['C5-C6'],
        requestRef: 'ServiceRequest/sr2',
        evidence: [ev('ServiceRequest/sr2')],
      }),
    ];
    const a = assess(p, esi, 'medicare', TODAY);
    expect(find(a, 'same-session-blocks').status).toBe('not-met');
    expect(a.verdict).toBe('not-eligible');
  });
  it('with a documented facet synovial cyst -> met', () => {
    const p = esiPicture();
    const esi = tfesi();
    p.plannedServices = [esi, service('64493', 'facet-mbb', { requestRef: 'ServiceRequest/sr2', evidence: [ev('ServiceRequest/sr2')] })];
    p.imaging[0]!.finding = 'L4-L5 left facet synovial cyst compressing the L5 root';
    expect(find(assess(p, esi, 'medicare', TODAY), 'same-session-blocks').status).toBe('met');
  });
  it('sedation with an ESI is advice only (S2 article summaries)', () => {
    const p = esiPicture();
    const esi = tfesi();
    p.plannedServices = [esi, service('99152', 'sedation', { requestRef: 'ServiceRequest/sr3', evidence: [ev('ServiceRequest/sr3')] })];
    const a = assess(p, esi, 'medicare', TODAY);
    expect(find(a, 'sedation')).toMatchObject({ status: 'not-met', severity: 'warning' });
    expect(a.verdict).toBe('ready');
  });
});

describe('Versions: the date of service picks the version in force', () => {
  it('2026-04-15 and 2026-04-16 cite different versions of the LCD', () => {
    const before = assess(esiPicture(), tfesi({ date: '2026-04-15' }), 'medicare', TODAY);
    const after = assess(esiPicture(), tfesi(), 'medicare', TODAY);
    expect(find(before, 'esi-frequency-region').citation.version).toBe('until 2026-04-15');
    expect(find(after, 'esi-frequency-region').citation.version).toMatch(/2026-04-16/);
  });
  it('a date of service before the first encoded version is never ready', () => {
    const a = assess(esiPicture(), tfesi({ date: '2020-06-01' }), 'medicare', TODAY);
    expect(a.verdict).toBe('incomplete');
    expect(a.findings[0]!.requirementId).toBe('policy-version');
  });
});

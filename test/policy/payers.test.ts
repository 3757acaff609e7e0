// Payer resolution from Coverage and the commercial overlays (eviCore CMM-200 for Summit, BCBSMA policy 690).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assess } from '../../src/policy/assess';
import { checkServices } from '../../src/workflow/check';
import { resolvePayer, payerDefFor, overlayFor, priorAuthFor, SUMMIT } from '../../src/policy/payers';
import { LCD_EPIDURAL } from '../../src/policy/policies/lcd-epidural';
import type { CoverageFact } from '../../src/policy/picture';
import type { Assessment, Finding } from '../../src/policy/verdicts';
import { addDays } from '../../src/policy/dates';
import { esiPicture, mbb, facetPicture, proc, relief, tfesi, TODAY } from './build';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};
const cov = (over: Partial<CoverageFact>): CoverageFact => ({ id: 'c', status: 'active', source: 'coded', evidence: [], ...over });

describe('resolvePayer: Organization identifier / name / SOPT type', () => {
  it.each([
    [{ payerId: 'MEDICARE', payerName: 'Medicare Part B', typeCode: '121' }, 'medicare', false],
    [{ payerId: 'BCBSMA', payerName: 'Blue Cross Blue Shield of Massachusetts', typeCode: '6' }, 'bcbsma', false],
    [{ payerId: 'SUMMIT', payerName: 'Summit Health Plan', typeCode: '5' }, 'summit', false],
    [{ payerName: 'Summit Health Plan' }, 'summit', false],
    [{ typeCode: '1' }, 'medicare', false],
    [{ payerId: 'ACME', payerName: 'Acme Mutual Insurance', typeCode: '5' }, 'baseline', true],
  ])('%j -> %s (fallback %s)', (c, policySet, fell) => {
    const r = resolvePayer([cov(c)]);
    expect(r.policySet.id).toBe(policySet);
    expect(r.payer.fellBackToBaseline).toBe(fell);
    if (fell) expect(r.payer.note).toMatch(/Acme Mutual Insurance.*baseline/);
  });
  it('uses the primary active coverage and ignores cancelled ones', () => {
    const r = resolvePayer([
      cov({ payerId: 'SUMMIT', order: 2 }),
      cov({ payerId: 'BCBSMA', order: 1, status: 'cancelled' }),
      cov({ payerId: 'MEDICARE', order: 1 }),
    ]);
    expect(r.policySet.id).toBe('medicare');
  });
  it('no coverage falls back to the baseline and says so', () => {
    const r = resolvePayer([]);
    expect(r.payer.fellBackToBaseline).toBe(true);
    expect(r.payer.note).toMatch(/No active coverage/);
  });
  it('an unknown payer id string falls back to the baseline', () => {
    expect(payerDefFor('acme').payer.fellBackToBaseline).toBe(true);
    expect(payerDefFor('SUMMIT').policySet.id).toBe('summit');
  });
});

describe('payer names as clinics write them, matched by whole words', () => {
  it.each([
    ['BCBS of Massachusetts', 'bcbsma'],
    ['Blue Cross & Blue Shield of Massachusetts, Inc.', 'bcbsma'],
    ['BCBS-MA PPO', 'bcbsma'],
    ['Humana Medicare Advantage HMO', 'medicare-advantage'],
    ['AARP Medicare Advantage (UnitedHealthcare)', 'medicare-advantage'],
    ['Medicare', 'medicare'],
    ['Medicare Part B (Noridian)', 'medicare'],
  ])('%s -> %s', (payerName, id) => {
    expect(resolvePayer([cov({ payerName })]).policySet.id).toBe(id);
  });

  it.each(['BCBS Maine', 'Blue Cross Maryland', 'BCBS', 'Blue Cross Blue Shield'])(
    '%s names no plan ClaimReady knows: the baseline, said so',
    (payerName) => {
      const r = resolvePayer([cov({ payerName })]);
      expect(r.payer.fellBackToBaseline).toBe(true);
      expect(r.payer.note).toContain(payerName);
    },
  );

  // The table is SOPT's own (test/fixtures/sopt): managed care (11x) is Medicare Advantage, non-managed (12x, FFS) is
  // Original Medicare; MSA (123) is an MA plan type at CMS; Part D (122) says nothing about a procedure.
  const sopt = z
    .object({ codes: z.array(z.object({ code: z.string(), display: z.string() })) })
    .parse(JSON.parse(readFileSync(new URL('../fixtures/sopt/medicare.json', import.meta.url), 'utf8')));
  const expected = (display: string): string | undefined =>
    /Managed Care\)|HMO|PPO|POS|Managed Care Other|Savings Account/.test(display) && !/Non-managed/.test(display)
      ? 'medicare-advantage'
      : /Non-managed|FFS|^MEDICARE$/.test(display)
        ? 'medicare'
        : undefined;
  it.each(sopt.codes.map((c) => [c.code, c.display, expected(c.display)] as const))('SOPT %s (%s) -> %s', (typeCode, _display, id) => {
    expect(resolvePayer([cov({ typeCode })]).policySet.id).toBe(id ?? 'baseline');
  });
  it('a Medicare type code decides over a carrier name: Humana with SOPT 111 is its MA plan, "Medicare" with 112 too', () => {
    expect(resolvePayer([cov({ payerName: 'Humana', typeCode: '111' })]).policySet.id).toBe('medicare-advantage');
    expect(resolvePayer([cov({ payerName: 'WellCare Value Script', typeCode: '112' })]).policySet.id).toBe('medicare-advantage');
    expect(resolvePayer([cov({ payerName: 'Medicare', typeCode: '112' })]).policySet.id).toBe('medicare-advantage');
    expect(resolvePayer([cov({ payerName: 'Noridian JF', typeCode: '121' })]).policySet.id).toBe('medicare');
    // The bare "1" (Medicare, either kind) leaves the name to decide.
    expect(resolvePayer([cov({ payerName: 'Humana Medicare Advantage HMO', typeCode: '1' })]).policySet.id).toBe('medicare-advantage');
  });
});

describe('prior authorization under a Medicare Advantage plan', () => {
  const service = tfesi({ location: { state: 'TX', source: 'coded', evidence: [] } });
  it('is never WISeR (Original Medicare only): "depends" on the plan\'s own list, with the reason', () => {
    const ma = resolvePayer([cov({ payerName: 'Aetna Medicare Advantage PPO' })]).policySet;
    const d = priorAuthFor(LCD_EPIDURAL.id, ma, service, TODAY);
    expect(d.required).toBe('depends');
    expect(d.reason).toMatch(/own prior-authorization list/);
    expect(d.program).toBeUndefined();
  });
  it('while Original Medicare in a WISeR state requires it for the same service', () => {
    const ffs = resolvePayer([cov({ payerName: 'Medicare Part B' })]).policySet;
    expect(priorAuthFor(LCD_EPIDURAL.id, ffs, service, TODAY).required).toBe(true);
  });
  it('a payer ClaimReady does not know gets the baseline criteria but never a Medicare program', () => {
    const p = esiPicture();
    p.coverages = [cov({ payerId: 'AETNA', payerName: 'Aetna Choice POS II' })];
    const [a] = checkServices(p, [service], { today: TODAY }).assessments;
    expect(a!.payer).toMatchObject({ name: 'Aetna Choice POS II', fellBackToBaseline: true });
    expect(a!.priorAuth).toEqual({ required: 'depends', reason: expect.stringMatching(/not on file/) });
    expect(payerDefFor('aetna').policySet.priorAuth.kind).toBe('plan-list');
    expect(resolvePayer([]).policySet.priorAuth.kind).toBe('plan-list');
  });
  it('coverage criteria stay the Medicare baseline (no overlay, not a fallback)', () => {
    const p = esiPicture();
    p.coverages = [cov({ payerName: 'Humana Medicare Advantage' })];
    const [a] = checkServices(p, [service], { today: TODAY }).assessments;
    expect(a!.payer).toMatchObject({ name: 'Humana Medicare Advantage', fellBackToBaseline: false });
    expect(a!.policy.overlay).toBeUndefined();
    expect(a!.policy.id).toBe(checkServices(esiPicture(), [service], { today: TODAY }).assessments[0]!.policy.id);
    expect(a!.priorAuth.required).toBe('depends');
  });
});

function withCare(weeks: number, kind: 'physical-therapy' | 'nsaid' = 'physical-therapy') {
  const p = esiPicture();
  p.conservativeCare = [
    {
      kind,
      description: kind,
      start: addDays(TODAY, -weeks * 7 - 3),
      end: addDays(TODAY, -3),
      outcome: 'failed',
      source: 'note',
      evidence: [],
    },
  ];
  return p;
}

describe('eviCore CMM-200 (Summit): 6 weeks conservative care for radiculopathy, 4 for stenosis', () => {
  it.each([
    [5, 'not-met', 'not-eligible'],
    [6, 'met', 'ready'],
    [7, 'met', 'ready'],
  ])('radiculopathy, %i weeks -> %s', (w, status, verdict) => {
    const a = assess(withCare(w), tfesi(), 'summit', TODAY);
    const f = find(a, 'conservative-weeks');
    expect(f.status).toBe(status);
    expect(f.severity).toBe('blocker');
    expect(f.citation.document).toMatch(/eviCore CMM-200/);
    expect(a.verdict).toBe(verdict);
  });
  it.each([
    [3, 'not-met'],
    [4, 'met'],
    [5, 'met'],
  ])('stenosis (M48.061), %i weeks -> %s', (w, status) => {
    const a = assess(withCare(w), tfesi({ reasonIcd10: ['M48.061'] }), 'summit', TODAY);
    expect(find(a, 'conservative-weeks').status).toBe(status);
  });
  it('prior authorization is required', () => {
    expect(assess(esiPicture(), tfesi(), 'summit', TODAY).priorAuth.required).toBe(true);
  });
});

describe('eviCore CMM-200 (Summit): at least 7 days between injections', () => {
  it.each([
    [6, 'not-met'],
    [7, 'met'],
    [8, 'met'],
  ])('%i days since the last ESI -> %s', (days, status) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', days, [relief(60, 400)]));
    expect(find(assess(p, tfesi(), 'summit', TODAY), 'esi-spacing').status).toBe(status);
  });
});

describe('eviCore CMM-200 (Summit): repeat needs improvement lasting >= 2 weeks', () => {
  it.each([
    [335, 'not-met'],
    [336, 'met'],
    [337, 'met'],
  ])('relief for %i hours -> %s', (h, status) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 60, [relief(60, h)]));
    const a = assess(p, tfesi(), 'summit', TODAY);
    expect(find(a, 'esi-repeat-relief').status).toBe(status);
  });
});

describe('BCBSMA policy 690: 4 weeks analgesics AND 4 weeks PT; 30 days between; <= 6 per 12 months', () => {
  it('PT alone is not enough; PT and prescription analgesic for 4 weeks each is', () => {
    const a = assess(withCare(8), tfesi(), 'bcbsma', TODAY);
    expect(find(a, 'conservative-weeks').status).toBe('not-met');
    expect(find(a, 'conservative-weeks').message).toMatch(/analgesics: 0 of 4/);
    const p = withCare(4);
    p.conservativeCare.push({
      kind: 'nsaid',
      description: 'meloxicam',
      start: addDays(TODAY, -31),
      end: addDays(TODAY, -3),
      outcome: 'failed',
      source: 'note',
      evidence: [],
    });
    expect(find(assess(p, tfesi(), 'bcbsma', TODAY), 'conservative-weeks').status).toBe('met');
    p.conservativeCare[1]!.start = addDays(TODAY, -30);
    expect(find(assess(p, tfesi(), 'bcbsma', TODAY), 'conservative-weeks').status).toBe('not-met');
  });
  it('PT not tolerated satisfies the PT part', () => {
    const p = withCare(5, 'nsaid');
    p.conservativeCare.push({
      kind: 'physical-therapy',
      description: 'PT stopped: not tolerated',
      outcome: 'not-tolerated',
      source: 'note',
      evidence: [],
    });
    expect(find(assess(p, tfesi(), 'bcbsma', TODAY), 'conservative-weeks').status).toBe('met');
  });
  it.each([
    [29, 'not-met'],
    [30, 'met'],
    [31, 'met'],
  ])('%i days since the last ESI -> %s', (days, status) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', days, [relief(60)]));
    expect(find(assess(p, tfesi(), 'bcbsma', TODAY), 'esi-spacing').status).toBe(status);
  });
  it.each([
    [4, 'met'],
    [5, 'met'],
    [6, 'not-met'],
  ])('%i prior ESIs in any region -> %s', (n, status) => {
    const p = esiPicture();
    for (let i = 0; i < n; i++)
      p.procedureHistory.push(proc('esi-interlaminar', 40 + i * 50, [relief(60)], { region: i % 2 ? 'cervical' : 'lumbar', levels: [] }));
    expect(find(assess(p, tfesi(), 'bcbsma', TODAY), 'esi-frequency-total').status).toBe(status);
  });
  it('a facet block under BCBSMA uses the Medicare baseline (no facet overlay in data)', () => {
    const a = assess(facetPicture(), mbb(), 'bcbsma', TODAY);
    expect(a.verdict).toBe('ready');
    expect(a!.priorAuth.required).toBe('depends');
  });
});

describe('the workflow uses the payer from Coverage', () => {
  it('an Acme patient is judged on the baseline and the assessment says so', () => {
    const p = esiPicture();
    p.coverages = [cov({ payerId: 'ACME', payerName: 'Acme Mutual Insurance', typeCode: '5' })];
    const [a] = checkServices(p, [tfesi()], { today: TODAY }).assessments;
    expect(a!.payer.fellBackToBaseline).toBe(true);
    expect(a!.payer.name).toBe('Acme Mutual Insurance');
  });
});

describe('Overlays pinned to guideline versions (issue 9)', () => {
  it('eviCore CMM-200: 14 days between injections under V1.0.2019, 7 under the 2021 version', () => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 10, [relief(60, 400)]));
    // The Medicare ESI versions encoded start in late 2021, so the older overlay is read directly.
    expect(overlayFor(LCD_EPIDURAL, SUMMIT, '2020-06-01')?.params.minDaysBetween?.value.days).toBe(14);
    expect(overlayFor(LCD_EPIDURAL, SUMMIT, '2021-06-01')?.params.minDaysBetween?.value.days).toBe(7);
    const now = find(assess(p, tfesi(), 'summit', TODAY), 'esi-spacing');
    expect(now.citation.version).toBe('2021');
    expect(now.status).toBe('met');
  });
  it('BCBSMA 690 names lumbar or cervical radiculopathy: a thoracic ESI is not covered under it', () => {
    const p = esiPicture();
    p.symptoms = [{ kind: 'radicular', present: true, region: 'thoracic', source: 'note', evidence: [] }];
    const a = assess(p, tfesi({ region: 'thoracic', levels: ['T10-T11'], code: '64479', reasonIcd10: ['M54.14'] }), 'bcbsma', TODAY);
    expect(find(a, 'esi-indication')).toMatchObject({ status: 'not-met', citation: { ruleId: 'BCBSMA-690-DX', grade: 'P' } });
  });
});

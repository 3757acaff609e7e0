// assess(): verdict derivation, ordering by what blocks most, unconfirmed policies, services without a policy.
import { describe, expect, it } from 'vitest';
import { assess, sortFindings, uniqueEvidence, verdictOf } from '../../src/policy/assess';
import type { Finding } from '../../src/policy/verdicts';
import { esiPicture, service, tfesi, TODAY } from './build';

const f = (status: Finding['status'], severity: Finding['severity'], id: string = status): Finding => ({
  requirementId: `${id}-${severity}`,
  category: 'other',
  status,
  severity,
  message: id,
  evidence: [],
  citation: { ruleId: 'T', document: 'd', section: 's', grade: severity === 'blocker' ? 'S1' : 'S2', verified: severity === 'blocker' },
});

describe('verdictOf', () => {
  it.each([
    [[f('met', 'blocker'), f('missing', 'warning'), f('not-met', 'warning')], 'ready'],
    [[f('met', 'blocker'), f('missing', 'blocker')], 'incomplete'],
    [[f('missing', 'blocker'), f('not-met', 'blocker')], 'not-eligible'],
    [[f('not-applicable', 'blocker')], 'ready'],
  ] as const)('%# -> %s', (findings, verdict) => {
    expect(verdictOf([...findings])).toBe(verdict);
  });
});

describe('sortFindings: not-met, missing, warnings, met, n/a (stable within a rank)', () => {
  it('orders by what blocks most', () => {
    const input = [
      f('met', 'blocker', 'a'),
      f('not-applicable', 'blocker'),
      f('missing', 'warning'),
      f('missing', 'blocker', 'b'),
      f('not-met', 'blocker'),
      f('missing', 'blocker', 'c'),
    ];
    expect(sortFindings(input).map((x) => x.message)).toEqual(['not-met', 'b', 'c', 'missing', 'a', 'not-applicable']);
  });
  it('an incomplete ESI lists its missing pain score before anything met', () => {
    const p = esiPicture();
    p.painScores = [];
    const a = assess(p, tfesi(), 'medicare', TODAY);
    expect(a.verdict).toBe('incomplete');
    expect(a.findings[0]!.requirementId).toBe('pain-scale');
    expect(a.findings[0]!.fix).toMatch(/pain score/);
  });
});

describe('services without a confirmed policy give advice only', () => {
  it.each([
    ['63650', 'scs-trial'],
    ['20552', 'trigger-point'],
  ] as const)('%s (%s) with no documentation is never blocked by unconfirmed rules', (code, kind) => {
    const p = esiPicture();
    p.painScores = [];
    p.functionalStatus = [];
    p.conservativeCare = [];
    const a = assess(p, service(code, kind, { levels: [], muscleCount: 2 }), 'medicare', TODAY);
    const unconfirmed = a.findings.filter((x) => !x.citation.verified);
    expect(unconfirmed.length).toBeGreaterThan(0);
    for (const x of unconfirmed) expect(x.severity).toBe('warning');
    expect(a.findings.find((x) => x.requirementId === 'pain-scale')!.message).toMatch(/^Unconfirmed rule/);
    expect(a.verdict).toBe('ready');
  });
  it('27096 (si-joint) with no documentation: its scales stay advice, but the rules read in the contractor FAQ block', () => {
    const p = esiPicture();
    p.painScores = [];
    p.functionalStatus = [];
    p.conservativeCare = [];
    const a = assess(p, service('27096', 'si-joint', { region: 'sacral', levels: [] }), 'medicare', TODAY);
    const scale = a.findings.find((x) => x.requirementId === 'pain-scale')!;
    expect(scale.severity).toBe('warning');
    expect(scale.message).toMatch(/^Unconfirmed rule/);
    const care = a.findings.find((x) => x.requirementId === 'conservative-failed')!;
    expect(care).toMatchObject({ status: 'missing', severity: 'blocker' });
    expect(care.citation).toMatchObject({ ruleId: 'SI-CONSERVATIVE', grade: 'P' });
    expect(a.verdict).toBe('incomplete');
  });
  it('CPT 20552/20553 structure: 3 muscles under 20552 is flagged', () => {
    const a = assess(esiPicture(), service('20552', 'trigger-point', { muscleCount: 3 }), 'medicare', TODAY);
    expect(a.findings.find((x) => x.requirementId === 'tpi-muscle-count')!.status).toBe('not-met');
    expect(
      assess(esiPicture(), service('20553', 'trigger-point', { muscleCount: 3 }), 'medicare', TODAY).findings.find(
        (x) => x.requirementId === 'tpi-muscle-count',
      )!.status,
    ).toBe('met');
  });
  it('an office visit has no policy and says nothing was checked', () => {
    const a = assess(esiPicture(), service('99214', 'em-office-established'), 'medicare', TODAY);
    expect(a.policy.id).toBe('none');
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]!.status).toBe('not-applicable');
  });
  it('a service with kind "other" is classified from its code', () => {
    expect(assess(esiPicture(), service('64483', 'other', { reasonIcd10: ['M54.16'] }), 'medicare', TODAY).policy.id).toBe('lcd-epidural');
  });
});

describe('uniqueEvidence', () => {
  it('keeps one entry per resource, and one per distinct note span', () => {
    const cond = { ref: 'Condition/c1', display: 'Radiculopathy' };
    const span = (start: number) => ({ ref: 'DocumentReference/n1', display: 'note', quote: { text: 'x', start, end: start + 1 } });
    expect(uniqueEvidence([cond, { ...cond, display: 'again' }, span(3), span(3), span(9)]).map((e) => e.quote?.start ?? e.ref)).toEqual([
      'Condition/c1',
      3,
      9,
    ]);
  });
});

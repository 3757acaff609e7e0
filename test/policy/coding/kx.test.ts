// KX on diagnostic facet injection lines for Original Medicare (Noridian's facet Q&A on L38803, A3, the MAC's own
// page: "The KX modifier should be appended to the line for all diagnostic injections"); not on a therapeutic joint
// injection, and not a commercial payer's mechanism (round-4 external finding F9).
import { describe, expect, it } from 'vitest';
import { suggestCoding } from '../../../src/policy/coding/suggest';
import { validateLines } from '../../../src/policy/coding/edits';
import { DOS, dx, picture, plan, svc } from './build';

const diagnostic = () => {
  const s = svc('64493', { kind: 'facet-mbb', region: 'lumbar', levels: ['L4-L5'], laterality: 'right', reasonIcd10: ['M47.816'] });
  const p = picture({
    diagnoses: [dx('M47.816')],
    siteMentions: [plan({ levels: ['L4-L5'], laterality: 'right', target: 'medial branch' })],
    plannedServices: [s],
  });
  return { s, p };
};

describe('FJ-KX: modifier KX on diagnostic facet lines', () => {
  it('Medicare: a medial branch block (diagnostic) line carries KX, with the reason, and raises no KX warning', () => {
    const { s, p } = diagnostic();
    const c = suggestCoding(p, [s], { today: DOS, payerId: 'medicare' });
    expect(c.lines[0]!.modifiers).toEqual(['RT', 'KX']);
    expect(c.lines[0]!.rationale.join(' ')).toMatch(/KX: a diagnostic facet injection line/);
    expect(c.edits.some((e) => e.citation?.ruleId === 'FJ-KX')).toBe(false);
  });

  it('Medicare: a coder who removes KX gets a warning citing FJ-KX (P)', () => {
    const { s, p } = diagnostic();
    const c = suggestCoding(p, [s], { today: DOS, payerId: 'medicare' });
    const edited = c.lines.map((l) => ({ ...l, modifiers: l.modifiers.filter((m) => m !== 'KX') }));
    const edit = validateLines(edited, c.diagnoses, { picture: p, services: [s], dateOfService: DOS, payerId: 'medicare' }).find(
      (e) => e.citation?.ruleId === 'FJ-KX',
    );
    expect(edit).toMatchObject({ kind: 'modifier', severity: 'warning', citation: { grade: 'P' } });
    expect(edit?.message).toMatch(/add modifier KX: Medicare asks for it on every diagnostic facet injection line/);
  });

  it('a commercial payer: no KX on the line and no KX edit; payer unknown: advice only', () => {
    const { s, p } = diagnostic();
    const bcbs = suggestCoding(p, [s], { today: DOS, payerId: 'bcbsma' });
    expect(bcbs.lines[0]!.modifiers).not.toContain('KX');
    expect(bcbs.edits.some((e) => e.citation?.ruleId === 'FJ-KX')).toBe(false);
    const unknown = suggestCoding(p, [s], { today: DOS });
    expect(unknown.lines[0]!.modifiers).not.toContain('KX');
    expect(unknown.edits.find((e) => e.citation?.ruleId === 'FJ-KX')?.message).toMatch(/payer is not known here/);
  });

  it('a therapeutic intra-articular injection gets none, under Medicare too', () => {
    const s = svc('64493', {
      kind: 'facet-mbb',
      intent: 'therapeutic',
      region: 'lumbar',
      levels: ['L4-L5'],
      laterality: 'right',
      reasonIcd10: ['M47.816'],
    });
    const p = picture({ diagnoses: [dx('M47.816')], plannedServices: [s] });
    const c = suggestCoding(p, [s], { today: DOS, payerId: 'medicare' });
    expect(c.lines[0]!.modifiers).not.toContain('KX');
    expect(c.edits.some((e) => e.citation?.ruleId === 'FJ-KX')).toBe(false);
  });
});

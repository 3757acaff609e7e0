// KX on diagnostic facet injection lines (billing article A58403, S1); not on a therapeutic joint injection.
import { describe, expect, it } from 'vitest';
import { suggestCoding } from '../../../src/policy/coding/suggest';
import { DOS, dx, picture, plan, svc } from './build';

describe('A58403: modifier KX on diagnostic facet lines', () => {
  it('a medial branch block (diagnostic) without KX gets a warning citing FJ-KX', () => {
    const s = svc('64493', { kind: 'facet-mbb', region: 'lumbar', levels: ['L4-L5'], laterality: 'right', reasonIcd10: ['M47.816'] });
    const p = picture({
      diagnoses: [dx('M47.816')],
      siteMentions: [plan({ levels: ['L4-L5'], laterality: 'right', target: 'medial branch' })],
      plannedServices: [s],
    });
    const edit = suggestCoding(p, [s], { today: DOS }).edits.find((e) => e.citation?.ruleId === 'FJ-KX');
    expect(edit).toMatchObject({ kind: 'modifier', severity: 'warning' });
    // Advice (S1): the coder adds KX; the line does not carry it, and the message says why.
    expect(edit?.message).toMatch(/add modifier KX if your contractor's article asks for it/);
    expect(edit?.message).toMatch(/does not put KX on the line/);
    expect(suggestCoding(p, [s], { today: DOS }).lines[0]!.modifiers).not.toContain('KX');
  });
  it('a therapeutic intra-articular injection gets none', () => {
    const s = svc('64493', {
      kind: 'facet-mbb',
      intent: 'therapeutic',
      region: 'lumbar',
      levels: ['L4-L5'],
      laterality: 'right',
      reasonIcd10: ['M47.816'],
    });
    const p = picture({ diagnoses: [dx('M47.816')], plannedServices: [s] });
    expect(suggestCoding(p, [s], { today: DOS }).edits.some((e) => e.citation?.ruleId === 'FJ-KX')).toBe(false);
  });
});

// A level-count problem is labelled as levels, not laterality, in the checklist finding and in the coding edit the
// same fact makes in Coding review (issue 15); a real side conflict stays laterality.
import { describe, expect, it } from 'vitest';
import { checkServices } from '../../src/workflow/index';
import { seedPicture, ANCHOR } from './helpers';

describe('levels vs laterality', () => {
  it('a three-level facet order (pt-mbb-right, levels widened): finding and coding edit say levels', async () => {
    const p = await seedPicture('pt-mbb-right');
    const s = { ...p.plannedServices[0]!, levels: ['L3-L4', 'L4-L5', 'L5-S1'] };
    const c = checkServices(p, [s], { today: ANCHOR });
    const f = c.assessments[0]!.findings.find((x) => x.requirementId === 'facet-levels')!;
    expect(f.status).toBe('not-met');
    expect(f.category).toBe('levels');
    const fromFinding = c.coding.edits.filter((e) => e.message.startsWith(f.message));
    expect(fromFinding.map((e) => e.kind)).toEqual(['levels']);
    // The coding rules' own level check (a third facet level) says levels too; no edit calls the count a side problem.
    const countEdits = c.coding.edits.filter((e) => /third facet level|at most 2 levels|levels? per session/i.test(e.message));
    expect(countEdits.length).toBeGreaterThan(0);
    expect(countEdits.every((e) => e.kind === 'levels')).toBe(true);
  });

  it('the side conflict of pt-laterality-conflict is still laterality', async () => {
    const p = await seedPicture('pt-laterality-conflict');
    const c = checkServices(p, p.plannedServices, { today: ANCHOR });
    expect(c.coding.edits.some((e) => e.kind === 'laterality' && e.severity === 'error')).toBe(true);
    expect(c.coding.edits.some((e) => e.kind === 'levels')).toBe(false);
  });
});

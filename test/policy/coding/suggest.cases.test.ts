// Table of coding cases: each names the rule it exercises (CPT structure, NCCI/MUE, LCD, ICD-10-CM) and asserts the
// lines (code, modifiers, units) and which edits appear or must not.
import { describe, expect, it } from 'vitest';
import { suggestCoding } from '../../../src/policy/coding/suggest';
import { validateLines } from '../../../src/policy/coding/edits';
import type { CodingLine } from '../../../src/policy/verdicts';
import { DOS, dx, picture } from './build';
import type { Case, L } from './suggest-cases/case';
import { CPT_STRUCTURE_CASES } from './suggest-cases/cpt-structure';
import { LINE_EDITS_CASES } from './suggest-cases/line-edits';
import { SAME_DAY_CASES } from './suggest-cases/same-day';

const CASES: Case[] = [...CPT_STRUCTURE_CASES, ...SAME_DAY_CASES, ...LINE_EDITS_CASES];

function toLines(given: L[]): CodingLine[] {
  return given.map(([code, modifiers, units]) => ({
    code,
    label: code,
    modifiers: [...modifiers],
    units,
    diagnosisPointers: [1],
    evidence: [],
    rationale: [],
  }));
}

describe('suggestCoding: coding case table', () => {
  it('has at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  it.each(CASES)('$name', (c) => {
    const pic = picture({ diagnoses: [dx('M54.16'), dx('M47.816')], ...c.pic });
    const s = suggestCoding(pic, c.services, { today: '2026-11-23', ...c.opts });
    const edits = c.given
      ? validateLines(toLines(c.given), s.diagnoses, { picture: pic, services: c.services, dateOfService: s.dateOfService })
      : s.edits;
    if (c.lines) expect(s.lines.map((l) => [l.code, l.modifiers, l.units])).toEqual(c.lines);
    for (const e of edits) expect(e.citation, `${e.kind}: ${e.message}`).toBeDefined();
    for (const [kind, severity] of c.has ?? []) {
      expect(
        edits.some((e) => e.kind === kind && e.severity === severity),
        `${kind}/${severity} in ${JSON.stringify(edits.map((e) => [e.kind, e.severity, e.message]))}`,
      ).toBe(true);
    }
    for (const kind of c.not ?? []) {
      expect(edits.filter((e) => e.kind === kind && e.severity !== 'info').map((e) => e.message)).toEqual([]);
    }
    for (const l of s.lines) {
      expect(l.diagnosisPointers.length).toBeGreaterThan(0);
      expect(l.diagnosisPointers.length).toBeLessThanOrEqual(4);
    }
    expect(s.dateOfService).toBe(c.opts?.dateOfService ?? DOS);
  });
});

// Property tests over random pictures: assess() never throws, every finding cites a source, and removing a piece
// of supporting documentation never turns an incomplete verdict into ready.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assess } from '../../src/policy/assess';
import type { ClinicalPicture } from '../../src/policy/picture';
import { arbPayer, arbPicture, arbService } from './arbitrary';
import { TODAY } from './build';

// Facts that document *for* the service. Conflicting or excluding facts (site mentions, symptoms, prior procedures,
// diagnoses that may be invalid codes) are deliberately not in this list: removing a conflict can rightly resolve it.
const SUPPORTING = ['painScores', 'functionalStatus', 'conservativeCare', 'painDuration', 'visitWork'] as const;

const HELD = new Set(['si-rfa-not-covered', 'si-image-guidance']);

describe('assess() properties', () => {
  it('never throws and always returns a verdict, findings sorted by what blocks most', () => {
    fc.assert(
      fc.property(arbPicture, arbService, arbPayer, (p, s, payer) => {
        const a = assess(p, s, payer, TODAY);
        expect(['ready', 'incomplete', 'not-eligible']).toContain(a.verdict);
        const rank = a.findings.map((f) =>
          f.status === 'not-applicable' ? 4 : f.status === 'met' ? 3 : f.severity === 'warning' ? 2 : f.status === 'not-met' ? 0 : 1,
        );
        expect([...rank].sort((x, y) => x - y)).toEqual(rank);
      }),
      { numRuns: 400 },
    );
  });

  it('every finding cites a document and section; unverified citations never block', () => {
    fc.assert(
      fc.property(arbPicture, arbService, arbPayer, (p, s, payer) => {
        for (const f of assess(p, s, payer, TODAY).findings) {
          expect(f.citation.document.length).toBeGreaterThan(0);
          expect(f.citation.section.length).toBeGreaterThan(0);
          // An unread rule never decides; the exceptions hold what summaries call "not covered" (SI ablation, an SI
          // injection without image guidance) back from "ready", as missing, never as not met.
          if (!f.citation.verified) {
            if (HELD.has(f.requirementId) && f.severity === 'blocker') expect(f.status).toBe('missing');
            else expect(f.severity).toBe('warning');
          }
          expect(f.citation.ruleId.length).toBeGreaterThan(0);
          expect(['P', 'S1', 'S2', 'none']).toContain(f.citation.grade);
          expect(f.citation.verified).toBe(f.citation.grade === 'P' || f.citation.grade === 'S1');
          if (f.status === 'missing' || f.status === 'not-met') expect(f.message.length).toBeGreaterThan(0);
          if (f.status === 'missing') expect(f.fix).toBeTruthy();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('removing a piece of supporting documentation never turns incomplete into ready', () => {
    fc.assert(
      fc.property(arbPicture, arbService, arbPayer, fc.constantFrom(...SUPPORTING), fc.nat(), (p, s, payer, key, pick) => {
        const before = assess(p, s, payer, TODAY);
        const list = p[key] as unknown[];
        if (list.length === 0) return;
        const smaller: ClinicalPicture = { ...p, [key]: list.filter((_, i) => i !== pick % list.length) };
        const after = assess(smaller, s, payer, TODAY);
        if (before.verdict === 'incomplete') expect(after.verdict).not.toBe('ready');
        if (before.verdict === 'not-eligible') expect(after.verdict).not.toBe('ready');
      }),
      { numRuns: 600 },
    );
  });

  it('is deterministic: same input, same output', () => {
    fc.assert(
      fc.property(arbPicture, arbService, arbPayer, (p, s, payer) => {
        expect(assess(p, s, payer, TODAY)).toEqual(assess(p, s, payer, TODAY));
      }),
      { numRuns: 100 },
    );
  });
});

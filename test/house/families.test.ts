// "A new procedure family is one FAMILIES row, its SERVICES rows, its ServiceKind and its policy file" (src/README.md)
// holds only if forgetting a piece fails somewhere. The compiler catches a missing ServiceKind or PolicyId; these
// catch what it cannot: a family no policy judges (the policy file written but not listed in policies/index.ts), a
// kind in two families or two policies, a sided kind outside its family, an add-on link that points nowhere, and a
// family no code of the catalogue belongs to.
import { describe, expect, it } from 'vitest';
import { FAMILIES, PLANNABLE_CODES, SERVICES, familyOf, serviceDef } from '../../src/policy/services';
import { POLICIES, policyFor } from '../../src/policy/policies/index';

describe('procedure families', () => {
  it.each(FAMILIES.map((f) => [f.id, f] as const))('%s: each kind is judged by exactly one listed policy', (_id, f) => {
    for (const kind of f.kinds) {
      expect(policyFor(kind), `${kind} has no policy in policies/index.ts`).toBeDefined();
      expect(POLICIES.filter((p) => p.kinds.includes(kind)).map((p) => p.id)).toHaveLength(1);
    }
  });

  it('no kind is in two families, and sided kinds are the family’s own', () => {
    const kinds = FAMILIES.flatMap((f) => f.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const f of FAMILIES) for (const k of f.sided) expect(f.kinds, `${f.id}: sided ${k}`).toContain(k);
  });

  it('every policy judges only kinds of one family', () => {
    for (const p of POLICIES) expect(new Set(p.kinds.map((k) => familyOf(k)?.id)).size, p.id).toBe(1);
  });

  it('every family has catalogue codes, and one the clinic can plan', () => {
    for (const f of FAMILIES) {
      const codes = SERVICES.filter((s) => f.kinds.includes(s.kind)).map((s) => s.code);
      expect(codes.length, f.id).toBeGreaterThan(0);
      expect(
        codes.some((c) => (PLANNABLE_CODES as readonly string[]).includes(c)),
        `${f.id}: none of ${codes.join(', ')} is in PLANNABLE_CODES`,
      ).toBe(true);
    }
  });

  it('add-on links point at catalogue codes of the same kind, both ways', () => {
    for (const s of SERVICES) {
      if (s.addOn) {
        expect(serviceDef(s.addOn)?.kind, `${s.code} -> ${s.addOn}`).toBe(s.kind);
        expect(serviceDef(s.addOn)?.addOnTo, `${s.addOn} names ${s.code} as its primary`).toContain(s.code);
      }
      for (const primary of s.addOnTo ?? []) expect(serviceDef(primary), `${s.code} add-on to ${primary}`).toBeDefined();
    }
  });
});

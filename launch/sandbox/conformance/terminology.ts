// Required-binding membership from the value sets and code systems the packages (and the R4 base) ship. What they
// do not ship (LOINC, SNOMED CT, the X12 code lists, ICD-10-CM) cannot be expanded here: a code from such a system is
// "system-only" (its system is the one the value set allows; the code itself is not verified), never silently "member".
import type { Canonical } from './packages';
import type { Registry } from './registry';

export type Membership = 'member' | 'system-only' | 'not-member' | 'unknown-valueset';

interface Concept {
  code?: string;
  concept?: Concept[];
}
interface Include {
  system?: string;
  concept?: { code?: string }[];
  filter?: unknown[];
  valueSet?: string[];
}
interface Compose {
  include?: Include[];
  exclude?: Include[];
}

function csHas(cs: Canonical, code: string): boolean | undefined {
  if (cs.content !== 'complete') return undefined;
  const walk = (list: Concept[] | undefined): boolean => (list ?? []).some((c) => c.code === code || walk(c.concept));
  return walk(cs.concept as Concept[] | undefined);
}

export class Terminology {
  constructor(private readonly reg: Registry) {}

  /** Is (system, code) in the value set? system undefined = a bare `code` element (system implied by the binding). */
  check(valueSet: string, system: string | undefined, code: string, depth = 0): Membership {
    const vs = this.reg.valueSet(valueSet);
    if (!vs || depth > 5) return 'unknown-valueset';
    const compose = vs.compose as Compose | undefined;
    if (!compose) {
      const contains = (vs.expansion as { contains?: { system?: string; code?: string }[] } | undefined)?.contains ?? [];
      if (!contains.length) return 'unknown-valueset';
      return contains.some((c) => c.code === code && (system === undefined || c.system === system)) ? 'member' : 'not-member';
    }
    const excluded = (compose.exclude ?? []).some(
      (x) => (system === undefined || x.system === system) && (x.concept ?? []).some((c) => c.code === code),
    );
    if (excluded) return 'not-member';
    let best: Membership = 'not-member';
    for (const inc of compose.include ?? []) {
      const r = this.include(inc, system, code, depth);
      if (r === 'member') return 'member';
      if (r === 'system-only' || (r === 'unknown-valueset' && best === 'not-member')) best = r;
    }
    return best;
  }

  private include(inc: Include, system: string | undefined, code: string, depth: number): Membership {
    if (inc.valueSet?.length && !inc.system) {
      const each = inc.valueSet.map((v) => this.check(v, system, code, depth + 1));
      if (each.every((m) => m === 'member')) return 'member';
      return each.includes('not-member') ? 'not-member' : each.includes('system-only') ? 'system-only' : 'unknown-valueset';
    }
    if (!inc.system || (system !== undefined && inc.system !== system)) return 'not-member';
    if (inc.concept?.length) return inc.concept.some((c) => c.code === code) ? 'member' : 'not-member';
    const cs = this.reg.codeSystem(inc.system);
    if (!inc.filter?.length && cs) {
      const has = csHas(cs, code);
      if (has !== undefined) return has ? 'member' : 'not-member';
    }
    return 'system-only';
  }
}

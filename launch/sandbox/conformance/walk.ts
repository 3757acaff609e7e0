// The profile steps @medplum/core's validateResource does not take: it checks a profile's root elements and
// invariants, but walks nested elements with the base types' schemas (so a profile's cardinalities, patterns and
// bindings on Claim.item.category or Coverage.relationship.coding are not seen), and its slice counting disagrees with
// the IG's own examples (extension slices matched by url, pattern slices, resource slices by profile). This walker
// reads the StructureDefinition snapshot element by element, slices included, and reports cardinality, fixed/pattern
// values, required bindings, element invariants, reference targets and extensions against their own definitions.
import { evalFhirPath } from '@medplum/core';
import type { ElementDefinition, StructureDefinition } from '@medplum/fhirtypes';
import type { Registry } from './registry';
import type { Terminology } from './terminology';

export interface WalkIssue {
  severity: 'error' | 'warning' | 'information';
  path: string;
  message: string;
  source: 'profile' | 'binding' | 'extension' | 'reference';
}

/** A reference found at an element that restricts its target profiles. */
export interface RefNeed {
  reference: string;
  path: string;
  profiles: string[];
}

export interface WalkResult {
  issues: WalkIssue[];
  refs: RefNeed[];
  /** Resources inside the instance an element types with profiles (Bundle.entry:Claim.resource). */
  typed: { path: string; profiles: string[] }[];
}

interface Node {
  value: unknown;
  path: string;
  key: string;
}
interface Group {
  parentPath: string;
  children: Node[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Does `actual` contain everything in `pattern` (FHIR pattern[x] semantics: arrays match element-wise by inclusion)? */
export function includes(actual: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern)) {
    const list = Array.isArray(actual) ? actual : [actual];
    return pattern.every((p) => list.some((a) => includes(a, p)));
  }
  if (isObj(pattern)) return isObj(actual) && Object.entries(pattern).every(([k, v]) => includes(actual[k], v));
  return actual === pattern;
}

function fixedOrPattern(el: ElementDefinition): { kind: 'fixed' | 'pattern'; value: unknown } | undefined {
  for (const [k, v] of Object.entries(el)) {
    if (k.startsWith('fixed')) return { kind: 'fixed', value: v };
    if (k.startsWith('pattern')) return { kind: 'pattern', value: v };
  }
  return undefined;
}

function childrenOf(p: Node, name: string): Node[] {
  if (!isObj(p.value)) return [];
  const out: Node[] = [];
  const push = (key: string, v: unknown): void => {
    if (Array.isArray(v)) v.forEach((x, i) => out.push({ value: x, path: `${p.path}.${key}[${i}]`, key }));
    else if (v !== undefined) out.push({ value: v, path: `${p.path}.${key}`, key });
  };
  if (name.endsWith('[x]')) {
    const prefix = name.slice(0, -3);
    for (const [k, v] of Object.entries(p.value)) if (k.startsWith(prefix) && /^[A-Z]/.test(k.slice(prefix.length))) push(k, v);
  } else push(name, p.value[name]);
  return out;
}

/** Values at a dotted discriminator path ("category", "coding.code", "$this"). */
function valuesAt(v: unknown, path: string): unknown[] {
  if (path === '$this') return [v];
  let cur: unknown[] = [v];
  for (const part of path.split('.')) {
    cur = cur.flatMap((x) => (isObj(x) ? [x[part]].flat() : [])).filter((x) => x !== undefined);
  }
  return cur;
}

const canonicalUrl = (c: string): string => c.split('|')[0] ?? c;
const BASE_SD = 'http://hl7.org/fhir/StructureDefinition/';
const SKIP_CONSTRAINTS = new Set(['ele-1', 'ext-1', 'dom-3']);

export class ProfileWalker {
  constructor(
    private readonly reg: Registry,
    private readonly terms: Terminology,
    /** Extension objects already checked against their definition (shared across a bundle's walks). */
    readonly checkedExtensions = new WeakSet<object>(),
  ) {}

  walk(root: unknown, rootPath: string, sd: StructureDefinition): WalkResult {
    const res: WalkResult = { issues: [], refs: [], typed: [] };
    const elements = sd.snapshot?.element ?? [];
    const byId = new Map(elements.map((e) => [e.id ?? e.path, e]));
    const groups = new Map<string, Group[]>();
    const rootId = elements[0]?.id ?? sd.type ?? '';
    groups.set(rootId, [{ parentPath: rootPath, children: [{ value: root, path: rootPath, key: '' }] }]);
    const flat = (id: string): Node[] => (groups.get(id) ?? []).flatMap((g) => g.children);
    const add = (severity: WalkIssue['severity'], source: WalkIssue['source'], path: string, message: string): void => {
      res.issues.push({ severity, source, path, message });
    };

    for (const el of elements.slice(1)) {
      const id = el.id ?? el.path;
      const cut = id.lastIndexOf('.');
      const parentId = id.slice(0, cut);
      const last = id.slice(cut + 1);
      const [name = '', slice] = last.split(':');
      let gs: Group[];
      if (slice !== undefined && !slice.includes('/')) {
        const baseId = `${parentId}.${name}`;
        const base = byId.get(baseId);
        gs = (groups.get(baseId) ?? []).map((g) => ({
          parentPath: g.parentPath,
          children: g.children.filter((n) => this.inSlice(n, id, el, base, byId)),
        }));
      } else if (slice === undefined) {
        gs = flat(parentId).map((p) => ({ parentPath: p.path, children: childrenOf(p, name) }));
      } else continue;
      groups.set(id, gs);
      this.checkElement(el, id, gs, root, res, add);
    }
    return res;
  }

  private inSlice(
    n: Node,
    sliceId: string,
    sliceEl: ElementDefinition,
    base: ElementDefinition | undefined,
    byId: Map<string, ElementDefinition>,
  ): boolean {
    const sliceName = sliceEl.sliceName ?? '';
    // Type slices of a choice element (value[x]:valueQuantity) are matched by the JSON property name.
    if (sliceEl.path.endsWith('[x]')) return n.key === sliceName;
    const discriminators = base?.slicing?.discriminator ?? [];
    if (!discriminators.length) return false;
    return discriminators.every((d) => {
      const path = d.path ?? '$this';
      if (d.type === 'value' || d.type === 'pattern') {
        const extProfile = sliceEl.type?.find((t) => t.code === 'Extension')?.profile?.[0];
        if (path === 'url' && extProfile) return isObj(n.value) && n.value.url === canonicalUrl(extProfile);
        const child = path === '$this' ? sliceEl : byId.get(`${sliceId}.${path}`);
        const expected = child ? fixedOrPattern(child) : undefined;
        if (expected) return valuesAt(n.value, path).some((a) => includes(a, expected.value));
        const vs = child?.binding?.strength === 'required' ? child.binding.valueSet : undefined;
        if (vs) return valuesAt(n.value, path).some((a) => this.codeStatus(a, vs) === 'ok');
        return false;
      }
      if (d.type === 'type' || d.type === 'profile') {
        const child = path === '$this' ? sliceEl : byId.get(`${sliceId}.${path}`);
        const types = new Set((child?.type ?? []).map((t) => t.code));
        return valuesAt(n.value, path).some((a) => isObj(a) && typeof a.resourceType === 'string' && types.has(a.resourceType));
      }
      if (d.type === 'exists') {
        const child = byId.get(`${sliceId}.${path}`);
        return valuesAt(n.value, path).length > 0 === (child?.min ?? 0) > 0;
      }
      return false;
    });
  }

  /** 'ok' | 'unverified' (system allowed, code not checkable offline) | 'unknown' (value set not shipped) | 'bad'. */
  codeStatus(v: unknown, valueSet: string): 'ok' | 'unverified' | 'unknown' | 'bad' | 'text-only' {
    const one = (system: string | undefined, code: unknown): 'ok' | 'unverified' | 'unknown' | 'bad' => {
      if (typeof code !== 'string') return 'bad';
      const m = this.terms.check(valueSet, system, code);
      return m === 'member' ? 'ok' : m === 'system-only' ? 'unverified' : m === 'unknown-valueset' ? 'unknown' : 'bad';
    };
    if (typeof v === 'string') return one(undefined, v);
    if (!isObj(v)) return 'bad';
    if ('coding' in v || 'text' in v) {
      const codings = Array.isArray(v.coding) ? v.coding.filter(isObj) : [];
      if (!codings.length) return 'text-only';
      const r = codings.map((c) => one(typeof c.system === 'string' ? c.system : '', c.code));
      return r.includes('ok') ? 'ok' : r.includes('unverified') ? 'unverified' : r.includes('unknown') ? 'unknown' : 'bad';
    }
    if ('code' in v || 'system' in v) return one(typeof v.system === 'string' ? v.system : '', v.code);
    return 'bad';
  }

  private checkElement(
    el: ElementDefinition,
    id: string,
    gs: Group[],
    root: unknown,
    res: WalkResult,
    add: (s: WalkIssue['severity'], src: WalkIssue['source'], p: string, m: string) => void,
  ): void {
    const max = el.max === '*' || el.max === undefined ? Infinity : Number(el.max);
    const min = el.min ?? 0;
    const label = el.sliceName ? `${el.path} (slice ${el.sliceName})` : el.path;
    for (const g of gs) {
      const n = g.children.length;
      if (max === 0 && n > 0) add('error', 'profile', g.children[0]?.path ?? el.path, `${label} is not allowed by the profile (0..0)`);
      else if (n < min || n > max) {
        const where = `${g.parentPath}.${el.path.slice(el.path.lastIndexOf('.') + 1)}`;
        add('error', 'profile', where, `${label}: expected ${min}..${el.max ?? '*'}, found ${n}`);
      }
    }
    const nodes = gs.flatMap((g) => g.children);
    if (!nodes.length) return;
    const fp = fixedOrPattern(el);
    const binding = el.binding?.strength === 'required' ? el.binding.valueSet : undefined;
    const refProfiles = el.type?.find((t) => t.code === 'Reference')?.targetProfile ?? [];
    const resourceProfiles =
      el.type?.length === 1 && /^[A-Z]/.test(el.type[0]?.code ?? '') && el.type[0]?.profile?.length ? el.type[0].profile : undefined;
    const extProfile = el.type?.find((t) => t.code === 'Extension')?.profile?.[0];
    // A choice element admits only the types the profile lists (valueString where it says CodeableConcept is wrong).
    const choiceTypes =
      el.path.endsWith('[x]') && el.type?.length
        ? new Set(el.type.map((t) => t.code.charAt(0).toUpperCase() + t.code.slice(1)))
        : undefined;
    const choicePrefix = el.path.slice(el.path.lastIndexOf('.') + 1, -3);
    for (const node of nodes) {
      if (choiceTypes && node.key.startsWith(choicePrefix) && !choiceTypes.has(node.key.slice(choicePrefix.length))) {
        add(
          'error',
          'profile',
          node.path,
          `${label}: ${node.key} is not allowed; the profile admits ${[...choiceTypes].map((t) => choicePrefix + t).join(' | ')}`,
        );
      }
      if (fp && !includes(node.value, fp.value)) {
        add('error', 'profile', node.path, `${label} must have the ${fp.kind} value ${JSON.stringify(fp.value)}`);
      }
      if (binding) {
        const s = this.codeStatus(node.value, binding);
        const vs = canonicalUrl(binding);
        if (s === 'bad') add('error', 'binding', node.path, `${label}: the code is not in the required value set ${vs}`);
        else if (s === 'text-only')
          add('error', 'binding', node.path, `${label}: a coded value from the required value set ${vs} is needed (text only)`);
        else if (s === 'unverified')
          add(
            'information',
            'binding',
            node.path,
            `${label}: the code system is the one ${vs} allows; the code itself is not verifiable offline`,
          );
        else if (s === 'unknown') add('information', 'binding', node.path, `${label}: value set ${vs} is not in the packages; not checked`);
      }
      if (refProfiles.length && isObj(node.value) && typeof node.value.reference === 'string') {
        res.refs.push({ reference: node.value.reference, path: node.path, profiles: refProfiles });
      }
      if (resourceProfiles) res.typed.push({ path: node.path, profiles: resourceProfiles });
      if (extProfile && isObj(node.value)) this.checkExtension(node, extProfile, res, add);
    }
    // Invariants a slice adds (FullDateRule on Claim.item.serviced[x]:servicedDate) hold for each value in the slice;
    // a slice has no FHIRPath of its own from the root, so each matched value is the expression's context.
    if (id.includes(':')) {
      for (const c of el.constraint ?? []) {
        if (c.severity !== 'error' || !c.expression || SKIP_CONSTRAINTS.has(c.key ?? '') || (c.source ?? '').startsWith(BASE_SD)) continue;
        for (const node of nodes) {
          try {
            const out = evalFhirPath(c.expression, node.value);
            if (!(out.length === 1 && out[0] === true))
              add('error', 'profile', node.path, `invariant ${c.key ?? ''} failed: ${c.human ?? c.expression}`);
          } catch (e) {
            add(
              'warning',
              'profile',
              node.path,
              `invariant ${c.key ?? ''} could not be evaluated (${e instanceof Error ? e.message : String(e)})`,
            );
          }
        }
      }
    }
    // Invariants the profile adds below its root (the root's are evaluated by validateResource).
    if (!id.includes(':') && isObj(root) && typeof root.resourceType === 'string') {
      for (const c of el.constraint ?? []) {
        if (c.severity !== 'error' || !c.expression || SKIP_CONSTRAINTS.has(c.key ?? '') || (c.source ?? '').startsWith(BASE_SD)) continue;
        const expr = `${el.path.replace(/\[x\]/g, '')}.all(${c.expression})`;
        try {
          const out = evalFhirPath(expr, root);
          if (!(out.length === 1 && out[0] === true))
            add('error', 'profile', el.path, `invariant ${c.key ?? ''} failed: ${c.human ?? c.expression}`);
        } catch (e) {
          add(
            'warning',
            'profile',
            el.path,
            `invariant ${c.key ?? ''} could not be evaluated (${e instanceof Error ? e.message : String(e)})`,
          );
        }
      }
    }
  }

  checkExtension(
    node: Node,
    canonical: string,
    res: WalkResult,
    add: (s: WalkIssue['severity'], src: WalkIssue['source'], p: string, m: string) => void,
  ): void {
    if (!isObj(node.value)) return;
    this.checkedExtensions.add(node.value);
    const def = this.reg.structure(canonical) ?? this.reg.extension(canonicalUrl(canonical));
    if (!def) {
      add('warning', 'extension', node.path, `extension definition ${canonicalUrl(canonical)} is not in the packages; not checked`);
      return;
    }
    const inner = this.walk(node.value, node.path, def);
    // Sub-extensions of a complex extension are covered by its definition.
    for (const sub of Array.isArray(node.value.extension) ? node.value.extension : []) if (isObj(sub)) this.checkedExtensions.add(sub);
    for (const i of inner.issues) res.issues.push({ ...i, source: i.source === 'profile' ? 'extension' : i.source });
    res.refs.push(...inner.refs);
  }
}

// Conformance of a Da Vinci PAS request Bundle against the official StructureDefinitions (PAS 2.2.1 with US Core
// 3.1.1 / 6.1.0 / 7.0.0 and the R4 base). Each resource is validated with @medplum/core's validateResource against
// its profile, plus the steps that library does not take by itself (walk.ts): every reference is followed to its
// entry and the entry validated against the profile the referring element names; extensions are validated against
// their definitions; required bindings are checked against the packages' value sets. Plain Node (no src/ imports),
// so the tests and the sandbox payer use the same check.
import { OperationOutcomeError, validateResource } from '@medplum/core';
import type { OperationOutcomeIssue, Resource, StructureDefinition } from '@medplum/fhirtypes';
import { getRegistry, type Registry } from './registry';
import { Terminology } from './terminology';
import { ProfileWalker, type WalkIssue } from './walk';

export const PAS_REQUEST_BUNDLE = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-request-bundle';

export interface ConformanceIssue {
  severity: 'error' | 'warning' | 'information';
  path: string;
  message: string;
  /** medplum: validateResource; profile / binding / extension / reference: the steps around it. */
  source: 'medplum' | WalkIssue['source'];
  /** The profile the resource was checked against when this was found. */
  profile?: string;
}

export interface ConformanceReport {
  ok: boolean;
  errors: ConformanceIssue[];
  warnings: ConformanceIssue[];
  information: ConformanceIssue[];
  /** Which entry was validated against which profile (and whether it conformed). */
  checked: { path: string; resourceType: string; profile: string; ok: boolean }[];
}

// validateResource's slice counting contradicts the IG's own examples (nested extension slices, pattern slices,
// resource slices by profile): slice cardinality is taken from the snapshot walk instead.
const MEDPLUM_SLICE_COUNT = /^Incorrect number of values provided for slice/;
// It also cannot tell a urn:uuid reference's type; references are resolved in the bundle and checked by target here.
const MEDPLUM_URN_REFERENCE = /^Invalid reference: got "urn:/;

function medplumIssues(resource: Resource, sd: StructureDefinition | undefined): OperationOutcomeIssue[] {
  try {
    return validateResource(resource, sd ? { profile: sd } : undefined);
  } catch (e) {
    if (e instanceof OperationOutcomeError) return e.outcome.issue ?? [];
    return [
      { severity: 'error', code: 'processing', details: { text: `validator failed: ${e instanceof Error ? e.message : String(e)}` } },
    ];
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const canonicalUrl = (c: string): string => c.split('|')[0] ?? c;
const shortName = (c: string): string => canonicalUrl(c).split('/').pop() ?? c;

interface Entry {
  fullUrl?: string;
  resource?: Record<string, unknown>;
}

function resolver(entries: Entry[]): (ref: string) => number | undefined {
  const byUrl = new Map<string, number>();
  const byKey = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.fullUrl) byUrl.set(e.fullUrl, i);
    const r = e.resource;
    if (r && typeof r.resourceType === 'string' && typeof r.id === 'string') byKey.set(`${r.resourceType}/${r.id}`, i);
    const m = e.fullUrl ? /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(e.fullUrl) : null;
    if (m?.[1]) byKey.set(m[1], i);
  });
  return (ref) => {
    const exact = byUrl.get(ref);
    if (exact !== undefined) return exact;
    if (ref.startsWith('urn:')) return undefined;
    const m = /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(ref);
    return m?.[1] ? byKey.get(m[1]) : undefined;
  };
}

function referencesIn(node: unknown, path: string, out: { ref: string; path: string }[] = []): { ref: string; path: string }[] {
  if (Array.isArray(node)) node.forEach((n, i) => referencesIn(n, `${path}[${i}]`, out));
  else if (isObj(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'reference' && typeof v === 'string') out.push({ ref: v, path: `${path}.reference` });
      else if (k !== 'resource' || !path.endsWith(']')) referencesIn(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/** Extensions anywhere in a resource, with their paths (sub-extensions of complex ones included). */
function extensionsIn(node: unknown, path: string, out: { value: Record<string, unknown>; path: string }[] = []): typeof out {
  if (Array.isArray(node)) node.forEach((n, i) => extensionsIn(n, `${path}[${i}]`, out));
  else if (isObj(node)) {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'extension' || k === 'modifierExtension') && Array.isArray(v)) {
        v.forEach((x, i) => {
          if (isObj(x)) out.push({ value: x, path: `${path}.${k}[${i}]` });
        });
      }
      extensionsIn(v, `${path}.${k}`, out);
    }
  }
  return out;
}

const OWN_NAMESPACES = ['http://hl7.org/fhir/us/davinci-pas/', 'http://hl7.org/fhir/us/core/'];

class BundleCheck {
  private readonly terms: Terminology;
  private readonly walker: ProfileWalker;
  private readonly issues: ConformanceIssue[] = [];
  private readonly seen = new Set<string>();
  readonly checked: ConformanceReport['checked'] = [];

  constructor(private readonly reg: Registry) {
    this.terms = new Terminology(reg);
    this.walker = new ProfileWalker(reg, this.terms);
  }

  private push(list: ConformanceIssue[]): void {
    for (const i of list) {
      const key = `${i.severity}|${i.path}|${i.message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.issues.push(i);
    }
  }

  /** One resource against one profile: validateResource + the walk; references and typed children returned. */
  private one(
    resource: Record<string, unknown>,
    path: string,
    profile: string,
  ): {
    issues: ConformanceIssue[];
    refs: { reference: string; path: string; profiles: string[] }[];
    typed: { path: string; profiles: string[] }[];
  } {
    const sd = this.reg.structure(profile);
    if (!sd)
      return {
        issues: [
          { severity: 'warning', source: 'profile', path, message: `profile ${profile} is not in the packages; not checked`, profile },
        ],
        refs: [],
        typed: [],
      };
    const type = String(resource.resourceType);
    const base = medplumIssues(resource as unknown as Resource, sd)
      .filter((i) => !MEDPLUM_SLICE_COUNT.test(i.details?.text ?? '') && !MEDPLUM_URN_REFERENCE.test(i.details?.text ?? ''))
      .map((i): ConformanceIssue => {
        const where = (i.expression?.[0] ?? type).replace(new RegExp(`^${type}`), path);
        return {
          severity: i.severity === 'fatal' ? 'error' : i.severity,
          source: 'medplum',
          path: where,
          message: i.details?.text ?? i.diagnostics ?? i.code,
          profile,
        };
      });
    const w = this.walker.walk(resource, path, sd);
    const issues = [...base, ...w.issues.map((i) => ({ ...i, profile }))];
    return { issues, refs: w.refs, typed: w.typed };
  }

  run(bundle: Record<string, unknown>, bundleProfile: string): void {
    const entries = (Array.isArray(bundle.entry) ? bundle.entry : []).filter(isObj) as Entry[];
    const resolve = resolver(entries);
    const queue: { index: number; profiles: string[]; why: string }[] = [];
    const done = new Set<string>();
    const enqueue = (index: number, profiles: string[], why: string): void => {
      const key = `${index}|${[...profiles].sort().join(',')}`;
      if (done.has(key)) return;
      done.add(key);
      queue.push({ index, profiles, why });
    };

    const top = this.one(bundle, 'Bundle', bundleProfile);
    this.push(top.issues);
    this.checked.push({
      path: 'Bundle',
      resourceType: 'Bundle',
      profile: bundleProfile,
      ok: !top.issues.some((i) => i.severity === 'error'),
    });
    for (const t of top.typed) {
      const m = /^Bundle\.entry\[(\d+)\]\.resource$/.exec(t.path);
      if (m) enqueue(Number(m[1]), t.profiles, 'the bundle profile types this entry');
    }
    entries.forEach((e, i) => {
      const claimed =
        isObj(e.resource?.meta) && Array.isArray(e.resource.meta.profile)
          ? (e.resource.meta.profile as unknown[]).filter((p): p is string => typeof p === 'string')
          : [];
      for (const p of claimed) {
        if (this.reg.structure(p)) enqueue(i, [p], 'meta.profile');
        else
          this.push([
            {
              severity: 'warning',
              source: 'profile',
              path: `Bundle.entry[${i}].resource.meta.profile`,
              message: `claimed profile ${p} is not in the packages; not checked`,
            },
          ]);
      }
      for (const r of referencesIn(e.resource, `Bundle.entry[${i}].resource`)) {
        if (!r.ref.startsWith('#') && resolve(r.ref) === undefined) {
          this.push([
            {
              severity: 'error',
              source: 'reference',
              path: r.path,
              message: `reference "${r.ref}" does not resolve to an entry of the bundle (PAS spec-13)`,
            },
          ]);
        }
      }
    });

    while (queue.length) {
      const { index, profiles } = queue.shift() as { index: number; profiles: string[]; why: string };
      const resource = entries[index]?.resource;
      if (!resource) continue;
      const path = `Bundle.entry[${index}].resource`;
      const results = profiles.map((p) => ({ profile: p, ...this.one(resource, path, p) }));
      const errors = (r: (typeof results)[number]): number => r.issues.filter((i) => i.severity === 'error').length;
      const best = [...results].sort((a, b) => errors(a) - errors(b))[0];
      if (!best) continue;
      this.checked.push({ path, resourceType: String(resource.resourceType), profile: best.profile, ok: errors(best) === 0 });
      if (results.length > 1 && errors(best) > 0) {
        this.push(
          best.issues.map((i) =>
            i.severity === 'error'
              ? { ...i, profile: `${shortName(best.profile)} (the closest of ${profiles.map(shortName).join(' | ')})` }
              : i,
          ),
        );
      } else this.push(best.issues);
      for (const r of best.refs) this.follow(r, resolve, entries, enqueue);
      this.extensions(resource, path);
    }
  }

  private follow(
    r: { reference: string; path: string; profiles: string[] },
    resolve: (ref: string) => number | undefined,
    entries: Entry[],
    enqueue: (i: number, p: string[], why: string) => void,
  ): void {
    if (r.reference.startsWith('#')) return;
    const target = resolve(r.reference);
    if (target === undefined) return; // reported once by the reference pass
    const type = String(entries[target]?.resource?.resourceType ?? '');
    const fits = r.profiles.filter((p) => {
      const sd = this.reg.structure(p);
      return sd ? sd.type === type || sd.type === 'Resource' : canonicalUrl(p).endsWith(`/${type}`);
    });
    if (!fits.length) {
      this.push([
        {
          severity: 'error',
          source: 'reference',
          path: r.path,
          message: `points at a ${type}; the profile allows ${r.profiles.map(shortName).join(' | ')}`,
        },
      ]);
      return;
    }
    const profiled = fits.filter((p) => !canonicalUrl(p).startsWith('http://hl7.org/fhir/StructureDefinition/'));
    if (profiled.length === fits.length) enqueue(target, profiled, `referenced from ${r.path}`);
  }

  /** Extensions no profile slice covered: checked against their own definition, or reported as unknown. */
  private extensions(resource: Record<string, unknown>, path: string): void {
    for (const x of extensionsIn(resource, path)) {
      if (this.walker.checkedExtensions.has(x.value)) continue;
      const url = typeof x.value.url === 'string' ? x.value.url : '';
      if (!/^[a-z]+:/.test(url)) continue; // a sub-extension of a complex extension, covered by its parent
      const def = this.reg.extension(url);
      if (def) {
        const res = { issues: [] as WalkIssue[], refs: [], typed: [] };
        this.walker.checkExtension({ value: x.value, path: x.path, key: 'extension' }, url, res, (severity, source, p, message) =>
          res.issues.push({ severity, source, path: p, message }),
        );
        this.push(res.issues.map((i) => ({ ...i, source: 'extension' as const })));
      } else {
        const own = OWN_NAMESPACES.some((n) => url.startsWith(n));
        this.push([
          {
            severity: own ? 'error' : 'warning',
            source: 'extension',
            path: x.path,
            message: own
              ? `unknown extension ${url}: no such definition in the packages`
              : `extension ${url} is not defined in the packages; not checked`,
          },
        ]);
      }
    }
  }

  report(): ConformanceReport {
    // validateResource and the walk both see a missing required element; the walk's message says which.
    const counted = new Set(this.issues.filter((i) => i.source === 'profile' && / found 0$/.test(i.message)).map((i) => i.path));
    const kept = this.issues.filter((i) => !(i.source === 'medplum' && i.message === 'Missing required property' && counted.has(i.path)));
    const by = (s: ConformanceIssue['severity']): ConformanceIssue[] => kept.filter((i) => i.severity === s);
    const errors = by('error');
    return { ok: errors.length === 0, errors, warnings: by('warning'), information: by('information'), checked: this.checked };
  }
}

/** Validates a PAS request Bundle (parsed JSON or JSON text) against the official profiles. */
export function validatePasConformance(bundle: unknown, profile = PAS_REQUEST_BUNDLE): ConformanceReport {
  let input = bundle;
  if (typeof bundle === 'string') {
    try {
      input = JSON.parse(bundle) as unknown;
    } catch {
      return {
        ok: false,
        errors: [{ severity: 'error', source: 'medplum', path: 'Bundle', message: 'not valid JSON' }],
        warnings: [],
        information: [],
        checked: [],
      };
    }
  }
  if (!isObj(input) || input.resourceType !== 'Bundle') {
    return {
      ok: false,
      errors: [{ severity: 'error', source: 'medplum', path: 'Bundle', message: 'not a FHIR Bundle' }],
      warnings: [],
      information: [],
      checked: [],
    };
  }
  const check = new BundleCheck(getRegistry());
  check.run(input, profile);
  return check.report();
}

/** One line per error, for messages and test failures. */
export function formatIssues(list: readonly ConformanceIssue[]): string[] {
  return list.map((i) => `${i.path}: ${i.message}${i.profile ? ` [${shortName(i.profile)}]` : ''}`);
}

export { getRegistry } from './registry';
export { loadPackages } from './packages';

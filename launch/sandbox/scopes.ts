// SMART scope grammar (v1 `patient/Observation.read`, v2 `patient/Observation.rs`): what the sandbox client may be
// granted, how the chart's launch options withhold some, and whether a granted set allows a FHIR interaction.

export const CLIENT_SCOPES_FIXED = new Set([
  'openid',
  'fhirUser',
  'profile',
  'launch',
  'launch/patient',
  'launch/encounter',
  'online_access',
  'offline_access',
]);

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)(\?[^\s]*)?$/;

export type Interaction = 'read' | 'search' | 'create' | 'update';

interface ParsedScope {
  context: string;
  type: string;
  /** v2 letters, with v1 read = rs, write = cud, * = cruds. */
  perms: string;
  query: string;
}

function parse(scope: string): ParsedScope | undefined {
  const m = RESOURCE_SCOPE.exec(scope);
  if (!m || m[3] === '') return undefined;
  const raw = m[3] ?? '';
  const perms = raw === 'read' ? 'rs' : raw === 'write' ? 'cud' : raw === '*' ? 'cruds' : raw;
  return { context: m[1] ?? '', type: m[2] ?? '', perms, query: m[4] ?? '' };
}

function format(s: ParsedScope, v1: boolean): string | undefined {
  if (s.perms === '') return undefined;
  if (v1) {
    if (s.perms === 'rs') return `${s.context}/${s.type}.read`;
    if (s.perms === 'cud') return `${s.context}/${s.type}.write`;
  }
  return `${s.context}/${s.type}.${s.perms}${s.query}`;
}

/** Requested scopes the public client "claimready" may hold: SMART fixed scopes and patient/ resource scopes. It is
 * registered as a patient-context app: user/ scopes (the whole chart the user can see) are never granted, and the
 * granted `scope` in the token response says so (SMART lets a server grant less than asked). */
export function grantable(requested: string[], knownTypes: readonly string[]): string[] {
  const known = new Set(knownTypes);
  const out: string[] = [];
  for (const scope of requested) {
    if (CLIENT_SCOPES_FIXED.has(scope)) {
      out.push(scope);
      continue;
    }
    const p = parse(scope);
    // system/ scopes are for backend services, user/ ones were not registered for this client.
    if (p && p.context === 'patient' && (p.type === '*' || known.has(p.type))) out.push(scope);
  }
  return [...new Set(out)];
}

export interface WithholdOptions {
  withholdWrite?: boolean;
  withholdObservation?: boolean;
}

/** Applies the chart's "denied scope" options to a granted set. */
export function withhold(granted: string[], options: WithholdOptions, knownTypes: readonly string[]): string[] {
  let out: string[] = [];
  for (const scope of granted) {
    const p = parse(scope);
    if (!p) {
      out.push(scope);
      continue;
    }
    const v1 = /\.(read|write|\*)$/.test(scope.split('?')[0] ?? scope);
    let parts: ParsedScope[] = [p];
    if (options.withholdObservation) {
      if (p.type === 'Observation') continue;
      // A wildcard would still cover Observation, so it becomes the explicit list of the other types.
      if (p.type === '*') parts = knownTypes.filter((t) => t !== 'Observation').map((t) => ({ ...p, type: t }));
    }
    for (const part of parts) {
      const perms = options.withholdWrite ? part.perms.replace(/[cud]/g, '') : part.perms;
      const formatted = format({ ...part, perms }, v1);
      if (formatted) out.push(formatted);
    }
  }
  out = [...new Set(out)];
  return out;
}

const LETTER: Record<Interaction, string> = { read: 'r', search: 's', create: 'c', update: 'u' };

/** Whether any granted patient/ or user/ scope allows this interaction on this type. */
export function allows(granted: readonly string[], resourceType: string, interaction: Interaction): boolean {
  return granted.some((scope) => {
    const p = parse(scope);
    return (
      p !== undefined && p.context !== 'system' && (p.type === '*' || p.type === resourceType) && p.perms.includes(LETTER[interaction])
    );
  });
}

// The SMART token response is outside data: fhirclient passes it through untyped (its types lack fhirContext,
// intent, tenant), so it is validated here before anything trusts a patient id from it.
import { z } from 'zod';
import { decodeBase64Utf8 } from '../read/base64';
import { requestedScopes } from './scopes';
import { FAILURES, type LaunchFailure } from './launch-failure';

export { classifyLaunchFailure, launchFailure, type LaunchFailure, type LaunchFailureKind } from './launch-failure';

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

// EHRs in the wild send booleans and numbers as strings; accept both spellings.
const looseBool = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());
const looseNumber = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number());

const FhirContextObject = z.looseObject({
  reference: z.string().optional(),
  canonical: z.string().optional(),
  identifier: z.unknown().optional(),
  type: z.string().optional(),
  role: z.string().optional(),
});
// SMART 2.0.0 allowed plain reference strings; 2.1+ uses objects. Both are seen.
const FhirContextItem = z.union([z.string(), FhirContextObject]);

export const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer' || t.toLowerCase() === 'dpop', 'token_type must be Bearer'),
  expires_in: looseNumber.optional(),
  scope: z.string().optional(),
  refresh_token: z.string().optional(),
  id_token: z.string().optional(),
  patient: z.string().optional(),
  encounter: z.string().optional(),
  fhirContext: z.union([z.array(FhirContextItem), z.string()]).optional(),
  need_patient_banner: looseBool.optional(),
  smart_style_url: z.string().optional(),
  intent: z.string().optional(),
  tenant: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export interface LaunchContext {
  patientId: string;
  encounterId?: string;
  /** Planned-service orders handed over in fhirContext, in the order given. */
  serviceRequestIds: string[];
  needPatientBanner: boolean;
  smartStyleUrl?: string;
  grantedScopes: string[];
  /** "Practitioner/123" from the id_token's fhirUser claim; decoded only, the signature is not checked here. */
  user?: string;
  intent?: string;
  tenant?: string;
}

export type LaunchProblemKind = 'no-patient' | 'invalid-token-response';

/** Same shape as a LaunchFailure so one screen shows both. */
export interface LaunchProblem extends Omit<LaunchFailure, 'kind'> {
  kind: LaunchProblemKind;
  /** Paths of the token-response fields that were wrong (never their values: they may be secrets). */
  paths: string[];
}

export type LaunchResult = { ok: true; context: LaunchContext } | { ok: false; problem: LaunchProblem };

/** "ServiceRequest/1", "https://ehr/fhir/ServiceRequest/1", "ServiceRequest/1/_history/2" -> ["ServiceRequest","1"]. */
export function splitReference(ref: string): { type: string; id: string } | undefined {
  const path = ref.split(/[?#]/)[0]!.replace(/\/_history\/[^/]+$/, '');
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(path);
  return m ? { type: m[1]!, id: m[2]! } : undefined;
}

function serviceRequestIds(ctx: TokenResponse['fhirContext']): string[] {
  if (ctx === undefined) return [];
  const items = typeof ctx === 'string' ? ctx.split(/[\s,]+/).filter(Boolean) : ctx;
  const ids: string[] = [];
  for (const item of items) {
    const ref = typeof item === 'string' ? item : item.reference;
    if (!ref) continue;
    const parsed = splitReference(ref);
    if (parsed?.type === 'ServiceRequest' && !ids.includes(parsed.id)) ids.push(parsed.id);
  }
  return ids;
}

const IdTokenClaims = z.looseObject({ fhirUser: z.string().optional(), profile: z.string().optional() });

/** The user's FHIR reference from an id_token, decoded without verifying it (display and Provenance only). */
export function userFromIdToken(idToken: string | undefined): string | undefined {
  if (!idToken) return undefined;
  const payload = idToken.split('.')[1];
  if (!payload) return undefined;
  const text = decodeBase64Utf8(payload);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const claims = IdTokenClaims.safeParse(json);
  if (!claims.success) return undefined;
  const raw = claims.data.fhirUser ?? claims.data.profile;
  const ref = raw ? splitReference(raw) : undefined;
  return ref ? `${ref.type}/${ref.id}` : undefined;
}

export function parseLaunchContext(tokenResponse: unknown): LaunchResult {
  const parsed = TokenResponseSchema.safeParse(tokenResponse);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((i) => i.path.map(String).join('.') || '(root)');
    return {
      ok: false,
      problem: {
        kind: 'invalid-token-response',
        title: 'The EHR sent an unexpected sign-in answer',
        message: `The EHR's token response is not usable (${paths.join(', ')}).`,
        action: FAILURES.unknown.action,
        paths,
      },
    };
  }
  const t = parsed.data;
  if (!t.patient || !FHIR_ID.test(t.patient)) {
    return {
      ok: false,
      problem: {
        kind: 'no-patient',
        title: FAILURES['no-patient'].title,
        action: FAILURES['no-patient'].action,
        message: t.patient ? 'The patient id in the launch context is not a valid FHIR id.' : 'The launch did not include a patient.',
        paths: ['patient'],
      },
    };
  }
  // RFC 6749 §5.1: an omitted scope means the requested scope was granted as asked.
  const scope = t.scope ?? requestedScopes();
  const context: LaunchContext = {
    patientId: t.patient,
    serviceRequestIds: serviceRequestIds(t.fhirContext),
    // SMART: absent means the app cannot assume a banner is already shown.
    needPatientBanner: t.need_patient_banner ?? true,
    grantedScopes: scope.split(/\s+/).filter(Boolean),
  };
  if (t.encounter && FHIR_ID.test(t.encounter)) context.encounterId = t.encounter;
  if (t.smart_style_url) context.smartStyleUrl = t.smart_style_url;
  const user = userFromIdToken(t.id_token);
  if (user) context.user = user;
  if (t.intent) context.intent = t.intent;
  if (t.tenant) context.tenant = t.tenant;
  return { ok: true, context };
}

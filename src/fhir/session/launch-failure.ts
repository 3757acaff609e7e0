// Turns whatever went wrong during launch or the first read into one specific, actionable screen.
import { FhirReadError } from '../read/reader';
import { grantedAccess } from './scopes';

export type LaunchFailureKind =
  'no-patient' | 'unknown-patient' | 'denied-scope' | 'refused' | 'storage-blocked' | 'expired' | 'unreachable' | 'unknown';

export interface LaunchFailure {
  kind: LaunchFailureKind;
  title: string;
  message: string;
  action: string;
}

export const FAILURES: Record<LaunchFailureKind, Omit<LaunchFailure, 'kind'>> = {
  'no-patient': {
    title: 'No patient selected',
    message: 'ClaimReady was opened without a patient, so there is no chart to check.',
    action: "Relaunch ClaimReady from the patient's chart.",
  },
  'unknown-patient': {
    title: 'The EHR does not know this patient',
    message: 'The launch named a patient the EHR has no record of, so there is no chart to check (this is not an empty chart).',
    action:
      "Relaunch ClaimReady from the patient's chart. If it happens again, ask your EHR administrator to check the launch configuration.",
  },
  'denied-scope': {
    title: 'Access to the chart was not granted',
    message: 'The EHR did not allow ClaimReady to read the records it needs for this patient.',
    action:
      'Approve the requested access when relaunching, or ask your EHR administrator to grant ClaimReady the access it asks for (README: scopes).',
  },
  refused: {
    title: 'The EHR refused the sign-in',
    message: 'The EHR did not accept how ClaimReady signed in.',
    action:
      "Ask your EHR administrator to check ClaimReady's registration (client id, redirect URL, FHIR server address) against the values in its README, then relaunch from the chart.",
  },
  'storage-blocked': {
    title: 'The browser blocks ClaimReady inside this EHR window',
    message:
      'The browser does not let ClaimReady keep its sign-in while it is embedded in the EHR page (storage for embedded sites is blocked).',
    action:
      'Open ClaimReady in its own window with the link below, or ask your EHR administrator to open it in a new window or allow storage for it.',
  },
  expired: {
    title: 'Your session has ended',
    message: 'The sign-in to the EHR has expired or was lost.',
    action: "Relaunch ClaimReady from the patient's chart.",
  },
  unreachable: {
    title: 'The EHR cannot be reached',
    message: 'ClaimReady could not connect to the EHR server.',
    action: 'Check your network connection, then relaunch ClaimReady from the chart. If it persists, contact IT support.',
  },
  unknown: {
    title: 'ClaimReady could not start',
    message: 'Something unexpected went wrong while opening the chart.',
    action: "Relaunch ClaimReady from the patient's chart. If it happens again, contact support.",
  },
};

export function launchFailure(kind: LaunchFailureKind): LaunchFailure {
  return { kind, ...FAILURES[kind] };
}

const OAUTH_ERROR =
  /(?:^|\n)(invalid_request|invalid_client|invalid_grant|unauthorized_client|unsupported_grant_type|unsupported_response_type|invalid_scope|access_denied|server_error|temporarily_unavailable|login_required|consent_required|interaction_required)(?::\s*([^\n]*))?/;

/** The OAuth error the EHR sent (redirect `error`/`error_description`, or the token endpoint's JSON), verbatim. */
export function oauthErrorOf(message: string): { code: string; description?: string } | undefined {
  const m = OAUTH_ERROR.exec(message);
  if (!m?.[1]) return undefined;
  const description = m[2]?.trim();
  return { code: m[1], ...(description ? { description } : {}) };
}

/** The EHR's own words, kept short and plain (they are shown as text, never as markup). */
function ehrSaid(e: { code: string; description?: string }): string {
  const text = (e.description ?? '').replace(/\s+/g, ' ').slice(0, 300);
  return text ? `The EHR said: "${text}" (${e.code}).` : `The EHR answered ${e.code}.`;
}

function statusOf(error: object): number | undefined {
  const s = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof s === 'number' ? s : undefined;
}

/**
 * `error`: a FhirReadError, a fhirclient HttpError, an OAuth error raised by FHIR.oauth2.ready (from the redirect's
 * `error` parameter), a lost-state error, or a network TypeError. `context.grantedScopes`, when given, lets a
 * denied read be recognised even when the error itself is generic.
 */
export function classifyLaunchFailure(error: unknown, context?: { grantedScopes?: string[] }): LaunchFailure {
  if (context?.grantedScopes && !grantedAccess(context.grantedScopes.join(' ')).canRead('Patient')) {
    return launchFailure('denied-scope');
  }
  if (error instanceof FhirReadError) {
    if (error.kind === 'expired') return launchFailure('expired');
    if (error.kind === 'failed' && (error.status === 404 || error.status === 410)) return launchFailure('unknown-patient');
    if (error.kind === 'unreachable') return launchFailure('unreachable');
    if (error.kind === 'denied') return launchFailure('denied-scope');
    return launchFailure('unknown');
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (/storage.*(blocked|denied|not available)|access to storage|SecurityError.*storage|sessionStorage/i.test(message))
    return launchFailure('storage-blocked');
  const oauth = oauthErrorOf(message);
  if (oauth && !(oauth.code === 'invalid_grant' && /expired|already used/i.test(oauth.description ?? ''))) {
    // Scope refusals name what was refused in the EHR's words: it may be the write access, not the read.
    const kind = oauth.code === 'access_denied' || oauth.code === 'invalid_scope' ? 'denied-scope' : 'refused';
    const base = launchFailure(kind);
    const lead = kind === 'denied-scope' ? 'The EHR did not grant the access ClaimReady asked for.' : base.message;
    return { ...base, message: `${lead} ${ehrSaid(oauth)}` };
  }
  if (typeof error === 'object' && error !== null) {
    const status = statusOf(error);
    if (status === 401) return launchFailure('expired');
    if (status === 403) return launchFailure('denied-scope');
  }
  if (/insufficient_scope/i.test(message)) return launchFailure('denied-scope');
  if (/patient is not available|no patient|missing patient/i.test(message)) return launchFailure('no-patient');
  // fhirclient: "No 'state' parameter found" / "No state found! Please (re)launch the app." / refresh failures.
  if (/\bstate\b.*(re)?launch|session (has )?expired|invalid_grant|token.*expired|expired.*token/i.test(message)) {
    return launchFailure('expired');
  }
  if (
    error instanceof TypeError ||
    /failed to fetch|fetch failed|networkerror|network error|ECONNREFUSED|ENOTFOUND|load failed/i.test(message)
  ) {
    return launchFailure('unreachable');
  }
  return launchFailure('unknown');
}

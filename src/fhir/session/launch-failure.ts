// Turns whatever went wrong during launch or the first read into one specific, actionable screen.
import { FhirReadError } from '../read/reader';
import { grantedAccess } from './scopes';

export type LaunchFailureKind = 'no-patient' | 'denied-scope' | 'expired' | 'unreachable' | 'unknown';

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
  'denied-scope': {
    title: 'Access to the chart was not granted',
    message: 'The EHR did not allow ClaimReady to read the records it needs for this patient.',
    action: 'Approve the requested access when relaunching, or ask your EHR administrator to grant ClaimReady read access.',
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
    if (error.kind === 'unreachable') return launchFailure('unreachable');
    if (error.kind === 'denied') return launchFailure('denied-scope');
    return launchFailure('unknown');
  }
  if (typeof error === 'object' && error !== null) {
    const status = statusOf(error);
    if (status === 401) return launchFailure('expired');
    if (status === 403) return launchFailure('denied-scope');
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (/access_denied|invalid_scope|insufficient_scope|unauthorized_client/i.test(message)) return launchFailure('denied-scope');
  if (/patient is not available|no patient|missing patient/i.test(message)) return launchFailure('no-patient');
  // fhirclient: "No 'state' parameter found" / "No state found! Please (re)launch the app." / refresh failures.
  if (/\bstate\b.*(re)?launch|session (has )?expired|invalid_grant|token.*expired|expired.*token/i.test(message)) {
    return launchFailure('expired');
  }
  if (error instanceof TypeError || /failed to fetch|fetch failed|networkerror|network error|ECONNREFUSED|ENOTFOUND|load failed/i.test(message)) {
    return launchFailure('unreachable');
  }
  return launchFailure('unknown');
}

// The patient's prior-auth requests from the ClaimReady service, for views that only read them (the Visit
// checklist's authorizations on file). The service may be down or absent: that is a state to show, never a failure
// of the view, so the chart's own authorizations are still listed.
import { useEffect, useMemo, useState } from 'react';
import { serviceApi, type PaRequestView, type ServiceApi } from './api';

export type ServiceRequests = { state: 'loading' } | { state: 'ok'; requests: PaRequestView[] } | { state: 'unavailable'; message: string };

export function useServiceRequests(patientId: string, token: (() => string | undefined) | undefined, given?: ServiceApi): ServiceRequests {
  const api = useMemo(() => given ?? (token ? serviceApi(token) : undefined), [given, token]);
  // The answer is kept with what it answered, so a new patient or client reads as loading until its own answer.
  const [answer, setAnswer] = useState<{ api: ServiceApi; patientId: string; result: ServiceRequests } | undefined>();
  useEffect(() => {
    if (!api) return;
    let live = true;
    const done = (result: ServiceRequests) => live && setAnswer({ api, patientId, result });
    api.list(patientId).then(
      (requests) => done({ state: 'ok', requests }),
      (e: unknown) => done({ state: 'unavailable', message: e instanceof Error ? e.message : 'it did not answer' }),
    );
    return () => {
      live = false;
    };
  }, [api, patientId]);
  if (!api) return { state: 'unavailable', message: 'no EHR session is available to the ClaimReady service' };
  return answer && answer.api === api && answer.patientId === patientId ? answer.result : { state: 'loading' };
}

/** What the panel says about the service's part of the list, when it is not all there. */
export function serviceNoteOf(r: ServiceRequests): string | undefined {
  if (r.state === 'loading') return 'Reading authorizations from the ClaimReady service…';
  if (r.state === 'unavailable')
    return `Authorizations from the ClaimReady service are unavailable (${r.message.replace(/\.$/, '')}); only the chart's are listed.`;
  return undefined;
}

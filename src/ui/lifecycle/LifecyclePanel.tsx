// Submit the packet to the payer through the ClaimReady service and follow it to a decision, on the Prior auth view.
// Submit is disabled, with the reason, while the packet is blocked. A submission first saves the packet to the chart
// (its Task is what the decision is written back to), then hands the PAS bundle to the service, which sends it once
// per Claim identifier however often it is clicked. Open requests are re-read every few seconds, so a decision the
// payer pushes (rest-hook) shows without a reload, and each decision is written back to the chart once.
import { QueryClient, QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FhirWriter } from '../../writeback/index';
import type { SavedState } from '../../fhir/index';
import { denialClause, type DenialClause } from '../../policy/index';
import { makePacket, savePacket, stageTrackFor, type PacketPreview as PriorAuthModel } from '../../workflow/index';
import { serviceApi, type PaAnswer, type PaRequestView, type ServiceApi } from './api';
import { decisionKey, isDecided, writeDecisionToChart } from './chart-writeback';
import { RequestCard } from './RequestCard';
import { StageTrack } from './StageTrack';
import { authsForService, authsFromChart, authsFromService, mergeAuths } from './auths-on-file';
import { WorkQueue } from './WorkQueue';
import './lifecycle.css';

const POLL_MS = 2_000;
const WAITING = new Set(['submitting', 'submitted', 'pended']);

export interface LifecyclePanelProps {
  model: PriorAuthModel;
  writer: FhirWriter | null;
  user?: string;
  now: () => string;
  /** The user's SMART access token, which the service checks with the EHR. */
  token?: () => string | undefined;
  /** Tests pass a client bound to an in-process service. */
  api?: ServiceApi;
  /** ClaimReady's earlier output in the chart: its decided Tasks are authorizations on file. */
  saved?: SavedState;
}

export function blockedReason(model: PriorAuthModel, hasSession: boolean): string | undefined {
  if (!hasSession) return 'No EHR session is available to the ClaimReady service; relaunch from the chart.';
  const policy = model.blockers.filter((b) => b.source === 'policy').length;
  const packet = model.blockers.length - policy;
  if (policy + packet === 0) return undefined;
  const parts = [
    policy ? `${policy} policy criterion(s) not documented` : '',
    packet ? `${packet} PAS rule failure(s) in the packet` : '',
  ].filter(Boolean);
  return `Submit is blocked until the issues listed above are fixed: ${parts.join(', ')}.`;
}

// Its own query cache, so the panel works wherever the view is rendered (the view's hosts need not provide one).
const queries = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

export function LifecyclePanel(props: LifecyclePanelProps) {
  return (
    <QueryClientProvider client={queries}>
      <Panel {...props} />
    </QueryClientProvider>
  );
}

function Panel({ model, writer, user, now, token, api: given, saved }: LifecyclePanelProps) {
  const api = useMemo(() => given ?? serviceApi(token ?? (() => undefined)), [given, token]);
  const [queueOpen, setQueueOpen] = useState(false);
  const qc = useQueryClient();
  const patientId = model.packetInput.picture.patient.id;
  const serviceCode = model.packetInput.service.code;
  const [priority, setPriority] = useState<'standard' | 'expedited'>('standard');
  const [note, setNote] = useState<string | undefined>();
  const [writebacks, setWritebacks] = useState<Record<string, string>>({});
  const written = useRef(new Set<string>());
  const key = ['pa-requests', patientId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api.list(patientId),
    enabled: token !== undefined || given !== undefined,
    staleTime: 0,
    refetchInterval: (q) => ((q.state.data ?? []).some((r) => WAITING.has(r.status)) ? POLL_MS : false),
  });
  const set = (r: PaRequestView) => qc.setQueryData<PaRequestView[]>(key, (old = []) => [r, ...old.filter((o) => o.id !== r.id)]);

  const submit = useMutation({
    mutationFn: async () => {
      setNote(undefined);
      const packet = await makePacket(model, now());
      let chartTask: string | undefined;
      if (writer) {
        const saved = await savePacket(writer, model, { now: now(), packet, ...(user ? { user } : {}) });
        if (saved.ok) chartTask = saved.taskKey;
        else if (!saved.refused)
          setNote(
            `The packet was not saved to the chart (${saved.message}); it is submitted anyway, and the decision cannot update a chart task.`,
          );
      }
      return api.submit(packet.bundle, priority, chartTask);
    },
    onSuccess: set,
    onSettled: () => void qc.invalidateQueries({ queryKey: ['pa-queue'] }),
  });
  const act = useMutation({
    mutationFn: (a: { id: string; portal?: Record<string, string>; answer?: PaAnswer }) =>
      a.answer ? api.answer(a.id, a.answer) : a.portal ? api.portal(a.id, a.portal) : api.inquire(a.id),
    onSuccess: set,
  });

  // This service's requests; when none matches (the claim's first line may be another code), all of the patient's.
  const requests = useMemo(() => {
    const all = list.data ?? [];
    const mine = all.filter((r) => r.serviceCode === serviceCode);
    return mine.length ? mine : all;
  }, [list.data, serviceCode]);

  useEffect(() => {
    if (!writer) return;
    for (const r of requests) {
      if (!isDecided(r)) continue;
      const k = decisionKey(r);
      if (written.current.has(k)) continue;
      written.current.add(k);
      void (async () => {
        const response = await api.response(r.id).catch(() => undefined);
        const res = await writeDecisionToChart(
          writer,
          r,
          response,
          r.chartTask,
          { app: 'claimready', ...(user ? { user } : {}) },
          now(),
        ).catch((e: unknown) => ({
          ok: false as const,
          message: `The decision was not saved to the chart: ${e instanceof Error ? e.message : 'error'}`,
        }));
        if (!res.ok) written.current.delete(k); // try again on the next refresh
        setWritebacks((w) => ({ ...w, [r.id]: res.message }));
      })();
    }
  }, [requests, writer, api, user, now]);

  const { picture, service, today } = model.packetInput;
  const dos = (service.date ?? today).slice(0, 10);
  const track = useMemo(() => stageTrackFor(picture, service, today), [picture, service, today]);
  const auths = useMemo(
    () => authsForService(mergeAuths(authsFromChart(saved, dos), authsFromService(list.data ?? [], dos)), service.code),
    [saved, list.data, dos, service.code],
  );
  const clauseOf = (r: PaRequestView): DenialClause | undefined => {
    if (r.status !== 'denied' && !r.denialCode) return undefined;
    if (r.serviceCode !== service.code)
      return { mapped: false, why: `This request is for ${r.serviceCode}; its policy clause is named when that service is checked.` };
    return denialClause(r.denialCode, model.assessment, dos);
  };
  const clauses = new Map(requests.map((r) => [r.id, clauseOf(r)] as const));
  const blocked = blockedReason(model, token !== undefined || given !== undefined);
  const busy = submit.isPending;
  const existing = requests.find((r) => r.open || isDecided(r));
  return (
    <section className="card stack" aria-labelledby="lc-title" data-testid="pa-lifecycle">
      <StageTrack
        track={track}
        auths={auths}
        idPrefix="pa"
        level={3}
        {...(list.error
          ? { serviceNote: `Authorizations from the ClaimReady service are unavailable (${list.error.message}); the chart's are listed.` }
          : {})}
      />
      <h3 id="lc-title">Submit to the payer</h3>
      <div className="lc-submit">
        <label>
          Priority{' '}
          <select value={priority} onChange={(e) => setPriority(e.target.value === 'expedited' ? 'expedited' : 'standard')} disabled={busy}>
            <option value="standard">Standard (decision due in 7 days)</option>
            <option value="expedited">Expedited (decision due in 72 hours)</option>
          </select>
        </label>{' '}
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => submit.mutate()}
          disabled={busy || blocked !== undefined}
          aria-describedby={blocked ? 'lc-blocked' : undefined}
          data-testid="pa-submit"
        >
          {existing ? 'Submit again' : 'Submit to payer'}
        </button>
      </div>
      {blocked && (
        <p id="lc-blocked" className="muted" data-testid="pa-submit-blocked">
          {blocked}
        </p>
      )}
      <div role="status" aria-live="polite">
        {busy && <p>Submitting…</p>}
        {submit.error && <p className="error">{submit.error.message}</p>}
        {act.error && <p className="error">{act.error.message}</p>}
        {note && <p className="error">{note}</p>}
      </div>
      {list.error && <p className="error">{list.error.message}</p>}
      {requests.map((r) => (
        <RequestCard
          key={r.id}
          request={r}
          busy={act.isPending}
          onInquire={() => act.mutate({ id: r.id })}
          onPortal={(u) => act.mutate({ id: r.id, portal: u })}
          onAnswer={(answer) => act.mutate({ id: r.id, answer })}
          {...(writebacks[r.id] ? { writeback: writebacks[r.id] } : {})}
          {...(clauses.get(r.id) ? { clause: clauses.get(r.id)! } : {})}
        />
      ))}
      <details className="lc-queue-box" onToggle={(e) => setQueueOpen(e.currentTarget.open)}>
        <summary>Work queue</summary>
        {queueOpen && <WorkQueue api={api} />}
      </details>
    </section>
  );
}

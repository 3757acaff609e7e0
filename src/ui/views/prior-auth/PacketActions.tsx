// Save / download of the packet. The PDF (and pdf-lib with it) is made only when the user asks for it. Saving goes
// through writeAll (idempotent creates + Provenance) and reports created / already saved / the EHR's answer.
import { useState } from 'react';
import type { FhirWriter } from '../../../writeback/index';
import { makePacket, savePacket, type PacketPreview } from '../../../workflow/index';
import { downloadBytes, safeFileName } from './download';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'saved'; created: boolean; skipped: string[] }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string; outcome?: string };

export interface PacketActionsProps {
  model: PacketPreview;
  writer: FhirWriter | null;
  user?: string;
  /** The moment the packet is stamped with (Bundle.timestamp, Claim.created); read by the view, not the core. */
  now: () => string;
  /** Called with the chart Task's "system|value" after a save, so the view can show the Task as the EHR holds it. */
  onSaved?: (taskKey: string) => void;
}

export function PacketActions({ model, writer, user, now, onSaved }: PacketActionsProps) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [acceptIncomplete, setAcceptIncomplete] = useState(false);
  const policyBlocked = model.blockers.some((b) => b.source === 'policy');
  const busy = state.kind === 'working';
  // The Task builder makes no Task where the payer wants no prior authorization (packet-task.ts).
  const noTask = model.assessment.priorAuth.required === false;

  const make = async () => makePacket(model, now());

  const save = async (): Promise<void> => {
    if (!writer) return;
    if (policyBlocked && !acceptIncomplete) {
      setState({
        kind: 'refused',
        message:
          'The policy criteria under "Do first" are not all documented. Fix them, or tick "Save as an incomplete packet" to save it anyway.',
      });
      return;
    }
    setState({ kind: 'working', what: 'Saving the packet…' });
    try {
      const result = await savePacket(writer, model, { now: now(), ...(user ? { user } : {}) });
      if (result.ok) {
        setState({ kind: 'saved', created: result.created, skipped: result.skipped });
        onSaved?.(result.taskKey);
      } else if (result.refused) setState({ kind: 'refused', message: result.message });
      else setState({ kind: 'failed', message: result.message, ...(result.outcome ? { outcome: result.outcome } : {}) });
    } catch (e) {
      setState({ kind: 'failed', message: `The packet could not be made: ${e instanceof Error ? e.message : 'unknown error'}` });
    }
  };

  const download = async (what: 'pdf' | 'json'): Promise<void> => {
    setState({ kind: 'working', what: what === 'pdf' ? 'Making the PDF…' : 'Making the bundle…' });
    try {
      const packet = await make();
      const name = safeFileName(packet.title);
      if (what === 'pdf') downloadBytes(packet.pdf, `${name}.pdf`, 'application/pdf');
      else downloadBytes(JSON.stringify(packet.bundle, null, 2), `${name}-pas-bundle.json`, 'application/fhir+json');
      setState({ kind: 'idle' });
    } catch (e) {
      setState({ kind: 'failed', message: `The packet could not be made: ${e instanceof Error ? e.message : 'unknown error'}` });
    }
  };

  return (
    <section className="card stack" aria-labelledby="pa-actions-title">
      <h3 id="pa-actions-title">Packet</h3>
      {policyBlocked && (
        <label className="pa-accept">
          <input type="checkbox" checked={acceptIncomplete} onChange={(e) => setAcceptIncomplete(e.target.checked)} /> Save as an incomplete
          packet (the completeness assessment inside it lists what is missing)
        </label>
      )}
      <div className="pa-buttons">
        <button type="button" className="btn btn--primary" onClick={() => void save()} disabled={busy || !writer}>
          Save packet to chart
        </button>
        <button type="button" className="btn" onClick={() => void download('pdf')} disabled={busy}>
          Download PDF
        </button>
        <button type="button" className="btn" onClick={() => void download('json')} disabled={busy}>
          Download bundle JSON
        </button>
      </div>
      {!writer && <p className="muted">This session cannot write to the chart (no write permission was granted); downloads still work.</p>}
      <div role="status" aria-live="polite" className="pa-status">
        {state.kind === 'working' && <p>{state.what}</p>}
        {state.kind === 'saved' && state.skipped.length === 0 && (
          <p className="pa-ok">
            {noTask
              ? state.created
                ? 'Saved to the chart: the packet document was created (no task: no prior authorization is needed).'
                : 'Already saved: the chart already holds this packet; nothing was duplicated.'
              : state.created
                ? 'Saved to the chart: the packet document and a prior-auth task were created.'
                : 'Already saved: the chart already holds this packet and its task; nothing was duplicated.'}
          </p>
        )}
        {state.kind === 'saved' && state.skipped.length > 0 && (
          <div className="pa-ok">
            <p>{state.created ? 'Saved to the chart' : 'Already saved'}, except:</p>
            <ul>
              {state.skipped.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </div>
        )}
        {state.kind === 'refused' && <p className="error">Not saved. {state.message}</p>}
        {state.kind === 'failed' && (
          <div className="error">
            <p>{state.message}</p>
            {state.outcome && !state.message.includes(state.outcome) && <p>The EHR said: {state.outcome}</p>}
            <button type="button" className="btn" onClick={() => void save()}>
              Retry
            </button>
          </div>
        )}
      </div>
    </section>
  );
}

// The prior-auth work queue: open requests by due date, filterable by status and payer. What the caller sees is what
// the service allows its token: a patient-launched session sees that patient's; a user-level session sees all.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ServiceApi } from './api';
import { dueText, statusText } from './RequestCard';

export function WorkQueue({ api }: { api: ServiceApi }) {
  const [status, setStatus] = useState('');
  const [payer, setPayer] = useState('');
  const q = useQuery({
    queryKey: ['pa-queue', status, payer],
    queryFn: () => api.queue({ ...(status ? { status } : {}), ...(payer ? { payer } : {}) }),
    staleTime: 5_000,
  });
  return (
    <section className="stack" aria-labelledby="lc-queue-title">
      <h4 id="lc-queue-title">Work queue</h4>
      <div className="lc-filters">
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All open</option>
            {['pended', 'info-requested', 'denied', 'partial', 'approved', 'error', 'rejected', 'portal'].map((s) => (
              <option key={s} value={s}>
                {statusText(s)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Payer <input value={payer} onChange={(e) => setPayer(e.target.value.trim())} size={14} />
        </label>
      </div>
      {q.isPending && <p role="status">Loading the queue…</p>}
      {q.error && <p className="error">{q.error.message}</p>}
      {q.data && q.data.length === 0 && <p className="muted">Nothing open.</p>}
      {q.data && q.data.length > 0 && (
        <table className="lc-queue" data-testid="pa-queue">
          <thead>
            <tr>
              <th scope="col">Due</th>
              <th scope="col">Patient</th>
              <th scope="col">Service</th>
              <th scope="col">Payer</th>
              <th scope="col">Status</th>
              <th scope="col">Next action</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((r) => (
              <tr key={r.id}>
                <td>{dueText(r.due) ?? '—'}</td>
                <td>{r.patientId}</td>
                <td>{r.serviceCode}</td>
                <td>{r.payerId}</td>
                <td>{statusText(r.status)}</td>
                <td>{r.nextAction ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// @vitest-environment jsdom
// The Submit panel against the real service and sandbox payer in-process (PGlite in memory): blocked packets cannot
// be submitted and say why; a submission saves the packet, reaches a decision, shows it, and writes it back to the
// chart as ClaimReady output (decision document + the Task's status and outputs); double clicks send once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Bundle, Resource, Task } from 'fhir/r4';
import { LifecyclePanel } from '../../src/ui/lifecycle/LifecyclePanel';
import { serviceApi } from '../../src/ui/lifecycle/api';
import { packetPreview } from '../../src/workflow/index';
import { isClaimReadyOutput } from '../../src/fhir/read/own-output';
import { PATIENTS, type PatientCase } from '../writeback/pas/patients';
import { fakeEhr } from '../writeback/pas/fake-ehr';
import { harness, sharedSql, ORIGIN, type Harness } from '../server/harness';
import type { FhirWriter } from '../../src/writeback/writer';

beforeAll(() => sharedSql().then(() => undefined), 180_000);
let h: Harness | undefined;
afterEach(async () => {
  cleanup();
  await h?.close();
  h = undefined;
});
afterAll(() => cleanup());

/** fakeEhr plus a transaction that applies PUTs, as the sandbox does. */
function ehrWithUpdate(): ReturnType<typeof fakeEhr> & FhirWriter {
  const ehr = fakeEhr();
  return {
    ...ehr,
    transaction: async (b: Bundle) => {
      for (const e of b.entry ?? []) {
        const i = ehr.stored.findIndex((r) => `${r.resourceType}/${r.id ?? ''}` === e.request?.url);
        if (e.request?.method === 'PUT' && i >= 0) ehr.stored[i] = e.resource as Resource;
      }
      return { status: 200, body: { resourceType: 'Bundle', type: 'transaction-response', entry: [] } };
    },
  };
}

function model(c: PatientCase | undefined) {
  if (!c) throw new Error('no patient');
  const { picture, service, today, resources, clinic } = c.input;
  return packetPreview(picture, service, { today, now: `${today}T00:00:00Z`, ...(resources ? { resources } : {}), clinic });
}

describe('LifecyclePanel', () => {
  it('disables Submit with the reason while the packet is blocked', () => {
    render(
      <LifecyclePanel
        model={model(PATIENTS[1])}
        writer={null}
        now={() => '2026-11-23T10:00:00Z'}
        api={serviceApi(
          () => 't',
          `${ORIGIN}/service`,
          () => Promise.reject(new Error('must not be called')),
        )}
      />,
    );
    const button = screen.getByTestId('pa-submit') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByTestId('pa-submit-blocked').textContent).toMatch(
      /Submit is blocked until the issues listed above are fixed: \d+ policy criterion/,
    );
  });

  it('submits once under a double click, shows the approval, and writes the decision back to the chart', async () => {
    const m = model(PATIENTS[0]);
    expect(m.blockers).toEqual([]);
    h = await harness({ scenario: 'approve' });
    h.tokens.set('tok-ui', m.packetInput.picture.patient.id);
    const ehr = ehrWithUpdate();
    render(
      <LifecyclePanel
        model={m}
        writer={ehr}
        user="Practitioner/dr-lee"
        now={() => '2026-11-23T10:00:00Z'}
        api={serviceApi(() => 'tok-ui', `${ORIGIN}/service`, h.fetch)}
      />,
    );
    const button = screen.getByTestId('pa-submit');
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('pa-request-status').textContent).toBe('Approved'), { timeout: 15_000 });
    expect(screen.getByTestId('pa-auth-number').textContent).toBe('AUTH-000001');
    expect(screen.getByTestId('pa-auth-window').textContent).toMatch(/^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/);
    expect(h.payerCalls.filter((c) => c.endsWith('$submit'))).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('pa-writeback').textContent).toMatch(/task set to "Approved"/), { timeout: 15_000 });
    const decision = ehr.stored.find((r) => r.resourceType === 'DocumentReference' && JSON.stringify(r).includes('pa-decision'));
    expect(decision && isClaimReadyOutput(decision)).toBe(true);
    const task = ehr.stored.find((r): r is Task => r.resourceType === 'Task');
    expect(task).toMatchObject({ status: 'completed', businessStatus: { text: 'Approved' } });
    expect(task?.output?.find((o) => o.type.text === 'Authorization number')?.valueString).toBe('AUTH-000001');
    expect(task?.output?.find((o) => o.type.text === 'Payer decision')?.valueReference?.reference).toBe(
      `DocumentReference/${decision?.id ?? ''}`,
    );
  }, 60_000);
  it('denied with a coded reason: the reason and the assessed policy clause it maps to (rule id, document, version, section)', async () => {
    const m = model(PATIENTS[0]);
    h = await harness({ scenario: 'deny' });
    h.tokens.set('tok-deny', m.packetInput.picture.patient.id);
    render(
      <LifecyclePanel
        model={m}
        writer={null}
        now={() => '2026-11-23T10:00:00Z'}
        api={serviceApi(() => 'tok-deny', `${ORIGIN}/service`, h.fetch)}
      />,
    );
    fireEvent.click(screen.getByTestId('pa-submit'));
    await waitFor(() => expect(screen.getByTestId('pa-request-status').textContent).toBe('Denied'), { timeout: 15_000 });
    expect(screen.getByTestId('pa-denial-reason').textContent).toMatch(/conservative care/);
    const clause = screen.getByTestId('pa-denial-clause').textContent ?? '';
    expect(clause).toMatch(/^Code conservative-care \(Conservative care not documented for the required time\) maps to:/);
    const lines = screen.getAllByRole('listitem').filter((li) => li.closest('[data-testid="pa-denial-clauses"]'));
    expect(lines.map((li) => li.textContent)).toEqual([
      expect.stringMatching(
        /^ESI-CONSERVATIVE-WEEKS: LCD L39242 family \(L39240 \/ A58993\), revision 2026-04-16 .*, Covered Indications: at least 4 weeks of conservative care/,
      ),
      expect.stringMatching(/^ESI-CONSERVATIVE: LCD L39242 family .*failed or not tolerated non-invasive conservative care/),
    ]);
  }, 60_000);
});

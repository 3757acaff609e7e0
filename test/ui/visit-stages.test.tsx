// @vitest-environment jsdom
// The staged-treatment panel in the Visit checklist: the policy core's track for the planned service (sessions in
// the window, blocks and their relief, the earliest eligible date), and the authorizations on file from the chart
// (the decided Task's outputs) and the ClaimReady service, flagged when they end before the date of service. With
// the service unreachable it says so and still lists the chart's; labelled, keyboard-free (no controls), no axe
// violations.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { VisitChecklist } from '../../src/ui/views/VisitChecklist';
import { AppDataContext, type AppData } from '../../src/ui/context';
import { serviceApi, type PaRequestView, type ServiceApi } from '../../src/ui/lifecycle/api';
import { updatedTask } from '../../src/ui/lifecycle/chart-writeback';
import { savedItem, emptySaved } from '../../src/fhir/read/saved';
import { priorAuthTask } from '../../src/writeback/packet-task';
import type { ClinicalPicture, Evidence, PlannedService } from '../../src/policy/picture';
import { addDays, addMonths } from '../../src/policy/dates';
import { TODAY, esiPicture, facetPicture, proc, relief, rfa, tfesi } from '../policy/build';

afterEach(cleanup);

const DOS = addDays(TODAY, 20);

function request(over: Partial<PaRequestView>): PaRequestView {
  return {
    id: 'r1',
    patientId: 'pat1',
    payerId: 'medicare',
    serviceCode: '64483',
    claim: { system: 'urn:test', value: 'C-1' },
    status: 'approved',
    channel: 'pas',
    priority: 'standard',
    requested: [],
    open: false,
    createdAt: `${TODAY}T00:00:00.000Z`,
    updatedAt: `${TODAY}T00:00:00.000Z`,
    history: [],
    ...over,
  };
}

/** The chart as the app leaves it after a decision: the prior-auth Task with its authorization outputs. */
function chartWithAuth(r: PaRequestView) {
  const task = priorAuthTask({
    packetId: 'pk1',
    packetTitle: 'Packet',
    packetIdentifierSystem: 'urn:test:packet',
    patient: { reference: 'Patient/pat1' },
    priorAuth: { required: true, reason: 'test' },
    verdict: 'ready',
    serviceDate: DOS,
    today: TODAY,
    now: `${TODAY}T00:00:00Z`,
    serviceCode: r.serviceCode,
    payerName: 'Medicare',
  })!;
  const saved = emptySaved();
  saved.tasks.push(savedItem({ ...updatedTask({ ...task, id: 't1' }, r, undefined, `${TODAY}T01:00:00Z`), id: 't1' })!);
  return saved;
}

function renderView(picture: ClinicalPicture, services: PlannedService[], extra: Partial<AppData> = {}, api?: ServiceApi) {
  const data: AppData = { picture, today: TODAY, services, writer: null, openEvidence: vi.fn<(e: Evidence) => void>(), ...extra };
  render(
    <AppDataContext.Provider value={data}>
      <VisitChecklist {...(api ? { api } : {})} />
    </AppDataContext.Provider>,
  );
}

const unreachable = serviceApi(
  () => 'tok',
  'http://service.invalid',
  () => Promise.reject(new TypeError('fetch failed')),
);

describe('Visit checklist: staged treatment', () => {
  it('service unreachable: the ESI window and the chart authorization (ending before the date) are shown, and it says the service is unavailable', async () => {
    const p = esiPicture();
    for (const d of [40, 110, 180]) p.procedureHistory.push(proc('esi-transforaminal', d, [relief(70, 3 * 730)]));
    const chartAuth = request({ authNumber: 'AUTH-CHART', authStart: TODAY, authEnd: addDays(DOS, -1), dateOfService: DOS });
    renderView(p, [tfesi({ date: DOS })], { saved: chartWithAuth(chartAuth) }, unreachable);
    const panel = await screen.findByRole('region', { name: 'ESI sessions in the lumbar-sacral region, rolling 12 months' });
    expect(within(panel).getByTestId('vc-0-stage-window').textContent).toBe(
      `3 of at most 4 ESI sessions per spinal region used in the 12 months before ${DOS}`,
    );
    const steps = within(within(panel).getByRole('list', { name: 'Stages' })).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([
      `ESI session (lumbar-sacral) done ${addDays(TODAY, -180)} · 70 % relief (pain), 3 months`,
      `ESI session (lumbar-sacral) done ${addDays(TODAY, -110)} · 70 % relief (pain), 3 months`,
      `ESI session (lumbar-sacral) done ${addDays(TODAY, -40)} · 70 % relief (pain), 3 months`,
      'ESI session 4 of at most 4 (this request)',
    ]);
    const auths = within(within(panel).getByRole('list', { name: 'Authorizations on file' })).getAllByRole('listitem');
    expect(auths).toHaveLength(1);
    expect(auths[0]!.textContent).toMatch(
      new RegExp(`^AUTH-CHART for 64483: ${TODAY} to ${addDays(DOS, -1)} \\(on file in the chart\\) · Does not cover the date: ends`),
    );
    await waitFor(() =>
      expect(within(panel).getByTestId('vc-0-auths-service-note').textContent).toMatch(
        /^Authorizations from the ClaimReady service are unavailable \(The ClaimReady service could not be reached/,
      ),
    );
    const axe = (await import('axe-core')).default;
    const res = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it("service reachable: its authorizations join the chart's, one row per number, and a covering one is not flagged", async () => {
    const p = esiPicture();
    const both = request({ authNumber: 'AUTH-1', authStart: TODAY, authEnd: addDays(DOS, 60), dateOfService: DOS });
    const other = request({ id: 'r2', authNumber: 'AUTH-FACET', serviceCode: '64635', authStart: TODAY, authEnd: addDays(DOS, 60) });
    const api: ServiceApi = { ...unreachable, list: (patient) => Promise.resolve(patient === 'pat1' ? [both, other] : []) };
    renderView(p, [tfesi({ date: DOS })], { saved: chartWithAuth(both) }, api);
    const list = await screen.findByRole('list', { name: 'Authorizations on file' });
    await waitFor(() => expect(within(list).getByText(/AUTH-1/).textContent).toMatch(/\(on file in the chart and service\)$/));
    // An ablation's authorization is not one for this ESI.
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByRole('listitem').getAttribute('data-expired')).toBe('false');
    expect(screen.queryByTestId('vc-0-auths-service-note')).toBeNull();
  });

  it('no EHR session for the service: says so; the facet sequence shows the block done, its relief and the next step', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 10, [relief(85, 6)]));
    renderView(p, [rfa({ date: DOS })]);
    const panel = screen.getByRole('region', { name: 'Facet sequence: diagnostic blocks, then ablation' });
    const steps = within(panel).getAllByRole('listitem');
    expect(steps[0]!.textContent).toBe(`Diagnostic block #1 done ${addDays(TODAY, -10)} · 85 % relief (pain), 6 h`);
    expect(steps[1]!.textContent).toBe('Diagnostic block #2 (not yet)');
    expect(steps[2]!.textContent).toBe('Radiofrequency ablation (this request)');
    expect(within(panel).getByTestId('vc-0-stage-this').textContent).toMatch(/the next authorization is for a diagnostic block/);
    // Block #2 may follow 14 days after block #1: 4 days from today, before the planned date, so no later date shows.
    expect(within(panel).queryByTestId('vc-0-stage-earliest')).toBeNull();
    expect(within(panel).getByTestId('vc-0-auths-none').textContent).toBe('No authorization on file for this service.');
    expect(within(panel).getByTestId('vc-0-auths-service-note').textContent).toMatch(/unavailable \(no EHR session/);
    expect(within(panel).getByText(/Read from FJ-DIAGNOSTIC: LCD L38803 family/)).toBeTruthy();
  });

  it('an ESI over the 4-session cap: the earliest eligible date is when the oldest leaves the window, from the policy rule', () => {
    const p = esiPicture();
    p.procedureHistory.push(...[30, 100, 170, 240].map((d) => proc('esi-transforaminal', d, [relief(70, 3 * 730)])));
    renderView(p, [tfesi()], {}, unreachable);
    const oldest = addDays(TODAY, -240);
    expect(screen.getByTestId('vc-0-stage-earliest').textContent).toBe(
      `Earliest eligible date: ${addMonths(oldest, 12)} (when the session of ${oldest} leaves the 12-month window).`,
    );
  });
});

// @vitest-environment jsdom
// Prior-auth view: payer and PA requirement, blockers first, criteria with evidence, timeline table, save (created,
// already saved, EHR failure with Retry, validator refusal, incomplete-packet confirmation) and downloads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Organization, Task } from 'fhir/r4';
import { PriorAuth } from '../../src/ui/views/PriorAuth';
import { AppDataContext, type AppData } from '../../src/ui/context';
import { assess, resolvePayer } from '../../src/policy/index';
import type { FhirWriter } from '../../src/writeback/writer';
import { PATIENTS, type PatientCase } from '../writeback/pas/patients';
import { fakeEhr } from '../writeback/pas/fake-ehr';
import { savedState } from '../../src/fhir/read/saved';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function setup(c: PatientCase | undefined, over: Partial<AppData> = {}) {
  if (!c) throw new Error('no patient');
  const { picture, service, today, resources, clinic } = c.input;
  const openEvidence = vi.fn();
  const ehr = fakeEhr();
  const data: AppData = {
    picture,
    today,
    services: [service],
    writer: ehr,
    user: 'Practitioner/dr-lee',
    openEvidence,
    ...(resources ? { resources } : {}),
    clinic,
    ...over,
  };
  render(
    <AppDataContext.Provider value={data}>
      <PriorAuth />
    </AppDataContext.Provider>,
  );
  const expected = assess(picture, service, resolvePayer(picture.coverages).payer, today);
  return { ehr, openEvidence, expected };
}

const stored = (ehr: ReturnType<typeof fakeEhr>) => ehr.stored.map((r) => r.resourceType).sort();

describe('PriorAuth view', () => {
  it('shows the payer, whether it requires prior auth, and every criterion from the policy core', () => {
    const { expected } = setup(PATIENTS[0]);
    const payer = screen.getByRole('heading', { name: 'Payer' }).closest('section') as HTMLElement;
    expect(within(payer).getByText('Medicare Part B')).toBeTruthy();
    expect(screen.getByTestId('pa-required').textContent).toBe(
      expected.priorAuth.required === 'depends' ? `Depends: ${expected.priorAuth.reason}` : expected.priorAuth.required ? 'Yes' : 'No',
    );
    const list = screen.getByRole('list', { name: 'Policy criteria checklist' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .filter((li) => li.classList.contains('pa-criterion')),
    ).toHaveLength(expected.findings.length);
    expect(screen.getByRole('heading', { name: 'Nothing blocks this packet' })).toBeTruthy();
  });

  it('puts the blockers first, with their fixes, when documentation is missing', () => {
    const { expected } = setup(PATIENTS[1]);
    const n = expected.findings.filter((f) => f.severity === 'blocker' && (f.status === 'missing' || f.status === 'not-met')).length;
    expect(n).toBeGreaterThan(0);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    // "Do first" heads the view: the blockers as one-line fixes, then the next action; the packet actions follow.
    expect(headings[0]).toBe(`Do first: ${n} blocker(s)`);
    expect(headings[1]).toBe('Packet');
    const steps = within(screen.getByTestId('pa-do-first'))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    const blockers = expected.findings.filter((f) => f.severity === 'blocker' && (f.status === 'missing' || f.status === 'not-met'));
    expect(steps[0]).toContain(blockers[0]!.fix ?? blockers[0]!.message);
    expect(steps[0]).toMatch(/^Blocks/);
    expect(steps.at(-1)).toMatch(/^ ?Then save the packet to the chart \(or save it as incomplete\) and submit it to /);
    expect(steps.length).toBeLessThanOrEqual(6); // 3 blockers, 'N more', the prior-auth check, the next action
    expect(headings.indexOf(`What blocks this packet (${n})`)).toBeGreaterThan(1);
    expect(headings.indexOf('Policy criteria')).toBeGreaterThan(headings.indexOf(`What blocks this packet (${n})`));
  });

  it('opens evidence from a criterion', () => {
    const { openEvidence, expected } = setup(PATIENTS[0]);
    const withEvidence = expected.findings.find((f) => f.evidence.length > 0);
    const e = withEvidence?.evidence[0];
    if (!e) throw new Error('no evidence in findings');
    const list = screen.getByRole('list', { name: 'Policy criteria checklist' });
    fireEvent.click(
      within(list).getAllByRole('button', { name: new RegExp(e.display.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })[0] as HTMLElement,
    );
    expect(openEvidence).toHaveBeenCalledWith(expect.objectContaining({ ref: e.ref }));
  });

  it('lists care, pain scores and prior procedures in a date-ordered table', () => {
    setup(PATIENTS[4]);
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    const dates = rows.map((r) => r.querySelector('td')?.textContent?.slice(0, 10) ?? '');
    expect(dates).toEqual([...dates].sort());
    const text = rows.map((r) => r.textContent ?? '').join('\n');
    expect(text).toContain('Physical therapy');
    expect(text).toContain('NRS 8/10');
    expect(text).toMatch(/64483 .*60% pain relief for 4 months/);
  });

  it('saves the packet once: created, then already saved on a second click', async () => {
    const { ehr } = setup(PATIENTS[0]); // prior auth "depends" (WISeR, state not recorded): a Task is made
    fireEvent.click(screen.getByRole('button', { name: 'Save packet to chart' }));
    await screen.findByText(/Saved to the chart/, undefined, { timeout: 10_000 });
    expect(stored(ehr)).toEqual(['DocumentReference', 'Provenance', 'Provenance', 'Task']);
    const task = ehr.stored.find((r): r is Task => r.resourceType === 'Task');
    expect([task?.status, task?.intent, task?.focus?.reference, task?.requester?.reference, task?.owner]).toEqual([
      'requested',
      'order',
      'ServiceRequest/sr-p1',
      'Practitioner/dr-lee',
      undefined,
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Save packet to chart' }));
    await screen.findByText(/Already saved/, undefined, { timeout: 10_000 });
    expect(ehr.stored).toHaveLength(4);
  });

  it("shows the EHR's OperationOutcome and retries without duplicating", async () => {
    const { ehr } = setup(PATIENTS[0]);
    ehr.failNext.set('Task', {
      status: 422,
      outcome: {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'invalid', diagnostics: 'Task.owner is required here' }],
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save packet to chart' }));
    await screen.findByText(/Task.owner is required here/, undefined, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText(/Saved to the chart|Already saved/, undefined, { timeout: 10_000 });
    expect(stored(ehr)).toEqual(['DocumentReference', 'Provenance', 'Provenance', 'Task']);
  });

  it('refuses to save a packet whose PAS bundle fails the validator, and says which rule', async () => {
    const { ehr } = setup(PATIENTS[0], { resources: new Map() });
    expect(screen.getByRole('heading', { name: /What blocks this packet/ })).toBeTruthy();
    expect(screen.getAllByText(/spec-13/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Save packet to chart' }));
    const status = await screen.findByText(/Not saved\..*spec-13/, undefined, { timeout: 10_000 });
    expect(status).toBeTruthy();
    expect(ehr.stored).toHaveLength(0);
  });

  it('asks before saving an incomplete packet', async () => {
    const { ehr } = setup(PATIENTS[1]);
    fireEvent.click(screen.getByRole('button', { name: 'Save packet to chart' }));
    await screen.findByText(/Not saved\. The policy criteria under "Do first" are not all documented/);
    expect(ehr.stored).toHaveLength(0);
    fireEvent.click(screen.getByRole('checkbox', { name: /Save as an incomplete packet/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save packet to chart' }));
    await screen.findByText(/Saved to the chart/, undefined, { timeout: 10_000 });
  });

  it('downloads the PDF and the bundle JSON', async () => {
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      blobs.push(b);
      return `blob:${blobs.length}`;
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    setup(PATIENTS[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 10_000 });
    // The buttons are disabled while the PDF is being made; a click before they are enabled again does nothing.
    const json = screen.getByRole('button', { name: 'Download bundle JSON' }) as HTMLButtonElement;
    await waitFor(() => expect(json.disabled).toBe(false), { timeout: 10_000 });
    fireEvent.click(json);
    await waitFor(() => expect(blobs).toHaveLength(2), { timeout: 10_000 });
    expect(blobs.map((b) => b.type)).toEqual(['application/pdf', 'application/fhir+json']);
    expect(new TextDecoder().decode(new Uint8Array(await blobs[0]!.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const bundle = JSON.parse(await blobs[1]!.text()) as { entry: { resource: { resourceType: string } }[] };
    expect(bundle.entry[0]?.resource.resourceType).toBe('Claim');
    expect(click).toHaveBeenCalledTimes(2);
  });

  it('explains that saving needs write permission when there is no writer', () => {
    setup(PATIENTS[0], { writer: null as FhirWriter | null });
    expect((screen.getByRole('button', { name: 'Save packet to chart' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/cannot write to the chart/)).toBeTruthy();
  });
});

describe('PriorAuth view, long evidence and accessibility', () => {
  it('shows six sources per criterion and the rest on request', () => {
    const c = PATIENTS[0];
    if (!c) throw new Error('no patient');
    const picture = structuredClone(c.input.picture);
    const visits = Array.from({ length: 10 }, (_, i) => ({
      ref: `Encounter/pt-visit-${i}`,
      display: `PT visit ${i}`,
      date: `2026-08-${String(i + 1).padStart(2, '0')}`,
    }));
    const care = picture.conservativeCare[0];
    if (care) care.evidence = visits;
    setup({ ...c, input: { ...c.input, picture } });
    const row = screen.getByRole('row', { name: /Physical therapy 2x weekly/ });
    expect(within(row).getAllByRole('button', { name: /PT visit/ })).toHaveLength(6);
    fireEvent.click(within(row).getByRole('button', { name: 'Show 4 more sources' }));
    expect(within(row).getAllByRole('button', { name: /PT visit/ })).toHaveLength(10);
  });

  it('has no axe violations (structure, names, table semantics)', async () => {
    setup(PATIENTS[1]);
    const axe = (await import('axe-core')).default;
    const res = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(res.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });

  it("makes the clinic's own Organization the Task owner when the shell supplies it", async () => {
    const c = PATIENTS[0]; // prior auth "depends": a Task is made
    if (!c) throw new Error('no patient');
    const organization: Organization = {
      resourceType: 'Organization',
      id: 'org-clinic',
      name: 'Riverside Spine & Pain',
      telecom: [{ system: 'phone', value: '508-555-0100' }],
    };
    const { ehr } = setup(c, {
      clinic: { organization, practitioner: { id: 'dr-lee', name: 'Dana Lee, MD', npi: '1098765435', family: 'Lee' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save packet to chart' }));
    await screen.findByText(/Saved to the chart/, undefined, { timeout: 10_000 });
    expect(ehr.stored.find((r): r is Task => r.resourceType === 'Task')?.owner?.reference).toBe('Organization/org-clinic');
  });

  describe('the chart Task', () => {
    it('with nothing blocking, the first step is to save and submit; after the save the Task is read back and shown', async () => {
      setup(PATIENTS[0]);
      // This case's prior auth "depends" (WISeR, state not recorded): checking that comes first, then saving.
      const steps = () =>
        within(screen.getByTestId('pa-do-first'))
          .getAllByRole('listitem')
          .map((li) => li.textContent ?? '');
      expect(steps()).toEqual([
        expect.stringMatching(/^ ?Check whether Medicare Part B needs prior authorization: WISeR/),
        ' Save the packet to the chart, then submit it to Medicare Part B.',
      ]);
      expect(screen.getByTestId('pa-chart-task').textContent).toMatch(/No prior-auth task in the chart yet/);
      fireEvent.click(screen.getByRole('button', { name: 'Save packet to chart' }));
      await screen.findByText(/Saved to the chart/, undefined, { timeout: 10_000 });
      const card = screen.getByTestId('pa-chart-task');
      await waitFor(() => expect(card.textContent).toMatch(/StatusRequested/));
      expect(card.textContent).toMatch(/Business statusReady to submit/);
      expect(card.textContent).toMatch(/Due\d{4}-\d\d-\d\d/);
      expect(card.textContent).toMatch(/Authorization numbernot decided yet/);
      expect(steps()[1]).toMatch(/Submit the saved packet to Medicare Part B by \d{4}-\d\d-\d\d \(chart task: requested\)/);
    });

    it('on relaunch the Task comes from record.saved: a decided one shows its authorization number and owner', async () => {
      const c = PATIENTS[0];
      if (!c) throw new Error('no patient');
      const task: Task = {
        resourceType: 'Task',
        id: 'task-9',
        meta: { versionId: '3', tag: [{ system: 'https://claimready.app/fhir/CodeSystem/origin', code: 'claimready' }] },
        identifier: [{ system: 'https://claimready.app/id/pa-task', value: 'k1' }],
        status: 'completed',
        intent: 'order',
        businessStatus: { text: 'Approved' },
        code: { coding: [{ system: 'https://claimready.app/CodeSystem/task', code: 'submit-prior-auth' }] },
        focus: { reference: c.input.service.requestRef! },
        owner: { reference: 'Organization/org-clinic' },
        restriction: { period: { end: '2026-11-30' } },
        lastModified: '2026-11-24T10:00:00Z',
        output: [
          { type: { text: 'Authorization number' }, valueString: 'AUTH-77812' },
          { type: { text: 'Authorization period' }, valuePeriod: { start: '2026-12-01', end: '2027-02-28' } },
        ],
      };
      const other: Task = { ...task, id: 'task-other', focus: { reference: 'ServiceRequest/not-this-one' }, output: [] };
      const saved = savedState([
        { type: 'Task', resource: other },
        { type: 'Task', resource: task },
      ]);
      const resources = new Map(c.input.resources ?? []);
      resources.set('Organization/org-clinic', {
        resourceType: 'Organization',
        id: 'org-clinic',
        name: 'Riverside Spine & Pain',
      } as Organization);
      setup(c, { saved, resources });
      const card = screen.getByTestId('pa-chart-task');
      expect(card.textContent).toMatch(/StatusCompleted/);
      expect(card.textContent).toMatch(/Business statusApproved/);
      expect(card.textContent).toMatch(/OwnerRiverside Spine & Pain/);
      expect(card.textContent).toMatch(/Due2026-11-30/);
      expect(card.textContent).toMatch(/Authorization numberAUTH-77812/);
      expect(card.textContent).toMatch(/Authorized2026-12-01 to 2027-02-28/);
      expect(card.textContent).not.toMatch(/earlier task/);
      expect(screen.getByTestId('pa-first-action').textContent).toMatch(
        /chart task is completed \(authorization AUTH-77812\): nothing more to do/,
      );
    });

    it('says no Task is made, and makes none, where the payer wants no prior authorization', async () => {
      const c = PATIENTS[0];
      if (!c) throw new Error('no patient');
      const { picture, service } = c.input;
      // The planned service as a code no Medicare prior-auth program lists (trigger point injection, 20553).
      const tpi = { ...service, code: '20553', kind: 'trigger-point' as const, levels: [], laterality: undefined };
      const expected = assess(picture, tpi as typeof service, resolvePayer(picture.coverages).payer, c.input.today);
      expect(expected.priorAuth.required).toBe(false);
      const { ehr } = setup(c, { services: [tpi as typeof service] });
      expect(screen.getByTestId('pa-first-action').textContent).toMatch(
        /^ ?Nothing to submit: Medicare Part B needs no prior authorization .*No task is made\.$/,
      );
      expect(screen.getByTestId('pa-chart-task').textContent).toMatch(/No prior-auth task: none is needed/);
      const box = screen.queryByRole('checkbox', { name: /Save as an incomplete packet/ });
      if (box) fireEvent.click(box);
      fireEvent.click(screen.getByRole('button', { name: 'Save packet to chart' }));
      await screen.findByText(/Saved to the chart: the packet document was created \(no task/, undefined, { timeout: 10_000 });
      expect(stored(ehr)).toEqual(['DocumentReference', 'Provenance']);
    });
  });
});

describe('PriorAuth view without planned services', () => {
  it('says the orders could not be read when the ServiceRequest search failed, not "choose a service"', () => {
    const c = PATIENTS[0]!;
    const failed = {
      resourceType: 'ServiceRequest',
      severity: 'error' as const,
      message: 'ServiceRequest was not read: the EHR answered 500.',
    };
    setup(c, { services: [], picture: { ...c.input.picture, dataIssues: [...c.input.picture.dataIssues, failed] } });
    expect(screen.getByText(/The planned orders could not be read \(ServiceRequest was not read: the EHR answered 500\.\)/)).toBeTruthy();
    expect(screen.queryByText(/Choose a planned service/)).toBeNull();
  });

  it('asks for a service when the chart simply has none', () => {
    setup(PATIENTS[0], { services: [] });
    expect(screen.getByText('Choose a planned service to build its prior-auth packet.')).toBeTruthy();
  });
});

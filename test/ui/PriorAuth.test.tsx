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
    expect(headings[0]).toBe(`What blocks this packet (${n})`);
    expect(headings.indexOf('Policy criteria')).toBeGreaterThan(0);
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
    await screen.findByText(/Not saved\. The policy criteria above are not all documented/);
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
    fireEvent.click(screen.getByRole('button', { name: 'Download bundle JSON' }));
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
      clinic: { organization, practitioner: { id: 'dr-lee', name: 'Dana Lee, MD', npi: '1098765432', family: 'Lee' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save packet to chart' }));
    await screen.findByText(/Saved to the chart/, undefined, { timeout: 10_000 });
    expect(ehr.stored.find((r): r is Task => r.resourceType === 'Task')?.owner?.reference).toBe('Organization/org-clinic');
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

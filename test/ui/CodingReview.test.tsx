// @vitest-environment jsdom
// Coding review view: edit a line and the edits re-run, evidence opens, work survives a reload, save and failure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CapabilityStatement, OperationOutcome, Resource } from 'fhir/r4';
import { CodingReview } from '../../src/ui/views/CodingReview';
import { AppDataContext, type AppData } from '../../src/ui/context';
import type { FhirResponse, FhirWriter } from '../../src/writeback/writer';
import axe from 'axe-core';
import { dx, picture, svc } from '../policy/coding/build';

type Stored = Resource & { identifier?: { system?: string; value?: string }[] };

/** An in-memory EHR writer with conditional create; `fail` makes creates of a type answer with an OperationOutcome. */
function memWriter(fail?: { type: string; status: number; text: string }) {
  const store: Stored[] = [];
  let n = 0;
  const matches = (r: Stored, q: string): boolean => {
    const [k, v = ''] = q.split('=');
    const [sys, val] = v.split('|');
    if (k === 'identifier') return (r.identifier ?? []).some((i) => i.system === sys && i.value === val);
    return (r.meta?.tag ?? []).some((t) => t.system === sys && t.code === val);
  };
  const writer: FhirWriter & { store: Stored[]; fail?: typeof fail } = {
    store,
    fail,
    async capabilities(): Promise<CapabilityStatement> {
      return {
        resourceType: 'CapabilityStatement',
        status: 'active',
        date: '2026-01-01',
        kind: 'instance',
        fhirVersion: '4.0.1',
        format: ['json'],
        rest: [
          {
            mode: 'server',
            resource: ['Claim', 'DocumentReference', 'Provenance'].map((type) => ({ type, interaction: [{ code: 'create' }] })),
          },
        ],
      };
    },
    async create<R extends Resource>(resource: R, ifNoneExist?: string): Promise<FhirResponse<R>> {
      if (writer.fail && writer.fail.type === resource.resourceType) {
        const oo: OperationOutcome = {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'invalid', diagnostics: writer.fail.text }],
        };
        return { status: writer.fail.status, body: oo as unknown as R };
      }
      const found = store.find((r) => r.resourceType === resource.resourceType && ifNoneExist && matches(r, ifNoneExist));
      if (found) return { status: 200, body: found as R };
      const created = { ...resource, id: `id${++n}` };
      store.push(created);
      return { status: 201, body: created };
    },
    async search() {
      return { status: 200, body: { resourceType: 'Bundle', type: 'searchset', entry: [] } };
    },
  };
  return writer;
}

const TF = svc('64483', {
  kind: 'esi-transforaminal',
  region: 'lumbar',
  levels: ['L4-L5', 'L5-S1'],
  laterality: 'bilateral',
  reasonIcd10: ['M54.16'],
  evidence: [{ ref: 'DocumentReference/n1', display: 'Procedure plan', quote: { text: 'bilateral L4-5, L5-S1 TFESI', start: 5, end: 32 } }],
});

function data(writer: FhirWriter | null, openEvidence = vi.fn()): AppData {
  return {
    picture: picture({ patient: { id: 'p1', name: 'Jane Secret', source: 'coded', evidence: [] }, diagnoses: [dx('M54.16')] }),
    today: '2026-11-23',
    services: [TF],
    writer,
    user: 'Practitioner/dr1',
    openEvidence,
  };
}

function view(d: AppData) {
  return render(
    <AppDataContext.Provider value={d}>
      <CodingReview />
    </AppDataContext.Provider>,
  );
}

const lineTitles = (): string[] => screen.getAllByTestId('coding-line').map((li) => within(li).getByRole('heading').textContent ?? '');

beforeEach(() => window.sessionStorage.clear());
afterEach(cleanup);

describe('CodingReview', () => {
  it('shows the suggested lines with modifiers and units, and no errors for a clean case', () => {
    view(data(null));
    expect(lineTitles()).toEqual(['Line 1: 64483-50 × 1', 'Line 2: 64484-50 × 1']);
    expect(screen.getByTestId('edit-summary').textContent).toMatch(/^No edits/);
  });

  it('changing a line re-runs the edits at once', () => {
    view(data(null));
    fireEvent.click(screen.getByRole('button', { name: 'Change line 2' }));
    fireEvent.change(screen.getByLabelText('Units, line 2'), { target: { value: '3' } });
    expect(lineTitles()[1]).toBe('Line 2: 64484-50 × 3');
    const edits = screen.getAllByTestId('coding-edit').map((e) => e.textContent ?? '');
    expect(edits.some((t) => /Error/.test(t) && /4 level\(s\)/.test(t))).toBe(true);
    fireEvent.change(screen.getByLabelText('Units, line 2'), { target: { value: '1' } });
    expect(screen.getByTestId('edit-summary').textContent).toMatch(/^No edits/);
  });

  it('removing the primary line raises the add-on edit; adding a line works', () => {
    view(data(null));
    fireEvent.click(screen.getByRole('button', { name: 'Remove line 1' }));
    expect(screen.getAllByTestId('coding-edit').some((e) => /add-on/.test(e.textContent ?? ''))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Add a line' }));
    fireEvent.change(screen.getByLabelText('Code, line 2'), { target: { value: '64483' } });
    fireEvent.change(screen.getByLabelText('Modifiers, line 2'), { target: { value: '50' } });
    expect(screen.queryAllByTestId('coding-edit').some((e) => /add-on/.test(e.textContent ?? ''))).toBe(false);
  });

  it('line evidence opens the note span through openEvidence', () => {
    const open = vi.fn();
    view(data(null, open));
    fireEvent.click(screen.getAllByRole('button', { name: '“bilateral L4-5, L5-S1 TFESI”' })[0]!);
    expect(open).toHaveBeenCalledWith(TF.evidence[0]);
  });

  it("the coder's work survives a reload of the frame, stored as codes only", () => {
    const d = data(null);
    const first = view(d);
    fireEvent.click(screen.getByRole('button', { name: 'Change line 1' }));
    fireEvent.change(screen.getByLabelText('Modifiers, line 1'), { target: { value: 'RT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept line 2' }));
    first.unmount();
    view(d);
    expect(lineTitles()[0]).toBe('Line 1: 64483-RT × 1');
    expect(screen.getByRole('button', { name: 'Undo accept, line 2' })).toBeTruthy();
    const raw = Object.keys(window.sessionStorage)
      .map((k) => window.sessionStorage.getItem(k) ?? '')
      .join('');
    expect(raw).toContain('64483');
    expect(raw).not.toContain('Jane');
  });

  it('save to chart creates the draft claim and summary once; a second click says already saved', async () => {
    const w = memWriter();
    view(data(w));
    fireEvent.click(screen.getByRole('button', { name: 'Save to chart' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/Draft claim: created.*Coding summary: created/));
    expect(w.store.map((r) => r.resourceType).sort()).toEqual(['Claim', 'DocumentReference', 'Provenance', 'Provenance']);
    fireEvent.click(screen.getByRole('button', { name: 'Save to chart' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/Draft claim: already saved/));
    expect(w.store).toHaveLength(4);
    expect(window.sessionStorage.length).toBe(0);
  });

  it("a refused save shows the EHR's OperationOutcome, keeps the work, and Retry completes without duplicates", async () => {
    const w = memWriter({ type: 'DocumentReference', status: 422, text: 'Attachment type not allowed' });
    view(data(w));
    fireEvent.click(screen.getByRole('button', { name: 'Change line 2' }));
    fireEvent.change(screen.getByLabelText('Units, line 2'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save to chart' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Attachment type not allowed');
    expect(lineTitles()).toHaveLength(2);
    expect(window.sessionStorage.length).toBe(1);
    w.fail = undefined;
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(screen.getByTestId('save-status').textContent).toMatch(/Draft claim: already saved.*Coding summary: created/),
    );
    expect(w.store.filter((r) => r.resourceType === 'Claim')).toHaveLength(1);
    expect(w.store.filter((r) => r.resourceType === 'Provenance')).toHaveLength(2);
  });

  it('has no axe violations, with a line open for editing and the disclosures shown', async () => {
    const { container } = view(data(memWriter()));
    fireEvent.click(screen.getByRole('button', { name: 'Change line 1' }));
    for (const d of container.querySelectorAll('details')) d.open = true;
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });

  it('without a writer the save button is disabled and says why', () => {
    view(data(null));
    expect((screen.getByRole('button', { name: 'Save to chart' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/cannot write to the EHR/)).toBeTruthy();
  });
});

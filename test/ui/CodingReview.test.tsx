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
import { savedState } from '../../src/fhir/read/saved';

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
      const created = { ...resource, id: `id${++n}`, meta: { ...resource.meta, versionId: '1', lastUpdated: '2026-11-23T09:30:00Z' } };
      store.push(created);
      return { status: 201, body: created };
    },
    // PUT with If-Match, as a version-aware EHR answers it.
    async update<R extends Resource>(resource: R, versionId?: string): Promise<FhirResponse<R>> {
      const i = store.findIndex((r) => r.resourceType === resource.resourceType && r.id === resource.id);
      if (i < 0) return { status: 404, body: undefined };
      const current = store[i]!.meta?.versionId ?? '1';
      if (versionId !== undefined && versionId !== current) {
        const oo: OperationOutcome = {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'conflict', diagnostics: 'Version conflict' }],
        };
        return { status: 412, body: oo as unknown as R };
      }
      const next = { ...resource, meta: { ...resource.meta, versionId: String(Number(current) + 1), lastUpdated: '2026-11-23T10:00:00Z' } };
      store[i] = next;
      return { status: 200, body: next };
    },
    async search(type: string, query: string) {
      const q = decodeURIComponent(query);
      const entry = store.filter((r) => r.resourceType === type && matches(r, q)).map((resource) => ({ resource }));
      return { status: 200, body: { resourceType: 'Bundle', type: 'searchset', entry } };
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
    // A real change (the same value would not be one): the coder's work is what must be kept.
    fireEvent.change(screen.getByLabelText('Units, line 2'), { target: { value: '2' } });
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

  describe('the saved draft, read back on relaunch', () => {
    const DR = { resourceType: 'Practitioner', id: 'dr1', name: [{ given: ['Ana'], family: 'Reyes' }] } as Resource;
    /** A relaunch: a fresh frame (sessionStorage cleared by the launch page), the chart's ClaimReady output as read. */
    function relaunch(w: ReturnType<typeof memWriter>) {
      window.sessionStorage.clear();
      cleanup();
      const saved = savedState(
        w.store.filter((r) => r.resourceType === 'Claim').map((r) => ({ type: 'Claim', resource: structuredClone(r) })),
      );
      return view({ ...data(w), saved, resources: new Map([['Practitioner/dr1', DR]]) });
    }
    async function saveAndWait(text: RegExp) {
      fireEvent.click(screen.getByRole('button', { name: 'Save to chart' }));
      await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(text));
    }
    const claims = (w: ReturnType<typeof memWriter>) =>
      w.store.filter((r) => r.resourceType === 'Claim') as (Resource & {
        item: { modifier?: { coding: { code: string }[] }[]; quantity: { value: number } }[];
      })[];

    it('continues from the saved lines (modifier 59, reviewed), says who saved it, and a second save updates that Claim', async () => {
      const w = memWriter();
      view({ ...data(w), resources: new Map([['Practitioner/dr1', DR]]) });
      expect(screen.getByTestId('draft-status').textContent).toMatch(/No draft saved/);
      fireEvent.click(screen.getByRole('button', { name: 'Change line 2' }));
      fireEvent.change(screen.getByLabelText('Modifiers, line 2'), { target: { value: '50 59' } });
      fireEvent.click(screen.getByRole('button', { name: 'Done with line 2' }));
      fireEvent.click(screen.getByRole('button', { name: 'Accept line 2' }));
      await saveAndWait(/Draft claim: created/);
      expect(screen.getByTestId('draft-status').textContent).toMatch(
        /Draft saved .* by Ana Reyes \(version 1\)\. The lines below are that draft/,
      );

      relaunch(w);
      expect(lineTitles()).toEqual(['Line 1: 64483-50 × 1', 'Line 2: 64484-50-59 × 1']);
      expect(screen.getByRole('button', { name: 'Undo accept, line 2' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Accept line 1' })).toBeTruthy();
      expect(screen.getByTestId('draft-status').textContent).toMatch(
        /^Draft saved 2026-11-23 \d\d:\d\d by Ana Reyes \(version 1\)\. The lines below are that draft\./,
      );

      fireEvent.click(screen.getByRole('button', { name: 'Accept line 1' }));
      expect(screen.getByTestId('draft-status').textContent).toMatch(/changes not saved yet/);
      await saveAndWait(/Draft claim: updated/);
      expect(claims(w)).toHaveLength(1);
      expect(claims(w)[0]!.meta?.versionId).toBe('2');
      expect(claims(w)[0]!.item[1]!.modifier!.map((m) => m.coding[0]!.code)).toEqual(['50', '59']);
      expect(screen.getByTestId('draft-status').textContent).toMatch(/\(version 2\)\. The lines below are that draft/);

      // And once more after another relaunch: both lines reviewed, still one Claim.
      relaunch(w);
      expect(screen.getByRole('button', { name: 'Undo accept, line 1' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Undo accept, line 2' })).toBeTruthy();
      expect(screen.getByTestId('draft-status').textContent).toMatch(/\(version 2\)/);
    });

    it('a draft changed in the EHR since it was read is not overwritten: their version is shown, loaded or knowingly replaced', async () => {
      const w = memWriter();
      view(data(w));
      await saveAndWait(/Draft claim: created/);
      relaunch(w);
      // Someone else saves the draft (version 2, 3 units on line 1) while this coder has it open at version 1.
      const theirs = claims(w)[0]!;
      theirs.item[0]!.quantity.value = 3;
      theirs.meta = { ...theirs.meta, versionId: '2', lastUpdated: '2026-11-23T11:00:00Z' };
      fireEvent.click(screen.getByRole('button', { name: 'Change line 2' }));
      fireEvent.change(screen.getByLabelText('Modifiers, line 2'), { target: { value: '50 59' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save to chart' }));
      const conflict = await screen.findByTestId('draft-conflict');
      expect(conflict.textContent).toMatch(
        /changed in the EHR after you opened it: saved .* \(version 2\), with 64483-50 × 3, 64484-50 × 1\. Nothing was overwritten/,
      );
      expect(claims(w)[0]!.item[0]!.quantity.value).toBe(3);
      expect(lineTitles()[1]).toBe('Line 2: 64484-50-59 × 1');

      fireEvent.click(within(conflict).getByRole('button', { name: 'Save my lines over it' }));
      await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/Draft claim: updated/));
      expect(claims(w)).toHaveLength(1);
      expect(claims(w)[0]!.meta?.versionId).toBe('3');
      expect(claims(w)[0]!.item.map((i) => i.quantity.value)).toEqual([1, 1]);
    });

    it("'Load the EHR's version' replaces the lines with theirs and the next save is based on it", async () => {
      const w = memWriter();
      view(data(w));
      await saveAndWait(/Draft claim: created/);
      relaunch(w);
      const theirs = claims(w)[0]!;
      theirs.item[0]!.quantity.value = 3;
      theirs.meta = { ...theirs.meta, versionId: '2' };
      fireEvent.click(screen.getByRole('button', { name: 'Accept line 1' }));
      fireEvent.click(screen.getByRole('button', { name: 'Save to chart' }));
      fireEvent.click(within(await screen.findByTestId('draft-conflict')).getByRole('button', { name: "Load the EHR's version" }));
      expect(lineTitles()[0]).toBe('Line 1: 64483-50 × 3');
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.getByTestId('draft-status').textContent).toMatch(/\(version 2\)\. The lines below are that draft/);
    });
  });
});

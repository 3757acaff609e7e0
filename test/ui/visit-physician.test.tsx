// @vitest-environment jsdom
// The physician's glance (issue 15): long evidence lists read as one line of facts with the links one click away,
// no verdict while reads are still on their way, and the verdict labelled with the payer's own policy. The pictures
// come from the seed charts through the real read -> picture pipeline; counts are checked against the raw bundle.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { VisitChecklist } from '../../src/ui/views/VisitChecklist';
import { AppDataContext, type AppData } from '../../src/ui/context';
import type { ClinicalPicture, Evidence, PlannedService } from '../../src/policy/picture';
import { loadFhir } from '../../src/cli/load';
import { checkPatient } from '../../src/cli/check';
import { localReader } from '../../src/fhir/read/local-reader';
import { dateRange, summariseEvidence, INLINE_EVIDENCE_MAX } from '../../src/ui/views/visit/evidence-summary';
import { esiPicture, mbb, tfesi } from '../policy/build';

afterEach(cleanup);

const SEED = resolve(__dirname, '../../launch/sandbox/seed');
const ANCHOR = '2026-11-23';
const charts = new Map<string, { picture: ClinicalPicture; services: PlannedService[] }>();

beforeAll(async () => {
  const reader = localReader(loadFhir([SEED]).resources);
  for (const id of ['pt-radic-ready', 'pt-cervical-summit', 'pt-stenosis-bcbsma', 'pt-tpi-no25']) {
    const results = await checkPatient(reader, id, { today: ANCHOR });
    charts.set(id, { picture: results[0]!.picture, services: results.map((r) => r.assessment.service) });
  }
}, 60_000);

function renderView(picture: ClinicalPicture, services: PlannedService[], extra: Partial<AppData> = {}) {
  const openEvidence = vi.fn<(e: Evidence) => void>();
  const data: AppData = { picture, today: ANCHOR, services, writer: null, openEvidence, ...extra };
  render(
    <AppDataContext.Provider value={data}>
      <VisitChecklist />
    </AppDataContext.Provider>,
  );
  return { openEvidence };
}

function seedCount(patient: string, test: (r: Record<string, unknown>) => boolean): number {
  const b = JSON.parse(readFileSync(resolve(SEED, `${patient}.json`), 'utf8')) as { entry: { resource: Record<string, unknown> }[] };
  return b.entry.filter((e) => test(e.resource)).length;
}

describe('evidence summarised as a fact', () => {
  it('a met conservative-care item with every PT visit reads as visits, dates, weeks and the drug; the list is one click away', () => {
    const { picture, services } = charts.get('pt-radic-ready')!;
    const { openEvidence } = renderView(picture, services);
    const ptVisits = seedCount(
      'pt-radic-ready',
      (r) => r.resourceType === 'Encounter' && JSON.stringify(r.type ?? '').includes('Physical therapy'),
    );
    expect(ptVisits).toBe(17);
    const item = document.querySelector('li.vc-finding[data-requirement="conservative-failed"]') as HTMLElement;
    const facts = item.querySelector('.vc-finding__facts')!.textContent!;
    expect(facts).toContain(`${ptVisits} PT visits, 2026-08-03 to 09-28, 8 weeks`);
    expect(facts).toMatch(/naproxen 2026-07-28 to 09-25/);
    // The links are there but hidden until asked for, by a labelled native button that says how many.
    const toggle = within(item).getByRole('button', { name: /Show all \d+ evidence links/ });
    expect(toggle.getAttribute('type')).toBe('button');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const list = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(list.hidden).toBe(true);
    expect(within(item).queryAllByRole('button', { name: /^Open evidence:/ })).toHaveLength(0);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(list.hidden).toBe(false);
    const links = within(item).getAllByRole('button', { name: /^Open evidence:/ });
    expect(links.length).toBeGreaterThan(ptVisits);
    fireEvent.click(links[0]!);
    expect(openEvidence).toHaveBeenCalledTimes(1);
    expect(toggle.textContent).toMatch(/^Hide the \d+ evidence links$/);
  });

  it('a short list stays inline, as before', () => {
    const p = esiPicture();
    renderView(p, [tfesi()]);
    const item = document.querySelector('li.vc-finding[data-requirement="pain-scale"]') as HTMLElement;
    expect(item.querySelector('.vc-finding__facts')).toBeNull();
    expect(within(item).getAllByRole('button', { name: /^Open evidence:/ }).length).toBeGreaterThan(0);
  });

  it('groups evidence no fact covers by its label, with counts, a date range and the notes counted', () => {
    const p = esiPicture();
    const ev: Evidence[] = [
      ...['2025-12-09', '2026-03-10', '2026-06-02', '2026-08-25'].map((d, i) => ({
        ref: `Procedure/e${i}`,
        display: 'Lumbar TFESI',
        date: d,
      })),
      { ref: 'DocumentReference/n1', display: 'Note', quote: { text: 'x', start: 0, end: 1 } },
    ];
    expect(ev.length).toBeGreaterThan(INLINE_EVIDENCE_MAX);
    expect(summariseEvidence(ev, p)).toBe('4 × Lumbar TFESI (2025-12-09 to 2026-08-25); 1 note');
    expect(summariseEvidence(ev.slice(0, INLINE_EVIDENCE_MAX), p)).toBeUndefined();
    expect(dateRange('2026-09-22', '2026-10-27')).toBe('2026-09-22 to 10-27');
    expect(dateRange('2026-09-22', undefined)).toBe('since 2026-09-22');
  });
});

describe('no provisional verdict', () => {
  it('while reads are pending no verdict, finding or blocker count shows: what is still loading does', () => {
    const p = esiPicture();
    p.painScores = [];
    p.conservativeCare = [];
    renderView(p, [tfesi()], { stillReading: ['Observation', 'Procedure', 'DocumentReference'] });
    const card = screen.getByRole('article', { name: /64483/ });
    expect(card.getAttribute('data-verdict')).toBe('pending');
    expect(card.getAttribute('aria-busy')).toBe('true');
    expect(within(card).queryByText(/Ready|Incomplete|Not eligible/)).toBeNull();
    expect(card.querySelectorAll('.vc-finding')).toHaveLength(0);
    const status = within(card).getByRole('status');
    expect(status.textContent).toMatch(/No verdict yet/);
    const pending = [...status.querySelectorAll('li')].map((li) => li.getAttribute('data-pending'));
    expect(pending).toEqual(['Observation', 'Procedure', 'DocumentReference']);
    expect(status.textContent).toContain('notes (DocumentReference)');
  });

  it('the note texts (attachments) still count as pending; an empty list means every read is in', () => {
    const p = esiPicture();
    renderView(p, [tfesi()], { stillReading: ['attachments'] });
    expect(screen.getByRole('status').textContent).toContain('the text of the notes');
    cleanup();
    renderView(p, [tfesi()], { stillReading: [] });
    expect(screen.getByRole('article', { name: /64483/ }).getAttribute('data-verdict')).toBe('ready');
  });
});

describe("the verdict under the payer's own policy", () => {
  const under = () => screen.getByTestId('verdict-policy').textContent ?? '';

  it('Summit: eviCore CMM-200, with the Medicare LCD only where it sets no rule', () => {
    const { picture, services } = charts.get('pt-cervical-summit')!;
    renderView(picture, services);
    expect(under()).toMatch(/^Under: Summit Health Plan: eviCore CMM-200 Epidural Steroid Injections \(2021 version/);
    expect(under()).toContain('where it sets no rule');
  });

  it('BCBSMA: policy 690', () => {
    const { picture, services } = charts.get('pt-stenosis-bcbsma')!;
    renderView(picture, services);
    expect(under()).toMatch(/^Under: Blue Cross Blue Shield of Massachusetts: BCBSMA Medical Policy 690/);
  });

  it('a commercial payer with no policy of its own for the service says the Medicare baseline is used', () => {
    const { picture, services } = charts.get('pt-tpi-no25')!;
    renderView(picture, services);
    expect(under()).toMatch(/has no policy of its own for this service encoded in ClaimReady: the Medicare baseline is used/);
  });

  it('Medicare: the LCD itself', () => {
    renderView(esiPicture(), [tfesi()]);
    expect(under()).toBe('Under: Epidural steroid injection (Medicare LCD L39242 family)');
  });

  it('a level-count problem is labelled as levels (its finding category), not laterality', () => {
    renderView(esiPicture(), [mbb({ levels: ['L3-L4', 'L4-L5', 'L5-S1'] })]);
    const item = document.querySelector('li.vc-finding[data-requirement="facet-levels"]') as HTMLElement;
    expect(item.querySelector('.badge')!.textContent).toBe('Not met');
    expect(item.getAttribute('data-category')).toBe('levels');
  });
});

// @vitest-environment jsdom
// Visit checklist view: verdict per service, findings ordered by what blocks most, fix and evidence one click
// away, citations on demand, payer fallback said in words, no HTML injection from EHR strings.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { VisitChecklist } from '../../src/ui/views/VisitChecklist';
import { AppDataContext, type AppData } from '../../src/ui/context';
import type { ClinicalPicture, Evidence, PlannedService } from '../../src/policy/picture';
import { esiPicture, mbb, service, tfesi, TODAY } from '../policy/build';

afterEach(cleanup);

function renderView(picture: ClinicalPicture, services: PlannedService[]) {
  const openEvidence = vi.fn<(e: Evidence) => void>();
  const data: AppData = { picture, today: TODAY, services, writer: null, openEvidence };
  render(
    <AppDataContext.Provider value={data}>
      <VisitChecklist />
    </AppDataContext.Provider>,
  );
  return { openEvidence };
}

describe('VisitChecklist', () => {
  it('shows a ready ESI with its payer and verdict in words', () => {
    renderView(esiPicture(), [tfesi()]);
    expect(screen.getByRole('heading', { level: 2, name: 'Visit checklist' })).toBeTruthy();
    expect(screen.getByText(/Medicare Part B/)).toBeTruthy();
    const card = screen.getByRole('article', { name: /64483/ });
    expect(within(card).getByText('Ready')).toBeTruthy();
    expect(within(card).getByText(/Every documentation requirement checked is met/)).toBeTruthy();
  });

  it('lists what blocks most first, with its fix, and opens evidence on click', () => {
    const p = esiPicture();
    p.painScores = [];
    p.siteMentions[0]!.levels = ['L5-S1'];
    p.siteMentions[0]!.evidence = [{ ref: 'DocumentReference/plan', display: 'Progress note plan', date: '2026-11-20' }];
    const { openEvidence } = renderView(p, [tfesi()]);
    const card = screen.getByRole('article', { name: /64483/ });
    expect(within(card).getByText(/Incomplete/)).toBeTruthy();
    const todo = within(card).getAllByRole('list')[0]!;
    const items = within(todo)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('vc-finding'));
    expect(items[0]!.getAttribute('data-requirement')).toBe('pain-scale');
    expect(within(items[0]!).getByText(/Document the pain score on a 0-10 scale/)).toBeTruthy();
    const site = items.find((li) => li.getAttribute('data-requirement') === 'site-consistency')!;
    fireEvent.click(within(site).getByRole('button', { name: /Progress note plan/ }));
    expect(openEvidence).toHaveBeenCalledWith(expect.objectContaining({ ref: 'DocumentReference/plan' }));
  });

  it('orders services independently and says not eligible for a 3-level facet block', () => {
    const p = esiPicture();
    renderView(p, [tfesi(), mbb({ levels: ['L3-L4', 'L4-L5', 'L5-S1'] })]);
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(2);
    expect(within(cards[1]!).getByText(/Not eligible/)).toBeTruthy();
    expect(cards[1]!.querySelector('.vc-finding')!.querySelector('.badge')!.textContent).toBe('Not met');
  });

  it('shows the citation on demand: a rule read in the text blocks, an unconfirmed one is advice', () => {
    const p = esiPicture();
    p.conservativeCare = [
      { kind: 'nsaid', description: 'ibuprofen', start: '2026-11-01', end: '2026-11-15', outcome: 'failed', source: 'note', evidence: [] },
    ];
    // No functional measure: the SI policy's functional pillar rests on summaries only (S2).
    p.functionalStatus = [];
    renderView(p, [tfesi(), service('27096', 'si-joint')]);
    // The ESI 4-week minimum is now read in the LCD family's rubric (S1): two weeks is a blocker, not advice.
    const esi = screen.getAllByRole('article')[0]!;
    const item = esi.querySelector('[data-requirement="conservative-weeks"]') as HTMLElement;
    expect(item.querySelector('.badge')!.textContent).toBe('Not met');
    const source = within(item).getByText('Source').closest('details')!;
    expect(source.open).toBe(false);
    fireEvent.click(within(item).getByText('Source'));
    expect(within(source).getByText(/L39242/)).toBeTruthy();
    // The SI joint functional pillar rests on summaries only (S2): shown as advice, with the reason.
    const si = screen.getAllByRole('article')[1]!;
    const advice = within(si).getAllByText(/^Advice: /);
    expect(advice.length).toBeGreaterThan(0);
    const adviceItem = advice[0]!.closest('li')!;
    fireEvent.click(within(adviceItem).getByText('Source'));
    expect(within(adviceItem).getByText(/unconfirmed/)).toBeTruthy();
  });

  it('says when the payer is unknown and the baseline is used', () => {
    const p = esiPicture();
    p.coverages = [
      { id: 'c', status: 'active', payerId: 'ACME', payerName: 'Acme Mutual Insurance', typeCode: '5', source: 'coded', evidence: [] },
    ];
    renderView(p, [tfesi()]);
    expect(screen.getByText(/Acme Mutual Insurance is not a payer ClaimReady knows/)).toBeTruthy();
  });

  it('asks for a procedure when none is planned', () => {
    renderView(esiPicture(), []);
    expect(screen.getByText(/No planned procedure/)).toBeTruthy();
  });

  it('renders EHR strings as text, never as HTML', () => {
    const p = esiPicture();
    p.conservativeCare[0]!.description = '<img src=x onerror=alert(1)>PT';
    p.conservativeCare[0]!.outcome = 'ongoing';
    p.conservativeCare[1]!.outcome = 'ongoing';
    renderView(p, [tfesi()]);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByText(/<img src=x onerror=alert\(1\)>PT/).length).toBeGreaterThan(0);
  });

  it('every evidence and source control is labelled and keyboard reachable', () => {
    const p = esiPicture();
    p.painScores = [];
    renderView(p, [tfesi()]);
    for (const b of screen.getAllByRole('button')) {
      expect(b.getAttribute('type')).toBe('button');
      expect(b.getAttribute('aria-label') ?? b.textContent).toBeTruthy();
    }
  });
});

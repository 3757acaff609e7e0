// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { EvidencePanel } from '../../src/ui/components/EvidencePanel';
import type { NoteDoc } from '../../src/policy/picture';

const note: NoteDoc = {
  ref: 'DocumentReference/n1',
  title: 'Progress note',
  date: '2026-11-20',
  contentType: 'text/html',
  text: 'HPI: Low back pain. <img src=x onerror=alert(1)> Pain is 7/10 today. Completed 8 weeks of PT.',
};

describe('EvidencePanel', () => {
  it('opens the note with exactly the evidence span highlighted', () => {
    const start = note.text.indexOf('7/10');
    render(
      <EvidencePanel
        evidence={{ ref: note.ref, display: 'pain score', quote: { text: '7/10', start, end: start + 4 } }}
        notes={[note]}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByTestId('evidence-highlight').textContent).toBe('7/10');
    expect(screen.getByRole('heading', { name: 'Progress note' })).toBeTruthy();
  });

  it('shows note text as text: markup in a note is never turned into elements', () => {
    const { container } = render(<EvidencePanel evidence={{ ref: note.ref, display: 'note' }} notes={[note]} onClose={() => undefined} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('ignores a span that does not fit the note instead of highlighting the wrong words', () => {
    render(
      <EvidencePanel
        evidence={{ ref: note.ref, display: 'x', quote: { text: 'x', start: 5000, end: 5001 } }}
        notes={[note]}
        onClose={() => undefined}
      />,
    );
    expect(screen.queryByTestId('evidence-highlight')).toBeNull();
  });

  it('shows a coded resource by its reference and closes on Escape', () => {
    const onClose = vi.fn();
    render(<EvidencePanel evidence={{ ref: 'Observation/o1', display: 'NRS 7', date: '2026-11-20' }} notes={[note]} onClose={onClose} />);
    expect(screen.getByText(/Observation\/o1/)).toBeTruthy();
    fireEvent.keyDown(screen.getByTestId('evidence-panel'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
  });
});

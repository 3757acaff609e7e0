// Opens a piece of evidence: the note with its span highlighted (as text, never as HTML), or the resource it names.
import { useEffect, useRef } from 'react';
import type { Evidence, NoteDoc } from '../../policy/index';

export function EvidencePanel({ evidence, notes, onClose }: { evidence: Evidence; notes: NoteDoc[]; onClose(): void }) {
  const panel = useRef<HTMLElement>(null);
  const mark = useRef<HTMLElement>(null);
  const note = notes.find((n) => n.ref === evidence.ref);

  useEffect(() => {
    panel.current?.focus();
    mark.current?.scrollIntoView?.({ block: 'center' });
  }, [evidence]);

  const quote = evidence.quote;
  const validSpan = note && quote && quote.start >= 0 && quote.end <= note.text.length && quote.start < quote.end;
  return (
    <aside
      ref={panel}
      className="evidence-panel card"
      aria-labelledby="evidence-title"
      tabIndex={-1}
      data-testid="evidence-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="evidence-panel__header">
        <h2 id="evidence-title">{note ? note.title : evidence.display}</h2>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="muted">
        {evidence.ref}
        {(note?.date ?? evidence.date) ? ` · ${note?.date ?? evidence.date}` : ''}
      </p>
      {note ? (
        <pre className="evidence-panel__note">
          {validSpan ? (
            <>
              {note.text.slice(0, quote.start)}
              <mark ref={mark} data-testid="evidence-highlight">
                {note.text.slice(quote.start, quote.end)}
              </mark>
              {note.text.slice(quote.end)}
            </>
          ) : (
            note.text
          )}
        </pre>
      ) : (
        <p>
          {evidence.display}
          {quote ? `: “${quote.text}”` : ''}
        </p>
      )}
    </aside>
  );
}

// The three views as an ARIA tablist: arrow keys move between tabs, as screen-reader users expect.
import { useRef, type KeyboardEvent } from 'react';

export type TabId = 'visit' | 'coding' | 'prior-auth';

const TABS: { id: TabId; label: string }[] = [
  { id: 'visit', label: 'Visit checklist' },
  { id: 'coding', label: 'Coding review' },
  { id: 'prior-auth', label: 'Prior auth' },
];

export function Tabs({ current, onChange }: { current: TabId; onChange(id: TabId): void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  function onKey(e: KeyboardEvent, index: number) {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (index + delta + TABS.length) % TABS.length;
    onChange(TABS[next]!.id);
    refs.current[next]?.focus();
  }
  return (
    <div role="tablist" aria-label="Views" className="tabs">
      {TABS.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          id={`tab-${t.id}`}
          role="tab"
          type="button"
          aria-selected={current === t.id}
          aria-controls={`panel-${t.id}`}
          tabIndex={current === t.id ? 0 : -1}
          className="tabs__tab"
          onClick={() => onChange(t.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

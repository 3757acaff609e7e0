// Where the coder's work stands against the chart: the draft saved earlier (when, by whom, which version) and
// whether the lines on screen differ from it; and, when someone changed the draft meanwhile, their version and
// the two ways on (take theirs, or save mine over it knowingly).
import type { SavedDraft } from './draft';
import { whenText } from './draft';

export type DraftMeta = Omit<SavedDraft, 'notes'>;

export function draftLine(d: DraftMeta): string {
  return `Draft saved ${whenText(d.savedAt)} by ${d.savedBy ?? 'an unrecorded user'}${d.versionId ? ` (version ${d.versionId})` : ''}`;
}

export function DraftStatus({ draft, dirty, notes }: { draft: DraftMeta | undefined; dirty: boolean; notes: readonly string[] }) {
  return (
    <div data-testid="draft-status" className="coding-draft">
      {draft ? (
        <p>
          <strong>{draft.ref.startsWith('Claim/') ? draftLine(draft) : ''}</strong>
          {dirty ? '. The lines below have changes not saved yet.' : '. The lines below are that draft.'}
        </p>
      ) : (
        <p className="muted">No draft saved to the chart for this visit yet.</p>
      )}
      {notes.length > 0 && (
        <ul>
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function DraftConflict({ theirs, onLoad, onOverwrite }: { theirs: SavedDraft; onLoad(): void; onOverwrite(): void }) {
  return (
    <div className="stack" data-testid="draft-conflict">
      <p>
        The draft was changed in the EHR after you opened it: {draftLine(theirs).replace(/^Draft saved/, 'saved')}, with{' '}
        {theirs.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} × ${l.units}`).join(', ') || 'no lines'}
        . Nothing was overwritten.
      </p>
      <div className="coding-review__row">
        <button type="button" className="btn" onClick={onLoad}>
          Load the EHR's version
        </button>
        <button type="button" className="btn" onClick={onOverwrite}>
          Save my lines over it
        </button>
      </div>
    </div>
  );
}

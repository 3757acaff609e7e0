// Coding review: the suggested claim lines and diagnoses, the edits a payer would raise, the coder's changes
// (re-validated at once with the same pure edit functions) and "Save to chart".
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CodingLine, CodingSuggestion } from '../../policy/index';
import { serviceDef } from '../../policy/index';
import { checkServices, primaryCoverageId, recheckCoding } from '../../workflow/index';
import { useAppData } from '../context';
import { EditList, EvidenceButtons } from './coding/EditList';
import { LineRow } from './coding/LineRow';
import { clearLines, loadLines, saveLines, storageKey, type StoredLine } from './coding/storage';
import { useSaveCoding } from './coding/useSaveCoding';
import { draftFor, rereadDraft, userNameOf, type SavedDraft } from './coding/draft';
import { DraftConflict, DraftStatus, type DraftMeta } from './coding/DraftStatus';
import { codingSlotIds } from '../../writeback/index';
import './CodingReview.css';

interface WorkLine extends StoredLine {
  id: number;
}

function fromSuggestion(lines: readonly CodingLine[]): StoredLine[] {
  return lines.map((l) => ({
    code: l.code,
    modifiers: [...l.modifiers],
    units: l.units,
    diagnosisPointers: [...l.diagnosisPointers],
    accepted: false,
  }));
}

/** The suggestion's own line for a code (its rationale and evidence), when the coder kept that code. */
function toCodingLine(w: StoredLine, suggested: readonly CodingLine[]): CodingLine {
  const orig = suggested.find((s) => s.code === w.code);
  return {
    code: w.code,
    label: serviceDef(w.code)?.label ?? 'Not in the ClaimReady catalogue',
    modifiers: w.modifiers,
    units: w.units,
    diagnosisPointers: w.diagnosisPointers,
    evidence: orig?.evidence ?? [],
    rationale:
      orig && orig.modifiers.join() === w.modifiers.join() && orig.units === w.units
        ? orig.rationale
        : orig
          ? [...orig.rationale, 'Changed by the coder']
          : [],
  };
}

interface Work {
  key: string;
  /** Where the lines came from: this frame's unsaved work, the chart's saved draft, or the suggestion. */
  origin: 'session' | 'draft' | 'suggestion';
  touched: boolean;
  lines: WorkLine[];
}

const plain = (lines: readonly (StoredLine & { id?: number })[]): StoredLine[] =>
  lines.map((l) => ({
    code: l.code,
    modifiers: l.modifiers,
    units: l.units,
    diagnosisPointers: l.diagnosisPointers,
    accepted: l.accepted,
  }));
const numbered = (lines: readonly StoredLine[]): WorkLine[] => lines.map((l, i) => ({ ...l, id: i }));

export function CodingReview() {
  const { picture, today, services, writer, user, openEvidence, saved, resources } = useAppData();
  const coverageId = useMemo(() => primaryCoverageId(picture), [picture]);
  const check = useMemo(() => checkServices(picture, services, { today }), [picture, services, today]);
  const { payer, coding: suggestion } = check;
  const key = storageKey(picture.patient.id, suggestion.dateOfService);
  const dxCodes = useMemo(() => suggestion.diagnoses.map((d) => d.code), [suggestion.diagnoses]);
  const slot = useMemo(
    () => codingSlotIds(picture.patient.id, picture.encounter?.id, suggestion.dateOfService).claim,
    [picture.patient.id, picture.encounter?.id, suggestion.dateOfService],
  );
  // The draft saved in the chart earlier (record.saved), and the one this session saved or re-read since.
  const savedDraft = useMemo(() => draftFor(saved, slot, dxCodes), [saved, slot, dxCodes]);
  const [own, setOwn] = useState<{ slot: string; draft: DraftMeta } | undefined>(undefined);
  const draft: DraftMeta | undefined = own?.slot === slot ? own.draft : savedDraft;
  const userName = useMemo(() => userNameOf(resources, user), [resources, user]);

  const initial = useCallback((): Work => {
    const session = loadLines(key);
    if (session) return { key, origin: 'session', touched: false, lines: numbered(session) };
    if (savedDraft) return { key, origin: 'draft', touched: false, lines: numbered(savedDraft.lines) };
    return { key, origin: 'suggestion', touched: false, lines: numbered(fromSuggestion(suggestion.lines)) };
  }, [key, savedDraft, suggestion.lines]);
  const [work, setWork] = useState<Work>(initial);
  const [editing, setEditing] = useState<Set<number>>(new Set());
  const [written, setWritten] = useState(false);
  const [conflict, setConflict] = useState<SavedDraft | undefined>(undefined);
  // A different patient or date of service (or services changed): start from that slot's work, draft or suggestion.
  // The saved draft is known once the whole record is read: untouched suggestion lines give way to it then.
  if (work.key !== key || (savedDraft && work.origin === 'suggestion' && !work.touched)) setWork(initial());
  const lines = work.lines;

  useEffect(() => {
    if (!written && work.touched) saveLines(key, plain(lines));
  }, [key, lines, written, work.touched]);

  const codingLines = useMemo(() => lines.map((l) => toCodingLine(l, suggestion.lines)), [lines, suggestion.lines]);
  // Notes the suggestion made about codes it left out (77003 bundled, an E/M without separate work) stay visible, and
  // the chart's site/side conflicts the checklist blocks on are errors here too.
  const edits = useMemo(() => recheckCoding(codingLines, check, { picture, services }), [codingLines, check, picture, services]);
  const current: CodingSuggestion = { ...suggestion, lines: codingLines, edits };
  const dirty = draft !== undefined && JSON.stringify(plain(lines)) !== JSON.stringify(plain(draft.lines));

  const saveCtx = useMemo(
    () => ({ writer, patientId: picture.patient.id, encounterId: picture.encounter?.id, coverageId, user, today }),
    [writer, picture.patient.id, picture.encounter?.id, coverageId, user, today],
  );
  const { state, save, reset: resetSave } = useSaveCoding(saveCtx);

  const saveNow = async (base: DraftMeta | undefined = draft): Promise<void> => {
    const snapshot = plain(lines);
    setConflict(undefined);
    const result = await save(current, {
      reviewed: snapshot.map((l) => l.accepted),
      ...(base?.versionId ? { claimBaseVersion: base.versionId } : {}),
      ...(userName ? { userName } : {}),
    });
    if (!result) return;
    if (result.ok) {
      setWritten(true);
      clearLines(key);
      const claim = result.outcome.results.find((r) => r.item.resource.resourceType === 'Claim');
      if (claim?.id) {
        const changed = claim.created || claim.updated;
        const meta: DraftMeta = {
          ref: `Claim/${claim.id}`,
          ...((claim.versionId ?? base?.versionId) ? { versionId: claim.versionId ?? base?.versionId } : {}),
          ...(changed ? { savedAt: new Date().toISOString() } : base?.savedAt ? { savedAt: base.savedAt } : {}),
          ...(changed ? { savedBy: userName ?? user } : base?.savedBy ? { savedBy: base.savedBy } : {}),
          lines: snapshot,
        };
        setOwn({ slot, draft: meta });
      }
    } else if (result.status === 412 && writer) {
      // Someone saved this draft after it was read: show their version, overwrite nothing without being asked.
      const theirs = await rereadDraft(writer, slot, dxCodes).catch(() => undefined);
      if (theirs && theirs.versionId !== base?.versionId) setConflict(theirs);
    }
  };
  const loadTheirs = (theirs: SavedDraft): void => {
    setOwn({ slot, draft: theirs });
    setWork({ key, origin: 'draft', touched: true, lines: numbered(theirs.lines) });
    setConflict(undefined);
    setEditing(new Set());
    resetSave();
  };

  const update = (id: number, next: StoredLine | null): void => {
    setWritten(false);
    setWork((w) => ({
      ...w,
      touched: true,
      lines: next ? w.lines.map((l) => (l.id === id ? { ...next, id } : l)) : w.lines.filter((l) => l.id !== id),
    }));
  };
  const setLineEditing = (id: number, on: boolean): void =>
    setEditing((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const addLine = (): void => {
    const id = Math.max(-1, ...lines.map((l) => l.id)) + 1;
    setWritten(false);
    setWork((w) => ({
      ...w,
      touched: true,
      lines: [
        ...w.lines,
        { id, code: '', modifiers: [], units: 1, diagnosisPointers: suggestion.diagnoses.length ? [1] : [], accepted: false },
      ],
    }));
    setLineEditing(id, true);
  };
  const reset = (): void => {
    clearLines(key);
    setWork({ key, origin: 'suggestion', touched: true, lines: numbered(fromSuggestion(suggestion.lines)) });
    setEditing(new Set());
  };

  const errors = edits.filter((e) => e.severity === 'error').length;
  return (
    <section className="coding-review stack" aria-labelledby="coding-title">
      <h2 id="coding-title">Coding review</h2>
      <p className="muted">
        Date of service {suggestion.dateOfService} · payer {payer.name}
        {payer.fellBackToBaseline ? ' (Medicare baseline used)' : ''}
      </p>

      <section className="card stack" aria-labelledby="coding-lines-title">
        <h3 id="coding-lines-title">Claim lines</h3>
        <DraftStatus draft={draft} dirty={dirty} notes={work.origin === 'draft' ? (savedDraft?.notes ?? []) : []} />
        {lines.length === 0 && <p className="muted">No lines. Add one, or choose a service above.</p>}
        <ol className="coding-lines">
          {lines.map((l, i) => (
            <LineRow
              key={l.id}
              index={i}
              line={codingLines[i]!}
              stored={l}
              diagnosisCodes={suggestion.diagnoses.map((d) => d.code)}
              editing={editing.has(l.id)}
              errorCount={edits.filter((e) => e.severity === 'error' && e.lines.includes(i)).length}
              onChange={(next) => update(l.id, next)}
              onRemove={() => update(l.id, null)}
              onEditing={(on) => setLineEditing(l.id, on)}
              openEvidence={openEvidence}
            />
          ))}
        </ol>
        <div className="coding-review__row">
          <button type="button" className="btn" onClick={addLine}>
            Add a line
          </button>
          <button type="button" className="btn" onClick={reset}>
            Start again from the suggestion
          </button>
        </div>
      </section>

      <section className="card stack" aria-labelledby="coding-dx-title">
        <h3 id="coding-dx-title">Diagnoses (ICD-10-CM)</h3>
        {suggestion.diagnoses.length === 0 ? (
          <p className="muted">No ICD-10-CM diagnosis found in the record or on the order.</p>
        ) : (
          <ol className="coding-dx">
            {suggestion.diagnoses.map((d) => (
              <li key={d.code}>
                <strong>{d.code}</strong> {d.label}{' '}
                {!d.billable && (
                  <span className="badge badge--not-met">
                    Not billable{d.successors && d.successors.length ? `: use ${d.successors.join(', ')}` : ''}
                  </span>
                )}
                <details>
                  <summary>Evidence for {d.code}</summary>
                  <EvidenceButtons evidence={d.evidence} openEvidence={openEvidence} />
                </details>
              </li>
            ))}
          </ol>
        )}
      </section>

      <EditList edits={edits} openEvidence={openEvidence} />

      <section className="card stack" aria-labelledby="coding-save-title">
        <h3 id="coding-save-title">Save to chart</h3>
        {!writer && <p className="muted">This session cannot write to the EHR (no write permission was granted).</p>}
        {errors > 0 && writer && <p>{errors} error(s) remain: you can still save the draft for the billing team.</p>}
        <div className="coding-review__row">
          <button
            type="button"
            className="btn btn--primary"
            disabled={!writer || state.phase === 'saving' || lines.length === 0}
            onClick={() => void saveNow()}
          >
            {state.phase === 'saving' ? 'Saving…' : 'Save to chart'}
          </button>
        </div>
        <div role="status" aria-live="polite" data-testid="save-status">
          {state.phase === 'saved' && (
            <ul className="coding-saved">
              {state.outcome.results
                .filter((r) => r.item.resource.resourceType !== 'Provenance')
                .map((r) => (
                  <li key={r.item.ifNoneExist}>
                    {r.item.resource.resourceType === 'Claim' ? 'Draft claim' : 'Coding summary'}:{' '}
                    {r.created ? 'created' : r.updated ? 'updated' : 'already saved'}
                    {r.id ? ` (${r.item.resource.resourceType}/${r.id})` : ''}
                  </li>
                ))}
              {state.outcome.skipped.map((k) => (
                <li key={k.type}>Not saved: {k.reason}</li>
              ))}
            </ul>
          )}
        </div>
        {state.phase === 'failed' && (
          <div role="alert" className="card card--alert stack">
            <p>Not saved. {state.message}</p>
            {state.issues.length > 0 && (
              <ul>
                {state.issues.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            )}
            <p className="muted">Your lines are kept.</p>
            {conflict ? (
              <DraftConflict theirs={conflict} onLoad={() => loadTheirs(conflict)} onOverwrite={() => void saveNow(conflict)} />
            ) : (
              <button type="button" className="btn" onClick={() => void saveNow()}>
                Retry
              </button>
            )}
          </div>
        )}
      </section>
    </section>
  );
}

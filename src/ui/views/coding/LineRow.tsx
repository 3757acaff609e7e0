// One claim line: read view with accept / change / remove, an edit form whose every change re-runs the edits at once,
// and the why-and-evidence disclosure.
import { useState } from 'react';
import type { CodingLine } from '../../../policy/index';
import type { Evidence } from '../../../policy/index';
import { EvidenceButtons } from './EditList';
import type { StoredLine } from './storage';

export interface LineRowProps {
  index: number;
  line: CodingLine;
  stored: StoredLine;
  /** ICD-10-CM codes in pointer order (1-based pointers index into it). */
  diagnosisCodes: readonly string[];
  editing: boolean;
  errorCount: number;
  onChange(next: StoredLine): void;
  onRemove(): void;
  onEditing(editing: boolean): void;
  openEvidence(e: Evidence): void;
}

const splitList = (s: string): string[] =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);

export function LineRow({
  index,
  line,
  stored,
  diagnosisCodes,
  editing,
  errorCount,
  onChange,
  onRemove,
  onEditing,
  openEvidence,
}: LineRowProps) {
  const n = index + 1;
  const [mods, setMods] = useState(stored.modifiers.join(' '));
  const [ptrs, setPtrs] = useState(stored.diagnosisPointers.join(', '));
  const startEditing = (): void => {
    setMods(stored.modifiers.join(' '));
    setPtrs(stored.diagnosisPointers.join(', '));
    onEditing(true);
  };
  return (
    <li className="coding-line card" data-testid="coding-line">
      <div className="coding-line__head">
        <h4 className="coding-line__title">
          Line {n}: <span className="coding-line__code">{line.code || '(no code)'}</span>
          {line.modifiers.length > 0 && <span>-{line.modifiers.join('-')}</span>}
          <span className="muted"> × {line.units}</span>
        </h4>
        <span className={stored.accepted ? 'badge badge--met' : 'badge badge--not-applicable'}>
          {stored.accepted ? 'Accepted' : 'Not reviewed'}
        </span>
        {errorCount > 0 && <span className="badge badge--not-met">{errorCount} error(s)</span>}
      </div>
      <p className="coding-line__label">{line.label}</p>
      <p className="muted">
        Diagnoses:{' '}
        {line.diagnosisPointers.length === 0
          ? 'none'
          : line.diagnosisPointers.map((p) => `${p} (${diagnosisCodes[p - 1] ?? 'no such diagnosis'})`).join(', ')}
      </p>
      {editing ? (
        <fieldset className="coding-line__form">
          <legend>Change line {n}</legend>
          <label>
            Code
            <input
              aria-label={`Code, line ${n}`}
              value={stored.code}
              maxLength={5}
              onChange={(e) => onChange({ ...stored, code: e.target.value.trim().toUpperCase(), accepted: false })}
            />
          </label>
          <label>
            Modifiers
            <input
              aria-label={`Modifiers, line ${n}`}
              value={mods}
              onChange={(e) => {
                setMods(e.target.value);
                onChange({ ...stored, modifiers: splitList(e.target.value), accepted: false });
              }}
            />
          </label>
          <label>
            Units
            <input
              aria-label={`Units, line ${n}`}
              type="number"
              min={1}
              max={99}
              value={stored.units}
              onChange={(e) => onChange({ ...stored, units: Number.parseInt(e.target.value, 10) || 0, accepted: false })}
            />
          </label>
          <label>
            Pointers
            <input
              aria-label={`Diagnosis pointers, line ${n}`}
              value={ptrs}
              onChange={(e) => {
                setPtrs(e.target.value);
                onChange({
                  ...stored,
                  diagnosisPointers: splitList(e.target.value)
                    .map((x) => Number.parseInt(x, 10))
                    .filter((x) => !Number.isNaN(x)),
                  accepted: false,
                });
              }}
            />
          </label>
          <button type="button" className="btn" onClick={() => onEditing(false)}>
            Done with line {n}
          </button>
        </fieldset>
      ) : (
        <div className="coding-line__actions">
          <button
            type="button"
            className="btn"
            aria-pressed={stored.accepted}
            onClick={() => onChange({ ...stored, accepted: !stored.accepted })}
          >
            {stored.accepted ? `Undo accept, line ${n}` : `Accept line ${n}`}
          </button>
          <button type="button" className="btn" onClick={startEditing}>
            Change line {n}
          </button>
          <button type="button" className="btn" onClick={onRemove}>
            Remove line {n}
          </button>
        </div>
      )}
      <details>
        <summary>Why and evidence, line {n}</summary>
        {line.rationale.length > 0 ? (
          <ul>
            {line.rationale.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Entered by the coder.</p>
        )}
        <EvidenceButtons evidence={line.evidence} openEvidence={openEvidence} />
      </details>
    </li>
  );
}

// "Save to chart": builds the draft Claim + summary from the coder's lines and writes them with writeAll.
// A failure keeps the coder's work and offers Retry (the same items: what was already saved matches If-None-Exist).
import { useCallback, useRef, useState } from 'react';
import type { CodingSuggestion } from '../../../policy/index';
import type { FhirWriter } from '../../../writeback/index';
import type { WriteOutcome } from '../../../writeback/index';
import { saveCoding } from '../../../workflow/index';

export type SaveState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved'; outcome: Extract<WriteOutcome, { ok: true }> }
  | { phase: 'failed'; message: string; issues: string[] };

export interface SaveContext {
  writer: FhirWriter | null;
  patientId: string;
  encounterId?: string;
  coverageId?: string;
  user?: string;
  today: string;
}

export function useSaveCoding(ctx: SaveContext, onSaved: () => void): { state: SaveState; save(s: CodingSuggestion): Promise<void> } {
  const [state, setState] = useState<SaveState>({ phase: 'idle' });
  const busy = useRef(false);
  const save = useCallback(
    async (s: CodingSuggestion) => {
      const writer = ctx.writer;
      if (!writer || busy.current) return;
      busy.current = true;
      setState({ phase: 'saving' });
      try {
        const result = await saveCoding(writer, s, ctx);
        if (result.ok) {
          setState({ phase: 'saved', outcome: result.outcome });
          onSaved();
        } else {
          setState({ phase: 'failed', message: result.message, issues: result.issues });
        }
      } catch {
        setState({
          phase: 'failed',
          message: 'The EHR could not be reached (its capability statement did not load). Your work is kept.',
          issues: [],
        });
      } finally {
        busy.current = false;
      }
    },
    [ctx, onSaved],
  );
  return { state, save };
}

// "Save to chart": builds the draft Claim + summary from the coder's lines and writes them with writeAll.
// A failure keeps the coder's work and offers Retry (the same items: what was already saved matches If-None-Exist).
import { useCallback, useRef, useState } from 'react';
import type { CodingSuggestion } from '../../../policy/index';
import type { FhirWriter } from '../../../writeback/index';
import type { WriteOutcome } from '../../../writeback/index';
import { saveCoding, type CodingSaveContext, type SaveResult } from '../../../workflow/index';

export type SaveState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved'; outcome: Extract<WriteOutcome, { ok: true }> }
  | { phase: 'failed'; message: string; issues: string[]; status?: number };

export interface SaveContext {
  writer: FhirWriter | null;
  patientId: string;
  encounterId?: string;
  coverageId?: string;
  user?: string;
  today: string;
}

/** What one save adds to the context: the lines' reviewed marks and the draft version the work continues from. */
export type SaveExtra = Pick<CodingSaveContext, 'reviewed' | 'claimBaseVersion' | 'userName'>;

export function useSaveCoding(ctx: SaveContext): {
  state: SaveState;
  save(s: CodingSuggestion, extra?: SaveExtra): Promise<SaveResult | undefined>;
  reset(): void;
} {
  const [state, setState] = useState<SaveState>({ phase: 'idle' });
  const busy = useRef(false);
  const save = useCallback(
    async (s: CodingSuggestion, extra: SaveExtra = {}): Promise<SaveResult | undefined> => {
      const writer = ctx.writer;
      if (!writer || busy.current) return undefined;
      busy.current = true;
      setState({ phase: 'saving' });
      try {
        const result = await saveCoding(writer, s, { ...ctx, ...extra });
        if (result.ok) setState({ phase: 'saved', outcome: result.outcome });
        else
          setState({
            phase: 'failed',
            message: result.message,
            issues: result.issues,
            ...(result.status !== undefined ? { status: result.status } : {}),
          });
        return result;
      } catch {
        const message = 'The EHR could not be reached (its capability statement did not load). Your work is kept.';
        setState({ phase: 'failed', message, issues: [] });
        return { ok: false, message, issues: [] };
      } finally {
        busy.current = false;
      }
    },
    [ctx],
  );
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, save, reset };
}

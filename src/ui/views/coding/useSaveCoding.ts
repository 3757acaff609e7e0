// "Save to chart": builds the draft Claim + summary from the coder's lines and writes them with writeAll.
// A failure keeps the coder's work and offers Retry (the same items: what was already saved matches If-None-Exist).
import { useCallback, useRef, useState } from 'react';
import type { CodingSuggestion } from '../../../policy/verdicts';
import type { FhirWriter } from '../../../writeback/writer';
import { buildCodingWrites } from '../../../writeback/coding-suggestion';
import { writeAll, type WriteOutcome } from '../../../writeback/write';

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
        const capabilities = await writer.capabilities();
        const items = buildCodingWrites(s, { patientId: ctx.patientId, encounterId: ctx.encounterId, coverageId: ctx.coverageId, providerRef: ctx.user, today: ctx.today, capabilities });
        const outcome = await writeAll(writer, items, { app: 'ClaimReady', user: ctx.user });
        if (outcome.ok) {
          setState({ phase: 'saved', outcome });
          onSaved();
        } else {
          const issues = (outcome.failed.outcome?.issue ?? []).map((i) => `${i.severity}: ${i.diagnostics ?? i.details?.text ?? i.code}`);
          setState({ phase: 'failed', message: outcome.failed.message, issues });
        }
      } catch {
        setState({ phase: 'failed', message: 'The EHR could not be reached (its capability statement did not load). Your work is kept.', issues: [] });
      } finally {
        busy.current = false;
      }
    },
    [ctx, onSaved],
  );
  return { state, save };
}

// Modifier KX where the billing article asks for it: diagnostic facet injection lines (A58403, S1). A coder's
// KX on a therapeutic joint injection is not asked for. The ESI articles' KX on diagnostic selective nerve root
// blocks is a summary of some contractors only (S2), so it is not suggested. The facet KX is advice, not put on
// the line: what was read is a contractor's restatement (S1), not the article, and the coder adds it.
import type { CodingEdit, CodingLine } from '../verdicts';
import type { ClinicalPicture, PlannedService } from '../picture';
import { familyOf, serviceDef } from '../services';
import { injectionIntent } from '../requirements/site';
import { dayOf } from '../dates';
import { CITE } from './citations';
import { serviceForLine } from './lines';

export function kxEdits(
  lines: readonly CodingLine[],
  picture: ClinicalPicture,
  services: readonly PlannedService[],
  dateOfService: string,
): CodingEdit[] {
  const out: CodingEdit[] = [];
  lines.forEach((l, i) => {
    const kind = serviceDef(l.code)?.kind;
    if (!kind || familyOf(kind)?.id !== 'facet-block' || l.modifiers.includes('KX')) return;
    const svc = serviceForLine(l, services);
    if (!svc) return;
    const { intent, evidence } = injectionIntent(picture, svc, dayOf(svc.date ?? dateOfService));
    if (intent !== 'diagnostic') return;
    out.push({
      kind: 'modifier',
      severity: 'warning',
      message: `${l.code}: add modifier KX if your contractor's article asks for it on a diagnostic facet injection line (A58403 does, as restated by Noridian; the article itself was not read, so ClaimReady does not put KX on the line for you).`,
      lines: [i],
      citation: CITE.facetKx,
      evidence,
    });
  });
  return out;
}

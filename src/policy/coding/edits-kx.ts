// Modifier KX on diagnostic facet injection lines for Original Medicare. Noridian's facet Q&A on L38803 (the MAC's
// own page) says "The KX modifier should be appended to the line for all diagnostic injections"; its rubric on
// A58403 (S1) and a summary of A57826 (S2) agree. So the suggestion puts KX on those lines (kxModifiers) and the
// edit flags a diagnostic line a coder left without it. A therapeutic joint injection takes no KX. KX is a Medicare
// mechanism: a commercial line gets no KX edit. The ESI articles' KX on diagnostic selective nerve root blocks is a
// summary of some contractors only (S2), so it is not suggested.
import type { CodingEdit, CodingLine } from '../verdicts';
import type { ClinicalPicture, Evidence, PlannedService } from '../picture';
import { familyOf, serviceDef } from '../services';
import { injectionIntent } from '../requirements/intent';
import { dayOf } from '../dates';
import { CITE } from './citations';
import { serviceForLine } from './lines';

/** Payers whose claims the facet articles' KX rule applies to (Original Medicare; MA plans set their own rules). */
const KX_PAYERS: ReadonlySet<string> = new Set(['medicare']);

function diagnosticFacetLine(
  line: Pick<CodingLine, 'code'>,
  svc: PlannedService | undefined,
  picture: ClinicalPicture,
  dateOfService: string,
): Evidence[] | undefined {
  const kind = serviceDef(line.code)?.kind;
  if (!kind || familyOf(kind)?.id !== 'facet-block' || !svc) return undefined;
  const { intent, evidence } = injectionIntent(picture, svc, dayOf(svc.date ?? dateOfService));
  return intent === 'diagnostic' ? evidence : undefined;
}

/** KX added to each diagnostic facet injection line of a Medicare claim, with the reason in its rationale. */
export function kxModifiers(
  lines: { code: string; modifiers: string[]; rationale: string[] }[],
  lineService: readonly PlannedService[],
  picture: ClinicalPicture,
  dateOfService: string,
  payerId: string | undefined,
): void {
  if (!payerId || !KX_PAYERS.has(payerId)) return;
  lines.forEach((l, i) => {
    if (l.modifiers.includes('KX') || !diagnosticFacetLine(l, lineService[i], picture, dateOfService)) return;
    l.modifiers.push('KX');
    l.rationale.push('Modifier KX: a diagnostic facet injection line (Noridian facet Q&A on L38803, A3: KX on all diagnostic injections)');
  });
}

export function kxEdits(
  lines: readonly CodingLine[],
  picture: ClinicalPicture,
  services: readonly PlannedService[],
  dateOfService: string,
  payerId: string | undefined,
): CodingEdit[] {
  if (payerId !== undefined && !KX_PAYERS.has(payerId)) return [];
  const out: CodingEdit[] = [];
  lines.forEach((l, i) => {
    if (l.modifiers.includes('KX')) return;
    const evidence = diagnosticFacetLine(l, serviceForLine(l, services), picture, dateOfService);
    if (!evidence) return;
    out.push({
      kind: 'modifier',
      severity: 'warning',
      message:
        payerId === undefined
          ? `${l.code}: a diagnostic facet injection line: Medicare's facet articles ask for modifier KX on it (the payer is not known here, so it is not added).`
          : `${l.code}: add modifier KX: Medicare asks for it on every diagnostic facet injection line.`,
      lines: [i],
      citation: CITE.facetKx,
      evidence,
    });
  });
  return out;
}

// From a performed or planned service to claim lines: the code family's primary and add-on codes with their
// units, and the bilateral/side modifiers the payer wants. Pure; the edits in ./edits.ts check the result.
import type { CodingLine } from '../verdicts';
import type { PlannedService } from '../picture';
import { FAMILIES, serviceDef, type ServiceDef } from '../services';
import type { BilateralStyle } from './data/payer-coding';

/** Codes that are reported per side (modifier 50 or RT/LT); interlaminar ESIs and trigger points are not. */
const SIDED_KINDS = new Set<string>(FAMILIES.flatMap((f) => f.sided));

/** The with-imaging twin of the no-imaging interlaminar/catheter codes (the LCDs require guidance). */
const WITH_IMAGING: Readonly<Record<string, string>> = { '62320': '62321', '62322': '62323', '62324': '62325', '62326': '62327' };

/** Facet families: [first, second, third-or-more level]. */
const FACET_FAMILY: Readonly<Record<string, readonly [string, string, string]>> = {
  '64490': ['64490', '64491', '64492'],
  '64493': ['64493', '64494', '64495'],
};

export interface DraftLine {
  code: string;
  units: number;
  modifiers: string[];
  rationale: string[];
}

export function isSidedCode(code: string): boolean {
  const def = serviceDef(code);
  return def !== undefined && SIDED_KINDS.has(def.kind);
}

/** The primary code of a family (an add-on maps to the code it accompanies). */
export function familyPrimary(code: string): string {
  const def = serviceDef(code);
  if (!def?.addOnTo || def.kind === 'chronic-pain-management') return code;
  return def.addOnTo[0]!;
}

function distinctLevels(svc: PlannedService): number {
  return new Set(svc.levels).size;
}

function codeUnits(svc: PlannedService, def: ServiceDef, imagingOrdered: boolean): DraftLine[] {
  const n = Math.max(1, distinctLevels(svc));
  const levelsText = svc.levels.length > 0 ? svc.levels.join(', ') : 'level not stated';
  const facet = FACET_FAMILY[def.code];
  if (facet) {
    const out: DraftLine[] = [{ code: facet[0], units: 1, modifiers: [], rationale: [`First facet level (${levelsText})`] }];
    if (n >= 2) out.push({ code: facet[1], units: 1, modifiers: [], rationale: ['Second facet level'] });
    if (n >= 3)
      out.push({
        code: facet[2],
        units: 1,
        modifiers: [],
        rationale: [`Third or more facet levels (${n - 2} more level(s) reported as one unit)`],
      });
    return out;
  }
  if (def.addOn) {
    const out: DraftLine[] = [{ code: def.code, units: 1, modifiers: [], rationale: [`First level (${levelsText})`] }];
    if (n >= 2) out.push({ code: def.addOn, units: n - 1, modifiers: [], rationale: [`${n - 1} additional level(s): one unit each`] });
    return out;
  }
  if (def.kind === 'trigger-point') {
    if (svc.muscleCount === undefined)
      return [
        {
          code: def.code,
          units: 1,
          modifiers: [],
          rationale: ['Muscle count not documented: kept the ordered code; document the muscles injected'],
        },
      ];
    const code = svc.muscleCount >= 3 ? '20553' : '20552';
    return [
      {
        code,
        units: 1,
        modifiers: [],
        rationale: [`${svc.muscleCount} muscle(s) injected: ${code} is reported once per session, not per muscle`],
      },
    ];
  }
  const twin = WITH_IMAGING[def.code];
  if (twin && (svc.imageGuidance === true || imagingOrdered)) {
    return [
      {
        code: twin,
        units: 1,
        modifiers: [],
        rationale: [`Image guidance documented: ${twin} includes it (${def.code} is the no-imaging code)`],
      },
    ];
  }
  if (svc.quantity !== undefined && Number.isInteger(svc.quantity) && svc.quantity > 1) {
    return [{ code: def.code, units: svc.quantity, modifiers: [], rationale: [`${svc.quantity} units as ordered`] }];
  }
  return [{ code: def.code, units: 1, modifiers: [], rationale: [] }];
}

function applySides(lines: DraftLine[], svc: PlannedService, style: BilateralStyle): DraftLine[] {
  if (!lines.some((l) => isSidedCode(l.code)) || !svc.laterality) return lines;
  if (svc.laterality === 'bilateral') {
    if (style === '50') {
      return lines.map((l) => ({
        ...l,
        modifiers: [...l.modifiers, '50'],
        rationale: [...l.rationale, 'Bilateral: modifier 50, one line, units not doubled'],
      }));
    }
    return lines.flatMap((l) => [
      { ...l, modifiers: [...l.modifiers, 'RT'], rationale: [...l.rationale, 'Bilateral reported as RT and LT lines (payer style)'] },
      { ...l, modifiers: [...l.modifiers, 'LT'], rationale: [...l.rationale, 'Bilateral reported as RT and LT lines (payer style)'] },
    ]);
  }
  const side = svc.laterality === 'left' ? 'LT' : 'RT';
  return lines.map((l) => ({ ...l, modifiers: [...l.modifiers, side], rationale: [...l.rationale, `${svc.laterality} side only`] }));
}

/**
 * The lines for one service. `imagingOrdered`: a separate 77003/77012 service is on the same day (it then folds
 * into the with-imaging code rather than being billed).
 */
export function linesForService(svc: PlannedService, style: BilateralStyle, imagingOrdered: boolean): DraftLine[] {
  const def = serviceDef(svc.code);
  if (!def)
    return [
      {
        code: svc.code.trim().toUpperCase(),
        units: 1,
        modifiers: [],
        rationale: ['Code not in the ClaimReady catalogue: passed through unchanged'],
      },
    ];
  return applySides(codeUnits(svc, def, imagingOrdered), svc, style);
}

/** Which service a line came from (or matches, after the coder edited it): same family, region group and kind. */
export function serviceForLine(line: Pick<CodingLine, 'code'>, services: readonly PlannedService[]): PlannedService | undefined {
  const def = serviceDef(line.code);
  if (!def) return services.find((s) => s.code === line.code);
  return (
    services.find((s) => s.code === line.code) ??
    services.find((s) => {
      const sd = serviceDef(s.code);
      return sd !== undefined && sd.kind === def.kind && sd.regionGroup === def.regionGroup;
    })
  );
}

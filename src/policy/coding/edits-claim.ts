// Edits that read the claim lines alone: code validity, modifiers, add-ons, MUE units, NCCI pairs, imaging bundling,
// and the same-day E/M (modifier 25). Pure functions: the Coding review view re-runs them on the coder's lines.
import type { CodingEdit, CodingLine } from '../verdicts';
import type { ClinicalPicture } from '../picture';
import { serviceDef } from '../services';
import { dayOf } from '../dates';
import { mueFor, ptpPair } from './data/lookup';
import { CITE } from './citations';

export const PTP_MODIFIERS = ['59', 'XE', 'XS', 'XP', 'XU'] as const;
export const KNOWN_MODIFIERS = new Set([
  '25',
  '50',
  'RT',
  'LT',
  '59',
  'XE',
  'XS',
  'XP',
  'XU',
  'KX',
  '26',
  'TC',
  '76',
  '77',
  'GA',
  'GY',
  'GZ',
  'JW',
  'JZ',
]);

const CODE_FORMAT = /^(\d{4}[0-9A-Z]|[A-Z]\d{4})$/;

export function isEm(code: string): boolean {
  const k = serviceDef(code)?.kind;
  return k === 'em-office-new' || k === 'em-office-established';
}

function isProcedure(code: string): boolean {
  const k = serviceDef(code)?.kind;
  return (
    k !== undefined &&
    ![
      'em-office-new',
      'em-office-established',
      'drug',
      'imaging-guidance',
      'chronic-pain-management',
      'physical-therapy',
      'other',
    ].includes(k)
  );
}

const sev = (verified: boolean, hard: 'error' | 'warning' = 'error'): 'error' | 'warning' => (verified ? hard : 'warning');
const hasPtpModifier = (l: CodingLine): string | undefined => l.modifiers.find((m) => (PTP_MODIFIERS as readonly string[]).includes(m));

export function codeEdits(lines: readonly CodingLine[]): CodingEdit[] {
  const out: CodingEdit[] = [];
  lines.forEach((l, i) => {
    if (!CODE_FORMAT.test(l.code)) {
      out.push({
        kind: 'invalid-code',
        severity: 'error',
        message: `"${l.code}" is not a CPT/HCPCS code (5 characters).`,
        lines: [i],
        citation: CITE.codeFormat,
      });
    } else if (!serviceDef(l.code)) {
      out.push({
        kind: 'invalid-code',
        severity: 'warning',
        message: `${l.code} is not in ClaimReady's pain-management catalogue: check it by hand; no edits are known for it.`,
        lines: [i],
        citation: CITE.catalogue,
      });
    }
    if (!Number.isInteger(l.units) || l.units < 1)
      out.push({
        kind: 'invalid-code',
        severity: 'error',
        message: `${l.code}: units must be a whole number of at least 1.`,
        lines: [i],
        citation: CITE.claimForm,
      });
    for (const m of l.modifiers)
      if (!KNOWN_MODIFIERS.has(m))
        out.push({
          kind: 'modifier',
          severity: 'error',
          message: `${l.code}: modifier "${m}" is not one ClaimReady knows.`,
          lines: [i],
          citation: CITE.modifiers,
        });
    if (l.modifiers.includes('50') && (l.modifiers.includes('RT') || l.modifiers.includes('LT'))) {
      out.push({
        kind: 'modifier',
        severity: 'error',
        message: `${l.code}: use either 50 or RT/LT, not both.`,
        lines: [i],
        citation: CITE.modifiers,
      });
    }
  });
  return out;
}

export function addOnEdits(lines: readonly CodingLine[]): CodingEdit[] {
  const codes = new Set(lines.map((l) => l.code));
  const out: CodingEdit[] = [];
  lines.forEach((l, i) => {
    const def = serviceDef(l.code);
    if (def?.addOnTo && !def.addOnTo.some((p) => codes.has(p))) {
      out.push({
        kind: 'add-on',
        severity: 'error',
        message: `${l.code} is an add-on code and is only paid with ${def.addOnTo.join(' or ')} on the same claim.`,
        lines: [i],
        citation: CITE.addOn,
      });
    }
  });
  return out;
}

/** Units per day as MUE counts them: RT and LT lines of one code are one bilateral service, not two. */
function unitsPerDay(lines: readonly CodingLine[], code: string): { units: number; idx: number[] } {
  let plain = 0;
  let rt = 0;
  let lt = 0;
  const idx: number[] = [];
  lines.forEach((l, i) => {
    if (l.code !== code) return;
    idx.push(i);
    if (l.modifiers.includes('RT')) rt += l.units;
    else if (l.modifiers.includes('LT')) lt += l.units;
    else plain += l.units;
  });
  return { units: plain + Math.max(rt, lt), idx };
}

export function mueEdits(lines: readonly CodingLine[]): CodingEdit[] {
  const out: CodingEdit[] = [];
  for (const code of new Set(lines.map((l) => l.code))) {
    const mue = mueFor(code);
    if (!mue) continue;
    const { units, idx } = unitsPerDay(lines, code);
    if (units > mue.units) {
      const how =
        mue.mai === 1
          ? 'per claim line'
          : mue.mai === 2
            ? 'per day, absolute (policy): units above it are denied and not appealable'
            : 'per day (clinical): units above it are denied unless the record supports them on appeal';
      out.push({
        kind: 'mue',
        severity: sev(mue.verified),
        message: `${code}: ${units} units billed, MUE allows ${mue.units} ${how} (MAI ${mue.mai}).`,
        lines: idx,
        citation: CITE.mue(mue.verified),
      });
    }
  }
  return out;
}

export function bundlingEdits(lines: readonly CodingLine[]): CodingEdit[] {
  const out: CodingEdit[] = [];
  const including = lines.map((l, i) => ({ l, i })).filter(({ l }) => serviceDef(l.code)?.includesImaging);
  if (including.length === 0) return out;
  lines.forEach((l, i) => {
    if (l.code !== '77003' && l.code !== '77012') return;
    out.push({
      kind: 'bundling',
      severity: 'error',
      message: `${l.code} (imaging guidance) is included in ${including.map((x) => x.l.code).join(', ')} and is not billed separately; remove this line.`,
      lines: [i, ...including.map((x) => x.i)],
      citation: CITE.imaging,
    });
  });
  return out;
}

export function ptpEdits(lines: readonly CodingLine[]): CodingEdit[] {
  const out: CodingEdit[] = [];
  const reported = new Set<string>();
  lines.forEach((a, i) => {
    lines.forEach((b, j) => {
      if (i === j || a.code === b.code) return;
      const pair = ptpPair(a.code, b.code);
      if (!pair || pair.column1 !== a.code || pair.indicator === 9) return;
      if (b.code === '77003' || b.code === '77012') return; // reported once, as a bundling edit
      const key = `${i}|${j}`;
      if (reported.has(key)) return;
      reported.add(key);
      const bypass = hasPtpModifier(b);
      if (pair.indicator === 0) {
        const extra = bypass
          ? ` Modifier ${bypass} cannot bypass it (modifier indicator 0).`
          : ' No modifier bypasses it (modifier indicator 0).';
        out.push({
          kind: 'ncci',
          severity: sev(pair.verified),
          message: `${b.code} is not paid with ${a.code} on the same day.${extra}`,
          lines: [i, j],
          citation: CITE.ptp(pair.verified),
        });
      } else if (!bypass) {
        out.push({
          kind: 'ncci',
          severity: sev(pair.verified),
          message: `${b.code} is denied with ${a.code} unless it was a distinct service (modifier indicator 1): add XS/XE/XU/59 only if the record shows a separate site or session.`,
          lines: [i, j],
          citation: CITE.ptp(pair.verified),
        });
      }
    });
  });
  // A bypass modifier with no edit to bypass invites an audit.
  lines.forEach((l, j) => {
    const m = hasPtpModifier(l);
    if (!m) return;
    const bypasses = lines.some(
      (a, i) => i !== j && ptpPair(a.code, l.code)?.column1 === a.code && ptpPair(a.code, l.code)?.indicator === 1,
    );
    if (!bypasses)
      out.push({
        kind: 'modifier',
        severity: 'warning',
        message: `${l.code}: modifier ${m} is not needed (no NCCI pair on this claim allows a bypass); remove it.`,
        lines: [j],
        citation: CITE.ptpModifiers,
      });
  });
  return out;
}

/** Separately identifiable E/M work documented on the date (the basis for modifier 25). */
export function visitWorkOn(picture: ClinicalPicture, dateOfService: string): ClinicalPicture['visitWork'] {
  return picture.visitWork.filter((w) => dayOf(w.date) === dayOf(dateOfService));
}

export function emEdits(lines: readonly CodingLine[], picture: ClinicalPicture, dateOfService: string): CodingEdit[] {
  const out: CodingEdit[] = [];
  const procIdx = lines.map((l, i) => (isProcedure(l.code) ? i : -1)).filter((i) => i >= 0);
  const work = visitWorkOn(picture, dateOfService);
  lines.forEach((l, i) => {
    if (!isEm(l.code) || procIdx.length === 0) return;
    const evidence = work.flatMap((w) => w.evidence);
    if (!l.modifiers.includes('25')) {
      const message =
        work.length > 0
          ? `${l.code} on a procedure day needs modifier 25: separately identifiable work is documented (${work.map((w) => w.description).join('; ')}).`
          : `${l.code} on a procedure day is included in the procedure unless the note shows significant, separately identifiable E/M work; none was found, so remove the visit or document the separate work.`;
      out.push({ kind: 'modifier', severity: 'error', message, lines: [i, ...procIdx], citation: CITE.mod25, evidence });
    } else if (work.length === 0) {
      out.push({
        kind: 'modifier',
        severity: 'error',
        message: `${l.code}-25: no separately identifiable E/M work is documented for ${dayOf(dateOfService)}; modifier 25 is not supported.`,
        lines: [i],
        citation: CITE.mod25,
      });
    }
  });
  return out;
}

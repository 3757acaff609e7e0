// "Check this service": (picture, planned services, today, payer) -> payer, assessment per service and the coding
// suggestion. Every view and the CLI call this, so the same chart gives the same verdict and the same warnings.
import {
  assess,
  type Assessment,
  type ClinicalPicture,
  type CodingEdit,
  type CodingLine,
  type CodingSuggestion,
  type Finding,
  type PayerRef,
  type PlannedService,
} from '../policy/index';
import { suggestCoding, validateLines } from '../policy/coding/index';
import { payerFor } from './payer';

export interface CheckOptions {
  today: string;
  /** An explicit payer id (the CLI's --payer); otherwise the picture's primary active coverage decides. */
  payerId?: string;
  /** The date of service; by default the suggestion's own choice (the order's date, else today). */
  dateOfService?: string;
}

export interface ServiceCheck {
  payer: PayerRef;
  assessments: Assessment[];
  coding: CodingSuggestion;
}

/** Findings the claim itself would carry: a side the chart contradicts is a coding problem, not only a policy gap. */
const CODING_CATEGORIES = new Set<Finding['category']>(['levels', 'levels-laterality']);

function blocking(f: Finding): boolean {
  return f.severity === 'blocker' && (f.status === 'missing' || f.status === 'not-met');
}

/**
 * The assessment's blocking site/side findings as coding edits, so Coding review warns where the Visit checklist
 * blocks (a 64483-RT against a left-sided note is an error in both). Applied to every line of the service.
 */
export function codingEditsFromAssessments(assessments: readonly Assessment[], lines: readonly CodingLine[]): CodingEdit[] {
  const out: CodingEdit[] = [];
  for (const a of assessments) {
    for (const f of a.findings) {
      if (!blocking(f) || !CODING_CATEGORIES.has(f.category)) continue;
      const refs = new Set(a.service.evidence.map((e) => e.ref));
      const own = lines.flatMap((l, i) => (l.evidence.some((e) => refs.has(e.ref)) ? [i] : []));
      const on = own.length ? own : lines.map((_, i) => i);
      out.push({
        // A level count (three levels where two are allowed) is a levels problem, not a side one.
        kind: f.category === 'levels' ? 'levels' : 'laterality',
        severity: 'error',
        message: `${f.message}${f.fix ? ` ${f.fix}.` : ''}`,
        lines: on,
        ...(f.citation ? { citation: f.citation } : {}),
        evidence: f.evidence,
      });
    }
  }
  return out;
}

/** Payer, one assessment per service, and the coding suggestion for all of them together (one claim). */
export function checkServices(picture: ClinicalPicture, services: readonly PlannedService[], opts: CheckOptions): ServiceCheck {
  const { payer } = payerFor(picture, opts.payerId);
  const assessments = services.map((s) => assess(picture, s, payer, opts.today));
  const suggested = suggestCoding(picture, [...services], {
    today: opts.today,
    payerId: payer.id,
    ...(opts.dateOfService ? { dateOfService: opts.dateOfService } : {}),
  });
  const coding = { ...suggested, edits: [...suggested.edits, ...codingEditsFromAssessments(assessments, suggested.lines)] };
  return { payer, assessments, coding };
}

/** One service on its own claim (the prior-auth packet and the CLI's per-service row). */
export function checkService(
  picture: ClinicalPicture,
  service: PlannedService,
  opts: Omit<CheckOptions, 'dateOfService'>,
): { payer: PayerRef; assessment: Assessment; coding: CodingSuggestion } {
  const c = checkServices(picture, [service], { ...opts, dateOfService: service.date?.slice(0, 10) ?? opts.today });
  return { payer: c.payer, assessment: c.assessments[0]!, coding: c.coding };
}

/**
 * The coder's edited lines re-validated with the same pure edit functions, plus the notes about codes the suggestion
 * left out and the chart's site/side conflicts: what Coding review shows under its lines.
 */
export function recheckCoding(
  lines: readonly CodingLine[],
  check: ServiceCheck,
  ctx: { picture: ClinicalPicture; services: readonly PlannedService[] },
): CodingEdit[] {
  return [
    ...validateLines(lines, check.coding.diagnoses, {
      picture: ctx.picture,
      services: ctx.services,
      dateOfService: check.coding.dateOfService,
      payerId: check.payer.id,
    }),
    ...check.coding.edits.filter((e) => e.lines.length === 0 && e.kind !== 'laterality' && e.kind !== 'levels'),
    ...codingEditsFromAssessments(check.assessments, lines),
  ];
}

// When the payer's decision is due and what staff must do next. The clocks are the CMS Interoperability and Prior
// Authorization final rule's (CMS-0057-F, 89 FR 8758, 2024-02-08; in force for decisions from 2026-01-01): a
// standard request decided within 7 calendar days, an expedited one within 72 hours. The rule binds Medicare
// Advantage, Medicaid/CHIP (FFS and managed care) and QHP issuers on the federal exchanges (the timeframes do not
// apply to QHPs); for other payers it is the yardstick staff chase against, not the payer's contract. Grade: read
// from secondary summaries of the rule, not the CFR text, so the due date is advice to follow up, never a promise.
export type Priority = 'standard' | 'expedited';

export const DECISION_CLOCK = {
  standard: { hours: 7 * 24, source: 'CMS-0057-F: standard prior-authorization decisions within 7 calendar days' },
  expedited: { hours: 72, source: 'CMS-0057-F: expedited prior-authorization decisions within 72 hours' },
} as const;

export function decisionDue(submittedAt: Date, priority: Priority): Date {
  return new Date(submittedAt.getTime() + DECISION_CLOCK[priority].hours * 3600_000);
}

export interface NextActionInput {
  status: string;
  due?: string | null;
  authEnd?: string | null;
  dateOfService?: string | null;
  requested?: readonly string[];
  requestedBy?: string | null;
  trackingNumber?: string | null;
  channel: 'pas' | 'portal';
}

export interface NextAction {
  text: string;
  /** ISO date or instant by which it should be done; absent when nothing is due. */
  due?: string;
  /** Closed requests leave the work queue. */
  open: boolean;
}

export function nextAction(r: NextActionInput): NextAction {
  const due = r.due ?? undefined;
  switch (r.status) {
    case 'submitting':
      return { text: 'Submission in progress.', open: true, ...(due ? { due } : {}) };
    case 'error':
      return {
        text: 'The payer could not be reached: submit again (the request keeps its identifier, so no duplicate is created).',
        open: true,
      };
    case 'rejected':
      return { text: 'The payer refused the request as malformed: fix the listed errors and submit again.', open: true };
    case 'portal':
      return r.trackingNumber
        ? {
            text: `Await the contractor's decision (UTN ${r.trackingNumber}); record it here when it comes.`,
            open: true,
            ...(due ? { due } : {}),
          }
        : { text: "Submit the packet through the program's portal and record its tracking number (UTN).", open: true };
    case 'submitted':
    case 'pended':
      return { text: 'Await the payer decision; follow up if it is not in by the due date.', open: true, ...(due ? { due } : {}) };
    case 'info-requested': {
      const by = r.requestedBy ?? due;
      return {
        text: `Send what the payer asked for: ${(r.requested ?? []).join(' ') || 'see the payer request'}`,
        open: true,
        ...(by ? { due: by } : {}),
      };
    }
    case 'denied':
      return { text: 'Denied: review the reason, then request a peer-to-peer review or appeal, or change the plan.', open: true };
    case 'approved':
    case 'partial': {
      if (r.authEnd && r.dateOfService && r.authEnd < r.dateOfService) {
        return {
          text: `The authorization ends ${r.authEnd}, before the date of service ${r.dateOfService}: ask the payer for an extension or reschedule inside the window.`,
          due: r.authEnd,
          open: true,
        };
      }
      // A portal program (WISeR) answers with a unique tracking number, and the claim must carry it: as the claim's
      // prior-authorization number (837 loop 2300 REF*G1). Grade: read from a Medicare contractor's job aid for another
      // CMS program's UTN (Palmetto GBA, pre-claim review), not the WISeR model's own billing instructions: advice.
      const onClaim =
        r.channel === 'portal' && r.trackingNumber
          ? `put the UTN ${r.trackingNumber} on the claim as its prior-authorization number (837 loop 2300 REF*G1)`
          : 'put the authorization number on the claim';
      if (r.status === 'partial')
        return {
          text: `Approved for fewer units than requested: schedule within the approved units or appeal the rest; ${onClaim}.`,
          open: true,
        };
      return { text: `Approved: ${onClaim}.`, open: false };
    }
    default:
      return { text: `Unknown status ${r.status}.`, open: true };
  }
}

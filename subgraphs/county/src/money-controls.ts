// The money controls an auditor expects (issue 18 §3), as pure rules: when an instalment counts as
// paid or overdue, what a payment may be dated, and when a rejected submission is late.
import type { PaymentRecord, SubmissionRecord } from './records.js';

export type PaymentStatus = 'BLOCKED' | 'DUE' | 'RECORDED' | 'PAID' | 'OVERDUE';

/** Only a payment a second county officer confirmed counts as paid. */
export const isConfirmed = (payment: Pick<PaymentRecord, 'confirmedOn'> | undefined): boolean =>
  payment?.confirmedOn != null;

/**
 * An instalment's status on `today`: PAID once recorded and confirmed; otherwise OVERDUE after its
 * due date, whatever held it up (the plan and budget not approved, nobody recording it, nobody
 * confirming it); before that RECORDED, DUE or BLOCKED.
 */
export function paymentStatus(view: {
  paid: Pick<PaymentRecord, 'confirmedOn'> | undefined;
  approved: boolean;
  dueDate: string;
  today: string;
}): PaymentStatus {
  if (isConfirmed(view.paid)) return 'PAID';
  if (view.today > view.dueDate) return 'OVERDUE';
  if (view.paid) return 'RECORDED';
  return view.approved ? 'DUE' : 'BLOCKED';
}

/**
 * The day the year's activity plan and budget were both approved (the later of the two approvals),
 * or null while either is not. No instalment of the year may be paid before it (§7).
 */
export function planAndBudgetApprovedOn(rows: SubmissionRecord[], year: number): string | null {
  const days: string[] = [];
  for (const kind of ['ACTIVITY_PLAN', 'BUDGET'] as const) {
    const approved = rows.find((row) => row.kind === kind && row.coversYear === year && row.status === 'APPROVED');
    if (!approved?.decidedOn) return null;
    days.push(approved.decidedOn);
  }
  return days.sort().at(-1) ?? null;
}

/**
 * Why a payment may not carry the date `paidOn`, or null when it may: it must fall within the
 * agreement's period (its first day to its last, a notice's included) and not before the day the
 * plan and budget it depends on were approved.
 */
export function paymentDateProblem(
  paidOn: string,
  period: { validFrom: string; lastDay: string },
  approvedOn: string,
): string | null {
  if (paidOn < period.validFrom || paidOn > period.lastDay)
    return `paidOn: ${paidOn} is outside the agreement's period, ${period.validFrom} to ${period.lastDay}`;
  if (paidOn < approvedOn)
    return `paidOn: ${paidOn} is before the activity plan and budget were approved on ${approvedOn} (§7)`;
  return null;
}

/**
 * Whether a submission counts as late on `today`: submitted after its due date, still missing after
 * it, or rejected and not resubmitted by it (a rejected submission is one the region still owes).
 */
export function submissionLate(
  row: Pick<SubmissionRecord, 'status' | 'submittedOn'> | undefined,
  dueDate: string,
  today: string,
): boolean {
  if (!row) return today > dueDate;
  if (row.status === 'REJECTED') return row.submittedOn > dueDate || today > dueDate;
  return row.submittedOn > dueDate;
}

// Who works with the funding page and which payment actions an officer is offered; the gateway enforces the same.
import type { FundingPaymentItem } from '../queries/funding';

/** Roles that see the funding page: the county, which pays, and the coordination group, which follows the money. */
export const fundingRoles: readonly string[] = ['COUNTY_OFFICER', 'COORDINATION_MEMBER'];

export function seesFunding(role: string | undefined): boolean {
  return role !== undefined && fundingRoles.includes(role);
}

/** County officers record budget decisions and record and confirm payments. */
export function handlesMoney(role: string | undefined): boolean {
  return role === 'COUNTY_OFFICER';
}

/** Not yet recorded, and released by the approved plan and budget (due, or overdue but no longer blocked). */
export function mayRecordPayment(payment: Pick<FundingPaymentItem, 'recordedBy' | 'blocked' | 'status'>): boolean {
  return payment.recordedBy == null && !payment.blocked && (payment.status === 'DUE' || payment.status === 'OVERDUE');
}

/** Recorded and awaiting confirmation: only an officer other than the one who recorded it confirms (separation of duties). */
export function awaitsConfirmation(payment: Pick<FundingPaymentItem, 'recordedBy' | 'confirmedOn'>): boolean {
  return payment.recordedBy != null && payment.confirmedOn == null;
}

export function mayConfirmPayment(
  payment: Pick<FundingPaymentItem, 'recordedBy' | 'confirmedOn'>,
  officerName: string | undefined,
): boolean {
  return awaitsConfirmation(payment) && officerName !== undefined && payment.recordedBy !== officerName;
}

// The overview's rules that are not formatting: which submissions need attention, exact money ordering, referral totals.
import type { RegionYear } from '../queries/overview';

export type SubmissionOfYear = NonNullable<RegionYear['submissions']>[number];
export type PaymentOfYear = NonNullable<RegionYear['payments']>[number];

/** Late or turned down: overdue, rejected, or still missing after its due date. */
export function needsAttention(submission: SubmissionOfYear): boolean {
  return (
    submission.status === 'OVERDUE' ||
    submission.status === 'REJECTED' ||
    (submission.status === 'MISSING' && submission.late)
  );
}

/**
 * An NOK decimal string ("1096500.00") as whole øre, exactly: sorting money through floats could
 * order two close amounts wrongly. Null for anything that is not such a string.
 */
export function nokToOre(amount: string | null | undefined): bigint | null {
  const match = amount?.match(/^(-?)(\d+)(?:\.(\d{1,2}))?$/);
  if (!match) return null;
  const [, sign, kroner, ore = ''] = match;
  const value = BigInt(kroner ?? '0') * 100n + BigInt(ore.padEnd(2, '0'));
  return sign === '-' ? -value : value;
}

/** An NOK decimal string with the given decimal mark, for a spreadsheet: text only, no arithmetic. */
export function nokWithDecimalMark(amount: string, decimalMark: string): string {
  return amount.replace('.', decimalMark);
}

/**
 * Referrals sent and received together; unknown when any part is suppressed, rather than too low,
 * and when the partners service did not answer (no referrals at all).
 */
export function referralsTotal(referrals: RegionYear['referrals']): number | null {
  if (!referrals) return null;
  const { toInnovasjonNorge, toNav, fromNav } = referrals;
  if (toInnovasjonNorge == null || toNav == null || fromNav == null) return null;
  return toInnovasjonNorge + toNav + fromNav;
}

/** The region's payment by instalment, for the January and August columns; none when the county did not answer. */
export function paymentFor(region: RegionYear, instalment: PaymentOfYear['instalment']): PaymentOfYear | undefined {
  return region.payments?.find((payment) => payment.instalment === instalment);
}

/** The agreement requires at least two professional gatherings a year (§5.4). */
export const minimumGatheringsPerYear = 2;

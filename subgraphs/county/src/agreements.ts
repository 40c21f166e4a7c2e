// The rules that tie an agreement's rows together: its status, the years it covers, what falls due
// in a year (§7) and whether an instalment may be paid.

import { instalmentsFor } from './agreement-lifecycle.js';
import { dayBefore, instalmentDueDate, submissionDueDate, submissionsDueIn, yearOf } from './calendar.js';
import type { Context } from './context.js';
import type { Agreement } from './entities/agreement.js';
import type { Notice } from './entities/agreement-change.js';
import type { AgreementParty } from './entities/agreement-party.js';
import { type Instalment, instalments, type Payment } from './entities/payment.js';
import type { Submission, SubmissionKind } from './entities/submission.js';
import { type PaymentStatus, paymentStatus, submissionLate } from './money-controls.js';

export type AgreementStatus = 'DRAFT' | 'ACTIVE' | 'EXTENDED' | 'TERMINATED' | 'EXPIRED';

/** The last day the agreement applies: its period's end, or the day before a notice took effect. */
export function lastDay(agreement: Agreement, notices: Notice[]): string {
  const ends = [agreement.validTo, ...notices.map((notice) => dayBefore(notice.effectiveOn))];
  return ends.sort()[0] ?? agreement.validTo;
}

export function agreementStatus(agreement: Agreement, notices: Notice[], today: string): AgreementStatus {
  if (!agreement.signedOn) return 'DRAFT';
  if (notices.some((notice) => notice.effectiveOn <= today && notice.effectiveOn <= agreement.validTo))
    return 'TERMINATED';
  if (today > agreement.validTo) return 'EXPIRED';
  return agreement.validTo > agreement.originalValidTo ? 'EXTENDED' : 'ACTIVE';
}

/** The parties on a day: a succeeded party up to the day before its successor took over. */
export function partiesOn(parties: AgreementParty[], day: string): AgreementParty[] {
  return parties.filter((party) => party.validFrom <= day && (party.validTo == null || party.validTo >= day));
}

/** A signed agreement with its notices, the rows most rules need together. */
export interface AgreementInForce {
  agreement: Agreement;
  firstYear: number;
  lastYear: number;
}

export async function agreementsOfRegion(regionId: string, { loaders }: Context): Promise<AgreementInForce[]> {
  const agreements = (await loaders.agreementsOfRegion.load(regionId)).filter((agreement) => agreement.signedOn);
  return Promise.all(
    agreements.map(async (agreement) => ({
      agreement,
      firstYear: yearOf(agreement.validFrom),
      lastYear: yearOf(lastDay(agreement, await loaders.noticesOfAgreement.load(agreement.id))),
    })),
  );
}

/** The agreement in force in a year (the later one when two meet within the year). */
export async function agreementForYear(regionId: string, year: number, context: Context) {
  const covering = (await agreementsOfRegion(regionId, context)).filter(
    ({ firstYear, lastYear }) => firstYear <= year && year <= lastYear,
  );
  return covering.at(-1)?.agreement;
}

export type SubmissionStatus = 'MISSING' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'OVERDUE';

/** A submission as the graph shows it: due whether or not anything was submitted. */
export interface SubmissionView {
  agreement: Agreement;
  kind: SubmissionKind;
  coversYear: number;
  dueDate: string;
  row: Submission | undefined;
  today: string;
}

export function submissionStatus(view: SubmissionView): SubmissionStatus {
  if (view.row) return view.row.status;
  return view.today > view.dueDate ? 'OVERDUE' : 'MISSING';
}

export function submissionIsLate(view: SubmissionView): boolean {
  return submissionLate(view.row, view.dueDate, view.today);
}

export function submissionView(
  agreement: Agreement,
  kind: SubmissionKind,
  coversYear: number,
  rows: Submission[],
  today: string,
): SubmissionView {
  return {
    agreement,
    kind,
    coversYear,
    dueDate: submissionDueDate(kind, coversYear),
    row: rows.find((row) => row.kind === kind && row.coversYear === coversYear),
    today,
  };
}

/** Everything due to the county in `year` from the region, under every agreement that asks for it. */
export async function submissionsDueFrom(regionId: string, year: number, context: Context): Promise<SubmissionView[]> {
  const views: SubmissionView[] = [];
  for (const { agreement, firstYear, lastYear } of await agreementsOfRegion(regionId, context)) {
    const rows = await context.loaders.submissionsOfAgreement.load(agreement.id);
    for (const { kind, coversYear } of submissionsDueIn(year, firstYear, lastYear)) {
      views.push(submissionView(agreement, kind, coversYear, rows, context.today()));
    }
  }
  return views;
}

/** §7: paid only once the year's activity plan and budget are both approved. */
export function planAndBudgetApproved(rows: Submission[], year: number): boolean {
  return (['ACTIVITY_PLAN', 'BUDGET'] as const).every((kind) =>
    rows.some((row) => row.kind === kind && row.coversYear === year && row.status === 'APPROVED'),
  );
}

export type { PaymentStatus };

export interface PaymentView {
  agreement: Agreement;
  year: number;
  instalment: Instalment;
  dueDate: string;
  amountOre: bigint;
  status: PaymentStatus;
  /** The year's activity plan and budget are not both approved: it may not be paid yet. */
  blocked: boolean;
  payer: string | null;
  paid: Payment | undefined;
}

/** The two instalments of a year: paid ones as recorded, the others from the year's county amount. */
export async function paymentsOf(agreement: Agreement, year: number, context: Context): Promise<PaymentView[]> {
  const { loaders } = context;
  // One after another: inside a transaction the loaders share one connection, which must not
  // run two queries at once (pg 9 refuses it). Across regions the loaders still batch, since
  // every region's resolver reaches each step in the same tick.
  const funding = await loaders.funding.load({ agreementId: agreement.id, year });
  const paid = await loaders.paymentsOfAgreement.load(agreement.id);
  const submissions = await loaders.submissionsOfAgreement.load(agreement.id);
  const parties = await loaders.partiesOfAgreement.load(agreement.id);
  if (!funding) return [];
  // An instalment whose half of the year the agreement does not reach is not due (§10 notice);
  // one paid before the notice still shows, as paid.
  const due = instalmentsFor(funding.countyAmountOre, funding.fundedMonths);
  const approved = planAndBudgetApproved(submissions, year);
  const shown = instalments.filter(
    (instalment) =>
      due.some((d) => d.instalment === instalment) ||
      paid.some((row) => row.year === year && row.instalment === instalment),
  );
  return shown.map((instalment) => {
    const dueDate = instalmentDueDate(year, instalment);
    const payment = paid.find((row) => row.year === year && row.instalment === instalment);
    const county = partiesOn(parties, dueDate).find((party) => party.kind === 'COUNTY');
    return {
      agreement,
      year,
      instalment,
      dueDate,
      amountOre: payment ? payment.amountOre : (due.find((d) => d.instalment === instalment)?.amountOre ?? 0n),
      status: paymentStatus({ paid: payment, approved, dueDate, today: context.today() }),
      blocked: !approved,
      payer: county?.organisationName ?? null,
      paid: payment,
    };
  });
}

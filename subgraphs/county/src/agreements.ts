// The rules that tie an agreement's rows together: its status, the years it covers, what falls due
// in a year (§7) and whether an instalment may be paid.
import { countyNames, regionPayers } from '@etablerer/kit';
import { instalmentsFor } from './agreement-lifecycle.js';
import { dayBefore, instalmentDueDate, submissionDueDate, submissionsDueIn, yearOf } from './calendar.js';
import type { Context } from './context.js';
import type { Agreement } from './entities/agreement.js';
import type { Notice } from './entities/agreement-change.js';
import { type Instalment, instalments } from './entities/payment.js';
import type { SubmissionKind } from './entities/submission.js';
import type { Funding } from './funding.js';
import { type PaymentStatus, paymentStatus, submissionLate } from './money-controls.js';
import { agreementYearKey, type PaymentRecord, type SubmissionRecord } from './records.js';

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
export function partiesOn<Party extends { validFrom: string; validTo?: string | null }>(
  parties: Party[],
  day: string,
): Party[] {
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
  row: SubmissionRecord | undefined;
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
  rows: SubmissionRecord[],
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
    const due = submissionsDueIn(year, firstYear, lastYear);
    // The years due, in one batch: only they are read, not the agreement's whole history.
    const coveredYears = [...new Set(due.map(({ coversYear }) => coversYear))];
    const rows = (
      await context.loaders.submissionRecordsOfYear.loadMany(
        coveredYears.map((covered) => agreementYearKey(agreement.id, covered)),
      )
    ).flatMap((loaded) => {
      if (loaded instanceof Error) throw loaded;
      return loaded;
    });
    for (const { kind, coversYear } of due) {
      views.push(submissionView(agreement, kind, coversYear, rows, context.today()));
    }
  }
  return views;
}

/**
 * Everything submitted by the region under any of its agreements that waits for the county's decision, whatever
 * year it is due in, longest waiting first (then by the year it covers). `mayRead` drops the years a caller may
 * not see.
 */
export async function submissionsAwaitingDecisionFrom(
  regionId: string,
  context: Context,
  mayRead: (dueYear: number) => boolean,
): Promise<SubmissionView[]> {
  const views: SubmissionView[] = [];
  for (const { agreement } of await agreementsOfRegion(regionId, context)) {
    const rows = await context.loaders.submissionsOfAgreement.load(agreement.id);
    for (const row of rows) {
      if (row.status !== 'SUBMITTED') continue;
      const view = submissionView(agreement, row.kind, row.coversYear, rows, context.today());
      if (mayRead(yearOf(view.dueDate))) views.push(view);
    }
  }
  return views.sort(
    (a, b) =>
      String(a.row?.submittedOn ?? '').localeCompare(String(b.row?.submittedOn ?? '')) ||
      a.coversYear - b.coversYear ||
      a.kind.localeCompare(b.kind),
  );
}

/** §7: paid only once the year's activity plan and budget are both approved. */
export function planAndBudgetApproved(rows: SubmissionRecord[], year: number): boolean {
  return (['ACTIVITY_PLAN', 'BUDGET'] as const).every((kind) =>
    rows.some((row) => row.kind === kind && row.coversYear === year && row.status === 'APPROVED'),
  );
}

export type { PaymentStatus };

/** One paying county's part of an instalment. */
export interface PaymentShareView {
  payerId: string;
  payerName: string;
  /** The municipalities (by key) whose inhabitants this county pays for. */
  municipalityNumbers: string[];
  amountOre: bigint;
  status: PaymentStatus;
  paid: PaymentRecord | undefined;
}

export interface PaymentView {
  agreement: Agreement;
  year: number;
  instalment: Instalment;
  dueDate: string;
  /** The sum of the payers' parts. */
  amountOre: bigint;
  /** PAID once every payer has paid its part. */
  status: PaymentStatus;
  /** The year's activity plan and budget are not both approved: it may not be paid yet. */
  blocked: boolean;
  payer: string | null;
  /** Set once every payer has paid: the last payer's recording. */
  paid: PaymentRecord | undefined;
  /** Each paying county's part, the region's own county first. */
  shares: PaymentShareView[];
}

/** A county that pays the county's share for some of a region's municipalities in a year. */
export interface CountyPayerView {
  payerId: string;
  payerName: string;
  municipalityNumbers: string[];
  inhabitants: number;
  amountOre: bigint;
}

/**
 * The county amount of a year split between the counties that pay it (§6; from 2024 each county
 * pays for its own municipalities' inhabitants). A county other than the region's own pays the
 * county amount times its inhabitants' part, rounded down to the øre; the region's own county pays
 * the rest, so the parts add up to the county amount. With no budget decision that is exactly the
 * rate times each county's inhabitants.
 */
export function countyPayersOf(regionId: string, funding: Funding): CountyPayerView[] {
  const inhabitantsOf = new Map(funding.municipalShares.map((share) => [share.municipalityNumber, share.inhabitants]));
  const payers = regionPayers(regionId, [...inhabitantsOf.keys()], funding.year);
  const total = BigInt(funding.inhabitants);
  const views = payers.map((payer) => {
    const inhabitants = payer.municipalityNumbers.reduce((sum, number) => sum + (inhabitantsOf.get(number) ?? 0), 0);
    return {
      payerId: payer.countyId,
      payerName: countyNames[payer.countyId],
      municipalityNumbers: payer.municipalityNumbers,
      inhabitants,
      amountOre: total === 0n ? 0n : (funding.countyAmountOre * BigInt(inhabitants)) / total,
    };
  });
  const [principal, ...others] = views;
  if (principal) principal.amountOre = funding.countyAmountOre - others.reduce((sum, view) => sum + view.amountOre, 0n);
  return views;
}

/** The two instalments of a year: paid ones as recorded, the others from the year's county amount. */
export async function paymentsOf(agreement: Agreement, year: number, context: Context): Promise<PaymentView[]> {
  const { loaders } = context;
  // One after another: inside a transaction the loaders share one connection, which must not
  // run two queries at once (pg 9 refuses it). Across regions the loaders still batch, since
  // every region's resolver reaches each step in the same tick.
  const funding = await loaders.funding.load({ agreementId: agreement.id, year });
  const paid = await loaders.paymentRecordsOfYear.load(agreementYearKey(agreement.id, year));
  const submissions = await loaders.submissionRecordsOfYear.load(agreementYearKey(agreement.id, year));
  const parties = await loaders.partyRecordsOfAgreement.load(agreement.id);
  if (!funding) return [];
  const payers = countyPayersOf(agreement.regionId, funding);
  // Each payer's part of the (prorated) county amount falls due in instalments like the whole: an
  // instalment whose half of the year the agreement does not reach is not due (§10 notice); one
  // paid before the notice still shows, as paid.
  const dueOf = new Map(payers.map((payer) => [payer.payerId, instalmentsFor(payer.amountOre, funding.fundedMonths)]));
  const due = instalmentsFor(funding.countyAmountOre, funding.fundedMonths);
  const approved = planAndBudgetApproved(submissions, year);
  const today = context.today();
  const shown = instalments.filter(
    (instalment) =>
      due.some((d) => d.instalment === instalment) ||
      paid.some((row) => row.year === year && row.instalment === instalment),
  );
  return shown.map((instalment) => {
    const dueDate = instalmentDueDate(year, instalment);
    const county = partiesOn(parties, dueDate).find((party) => party.kind === 'COUNTY');
    const shares: PaymentShareView[] = payers.map((payer) => {
      const payment = paid.find(
        (row) => row.year === year && row.instalment === instalment && row.payerId === payer.payerId,
      );
      const part = dueOf.get(payer.payerId)?.find((d) => d.instalment === instalment)?.amountOre ?? 0n;
      return {
        payerId: payer.payerId,
        payerName: payer.payerName,
        municipalityNumbers: payer.municipalityNumbers,
        amountOre: payment ? payment.amountOre : part,
        status: paymentStatus({ paid: payment, approved, dueDate, today }),
        paid: payment,
      };
    });
    const allRecorded = shares.length > 0 && shares.every((share) => share.paid);
    const allConfirmed = allRecorded && shares.every((share) => share.status === 'PAID');
    // The instalment's recording: the one payer's, or with two payers the last part recorded once both are.
    const lastPaid = allRecorded
      ? shares
          .map((share) => share.paid as PaymentRecord)
          .sort((a, b) => a.paidOn.localeCompare(b.paidOn) || (a.recordedOn ?? '').localeCompare(b.recordedOn ?? ''))
          .at(-1)
      : undefined;
    return {
      agreement,
      year,
      instalment,
      dueDate,
      amountOre: shares.reduce((sum, share) => sum + share.amountOre, 0n),
      // PAID when every part is confirmed; otherwise overdue after the due date; RECORDED once every
      // part is recorded; before that due or blocked.
      status: paymentStatus({
        paid: allRecorded ? { confirmedOn: allConfirmed ? dueDate : null } : undefined,
        approved,
        dueDate,
        today,
      }),
      blocked: !approved,
      payer: county?.organisationName ?? null,
      paid: lastPaid,
      shares,
    };
  });
}

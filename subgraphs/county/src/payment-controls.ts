// The county's money mutations under the controls of issue 18 §3: a payment is recorded by one
// county officer after the plan and budget were approved, dated within the agreement, and confirmed
// by a second officer; a budget decision is corrected by a decision that supersedes it. Under the
// 2024 county split (§2) each paying county records and confirms its own part of an instalment,
// both by its own officers, and only the region's county decides its budget; that is checked
// before the input is.
import { randomUUID } from 'node:crypto';
import {
  badUserInput,
  checkYear,
  conflict,
  forbidden,
  notFound,
  parseInput,
  referenceRegionId,
  requireRole,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { BudgetDecisionInput, Instalment } from './__generated__/resolvers-types.js';
import { agreementForYear, lastDay, type PaymentView, paymentsOf } from './agreements.js';
import { yearOf } from './calendar.js';
import { type Context, createLoaders } from './context.js';
import { payerFor, requireAuthorityOverAgreement } from './county-authority.js';
import { type Agreement, AgreementSchema } from './entities/agreement.js';
import { NoticeSchema } from './entities/agreement-change.js';
import { BudgetDecisionSchema } from './entities/funding.js';
import { PaymentSchema } from './entities/payment.js';
import type { Funding } from './funding.js';
import { paymentDateProblem, planAndBudgetApprovedOn } from './money-controls.js';

const date = z.iso.date('a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

const inTransaction = (context: Context, tx: EntityManager): Context => ({
  ...context,
  em: tx,
  loaders: createLoaders(tx),
});

interface InstalmentArguments {
  regionId: string;
  year: number;
  instalment: Instalment;
}

/** The instalment's agreement, locked so payments of one agreement are recorded one at a time, and the instalment. */
async function lockedInstalment(
  context: Context,
  tx: EntityManager,
  { regionId, year, instalment }: InstalmentArguments,
  payerId: string,
) {
  const scoped = inTransaction(context, tx);
  const agreement = await agreementForYear(regionId, year, scoped);
  if (!agreement) throw badUserInput(`year: no agreement of ${regionId} covers ${year}`, 'year');
  await tx.findOne(AgreementSchema, { id: agreement.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const instalmentsOfYear = await paymentsOf(agreement, year, scoped);
  const payment = instalmentsOfYear.find((p) => p.instalment === instalment);
  if (!payment && instalmentsOfYear.length) {
    // The agreement ends (or starts) outside the half of the year this instalment funds (§10 notice).
    throw badUserInput(
      `instalment: the agreement does not run in the half of ${year} the ${instalment.toLowerCase()} instalment funds; it is not paid`,
      'instalment',
    );
  }
  if (!payment) throw badUserInput(`year: no funding for ${year}`, 'year');
  const share = payment.shares.find((candidate) => candidate.payerId === payerId);
  if (!share) throw forbidden(`${payerId} pays no part of ${regionId}'s funding for ${year}.`);
  return { agreement, payment, share };
}

async function reread(context: Context, tx: EntityManager, agreement: Agreement, year: number, instalment: Instalment) {
  const views = await paymentsOf(agreement, year, inTransaction(context, tx));
  return views.find((p) => p.instalment === instalment) as PaymentView;
}

export async function recordPayment(
  context: Context,
  args: InstalmentArguments & { paidOn: string; reference: string; payerId?: string | null },
): Promise<PaymentView> {
  requireRole(context.caller, 'COUNTY_OFFICER');
  parseInput(referenceRegionId, args.regionId, 'regionId');
  checkYear(args.year);
  const payer = payerFor(context.caller, args.regionId, args.year, args.payerId);
  const today = context.today();
  const data = parseInput(
    z.object({ paidOn: date.refine((day) => day <= today, 'not in the future'), reference: text(200) }),
    { paidOn: args.paidOn, reference: args.reference },
    'payment',
  );
  return context.em.transactional(async (tx) => {
    const { agreement, payment, share } = await lockedInstalment(context, tx, args, payer);
    if (share.paid) {
      // A retry of the same recording (the same reference) gets the recorded payment; another
      // recording of a recorded part is refused, so nobody takes it for a second payment.
      if (share.paid.reference === data.reference) return payment;
      throw conflict(
        `${share.payerName}'s part of the ${args.instalment.toLowerCase()} instalment for ${args.year} was recorded already (reference ${share.paid.reference}); an instalment is paid once.`,
      );
    }
    const submissions = await inTransaction(context, tx).loaders.submissionsOfAgreement.load(agreement.id);
    const approvedOn = planAndBudgetApprovedOn(submissions, args.year);
    if (!approvedOn) {
      throw badUserInput(
        `instalment: blocked until the activity plan and budget for ${args.year} are approved (§7)`,
        'instalment',
      );
    }
    const notices = await tx.find(NoticeSchema, { agreement });
    const problem = paymentDateProblem(
      data.paidOn,
      { validFrom: agreement.validFrom, lastDay: lastDay(agreement, notices) },
      approvedOn,
    );
    if (problem) throw badUserInput(problem, 'paidOn');
    tx.create(PaymentSchema, {
      agreement,
      year: args.year,
      instalment: args.instalment,
      amountOre: share.amountOre,
      paidOn: data.paidOn,
      reference: data.reference,
      payerId: payer,
      recordedBy: context.caller.name,
      recordedBySubject: context.caller.subject,
      recordedOn: today,
      confirmedBy: null,
      confirmedBySubject: null,
      confirmedOn: null,
    });
    await tx.flush();
    return reread(context, tx, agreement, args.year, args.instalment);
  });
}

export async function confirmPayment(
  context: Context,
  args: InstalmentArguments & { reference: string; payerId?: string | null },
): Promise<PaymentView> {
  requireRole(context.caller, 'COUNTY_OFFICER');
  parseInput(referenceRegionId, args.regionId, 'regionId');
  checkYear(args.year);
  // An officer of the paying county confirms its part: the one who recorded it was one too.
  const payer = payerFor(context.caller, args.regionId, args.year, args.payerId);
  const reference = parseInput(text(200), args.reference, 'reference');
  const today = context.today();
  return context.em.transactional(async (tx) => {
    const { agreement, payment, share } = await lockedInstalment(context, tx, args, payer);
    const row = share.paid ? await tx.findOneOrFail(PaymentSchema, { id: share.paid.id }) : null;
    if (!row) {
      throw badUserInput(
        `instalment: ${share.payerName}'s part of the ${args.instalment.toLowerCase()} instalment for ${args.year} is not recorded, so there is nothing to confirm`,
        'instalment',
      );
    }
    if (row.reference !== reference) {
      throw badUserInput(`reference: the payment was recorded with reference ${row.reference}`, 'reference');
    }
    if (row.confirmedOn) return payment; // confirmed already: a retry gets the confirmed payment
    // Separation of duties: whoever recorded it (e.g. the officer who approved the plan and budget)
    // cannot also be the one who confirms it.
    if (row.recordedBySubject === context.caller.subject) {
      throw forbidden('You recorded this payment; a second county officer must confirm it (separation of duties).');
    }
    tx.assign(row, {
      confirmedBy: context.caller.name,
      confirmedBySubject: context.caller.subject,
      confirmedOn: today,
    });
    await tx.flush();
    return reread(context, tx, agreement, args.year, args.instalment);
  });
}

const budgetDecisionInput = z.object({
  year: z.number().int().min(2000).max(2100),
  payer: z.string().regex(/^(COUNTY|\d{4})$/, '`COUNTY` or a municipality number'),
  grantedAmount: z.number().int().min(0, 'not negative'),
  decidedOn: date,
  reference: text(200),
  supersedes: z.uuid('the id of a budget decision').nullish(),
});

export async function recordBudgetDecision(
  context: Context,
  agreementId: string,
  input: BudgetDecisionInput,
): Promise<Funding> {
  requireRole(context.caller, 'COUNTY_OFFICER');
  await requireAuthorityOverAgreement(context, agreementId);
  const data = parseInput(budgetDecisionInput, input);
  return context.em.transactional(async (tx) => {
    const agreement = await tx.findOne(AgreementSchema, { id: agreementId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!agreement) throw notFound(`No agreement ${agreementId}.`);
    const funding = await createLoaders(tx).funding.load({ agreementId, year: data.year });
    const notices = await tx.find(NoticeSchema, { agreement });
    const firstYear = yearOf(agreement.validFrom);
    const lastYear = yearOf(lastDay(agreement, notices));
    if (!funding || data.year < firstYear || data.year > lastYear)
      throw badUserInput(`input.year: the agreement does not cover ${data.year}`, 'input.year');
    const frame =
      data.payer === 'COUNTY'
        ? funding.countyFrameOre
        : funding.municipalShares.find((share) => share.municipalityNumber === data.payer)?.frameOre;
    if (frame === undefined)
      throw badUserInput(`input.payer: ${data.payer} is no municipality of the agreement`, 'input.payer');
    if (BigInt(data.grantedAmount) > frame)
      throw badUserInput(
        'input.grantedAmount: a budget decision lowers or withholds, at most the frame',
        'input.grantedAmount',
      );
    if (data.payer === 'COUNTY' && (await tx.count(PaymentSchema, { agreement, year: data.year })))
      throw conflict(`Instalments for ${data.year} are paid already.`);
    const inForce = await tx.findOne(BudgetDecisionSchema, {
      agreement,
      year: data.year,
      payer: data.payer,
      supersededById: null,
    });
    if (data.supersedes) {
      const named = await tx.findOne(BudgetDecisionSchema, { id: data.supersedes, agreement, year: data.year });
      if (!named || named.payer !== data.payer)
        throw badUserInput(
          `input.supersedes: no budget decision ${data.supersedes} of ${data.payer} for ${data.year} under this agreement`,
          'input.supersedes',
        );
      if (named.id !== inForce?.id)
        throw conflict(
          `Budget decision ${named.reference} was corrected already${inForce ? ` (by ${inForce.reference})` : ''}; reload and correct the decision in force.`,
        );
    }
    const id = randomUUID();
    // One decision in force per payer and year (a unique index): the corrected one steps aside first.
    if (inForce) {
      inForce.supersededById = id;
      await tx.flush();
    }
    tx.create(BudgetDecisionSchema, {
      id,
      agreement,
      year: data.year,
      payer: data.payer,
      grantedOre: BigInt(data.grantedAmount),
      decidedOn: data.decidedOn,
      reference: data.reference,
      supersedesId: inForce?.id ?? null,
      supersededById: null,
      recordedBy: context.caller.name,
    });
    agreement.changedAt = new Date();
    await tx.flush();
    return (await createLoaders(tx).funding.load({ agreementId, year: data.year })) ?? funding;
  });
}

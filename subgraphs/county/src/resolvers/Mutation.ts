// Writes of the county subgraph: each validates its input, runs in one transaction, checks the
// caller's role, and takes the version it was based on where two people could edit one record.
import {
  badUserInput,
  type Caller,
  checkYear,
  conflict,
  countyNames,
  countySplitDate,
  forbidden,
  isCountyId,
  isHistoricalCountyOfficer,
  notFound,
  officerCounty,
  parseInput,
  referenceRegionId,
  referenceRegions,
  regionPayers,
  requireCountyAuthorityOver,
  requireRole,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { agreementForYear, lastDay, partiesOn, paymentsOf, submissionView } from '../agreements.js';
import { earliestNoticeEffectiveDate, yearOf } from '../calendar.js';
import { type Context, createLoaders } from '../context.js';
import { type Agreement, AgreementSchema } from '../entities/agreement.js';
import { AmendmentSchema, ExtensionSchema, NoticeSchema } from '../entities/agreement-change.js';
import { AgreementPartySchema } from '../entities/agreement-party.js';
import { EvaluationSchema, MeetingSchema, meetingKinds } from '../entities/coordination.js';
import {
  BudgetDecisionSchema,
  FundingRateSchema,
  minimumCountyRateOre,
  minimumMunicipalRateOre,
} from '../entities/funding.js';
import { PaymentSchema } from '../entities/payment.js';
import { PopulationFigureSchema } from '../entities/population-figure.js';
import { SubmissionSchema, submissionKinds } from '../entities/submission.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const date = z.iso.date('a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const count = z.number().int().min(0, 'not negative').max(1_000_000, 'at most 1 000 000');
const ore = z.number().int().min(0, 'not negative');

/** The same context, its loaders reading through the transaction, so checks see what the transaction sees. */
const inTransaction = (context: Context, tx: EntityManager): Context => ({
  ...context,
  em: tx,
  loaders: createLoaders(tx),
});

async function agreementAt(tx: EntityManager, id: string, version?: number): Promise<Agreement> {
  const agreement = await tx.findOne(AgreementSchema, { id });
  if (!agreement) throw notFound(`No agreement ${id}.`);
  // The change was based on `version`; if someone saved since, this one would overwrite theirs.
  if (version !== undefined) await tx.lock(agreement, LockMode.OPTIMISTIC, version);
  return agreement;
}

/** FORBIDDEN unless the caller is an officer of the county the agreement's region answers to. */
async function agreementInAuthority(tx: EntityManager, caller: Caller, id: string, version?: number) {
  const agreement = await agreementAt(tx, id);
  // Whose it is before whether the version is current: another county learns nothing from a CONFLICT.
  requireCountyAuthorityOver(caller, agreement.regionId);
  if (version !== undefined) await tx.lock(agreement, LockMode.OPTIMISTIC, version);
  return agreement;
}

/** Viken's officers read history; they record nothing. */
function requireCurrentCounty(caller: Caller): void {
  if (isHistoricalCountyOfficer(caller))
    throw forbidden(
      'Viken fylkeskommune was dissolved on 2024-01-01: its officers read the years before, and record nothing.',
    );
}

/**
 * The paying county whose part of an instalment the caller records: their own county's (named or
 * left out) for a year from 2024, in which it must pay a part; Viken's for a year before, recorded
 * by the officers of the county the region answers to now. FORBIDDEN for anyone else.
 */
function payerFor(caller: Caller, regionId: string, year: number, payerId: string | null | undefined): string {
  const own = officerCounty(caller);
  if (year < Number(countySplitDate.slice(0, 4))) {
    if (payerId && payerId !== 'viken')
      throw badUserInput(`payerId: Viken fylkeskommune paid ${year}, before it was dissolved`, 'payerId');
    requireCountyAuthorityOver(caller, regionId);
    return 'viken';
  }
  const payer = payerId ?? own;
  if (!payer || !isCountyId(payer)) throw badUserInput('payerId: `ostfold`, `akershus` or `buskerud`', 'payerId');
  if (payer !== own) throw forbidden(`Only officers of ${countyNames[payer]} record ${countyNames[payer]}'s payments.`);
  const municipalities = referenceRegions().find((region) => region.id === regionId)?.municipalityNumbers ?? [];
  if (!regionPayers(regionId, municipalities, year).some((candidate) => candidate.countyId === payer))
    throw forbidden(`${countyNames[payer]} pays no part of ${regionId}'s funding for ${year}.`);
  return payer;
}

/** Whose the agreement is before what the input says: FORBIDDEN to another county's officers (NOT_FOUND for none). */
async function requireAuthorityOverAgreement(context: Context, id: string): Promise<void> {
  const agreement = await context.loaders.agreement.load(id);
  if (!agreement) throw notFound(`No agreement ${id}.`);
  requireCountyAuthorityOver(context.caller, agreement.regionId);
}

/** Every change moves the agreement's version, also when only a row beside it was added. */
function touch(agreement: Agreement) {
  agreement.changedAt = new Date();
}

async function yearsOf(tx: EntityManager, agreement: Agreement) {
  const notices = await tx.find(NoticeSchema, { agreement });
  return { firstYear: yearOf(agreement.validFrom), lastYear: yearOf(lastDay(agreement, notices)) };
}

/** The contract municipality's officer or the region's advisers submit the region's reports and plans. */
async function requireSubmitterFor(tx: EntityManager, caller: Caller, agreement: Agreement, today: string) {
  if (caller.role === 'ADVISER' && caller.regionId === agreement.regionId) return;
  if (caller.role === 'MUNICIPALITY_OFFICER') {
    const parties = partiesOn(await tx.find(AgreementPartySchema, { agreement }), today);
    const contract = parties.find((party) => party.kind === 'CONTRACT_MUNICIPALITY');
    if (contract && contract.municipalityNumber === caller.municipalityNumber) return;
  }
  throw forbidden(
    "Only the officer of the region's contract municipality or the region's advisers submit its reports and plans.",
  );
}

const targetsInput = z.object({
  newClients: count,
  clientsWithImmigrantBackground: count,
  coursesHeld: count,
  counsellingHours: count,
  businessesStarted: count,
});

const submitInput = z
  .object({
    regionId: referenceRegionId,
    kind: z.enum(submissionKinds),
    coversYear: z.number().int().min(2000, 'from 2000').max(2100, 'to 2100'),
    documentReference: text(500),
    totalAmount: ore.nullish(),
    targets: targetsInput.nullish(),
    reportedFigures: targetsInput.nullish(),
    version: z.number().int().nullish(),
  })
  .superRefine((input, issues) => {
    if (input.kind === 'ACTIVITY_PLAN' && !input.targets)
      issues.addIssue({ code: 'custom', path: ['targets'], message: 'an activity plan states its targets' });
    if (input.kind !== 'ACTIVITY_PLAN' && input.targets)
      issues.addIssue({ code: 'custom', path: ['targets'], message: 'only an activity plan has targets' });
    if (input.kind === 'ANNUAL_REPORT' && !input.reportedFigures)
      issues.addIssue({
        code: 'custom',
        path: ['reportedFigures'],
        message: 'an annual report states the year’s key figures',
      });
    if (input.kind !== 'ANNUAL_REPORT' && input.reportedFigures)
      issues.addIssue({ code: 'custom', path: ['reportedFigures'], message: 'only an annual report has key figures' });
    if ((input.kind === 'ANNUAL_REPORT' || input.kind === 'ACTIVITY_PLAN') && input.totalAmount != null)
      issues.addIssue({ code: 'custom', path: ['totalAmount'], message: 'only a budget or accounts have a total' });
  });

const meetingInput = z
  .object({
    kind: z.enum(meetingKinds),
    date,
    regionId: referenceRegionId.nullish(),
    calledBy: text(200).nullish(),
    participants: z.array(text(300)).min(1, 'at least one participant'),
    agenda: text(10_000),
    minutes: z.string().trim().max(100_000).nullish(),
    decisions: z.array(text(2_000)),
  })
  .superRefine((input, issues) => {
    if (input.kind === 'SUPPLEMENTARY_CONTENT' && !input.regionId)
      issues.addIssue({
        code: 'custom',
        path: ['regionId'],
        message: 'a discussion of supplementary content is with a region',
      });
    if (input.kind === 'CONFLICT' && !input.calledBy)
      issues.addIssue({
        code: 'custom',
        path: ['calledBy'],
        message: 'a conflict meeting names the party that called it',
      });
  });

const meetingRow = (input: z.infer<typeof meetingInput>) => ({
  kind: input.kind,
  date: input.date,
  regionId: input.regionId ?? null,
  calledBy: input.calledBy ?? null,
  participants: input.participants,
  agenda: input.agenda,
  minutes: input.minutes || null,
  decisions: input.decisions,
});

export const Mutation: MutationResolvers = {
  submit: async (_parent, { input }, context) => {
    // Who may submit at all before what the input says; the agreement's parties are checked below.
    requireRole(context.caller, 'ADVISER', 'MUNICIPALITY_OFFICER');
    if (context.caller.role === 'ADVISER' && input.regionId !== context.caller.regionId) {
      throw forbidden(
        "Only the officer of the region's contract municipality or the region's advisers submit its reports and plans.",
      );
    }
    const data = parseInput(submitInput, input);
    const today = context.today();
    return context.em.transactional(async (tx) => {
      const scoped = inTransaction(context, tx);
      const agreement = await agreementForYear(data.regionId, data.coversYear, scoped);
      if (!agreement) {
        throw badUserInput(
          `input.coversYear: no agreement of ${data.regionId} covers ${data.coversYear}`,
          'input.coversYear',
        );
      }
      await requireSubmitterFor(tx, context.caller, agreement, today);
      const fields = {
        status: 'SUBMITTED' as const,
        submittedOn: today,
        submittedBy: `${context.caller.name} (${context.caller.organisation.name})`,
        documentReference: data.documentReference,
        totalAmountOre: data.totalAmount == null ? null : BigInt(data.totalAmount),
        targets: data.targets ?? null,
        reportedFigures: data.reportedFigures ?? null,
        decidedOn: null,
        decidedBy: null,
        decisionComment: null,
      };
      const existing = await tx.findOne(SubmissionSchema, { agreement, kind: data.kind, coversYear: data.coversYear });
      if (existing) {
        if (data.version == null) throw conflict('This was submitted already; resubmit with the version you replace.');
        await tx.lock(existing, LockMode.OPTIMISTIC, data.version);
        if (existing.status === 'APPROVED') throw conflict('This was approved already and cannot be resubmitted.');
        tx.assign(existing, fields);
      } else {
        tx.create(SubmissionSchema, { agreement, kind: data.kind, coversYear: data.coversYear, ...fields });
      }
      await tx.flush();
      const rows = await tx.find(SubmissionSchema, { agreement, kind: data.kind, coversYear: data.coversYear });
      return submissionView(agreement, data.kind, data.coversYear, rows, today);
    });
  },

  approveSubmission: (_parent, { id, version, comment }, context) =>
    decide(context, id, version, 'APPROVED', comment ?? null),

  rejectSubmission: (_parent, { id, version, comment }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    requireCurrentCounty(context.caller);
    const reason = parseInput(text(5_000), comment, 'comment');
    return decide(context, id, version, 'REJECTED', reason);
  },

  recordPayment: async (_parent, { regionId, year, instalment, paidOn, reference, payerId }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    parseInput(referenceRegionId, regionId, 'regionId');
    checkYear(year);
    const payer = payerFor(context.caller, regionId, year, payerId);
    const today = context.today();
    const data = parseInput(
      z.object({ paidOn: date.refine((day) => day <= today, 'not in the future'), reference: text(200) }),
      { paidOn, reference },
      'payment',
    );
    return context.em.transactional(async (tx) => {
      const scoped = inTransaction(context, tx);
      const agreement = await agreementForYear(regionId, year, scoped);
      if (!agreement) throw badUserInput(`year: no agreement of ${regionId} covers ${year}`, 'year');
      // Payments of one agreement are recorded one at a time, so a repeated request sees the first.
      await tx.findOne(AgreementSchema, { id: agreement.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const payment = (await paymentsOf(agreement, year, scoped)).find((p) => p.instalment === instalment);
      if (!payment) throw badUserInput(`year: no funding for ${year}`, 'year');
      const share = payment.shares.find((candidate) => candidate.payerId === payer);
      if (!share)
        throw forbidden(
          `${countyNames[payer as keyof typeof countyNames]} pays no part of ${regionId}'s funding for ${year}; the region's county records its payments.`,
        );
      if (share.status === 'PAID') {
        // A retry of the same recording (the same reference) gets the recorded payment; another
        // recording of a paid instalment is refused, so nobody takes it for a second payment.
        if (share.paid?.reference === data.reference) return payment;
        throw conflict(
          `The ${instalment.toLowerCase()} instalment for ${year} was recorded already (reference ${share.paid?.reference}); an instalment is paid once.`,
        );
      }
      if (share.status === 'BLOCKED') {
        throw badUserInput(
          `instalment: blocked until the activity plan and budget for ${year} are approved (§7)`,
          'instalment',
        );
      }
      tx.create(PaymentSchema, {
        agreement,
        year,
        instalment,
        amountOre: share.amountOre,
        paidOn: data.paidOn,
        reference: data.reference,
        recordedBy: context.caller.name,
        payerId: payer,
      });
      await tx.flush();
      const recorded = await paymentsOf(agreement, year, inTransaction(context, tx));
      return recorded.find((p) => p.instalment === instalment) ?? payment;
    });
  },

  setFundingRates: async (_parent, { agreementId, version, year, countyRate, municipalRate }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    checkYear(year);
    if (BigInt(countyRate) < minimumCountyRateOre)
      throw badUserInput('countyRate: at least NOK 5.50 per inhabitant (§6)', 'countyRate');
    if (BigInt(municipalRate) < minimumMunicipalRateOre)
      throw badUserInput('municipalRate: at least NOK 2.50 per inhabitant (§6)', 'municipalRate');
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId, version);
      const { firstYear, lastYear } = await yearsOf(tx, agreement);
      if (year < firstYear || year > lastYear) throw badUserInput(`year: the agreement does not cover ${year}`, 'year');
      if (await tx.count(PaymentSchema, { agreement, year }))
        throw conflict(`Instalments for ${year} are paid already; the rates of a paid year stay as they were.`);
      await tx.upsert(FundingRateSchema, {
        agreement,
        year,
        countyRateOre: BigInt(countyRate),
        municipalRateOre: BigInt(municipalRate),
      });
      touch(agreement);
      await tx.flush();
      return (await createLoaders(tx).funding.load({ agreementId, year })) ?? Promise.reject(notFound('No funding.'));
    });
  },

  recordBudgetDecision: async (_parent, { agreementId, input }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const data = parseInput(
      z.object({
        year: z.number().int().min(2000).max(2100),
        payer: z.string().regex(/^(COUNTY|\d{4})$/, '`COUNTY` or a municipality number'),
        grantedAmount: ore,
        decidedOn: date,
        reference: text(200),
      }),
      input,
    );
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId);
      await tx.lock(agreement, LockMode.PESSIMISTIC_WRITE);
      const funding = await createLoaders(tx).funding.load({ agreementId, year: data.year });
      const { firstYear, lastYear } = await yearsOf(tx, agreement);
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
      tx.create(BudgetDecisionSchema, {
        agreement,
        year: data.year,
        payer: data.payer,
        grantedOre: BigInt(data.grantedAmount),
        decidedOn: data.decidedOn,
        reference: data.reference,
      });
      touch(agreement);
      await tx.flush();
      return (await createLoaders(tx).funding.load({ agreementId, year: data.year })) ?? funding;
    });
  },

  amendAgreement: async (_parent, { agreementId, version, input }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const data = parseInput(
      z.object({
        decidedOn: date,
        effectiveFrom: date,
        description: text(10_000),
        consentedBy: z.array(text(200)).min(1, 'at least one party consents'),
        populationDate: date.nullish(),
      }),
      input,
    );
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId, version);
      if (data.populationDate) {
        const numbers = (await tx.find(AgreementPartySchema, { agreement, municipalityNumber: { $ne: null } })).map(
          (party) => party.municipalityNumber as string,
        );
        const figures = await tx.count(PopulationFigureSchema, {
          municipalityNumber: { $in: numbers },
          date: data.populationDate,
        });
        if (figures < numbers.length)
          throw badUserInput(
            `input.populationDate: no population figures for every municipality on ${data.populationDate}`,
            'input.populationDate',
          );
        agreement.populationDate = data.populationDate;
      }
      tx.create(AmendmentSchema, { agreement, ...data, populationDate: data.populationDate ?? null });
      touch(agreement);
      await tx.flush();
      return agreement;
    });
  },

  extendAgreement: async (_parent, { agreementId, version, validTo, decidedOn }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const data = parseInput(z.object({ validTo: date, decidedOn: date }), { validTo, decidedOn }, 'extension');
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId, version);
      if (data.validTo <= agreement.validTo)
        throw badUserInput(`validTo: must be after the current last day ${agreement.validTo}`, 'validTo');
      if (await tx.count(NoticeSchema, { agreement }))
        throw conflict('A party has given notice; extend it only after the notice is withdrawn.');
      tx.create(ExtensionSchema, {
        agreement,
        decidedOn: data.decidedOn,
        previousValidTo: agreement.validTo,
        validTo: data.validTo,
      });
      agreement.validTo = data.validTo;
      touch(agreement);
      await tx.flush();
      return agreement;
    });
  },

  giveNotice: async (_parent, { agreementId, version, input }, context) => {
    requireRole(context.caller, 'COUNTY_OFFICER');
    await requireAuthorityOverAgreement(context, agreementId);
    const data = parseInput(
      z.object({
        organisationId: text(100),
        givenOn: date,
        effectiveOn: date.nullish(),
        reason: z.string().trim().max(5_000).nullish(),
      }),
      input,
    );
    const earliest = earliestNoticeEffectiveDate(data.givenOn);
    if (data.effectiveOn && data.effectiveOn < earliest)
      throw badUserInput(
        `input.effectiveOn: one year's notice (§10): no earlier than ${earliest}`,
        'input.effectiveOn',
      );
    return context.em.transactional(async (tx) => {
      const agreement = await agreementInAuthority(tx, context.caller, agreementId, version);
      const party = partiesOn(await tx.find(AgreementPartySchema, { agreement }), data.givenOn).find(
        (p) => p.organisationId === data.organisationId,
      );
      if (!party)
        throw badUserInput(
          `input.organisationId: ${data.organisationId} is no party on ${data.givenOn}`,
          'input.organisationId',
        );
      tx.create(NoticeSchema, {
        agreement,
        organisationId: party.organisationId,
        organisationName: party.organisationName,
        givenOn: data.givenOn,
        effectiveOn: data.effectiveOn ?? earliest,
        reason: data.reason || null,
      });
      touch(agreement);
      await tx.flush();
      return agreement;
    });
  },

  recordMeeting: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'COUNTY_OFFICER');
    requireCurrentCounty(caller);
    const data = parseInput(meetingInput, input);
    return em.transactional(async (tx) => {
      const meeting = tx.create(MeetingSchema, meetingRow(data));
      await tx.flush();
      return meeting;
    });
  },

  updateMeeting: async (_parent, { id, version, input }, { em, caller }) => {
    requireRole(caller, 'COUNTY_OFFICER');
    requireCurrentCounty(caller);
    const data = parseInput(meetingInput, input);
    return em.transactional(async (tx) => {
      const meeting = uuid.test(id) ? await tx.findOne(MeetingSchema, { id }) : null;
      if (!meeting) throw notFound(`No meeting ${id}.`);
      await tx.lock(meeting, LockMode.OPTIMISTIC, version);
      tx.assign(meeting, meetingRow(data));
      await tx.flush();
      return meeting;
    });
  },

  recordEvaluation: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'COUNTY_OFFICER');
    requireCurrentCounty(caller);
    const data = parseInput(
      z
        .object({
          title: text(300),
          periodFrom: date,
          periodTo: date,
          author: text(200),
          findings: text(50_000),
          documentReference: z.string().trim().max(500).nullish(),
          publishedOn: date,
        })
        .refine((e) => e.periodTo >= e.periodFrom, { path: ['periodTo'], message: 'not before periodFrom' }),
      input,
    );
    return em.transactional(async (tx) => {
      const evaluation = tx.create(EvaluationSchema, { ...data, documentReference: data.documentReference || null });
      await tx.flush();
      return evaluation;
    });
  },
};

/** Approves or rejects a submitted report or plan (county officers), based on the version the officer read. */
async function decide(
  context: Context,
  id: string,
  version: number,
  status: 'APPROVED' | 'REJECTED',
  comment: string | null,
) {
  requireRole(context.caller, 'COUNTY_OFFICER');
  const today = context.today();
  return context.em.transactional(async (tx) => {
    const submission = uuid.test(id) ? await tx.findOne(SubmissionSchema, { id }, { populate: ['agreement'] }) : null;
    if (!submission) throw notFound(`No submission ${id}.`);
    requireCountyAuthorityOver(context.caller, (submission.agreement as Agreement).regionId);
    await tx.lock(submission, LockMode.OPTIMISTIC, version);
    if (submission.status !== 'SUBMITTED')
      throw conflict(`This was ${submission.status.toLowerCase()} already; only a submitted one can be decided.`);
    tx.assign(submission, { status, decidedOn: today, decidedBy: context.caller.name, decisionComment: comment });
    await tx.flush();
    return submissionView(
      submission.agreement as Agreement,
      submission.kind,
      submission.coversYear,
      [submission],
      today,
    );
  });
}

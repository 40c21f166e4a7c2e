// Writes of the county subgraph: each validates its input, runs in one transaction, checks the
// caller's role, and takes the version it was based on where two people could edit one record.
import {
  badUserInput,
  type Caller,
  checkYear,
  conflict,
  forbidden,
  notFound,
  parseInput,
  referenceRegionId,
  requireCountyAuthorityOver,
  requireRole,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { agreementForYear, lastDay, partiesOn, submissionView } from '../agreements.js';
import { yearOf } from '../calendar.js';
import { type Context, createLoaders } from '../context.js';
import { agreementInAuthority, requireAuthorityOverAgreement, requireCurrentCounty } from '../county-authority.js';
import type { Agreement } from '../entities/agreement.js';
import { NoticeSchema } from '../entities/agreement-change.js';
import { AgreementPartySchema } from '../entities/agreement-party.js';
import {
  type ConflictMeetingRequest,
  ConflictMeetingRequestSchema,
  EvaluationSchema,
  type MeetingKind,
  MeetingSchema,
  meetingKinds,
} from '../entities/coordination.js';
import { FundingRateSchema, minimumCountyRateOre, minimumMunicipalRateOre } from '../entities/funding.js';
import { PaymentSchema } from '../entities/payment.js';
import { SubmissionSchema, submissionKinds } from '../entities/submission.js';
import { groupOfMeeting, withPresentMembers } from '../groups.js';
import { evaluationLimits, meetingLimits } from '../input-limits.js';
import { confirmPayment, recordBudgetDecision, recordPayment } from '../payment-controls.js';

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
    calledBy: text(meetingLimits.calledBy).nullish(),
    participants: z.array(text(meetingLimits.participant)),
    agenda: text(meetingLimits.agenda),
    minutes: z.string().trim().max(meetingLimits.minutes).nullish(),
    decisions: z.array(text(meetingLimits.decision)),
    requestedOn: date.nullish(),
    presentMemberIds: z.array(z.string().max(100)).max(500).nullish(),
    conflictRequestId: z.string().max(100).nullish(),
  })
  .superRefine((input, issues) => {
    if (input.participants.length === 0 && !input.presentMemberIds?.length)
      issues.addIssue({ code: 'custom', path: ['participants'], message: 'at least one participant' });
    if (input.kind === 'CONFLICT' && !input.requestedOn && !input.conflictRequestId)
      issues.addIssue({
        code: 'custom',
        path: ['requestedOn'],
        message: 'a conflict meeting states the day it was asked for (§8)',
      });
    if (input.requestedOn && input.requestedOn > input.date)
      issues.addIssue({ code: 'custom', path: ['requestedOn'], message: 'not after the meeting date' });
    if (input.kind !== 'CONFLICT' && input.requestedOn)
      issues.addIssue({ code: 'custom', path: ['requestedOn'], message: 'only a conflict meeting is asked for' });
    if (input.kind !== 'CONFLICT' && input.conflictRequestId)
      issues.addIssue({
        code: 'custom',
        path: ['conflictRequestId'],
        message: 'only a conflict meeting holds a request',
      });
    if (input.kind === 'SUPPLEMENTARY_CONTENT' && !input.regionId)
      issues.addIssue({
        code: 'custom',
        path: ['regionId'],
        message: 'a discussion of supplementary content is with a region',
      });
    if (input.kind === 'CONFLICT' && !input.calledBy && !input.conflictRequestId)
      issues.addIssue({
        code: 'custom',
        path: ['calledBy'],
        message: 'a conflict meeting names the party that called it',
      });
  });

/**
 * The meeting's row: present members checked against the group on the day (their names added to
 * the participants), and a conflict meeting's request day, party and region from the request it holds.
 */
async function meetingRow(
  tx: EntityManager,
  input: z.infer<typeof meetingInput>,
  request: ConflictMeetingRequest | null,
) {
  const presentMemberIds = [...new Set(input.presentMemberIds ?? [])];
  if (request && input.requestedOn && input.requestedOn !== request.requestedOn)
    throw badUserInput(
      `input.requestedOn: the request was made on ${request.requestedOn}; leave it out or give that day`,
      'input.requestedOn',
    );
  if (request && input.date < request.requestedOn)
    throw badUserInput(`input.date: not before the request, ${request.requestedOn}`, 'input.date');
  return {
    kind: input.kind,
    date: input.date,
    regionId: input.regionId ?? request?.regionId ?? null,
    calledBy: input.calledBy ?? request?.calledBy ?? null,
    participants: await withPresentMembers(
      tx,
      groupOfMeeting(input.kind),
      input.date,
      presentMemberIds,
      input.participants,
    ),
    agenda: input.agenda,
    minutes: input.minutes || null,
    decisions: input.decisions,
    requestedOn: request?.requestedOn ?? input.requestedOn ?? null,
    presentMemberIds,
  };
}

/** The conflict meeting request a meeting is to hold, locked; CONFLICT when another meeting holds it. */
async function requestToHold(tx: EntityManager, id: string | null | undefined, meetingId: string | null) {
  if (!id) return null;
  const request = uuid.test(id)
    ? await tx.findOne(ConflictMeetingRequestSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!request) throw notFound(`No conflict meeting request ${id}.`);
  const heldBy = request.heldAs ? (request.heldAs as { id: string }).id : null;
  if (heldBy && heldBy !== meetingId) throw conflict('Another meeting holds this conflict meeting request already.');
  return request;
}

/**
 * County officers record and update meetings; a municipality officer only the professional
 * group's (§4), which the regions' people take part in.
 */
function requireMeetingWriter(caller: Caller, kind: MeetingKind) {
  if (caller.role === 'MUNICIPALITY_OFFICER' && kind === 'PROFESSIONAL_GROUP') return;
  requireRole(caller, 'COUNTY_OFFICER');
  requireCurrentCounty(caller);
}

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

  // The money controls (recording, confirming, correcting) live in payment-controls.ts.
  recordPayment: (_parent, args, context) => recordPayment(context, args),

  confirmPayment: (_parent, args, context) => confirmPayment(context, args),

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

  recordBudgetDecision: (_parent, { agreementId, input }, context) => recordBudgetDecision(context, agreementId, input),

  recordMeeting: async (_parent, { input }, { em, caller }) => {
    requireMeetingWriter(caller, input.kind);
    const data = parseInput(meetingInput, input);
    return em.transactional(async (tx) => {
      const request = await requestToHold(tx, data.conflictRequestId, null);
      const meeting = tx.create(MeetingSchema, await meetingRow(tx, data, request));
      if (request) request.heldAs = meeting;
      await tx.flush();
      return meeting;
    });
  },

  updateMeeting: async (_parent, { id, version, input }, { em, caller }) => {
    requireMeetingWriter(caller, input.kind);
    const data = parseInput(meetingInput, input);
    return em.transactional(async (tx) => {
      const meeting = uuid.test(id) ? await tx.findOne(MeetingSchema, { id }) : null;
      if (!meeting) throw notFound(`No meeting ${id}.`);
      requireMeetingWriter(caller, meeting.kind);
      await tx.lock(meeting, LockMode.OPTIMISTIC, version);
      // The request it holds stays linked unless another is named; one no longer a conflict meeting lets it go.
      const held = await tx.findOne(ConflictMeetingRequestSchema, { heldAs: meeting });
      const request =
        data.kind !== 'CONFLICT'
          ? null
          : data.conflictRequestId
            ? await requestToHold(tx, data.conflictRequestId, meeting.id)
            : held;
      if (held && held !== request) held.heldAs = null;
      tx.assign(meeting, await meetingRow(tx, data, request));
      if (request) request.heldAs = meeting;
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
          title: text(evaluationLimits.title),
          periodFrom: date,
          periodTo: date,
          author: text(evaluationLimits.author),
          findings: text(evaluationLimits.findings),
          documentReference: z.string().trim().max(evaluationLimits.documentReference).nullish(),
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

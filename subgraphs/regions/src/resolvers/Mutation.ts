// Writes of the regions subgraph (the advisers' CRM): each validates its input, runs in one
// transaction, and is open only to the advisers of the client's region.
import {
  badUserInput,
  type Caller,
  canSeePersonalDataIn,
  conflict,
  forbidden,
  isValidOrganisationNumber,
  notFound,
  parseInput,
  recordAudit,
  requireRole,
  todayInNorway,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { freePlaceOf, placeOnCourse } from '../enrolments.js';
import { AdviserSchema } from '../entities/adviser.js';
import { BusinessSchema, legalForms } from '../entities/business.js';
import { ClientSchema, genders, growthPotentials, immigrantBackgrounds } from '../entities/client.js';
import { ClientLinkSchema, linkKinds } from '../entities/client-link.js';
import { CounsellingSessionSchema, fundingSources, sessionForms } from '../entities/counselling-session.js';
import { CourseSchema, courseKinds } from '../entities/course.js';
import { EnrolmentSchema } from '../entities/enrolment.js';
import { FollowUpSchema } from '../entities/follow-up.js';
import { MilestoneSchema, milestoneKinds } from '../entities/milestone.js';
import { MunicipalitySchema } from '../entities/municipality.js';
import { NetworkEventSchema } from '../entities/network-event.js';
import { RegionSchema } from '../entities/region.js';
import { ServiceOfferingSchema, serviceKinds } from '../entities/service-offering.js';
import { SurveyResponseSchema, surveyOccasions } from '../entities/survey-response.js';
import {
  businessLimits,
  clientLimits,
  courseLimits,
  networkEventLimits,
  recordLimits,
  serviceLimits,
  sessionLimits,
} from '../input-limits.js';
import { municipalityNumber, phone } from '../input-rules.js';
import { lockClientRegistrations } from '../locks.js';
import { inviteToSurvey } from '../messages/outgoing.js';
import { clientGroup, eraseClients, erasePastRetention } from '../personal-data.js';
import { clientNotVisible } from './Client.js';

// Advisers and NAV work on Norwegian calendar days; just after midnight in Oslo, UTC is still yesterday.
const today = () => todayInNorway();
const pastDate = z.iso.date('a date as YYYY-MM-DD').refine((date) => date <= today(), 'not in the future');
const atMost = (max: number) => `at most ${max} characters`;
const name = z.string().trim().min(1, 'a name is needed').max(clientLimits.name, atMost(clientLimits.name));
const email = z.email('not an e-mail address').max(clientLimits.email);
const birthYear = z
  .number()
  .int()
  .min(1900, 'no earlier than 1900')
  .refine((year) => year <= new Date().getFullYear(), 'not in the future');
const industryCode = z.string().regex(/^\d{2}(\.\d{1,3})?$/, 'a NACE code such as 62.010');
const businessIdea = z.string().trim().max(clientLimits.businessIdea, atMost(clientLimits.businessIdea));
const minutes = z
  .number()
  .int()
  .min(15, 'at least 15 minutes')
  .max(sessionLimits.durationMinutes, `at most ${sessionLimits.durationMinutes} minutes`)
  .refine((value) => value % 15 === 0, 'in quarter-hour steps (a multiple of 15)');
const topic = z.string().trim().min(1, 'a topic is needed').max(sessionLimits.topic, atMost(sessionLimits.topic));
const preparationMinutes = z
  .number()
  .int()
  .min(0, 'not negative')
  .max(sessionLimits.preparationMinutes, `at most ${sessionLimits.preparationMinutes} minutes`)
  .refine((value) => value % 15 === 0, 'in quarter-hour steps (a multiple of 15)');

const registerClientInput = z.object({
  regionId: z.string().min(1),
  municipalityNumber,
  name,
  email: email.nullish(),
  phone: phone.nullish(),
  birthYear: birthYear.nullish(),
  immigrantBackground: z.enum(immigrantBackgrounds),
  registeredOn: pastDate.nullish(),
  gender: z.enum(genders).nullish(),
  businessIdea: businessIdea.nullish(),
  industryCode: industryCode.nullish(),
  surveyConsent: z.boolean(),
  confirmedNotDuplicate: z.boolean(),
});

const updateClientInput = z.object({
  name: name.optional(),
  email: email.nullish(),
  phone: phone.nullish(),
  birthYear: birthYear.nullish(),
  municipalityNumber: municipalityNumber.optional(),
  immigrantBackground: z.enum(immigrantBackgrounds).optional(),
  gender: z.enum(genders).nullish(),
  businessIdea: businessIdea.nullish(),
  industryCode: industryCode.nullish(),
  growthPotential: z.enum(growthPotentials).optional(),
  surveyConsent: z.boolean().optional(),
});

const logSessionInput = z.object({
  clientId: z.uuid('not a client id'),
  date: pastDate,
  durationMinutes: minutes,
  form: z.enum(sessionForms),
  topic,
  preparationMinutes: preparationMinutes.nullish(),
  fundingSource: z.enum(fundingSources).nullish(),
});

const updateSessionInput = z.object({
  date: pastDate.optional(),
  durationMinutes: minutes.optional(),
  form: z.enum(sessionForms).optional(),
  topic: topic.optional(),
  preparationMinutes: preparationMinutes.optional(),
  fundingSource: z.enum(fundingSources).optional(),
});

const recordSurveyInput = z.object({
  clientId: z.uuid('not a client id'),
  occasion: z.enum(surveyOccasions),
  courseId: z.uuid('not a course id').nullish(),
  score: z.number().int().min(1, 'from 1').max(6, 'to 6'),
  comment: z.string().trim().max(recordLimits.surveyComment, atMost(recordLimits.surveyComment)).nullish(),
  answeredOn: pastDate,
});

const recordFollowUpInput = z.object({
  clientId: z.uuid('not a client id'),
  date: pastDate,
  note: z.string().trim().min(1, 'a note is needed').max(recordLimits.followUpNote, atMost(recordLimits.followUpNote)),
});

const addClientLinkInput = z.object({
  clientId: z.uuid('not a client id'),
  kind: z.enum(linkKinds),
  name: z.string().trim().min(1, 'a name is needed').max(recordLimits.linkName, atMost(recordLimits.linkName)),
  since: pastDate,
});

const createNetworkEventInput = z.object({
  regionId: z.string().min(1),
  title: z.string().trim().min(1, 'a title is needed').max(networkEventLimits.title, atMost(networkEventLimits.title)),
  date: z.iso.date('a date as YYYY-MM-DD'),
  participantCount: z
    .number()
    .int()
    .min(0, 'not negative')
    .max(networkEventLimits.participantCount, `at most ${networkEventLimits.participantCount}`),
});

const addServiceInput = z
  .object({
    regionId: z.string().min(1),
    kind: z.enum(serviceKinds),
    description: z
      .string()
      .trim()
      .min(1, 'a description is needed')
      .max(serviceLimits.description, atMost(serviceLimits.description)),
    validFrom: z.iso.date('a date as YYYY-MM-DD'),
    validTo: z.iso.date('a date as YYYY-MM-DD').nullish(),
  })
  .refine((service) => !service.validTo || service.validTo >= service.validFrom, {
    path: ['validTo'],
    message: 'not before validFrom',
  });

const createCourseInput = z
  .object({
    regionId: z.string().min(1),
    kind: z.enum(courseKinds),
    title: z.string().trim().min(1, 'a title is needed').max(courseLimits.title, atMost(courseLimits.title)),
    startsOn: z.iso.date('a date as YYYY-MM-DD'),
    endsOn: z.iso.date('a date as YYYY-MM-DD'),
    location: z.string().trim().min(1).max(courseLimits.location, atMost(courseLimits.location)).nullish(),
    online: z.boolean(),
    capacity: z.number().int().min(1, 'at least 1').max(courseLimits.capacity, `at most ${courseLimits.capacity}`),
    participantFee: z
      .number()
      .int()
      .min(0, 'not negative')
      .max(courseLimits.participantFee, `at most ${(courseLimits.participantFee / 100).toFixed(2)}`)
      .nullish(),
    instructorIds: z
      .array(z.uuid('not an adviser id'))
      .max(courseLimits.instructors, `at most ${courseLimits.instructors}`),
    partnerInstructor: z
      .string()
      .trim()
      .min(1)
      .max(courseLimits.partnerInstructor, atMost(courseLimits.partnerInstructor))
      .nullish(),
  })
  .refine((course) => course.endsOn >= course.startsOn, { path: ['endsOn'], message: 'not before startsOn' })
  // §5.2.1: the basic entrepreneur course is free for participants.
  .refine((course) => course.kind !== 'BASIC' || !course.participantFee, {
    path: ['participantFee'],
    message: 'a basic course is free for participants',
  });

// Readable still (a contract), no longer recorded nor counted: the register's dates tell survival.
const survivalMilestoneKinds = new Set<string>(['ACTIVE_AFTER_1_YEAR', 'ACTIVE_AFTER_2_YEARS', 'ACTIVE_AFTER_3_YEARS']);

const registerBusinessInput = z.object({
  clientId: z.uuid('not a client id'),
  name: z.string().trim().min(1, 'a name is needed').max(businessLimits.name, atMost(businessLimits.name)),
  organisationNumber: z
    .string()
    .regex(/^\d{9}$/, 'nine digits')
    .refine(isValidOrganisationNumber, 'the check digit does not match (mod 11)'),
  registeredOn: pastDate,
  legalForm: z.enum(legalForms),
});

/** Strips null from fields that must not be cleared, so "left out" and "null" mean the same. */
const defined = <T extends object>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;

/**
 * The client, when the caller is an adviser of its region; FORBIDDEN (as for a missing one) otherwise.
 * A write that adds text about the client takes `share`: it then waits for an erasure under way
 * and sees it, and an erasure waits for it, so no text is added after the person was erased.
 */
export async function clientOfAdvisersRegion(
  em: EntityManager,
  caller: Caller,
  id: string,
  field = 'id',
  lock?: 'share',
) {
  requireRole(caller, 'ADVISER');
  if (!z.uuid().safeParse(id).success) throw badUserInput(`${field}: not a client id`, field);
  const client = await em.findOne(
    ClientSchema,
    { id },
    lock === 'share' ? { lockMode: LockMode.PESSIMISTIC_READ, refresh: true } : {},
  );
  if (!client || client.region.id !== caller.regionId) throw clientNotVisible();
  if (client.mergedIntoId) throw conflict('This client was merged into another record; edit that one instead.');
  if (client.erasedAt) throw conflict("This client's personal data was erased; the record can no longer be changed.");
  return client;
}

/**
 * The course, locked for the rest of the transaction, when the caller is an adviser of its
 * region: two advisers filling the last place at once must not both get it.
 */
async function courseOfAdvisersRegion(em: EntityManager, caller: Caller, id: string) {
  requireRole(caller, 'ADVISER');
  const course = z.uuid().safeParse(id).success
    ? await em.findOne(CourseSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!course || course.region.id !== caller.regionId) {
    throw forbidden('You may not change this course, or there is no course with this id.');
  }
  return course;
}

/** The region's advisers and the officers of its contract municipality manage its service. */
async function requireRegionManager(em: EntityManager, caller: Caller, regionId: string) {
  const region = caller.regionId === regionId ? await em.findOne(RegionSchema, { id: regionId }) : null;
  const manages =
    !!region &&
    (caller.role === 'ADVISER' ||
      (caller.role === 'MUNICIPALITY_OFFICER' && region.contractMunicipalityNumber === caller.municipalityNumber));
  if (!manages) throw forbidden("Only the region's advisers and its contract municipality manage the service.");
  return region;
}

async function municipalityOfRegion(em: EntityManager, number: string, regionId: string, field: string) {
  const municipality = await em.findOne(MunicipalitySchema, { number });
  if (!municipality || municipality.region.id !== regionId) {
    throw badUserInput(`${field}: ${number} is not a municipality of the region`, field);
  }
  return municipality;
}

/** Other clients in the region who are likely the same person. */
async function likelyDuplicates(
  em: EntityManager,
  regionId: string,
  person: { name: string; birthYear?: number | null; email?: string | null; phone?: string | null },
) {
  const rows: { id: string }[] = await em.execute(
    `select id from client
      where region_id = ? and merged_into_id is null
        and ((lower(name) = lower(?) and birth_year = ?) or lower(email) = lower(?)
          or replace(phone, ' ', '') = replace(?, ' ', ''))
      limit 10`,
    [regionId, person.name, person.birthYear ?? null, person.email ?? null, person.phone ?? null],
  );
  return rows.map((row) => row.id);
}

export async function adviserRecordOf(em: EntityManager, caller: Caller) {
  const adviser = await em.findOne(AdviserSchema, { username: caller.subject, region: caller.regionId ?? '' });
  if (!adviser) throw forbidden('Your user has no adviser record in this region; ask the operator to add you.');
  return adviser;
}

/** The partners subgraph's erasure of its copies of a person's data (not in the public graph). */
const eraseCopiesInPartners = `mutation EraseClientCopies($clientIds: [ID!]!, $reason: ErasureReason!) {
  eraseClientCopies(clientIds: $clientIds, reason: $reason) { referrals assessments }
}`;

export const Mutation: MutationResolvers = {
  eraseClient: async (_parent, { id, reason }, { em, caller, call }) => {
    // The region's advisers handle the person's request; the county's officers, the controller's.
    requireRole(caller, 'ADVISER', 'COUNTY_OFFICER');
    if (!z.uuid().safeParse(id).success) throw badUserInput('id: not a client id', 'id');
    return em.transactional(async (tx) => {
      // Locked, so an edit that started before cannot write the data back after.
      const client = await tx.findOne(ClientSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // A county officer erases (as controller) only for the regions their county answers for.
      if (
        !client ||
        (caller.role === 'ADVISER' && client.region.id !== caller.regionId) ||
        (caller.role === 'COUNTY_OFFICER' && !canSeePersonalDataIn(caller, client.region.id))
      )
        throw clientNotVisible();
      if (client.mergedIntoId) {
        throw conflict('This record was merged into another client: erase that one, which erases this one too.');
      }
      if (client.erasedAt) return client;
      const group = await clientGroup(tx, client.id);
      await eraseClients(tx, group, caller, reason, 'eraseClient');
      // The copies partners hold (referrals, assessments) go in the same request, while the
      // client's row is locked: if partners cannot be reached, this transaction rolls back and
      // nothing is erased, rather than leave the person's name and contact details with partners.
      await call('partners', eraseCopiesInPartners, { clientIds: group, reason });
      await tx.refresh(client);
      return client;
    });
  },

  eraseClientsPastRetention: async (_parent, { dryRun }, { em, caller }) => {
    requireRole(caller, 'COUNTY_OFFICER');
    return em.transactional((tx) => erasePastRetention(tx, { dryRun, actor: caller }));
  },

  registerClient: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'ADVISER');
    const data = parseInput(registerClientInput, input);
    if (data.regionId !== caller.regionId) throw forbidden('Advisers register clients in their own region only.');
    return em.transactional(async (tx) => {
      const municipality = await municipalityOfRegion(
        tx,
        data.municipalityNumber,
        data.regionId,
        'input.municipalityNumber',
      );
      if (!data.confirmedNotDuplicate) {
        await lockClientRegistrations(tx, data.regionId);
        const duplicates = await likelyDuplicates(tx, data.regionId, data);
        if (duplicates.length) {
          throw conflict(
            'A client in the region may be the same person: open that record, or confirm it is not a duplicate.',
            {
              duplicates,
            },
          );
        }
      }
      const client = tx.create(ClientSchema, {
        region: data.regionId,
        municipality,
        name: data.name,
        email: data.email ?? null,
        phone: data.phone ?? null,
        birthYear: data.birthYear ?? null,
        immigrantBackground: data.immigrantBackground,
        gender: data.gender ?? null,
        businessIdea: data.businessIdea ?? null,
        industryCode: data.industryCode ?? null,
        growthPotential: 'NOT_ASSESSED',
        surveyConsent: data.surveyConsent,
        registeredOn: data.registeredOn ?? today(),
        mergedIntoId: null,
      });
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'CREATE', recordType: 'Client', recordId: client.id, detail: 'registerClient' },
      ]);
      return client;
    });
  },

  updateClient: async (_parent, { id, version, input }, { em, caller }) => {
    // Whose client it is comes before what the input says: an outsider learns nothing from the answer.
    return em.transactional(async (tx) => {
      const client = await clientOfAdvisersRegion(tx, caller, id);
      const data = parseInput(updateClientInput, input);
      // The edit was based on `version`; if someone saved since, the flush would overwrite them.
      await tx.lock(client, LockMode.OPTIMISTIC, version);
      const { municipalityNumber, ...changes } = defined(data);
      if (municipalityNumber) {
        client.municipality = await municipalityOfRegion(
          tx,
          municipalityNumber,
          client.region.id,
          'input.municipalityNumber',
        );
      }
      tx.assign(client, changes);
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'UPDATE', recordType: 'Client', recordId: client.id, detail: 'updateClient' },
      ]);
      return client;
    });
  },

  mergeClients: async (_parent, { keepId, duplicateId }, { em, caller }) => {
    if (keepId === duplicateId) throw badUserInput('duplicateId: a client cannot be merged into itself', 'duplicateId');
    return em.transactional(async (tx) => {
      const keep = await clientOfAdvisersRegion(tx, caller, keepId, 'keepId');
      const duplicate = await clientOfAdvisersRegion(tx, caller, duplicateId, 'duplicateId');
      // Everything recorded about the duplicate now belongs to the kept record; a course both were
      // enrolled on keeps one enrolment, and a milestone both reached keeps the earlier date.
      await tx.execute(
        `delete from enrolment d using enrolment k where d.client_id = ? and k.client_id = ? and d.course_id = k.course_id`,
        [duplicate.id, keep.id],
      );
      await tx.execute(
        `delete from milestone d using milestone k where d.client_id = ? and k.client_id = ? and d.kind = k.kind`,
        [duplicate.id, keep.id],
      );
      for (const table of [
        'counselling_session',
        'enrolment',
        'business',
        'milestone',
        'follow_up',
        'client_link',
        'survey_response',
        'impact_record',
      ]) {
        await tx.execute(`update ${table} set client_id = ? where client_id = ?`, [keep.id, duplicate.id]);
      }
      duplicate.mergedIntoId = keep.id;
      await tx.flush();
      await recordAudit(tx, caller, [
        {
          operation: 'UPDATE',
          recordType: 'Client',
          recordId: keep.id,
          detail: `mergeClients: kept, merged ${duplicate.id}`,
        },
        {
          operation: 'UPDATE',
          recordType: 'Client',
          recordId: duplicate.id,
          detail: `mergeClients: merged into ${keep.id}`,
        },
      ]);
      return keep;
    });
  },

  logCounsellingSession: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'ADVISER');
    const data = parseInput(logSessionInput, input);
    return em.transactional(async (tx) => {
      const client = await clientOfAdvisersRegion(tx, caller, data.clientId, 'input.clientId', 'share');
      const adviser = await adviserRecordOf(tx, caller);
      const session = tx.create(CounsellingSessionSchema, {
        client,
        adviser,
        region: client.region,
        date: data.date,
        durationMinutes: data.durationMinutes,
        form: data.form,
        topic: data.topic,
        preparationMinutes: data.preparationMinutes ?? 0,
        fundingSource: data.fundingSource ?? 'BASIC_SERVICE',
      });
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'CREATE', recordType: 'Client', recordId: client.id, detail: 'logCounsellingSession' },
      ]);
      // After counselling the client is asked what they thought (if they agreed to it).
      await inviteToSurvey(tx, client, { occasion: 'AFTER_COUNSELLING', session });
      return session;
    });
  },

  updateCounsellingSession: async (_parent, { id, version, input }, { em, caller }) => {
    requireRole(caller, 'ADVISER');
    const data = parseInput(updateSessionInput, input);
    return em.transactional(async (tx) => {
      const session = z.uuid().safeParse(id).success ? await tx.findOne(CounsellingSessionSchema, { id }) : null;
      if (!session || session.region.id !== caller.regionId) {
        throw forbidden('You may not edit this session, or there is no session with this id.');
      }
      await clientOfAdvisersRegion(tx, caller, session.client.id, 'id', 'share');
      await tx.lock(session, LockMode.OPTIMISTIC, version);
      tx.assign(session, defined(data));
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'UPDATE', recordType: 'Client', recordId: session.client.id, detail: 'updateCounsellingSession' },
      ]);
      return session;
    });
  },

  registerBusiness: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'ADVISER');
    const data = parseInput(registerBusinessInput, input);
    return em.transactional(async (tx) => {
      const client = await clientOfAdvisersRegion(tx, caller, data.clientId, 'input.clientId', 'share');
      if (await tx.count(BusinessSchema, { organisationNumber: data.organisationNumber })) {
        throw conflict(`A business with organisation number ${data.organisationNumber} is registered already.`);
      }
      const business = tx.create(BusinessSchema, {
        client,
        name: data.name,
        organisationNumber: data.organisationNumber,
        registeredOn: data.registeredOn,
        legalForm: data.legalForm,
      });
      if (!(await tx.count(MilestoneSchema, { client, kind: 'BUSINESS_REGISTERED' }))) {
        tx.create(MilestoneSchema, { client, kind: 'BUSINESS_REGISTERED', reachedOn: data.registeredOn });
      }
      await tx.flush();
      return business;
    });
  },

  recordSurveyResponse: async (_parent, { input }, { em, caller, loaders }) => {
    const data = parseInput(recordSurveyInput, input);
    const year = Number(data.answeredOn.slice(0, 4));
    const regionId = await em.transactional(async (tx) => {
      const client = await clientOfAdvisersRegion(tx, caller, data.clientId, 'input.clientId', 'share');
      if (!client.surveyConsent) {
        throw badUserInput('input.clientId: the client has not agreed to be contacted for surveys', 'input.clientId');
      }
      if (data.occasion === 'AFTER_COURSE') {
        const attended = data.courseId
          ? await tx.count(EnrolmentSchema, { client, course: data.courseId, attended: true })
          : 0;
        if (!attended)
          throw badUserInput(
            'input.courseId: an answer after a course names a course the client attended',
            'input.courseId',
          );
      }
      tx.create(SurveyResponseSchema, {
        client,
        region: client.region,
        occasion: data.occasion,
        course: data.occasion === 'AFTER_COURSE' ? (data.courseId ?? null) : null,
        score: data.score,
        comment: data.comment ?? null,
        answeredOn: data.answeredOn,
      });
      await tx.flush();
      return client.region.id;
    });
    return loaders.surveyResults.load({ regionId, year });
  },

  recordFollowUp: async (_parent, { input }, { em, caller }) => {
    return em.transactional(async (tx) => {
      const client = await clientOfAdvisersRegion(tx, caller, input.clientId, 'input.clientId', 'share');
      const data = parseInput(recordFollowUpInput, input);
      const adviser = await adviserRecordOf(tx, caller);
      const followUp = tx.create(FollowUpSchema, { client, adviser, date: data.date, note: data.note });
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'UPDATE', recordType: 'Client', recordId: client.id, detail: 'recordFollowUp' },
      ]);
      return followUp;
    });
  },

  addClientLink: async (_parent, { input }, { em, caller }) => {
    return em.transactional(async (tx) => {
      const client = await clientOfAdvisersRegion(tx, caller, input.clientId, 'input.clientId', 'share');
      const data = parseInput(addClientLinkInput, input);
      const link = tx.create(ClientLinkSchema, { client, kind: data.kind, name: data.name, since: data.since });
      await tx.flush();
      return link;
    });
  },

  createNetworkEvent: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'ADVISER');
    const data = parseInput(createNetworkEventInput, input);
    if (data.regionId !== caller.regionId) throw forbidden('Advisers record events of their own region only.');
    return em.transactional(async (tx) => {
      const event = tx.create(NetworkEventSchema, {
        region: data.regionId,
        title: data.title,
        date: data.date,
        participantCount: data.participantCount,
      });
      await tx.flush();
      return event;
    });
  },

  setFreeCounsellingLimit: async (_parent, { regionId, hours }, { em, caller }) => {
    // Authorised before the hours are checked: someone who may not set it learns nothing of what would pass.
    return em.transactional(async (tx) => {
      const region = await requireRegionManager(tx, caller, regionId);
      const minutes = hours * 60;
      if (!Number.isInteger(minutes) || minutes % 15 !== 0 || minutes < 60 || minutes > 6000) {
        throw badUserInput('hours: from 1 to 100, in quarter hours (e.g. 5 or 7.5)', 'hours');
      }
      region.freeCounsellingMinutesPerClientYear = minutes;
      await tx.flush();
      return region;
    });
  },

  addServiceOffering: async (_parent, { input }, { em, caller }) => {
    return em.transactional(async (tx) => {
      const region = await requireRegionManager(tx, caller, input.regionId);
      const data = parseInput(addServiceInput, input);
      const service = tx.create(ServiceOfferingSchema, {
        region,
        kind: data.kind,
        description: data.description,
        validFrom: data.validFrom,
        validTo: data.validTo ?? null,
      });
      await tx.flush();
      return service;
    });
  },

  endServiceOffering: async (_parent, { id, validTo }, { em, caller }) =>
    em.transactional(async (tx) => {
      // Only a region's managers learn whether a service exists.
      requireRole(caller, 'ADVISER', 'MUNICIPALITY_OFFICER');
      const service = z.uuid().safeParse(id).success ? await tx.findOne(ServiceOfferingSchema, { id }) : null;
      if (!service) throw notFound('There is no service with this id.');
      await requireRegionManager(tx, caller, service.region.id);
      const day = parseInput(z.iso.date('a date as YYYY-MM-DD'), validTo, 'validTo');
      if (day < service.validFrom) throw badUserInput('validTo: not before the service started', 'validTo');
      service.validTo = day;
      await tx.flush();
      return service;
    }),

  createCourse: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'ADVISER');
    const data = parseInput(createCourseInput, input);
    if (data.regionId !== caller.regionId) throw forbidden('Advisers add courses to their own region only.');
    return em.transactional(async (tx) => {
      const instructors = data.instructorIds.length
        ? await tx.find(AdviserSchema, { id: { $in: data.instructorIds }, region: data.regionId })
        : [];
      if (instructors.length !== new Set(data.instructorIds).size) {
        throw badUserInput(
          'input.instructorIds: every instructor must be an adviser of the region',
          'input.instructorIds',
        );
      }
      const course = tx.create(CourseSchema, {
        region: data.regionId,
        kind: data.kind,
        title: data.title,
        startsOn: data.startsOn,
        endsOn: data.endsOn,
        location: data.location ?? null,
        online: data.online,
        capacity: data.capacity,
        participantFeeOre: data.participantFee ?? 0,
        partnerInstructor: data.partnerInstructor ?? null,
        status: 'PLANNED',
      });
      course.instructors.set(instructors);
      await tx.flush();
      return course;
    });
  },

  enrolClient: async (_parent, { courseId, clientId }, { em, caller }) =>
    em.transactional(async (tx) => {
      const client = await clientOfAdvisersRegion(tx, caller, clientId, 'clientId');
      const course = await courseOfAdvisersRegion(tx, caller, courseId);
      if (course.status !== 'PLANNED')
        throw badUserInput(`courseId: the course is ${course.status.toLowerCase()}`, 'courseId');
      const { enrolment, existing } = await placeOnCourse(tx, course, client);
      if (existing) throw conflict('The client is on this course or its waiting list already.');
      await recordAudit(tx, caller, [
        { operation: 'UPDATE', recordType: 'Client', recordId: client.id, detail: 'enrolClient' },
      ]);
      return enrolment;
    }),

  cancelEnrolment: async (_parent, { enrolmentId }, { em, caller }) =>
    em.transactional(async (tx) => {
      requireRole(caller, 'ADVISER');
      const enrolment = z.uuid().safeParse(enrolmentId).success
        ? await tx.findOne(EnrolmentSchema, { id: enrolmentId })
        : null;
      if (!enrolment) throw forbidden('You may not change this enrolment, or there is no enrolment with this id.');
      const course = await courseOfAdvisersRegion(tx, caller, enrolment.course.id);
      // The course's row lock, as a sign-up takes it: a freed place is given once, to the one who waited longest.
      await tx.lock(course, LockMode.PESSIMISTIC_WRITE);
      await tx.refresh(enrolment);
      if (enrolment.status === 'CANCELLED') return enrolment;
      await freePlaceOf(tx, enrolment, course);
      return enrolment;
    }),

  recordAttendance: async (_parent, { courseId, attendedClientIds }, { em, caller }) =>
    em.transactional(async (tx) => {
      const course = await courseOfAdvisersRegion(tx, caller, courseId);
      if (course.status === 'CANCELLED') throw badUserInput('courseId: the course was cancelled', 'courseId');
      if (course.startsOn > today()) throw badUserInput('courseId: the course has not started yet', 'courseId');
      const enrolled = await tx.find(EnrolmentSchema, { course, status: 'ENROLLED' });
      const attended = new Set(attendedClientIds);
      const unknown = [...attended].filter((id) => !enrolled.some((e) => e.client.id === id));
      if (unknown.length) {
        throw badUserInput(`attendedClientIds: ${unknown.join(', ')} had no place on the course`, 'attendedClientIds');
      }
      for (const enrolment of enrolled) enrolment.attended = attended.has(enrolment.client.id);
      course.status = 'HELD';
      await tx.flush();
      // The course was held: those who came are asked what they thought (once each, if they agreed to it).
      const participants = await tx.find(ClientSchema, { id: { $in: [...attended] } });
      for (const client of participants) await inviteToSurvey(tx, client, { occasion: 'AFTER_COURSE', course });
      return course;
    }),

  cancelCourse: async (_parent, { courseId, version }, { em, caller }) =>
    em.transactional(async (tx) => {
      const course = await courseOfAdvisersRegion(tx, caller, courseId);
      await tx.lock(course, LockMode.OPTIMISTIC, version);
      if (course.status === 'HELD')
        throw badUserInput('courseId: a course that was held cannot be cancelled', 'courseId');
      course.status = 'CANCELLED';
      await tx.nativeUpdate(EnrolmentSchema, { course, status: { $ne: 'CANCELLED' } }, { status: 'CANCELLED' });
      await tx.flush();
      return course;
    }),

  recordMilestone: async (_parent, { clientId, kind, reachedOn }, { em, caller }) => {
    return em.transactional(async (tx) => {
      // Who may record first: a caller who may not is told so whatever the input.
      const client = await clientOfAdvisersRegion(tx, caller, clientId, 'clientId');
      const data = parseInput(
        z.object({
          kind: z
            .enum(milestoneKinds)
            .refine(
              (kind) => !survivalMilestoneKinds.has(kind),
              'survival is no longer recorded by hand: it is computed from the register of legal entities (Enhetsregisteret)',
            ),
          reachedOn: pastDate,
        }),
        { kind, reachedOn },
        'milestone',
      );
      if (await tx.count(MilestoneSchema, { client, kind: data.kind })) {
        throw conflict(`The client has reached ${data.kind} already.`);
      }
      const milestone = tx.create(MilestoneSchema, { client, kind: data.kind, reachedOn: data.reachedOn });
      await tx.flush();
      return milestone;
    });
  },
};

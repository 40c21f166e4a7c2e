// Writes of the partners subgraph: each validates its input, runs in one transaction, and is
// open only to the roles that own the data.
import {
  badUserInput,
  type Caller,
  conflict,
  forbidden,
  municipalityKeyOrSelf,
  notFound,
  parseInput,
  recordAudit,
  referenceRegionId,
  requireRole,
  todayInNorway,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { canSeeReferral } from '../access.js';
import { adviserTheCallerActsFor } from '../advisers.js';
import { requireClientStanding } from '../client-standing.js';
import { assessmentConclusions, BusinessAssessmentSchema } from '../entities/business-assessment.js';
import { GatheringSchema } from '../entities/gathering.js';
import { GatheringRegistrationSchema } from '../entities/gathering-registration.js';
import { PartnerCourseSchema, partnerCourseKinds } from '../entities/partner-course.js';
import {
  ExpertOrganisationSchema,
  organiserKinds,
  QualificationMeasureSchema,
} from '../entities/qualification-measure.js';
import {
  programmesOf,
  type Referral,
  ReferralSchema,
  type ReferralStatus,
  referralProgrammes,
  referralStatuses,
} from '../entities/referral.js';
import {
  assessmentFeeMaxOre,
  assessmentQuestionMaxLength,
  assessmentTextMaxLength,
  emailMaxLength,
  gatheringDescriptionMaxLength,
  gatheringLocationMaxLength,
  gatheringTitleMaxLength,
  measureNameMaxLength,
  measurePartnersMax,
  otherActorMaxLength,
  referralNoteMaxLength,
  sharedNameMaxLength,
  statusReasonMaxLength,
} from '../input-limits.js';
import { requiredNavOffice } from '../nav-routing.js';
import {
  notifyAssessmentDelivered,
  notifyAssessmentRequested,
  notifyReferralAnswered,
  notifyReferralReceived,
} from '../notifications.js';
import {
  eraseClientCopies,
  eraseClientReferrals,
  erasePartnerDataPastRetention,
  refuseErasedClient,
} from '../personal-data.js';
import { referralNotVisible } from './Referral.js';

// Advisers and NAV work on Norwegian calendar days; just after midnight in Oslo, UTC is still yesterday.
const today = () => todayInNorway();
const pastDate = z.iso.date('a date as YYYY-MM-DD').refine((date) => date <= today(), 'not in the future');
/** Either of a municipality's numbers, stored as the number it is kept under (Viken's 30xx). */
const municipalityNumber = z
  .string()
  .regex(/^\d{4}$/, 'a municipality number has four digits')
  .transform(municipalityKeyOrSelf);
const sharedClientData = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'a name is needed')
    .max(sharedNameMaxLength, `at most ${sharedNameMaxLength} characters`),
  email: z.email('not an e-mail address').max(emailMaxLength).nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{8,20}$/, 'digits and spaces, 8 to 20, with an optional leading +')
    .nullish(),
});
const note = z.string().max(referralNoteMaxLength, `at most ${referralNoteMaxLength} characters`).nullish();

const sendReferralInput = z
  .object({
    clientId: z.uuid('not a client id'),
    direction: z.enum(
      ['TO_INNOVASJON_NORGE', 'TO_NAV', 'TO_OTHER_ACTOR'],
      'the service refers to Innovasjon Norge, NAV or another actor',
    ),
    programme: z.enum(referralProgrammes),
    otherActor: z
      .string()
      .trim()
      .min(1)
      .max(otherActorMaxLength, `at most ${otherActorMaxLength} characters`)
      .nullish(),
    municipalityNumber: municipalityNumber.nullish(),
    consentGivenOn: pastDate,
    sharedClientData,
    note,
  })
  .refine((input) => programmesOf[input.direction].includes(input.programme), {
    path: ['programme'],
    message: 'not a programme of the receiving party',
  })
  .refine((input) => input.direction !== 'TO_OTHER_ACTOR' || !!input.otherActor, {
    path: ['otherActor'],
    message: 'name the actor the client is referred to',
  })
  .refine((input) => input.direction !== 'TO_NAV' || !!input.municipalityNumber, {
    path: ['municipalityNumber'],
    message: "the client's municipality is needed to find the NAV office",
  });

const referFromNavInput = z.object({
  regionId: referenceRegionId,
  municipalityNumber,
  consentGivenOn: pastDate,
  sharedClientData,
  note,
});

const createGatheringInput = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'a title is needed')
      .max(gatheringTitleMaxLength, `at most ${gatheringTitleMaxLength} characters`),
    date: z.iso.date('a date as YYYY-MM-DD'),
    location: z
      .string()
      .trim()
      .min(1)
      .max(gatheringLocationMaxLength, `at most ${gatheringLocationMaxLength} characters`)
      .nullish(),
    online: z.boolean(),
    description: z
      .string()
      .max(gatheringDescriptionMaxLength, `at most ${gatheringDescriptionMaxLength} characters`)
      .nullish(),
  })
  .refine((gathering) => gathering.online || !!gathering.location, {
    path: ['location'],
    message: 'where is it held? give a place, or make it online',
  });

const createPartnerCourseInput = z
  .object({
    kind: z.enum(partnerCourseKinds),
    title: z
      .string()
      .trim()
      .min(1, 'a title is needed')
      .max(gatheringTitleMaxLength, `at most ${gatheringTitleMaxLength} characters`),
    date: z.iso.date('a date as YYYY-MM-DD'),
    online: z.boolean(),
    location: z
      .string()
      .trim()
      .min(1)
      .max(gatheringLocationMaxLength, `at most ${gatheringLocationMaxLength} characters`)
      .nullish(),
    description: z
      .string()
      .max(gatheringDescriptionMaxLength, `at most ${gatheringDescriptionMaxLength} characters`)
      .nullish(),
  })
  .refine((course) => course.online || !!course.location, { path: ['location'], message: 'where is it held?' });

const requestAssessmentInput = z.object({
  clientId: z.uuid('not a client id'),
  regionId: referenceRegionId,
  municipalityNumber,
  purpose: z.enum(
    ['UNEMPLOYMENT_BENEFIT_DURING_START_UP', 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP'],
    'NAV asks for assessments for unemployment benefit or work assessment allowance during start-up',
  ),
  question: z
    .string()
    .trim()
    .min(1, 'a question is needed')
    .max(assessmentQuestionMaxLength, `at most ${assessmentQuestionMaxLength} characters`),
  sharedClientData,
  consentGivenOn: pastDate,
});

const deliverAssessmentInput = z.object({
  conclusion: z.enum(assessmentConclusions),
  assessment: z
    .string()
    .trim()
    .min(1, 'the assessment is needed')
    .max(assessmentTextMaxLength, `at most ${assessmentTextMaxLength} characters`),
  fee: z
    .number()
    .int()
    .min(0, 'not negative')
    .max(assessmentFeeMaxOre, `at most ${(assessmentFeeMaxOre / 100).toFixed(2)}`)
    .nullish(),
});

const createMeasureInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'a name is needed')
      .max(measureNameMaxLength, `at most ${measureNameMaxLength} characters`),
    organiserKind: z.enum(organiserKinds),
    organiserName: z
      .string()
      .trim()
      .min(1, 'the organiser is needed')
      .max(measureNameMaxLength, `at most ${measureNameMaxLength} characters`),
    regionId: referenceRegionId,
    startsOn: z.iso.date('a date as YYYY-MM-DD'),
    endsOn: z.iso.date('a date as YYYY-MM-DD'),
    partnerIds: z.array(z.uuid('not an organisation id')).max(measurePartnersMax, `at most ${measurePartnersMax}`),
  })
  .refine((measure) => measure.endsOn >= measure.startsOn, { path: ['endsOn'], message: 'not before startsOn' });

/** Status steps a referral may take, and who takes them: the receiving party. */
const nextStatuses: Record<ReferralStatus, ReferralStatus[]> = {
  SENT: ['RECEIVED', 'ACCEPTED', 'DECLINED'],
  RECEIVED: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['COMPLETED'],
  DECLINED: [],
  COMPLETED: [],
};

function isReceivingParty(caller: Caller, referral: Referral): boolean {
  switch (referral.direction) {
    case 'TO_INNOVASJON_NORGE':
      return caller.role === 'INNOVASJON_NORGE';
    case 'TO_NAV':
      return caller.role === 'NAV';
    // The service records what another actor or the service itself did with a referral.
    case 'TO_OTHER_ACTOR':
    case 'FROM_NAV':
      return caller.role === 'ADVISER' && caller.regionId === referral.regionId;
  }
}

/** A registration names a gathering and an adviser by their ids. */
const registrationIds = z.object({
  gatheringId: z.uuid('not a gathering id'),
  adviserId: z.uuid('not an adviser id'),
});

export const Mutation: MutationResolvers = {
  eraseClientCopies: async (_parent, { clientIds, reason }, { em, caller, callingService }) => {
    // Regions decided (the client's region's adviser or a county officer, its own rules); no one else asks.
    if (callingService !== 'regions') throw forbidden('Only the regions service erases copies of a client.');
    requireRole(caller, 'ADVISER', 'COUNTY_OFFICER');
    const ids = parseInput(z.array(z.uuid('not a client id')).min(1).max(100), clientIds, 'clientIds');
    return em.transactional((tx) => eraseClientCopies(tx, caller, ids, reason));
  },

  eraseClientReferrals: async (_parent, { clientId, reason }, { em, caller }) => {
    // Who may erase before whether the id is one: an outsider learns nothing from the answer.
    requireRole(caller, 'ADVISER', 'COUNTY_OFFICER');
    if (!z.uuid().safeParse(clientId).success) throw badUserInput('clientId: not a client id', 'clientId');
    return em.transactional((tx) => eraseClientReferrals(tx, caller, clientId, reason));
  },

  eraseReferralsPastRetention: async (_parent, { dryRun }, { em, caller }) => {
    requireRole(caller, 'COUNTY_OFFICER');
    return em.transactional((tx) => erasePartnerDataPastRetention(tx, { dryRun, actor: caller }));
  },

  sendReferral: async (_parent, { input }, { em, caller, call }) => {
    requireRole(caller, 'ADVISER');
    if (!caller.regionId) throw forbidden('An adviser refers clients of their own region; this user has no region.');
    const data = parseInput(sendReferralInput, input);
    await requireClientStanding(call, data.clientId, caller.regionId);
    return em.transactional(async (tx) => {
      await refuseErasedClient(tx, data.clientId, caller.regionId as string);
      const office =
        data.direction === 'TO_NAV'
          ? await requiredNavOffice(tx, data.municipalityNumber as string, 'input.municipalityNumber')
          : null;
      const referral = tx.create(ReferralSchema, {
        direction: data.direction,
        programme: data.programme,
        otherActor: data.direction === 'TO_OTHER_ACTOR' ? (data.otherActor ?? null) : null,
        navOfficeId: office?.id ?? null,
        regionId: caller.regionId as string,
        clientId: data.clientId,
        sharedName: data.sharedClientData.name,
        sharedEmail: data.sharedClientData.email ?? null,
        sharedPhone: data.sharedClientData.phone ?? null,
        consentGivenOn: data.consentGivenOn,
        sentOn: today(),
        status: 'SENT',
        statusChangedOn: today(),
        statusReason: null,
        note: data.note ?? null,
        sentBySubject: caller.subject,
      });
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'CREATE', recordType: 'Referral', recordId: referral.id, detail: 'sendReferral' },
      ]);
      await notifyReferralReceived(tx, referral);
      return referral;
    });
  },

  referFromNav: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'NAV');
    const data = parseInput(referFromNavInput, input);
    return em.transactional(async (tx) => {
      const office = await requiredNavOffice(tx, data.municipalityNumber, 'input.municipalityNumber');
      const referral = tx.create(ReferralSchema, {
        direction: 'FROM_NAV',
        programme: 'ENTREPRENEUR_SERVICE',
        otherActor: null,
        navOfficeId: office.id,
        regionId: data.regionId,
        // The person is not a client yet: the service registers them and links the record.
        clientId: null,
        sharedName: data.sharedClientData.name,
        sharedEmail: data.sharedClientData.email ?? null,
        sharedPhone: data.sharedClientData.phone ?? null,
        consentGivenOn: data.consentGivenOn,
        sentOn: today(),
        status: 'SENT',
        statusChangedOn: today(),
        statusReason: null,
        note: data.note ?? null,
        sentBySubject: caller.subject,
      });
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'CREATE', recordType: 'Referral', recordId: referral.id, detail: 'referFromNav' },
      ]);
      await notifyReferralReceived(tx, referral);
      return referral;
    });
  },

  changeReferralStatus: async (_parent, { id, version, status, reason }, { em, caller }) => {
    const data = parseInput(
      z
        .object({
          status: z.enum(referralStatuses),
          reason: z.string().trim().max(statusReasonMaxLength, `at most ${statusReasonMaxLength} characters`).nullish(),
        })
        .refine((change) => change.status !== 'DECLINED' || !!change.reason, {
          path: ['reason'],
          message: 'say why it is declined',
        }),
      { status, reason },
      'change',
    );
    return em.transactional(async (tx) => {
      const referral = z.uuid().safeParse(id).success ? await tx.findOne(ReferralSchema, { id }) : null;
      if (!referral || !canSeeReferral(caller, referral)) throw referralNotVisible();
      if (!isReceivingParty(caller, referral)) throw forbidden('Only the receiving party moves a referral on.');
      await tx.lock(referral, LockMode.OPTIMISTIC, version);
      if (referral.erasedAt)
        throw conflict("The client's data in this referral was erased; it can no longer be changed.");
      if (!nextStatuses[referral.status as ReferralStatus].includes(data.status)) {
        throw conflict(`A referral that is ${referral.status} cannot become ${data.status}.`);
      }
      referral.status = data.status;
      referral.statusChangedOn = today();
      referral.statusReason = data.reason ?? null;
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'UPDATE', recordType: 'Referral', recordId: referral.id, detail: `status ${data.status}` },
      ]);
      await notifyReferralAnswered(tx, referral);
      return referral;
    });
  },

  linkReferralClient: async (_parent, { id, clientId }, { em, caller, call }) => {
    requireRole(caller, 'ADVISER');
    const client = parseInput(z.uuid('not a client id'), clientId, 'clientId');
    return em.transactional(async (tx) => {
      const referral = z.uuid().safeParse(id).success ? await tx.findOne(ReferralSchema, { id }) : null;
      if (!referral || referral.regionId !== caller.regionId) throw referralNotVisible();
      if (referral.direction !== 'FROM_NAV')
        throw badUserInput('id: only a referral from NAV is linked afterwards', 'id');
      if (referral.clientId) throw conflict('The referral is linked to a client already.');
      await requireClientStanding(call, client, referral.regionId);
      await refuseErasedClient(tx, client, referral.regionId);
      referral.clientId = client;
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'UPDATE', recordType: 'Referral', recordId: referral.id, detail: 'linkReferralClient' },
      ]);
      return referral;
    });
  },

  createPartnerCourse: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'INNOVASJON_NORGE');
    const data = parseInput(createPartnerCourseInput, input);
    return em.transactional(async (tx) => {
      const course = tx.create(PartnerCourseSchema, {
        kind: data.kind,
        title: data.title,
        date: data.date,
        online: data.online,
        location: data.location ?? null,
        description: data.description ?? null,
      });
      await tx.flush();
      return course;
    });
  },

  createGathering: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'INNOVASJON_NORGE', 'COUNTY_OFFICER');
    const data = parseInput(createGatheringInput, input);
    return em.transactional(async (tx) => {
      const gathering = tx.create(GatheringSchema, {
        title: data.title,
        date: data.date,
        location: data.location ?? null,
        online: data.online,
        description: data.description ?? null,
        organisers: [caller.organisation.name],
        programme: null,
        invitedRegionIds: [],
      });
      await tx.flush();
      return gathering;
    });
  },

  registerForGathering: async (_parent, { gatheringId, adviserId }, { em, caller, loaders }) => {
    requireRole(caller, 'ADVISER', 'MUNICIPALITY_OFFICER');
    const ids = parseInput(registrationIds, { gatheringId, adviserId }, 'registration');
    // Asked before the transaction: the registration must name an adviser regions knows, and
    // one the caller may act for (themselves, or an officer's region's).
    const adviser = await adviserTheCallerActsFor(caller, loaders.knownAdviser, ids.adviserId);
    return em.transactional(async (tx) => {
      const gathering = await tx.findOne(GatheringSchema, { id: ids.gatheringId });
      if (!gathering) throw badUserInput('gatheringId: there is no gathering with this id', 'gatheringId');
      if (gathering.date < today()) throw badUserInput('gatheringId: the gathering has been held', 'gatheringId');
      const invited = gathering.invitedRegionIds ?? [];
      if (invited.length > 0 && !invited.includes(adviser.regionId)) {
        throw forbidden("The adviser's region is not invited to this gathering.");
      }
      if (await tx.count(GatheringRegistrationSchema, { gathering, adviserId: adviser.id })) {
        throw conflict('The adviser is registered for this gathering already.');
      }
      tx.create(GatheringRegistrationSchema, {
        gathering,
        adviserId: adviser.id,
        regionId: adviser.regionId,
        registeredAt: new Date(),
        attended: null,
      });
      await tx.flush();
      return gathering;
    });
  },

  unregisterFromGathering: async (_parent, { gatheringId, adviserId }, { em, caller, loaders }) => {
    requireRole(caller, 'ADVISER', 'MUNICIPALITY_OFFICER', 'INNOVASJON_NORGE', 'COUNTY_OFFICER');
    const ids = parseInput(registrationIds, { gatheringId, adviserId }, 'registration');
    // Those who hold the gatherings may clear any registration, also one naming an id regions
    // does not know; advisers and officers only their own or their region's, as when registering.
    const holdsGatherings = caller.role === 'INNOVASJON_NORGE' || caller.role === 'COUNTY_OFFICER';
    if (!holdsGatherings) await adviserTheCallerActsFor(caller, loaders.knownAdviser, ids.adviserId);
    return em.transactional(async (tx) => {
      const gathering = await tx.findOne(GatheringSchema, { id: ids.gatheringId });
      if (!gathering) throw badUserInput('gatheringId: there is no gathering with this id', 'gatheringId');
      if (!holdsGatherings && gathering.date < today()) {
        throw badUserInput('gatheringId: the gathering has been held', 'gatheringId');
      }
      const registration = await tx.findOne(GatheringRegistrationSchema, { gathering, adviserId: ids.adviserId });
      if (!registration) throw notFound('The adviser is not registered for this gathering.');
      tx.remove(registration);
      await tx.flush();
      return gathering;
    });
  },

  recordGatheringAttendance: async (_parent, { gatheringId, attendedAdviserIds }, { em, caller }) => {
    requireRole(caller, 'INNOVASJON_NORGE', 'COUNTY_OFFICER');
    return em.transactional(async (tx) => {
      const gathering = z.uuid().safeParse(gatheringId).success
        ? await tx.findOne(GatheringSchema, { id: gatheringId })
        : null;
      if (!gathering) throw badUserInput('gatheringId: there is no gathering with this id', 'gatheringId');
      if (gathering.date > today()) {
        throw badUserInput('gatheringId: attendance is recorded once the gathering is held', 'gatheringId');
      }
      const registrations = await tx.find(GatheringRegistrationSchema, { gathering });
      const attended = new Set(attendedAdviserIds);
      const unknown = [...attended].filter((id) => !registrations.some((r) => r.adviserId === id));
      if (unknown.length) {
        throw badUserInput(`attendedAdviserIds: ${unknown.join(', ')} did not register`, 'attendedAdviserIds');
      }
      for (const registration of registrations) registration.attended = attended.has(registration.adviserId);
      await tx.flush();
      return gathering;
    });
  },

  requestBusinessAssessment: async (_parent, { input }, { em, caller, call }) => {
    requireRole(caller, 'NAV');
    const data = parseInput(requestAssessmentInput, input);
    await requireClientStanding(call, data.clientId, data.regionId);
    return em.transactional(async (tx) => {
      await refuseErasedClient(tx, data.clientId, data.regionId);
      const office = await requiredNavOffice(tx, data.municipalityNumber, 'input.municipalityNumber');
      const assessment = tx.create(BusinessAssessmentSchema, {
        clientId: data.clientId,
        regionId: data.regionId,
        navOfficeId: office.id,
        purpose: data.purpose,
        requestedOn: today(),
        question: data.question,
        requestedBySubject: caller.subject,
        sharedName: data.sharedClientData.name,
        sharedEmail: data.sharedClientData.email ?? null,
        sharedPhone: data.sharedClientData.phone ?? null,
        consentGivenOn: data.consentGivenOn,
        status: 'REQUESTED',
        conclusion: null,
        assessment: null,
        feeOre: 0,
        deliveredOn: null,
        adviserId: null,
      });
      await tx.flush();
      await notifyAssessmentRequested(tx, assessment);
      return assessment;
    });
  },

  deliverBusinessAssessment: async (_parent, { id, version, input }, { em, caller }) => {
    requireRole(caller, 'ADVISER');
    const data = parseInput(deliverAssessmentInput, input);
    return em.transactional(async (tx) => {
      const assessment = z.uuid().safeParse(id).success ? await tx.findOne(BusinessAssessmentSchema, { id }) : null;
      if (!assessment || assessment.regionId !== caller.regionId) {
        throw forbidden('You may not see this assessment, or there is no assessment with this id.');
      }
      await tx.lock(assessment, LockMode.OPTIMISTIC, version);
      if (assessment.erasedAt)
        throw conflict("The client's data in this assessment was erased; it can no longer be delivered.");
      if (assessment.status !== 'REQUESTED')
        throw conflict(`The assessment is ${assessment.status.toLowerCase()} already.`);
      tx.assign(assessment, {
        status: 'DELIVERED',
        conclusion: data.conclusion,
        assessment: data.assessment,
        feeOre: data.fee ?? 0,
        deliveredOn: today(),
      });
      await tx.flush();
      await notifyAssessmentDelivered(tx, assessment);
      return assessment;
    });
  },

  createQualificationMeasure: async (_parent, { input }, { em, caller }) => {
    // Authorised on the region asked for, before the rest of the input is checked.
    const allowed =
      caller.role === 'NAV' || (caller.role === 'MUNICIPALITY_OFFICER' && caller.regionId === input.regionId);
    if (!allowed) throw forbidden("Qualification measures are added by NAV and the region's municipalities.");
    const data = parseInput(createMeasureInput, input);
    return em.transactional(async (tx) => {
      const measure = tx.create(QualificationMeasureSchema, {
        name: data.name,
        organiserKind: data.organiserKind,
        organiserName: data.organiserName,
        regionId: data.regionId,
        startsOn: data.startsOn,
        endsOn: data.endsOn,
        participantClientIds: [],
      });
      if (data.partnerIds.length) {
        // An unknown id would otherwise surface as a foreign-key violation, an internal error.
        const partners = await tx.find(ExpertOrganisationSchema, { id: { $in: data.partnerIds } });
        const unknown = data.partnerIds.find((partnerId) => !partners.some((partner) => partner.id === partnerId));
        if (unknown) throw badUserInput(`input.partnerIds: no expert organisation ${unknown}`, 'input.partnerIds');
        measure.partners.set(partners);
      }
      await tx.flush();
      return measure;
    });
  },

  addMeasureParticipant: async (_parent, { measureId, clientId }, { em, caller, call }) => {
    requireRole(caller, 'ADVISER');
    const ids = parseInput(
      z.object({ measureId: z.uuid('not a measure id'), clientId: z.uuid('not a client id') }),
      {
        measureId,
        clientId,
      },
      'participant',
    );
    return em.transactional(async (tx) => {
      const measure = await tx.findOne(
        QualificationMeasureSchema,
        { id: ids.measureId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!measure || measure.regionId !== caller.regionId) {
        throw forbidden('You may not change this measure, or there is no measure with this id.');
      }
      if ((measure.participantClientIds ?? []).includes(ids.clientId)) throw conflict('The client takes part already.');
      await requireClientStanding(call, ids.clientId, measure.regionId);
      await refuseErasedClient(tx, ids.clientId, measure.regionId);
      measure.participantClientIds = [...(measure.participantClientIds ?? []), ids.clientId];
      await tx.flush();
      return measure;
    });
  },
};

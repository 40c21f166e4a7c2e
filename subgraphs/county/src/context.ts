// The per-request context of the county subgraph: its EntityManager fork, DataLoaders and clock.
import {
  type Caller,
  contextWithLoaders,
  loaderByKey,
  loaderOfGroups,
  type Orm,
  type SubgraphRequest,
} from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInNorway } from './calendar.js';
import { ApiClientKeySchema, ApiClientSchema, RoleAssignmentSchema } from './entities/access.js';
import { AgreementSchema } from './entities/agreement.js';
import { AmendmentSchema, ExtensionSchema, NoticeSchema } from './entities/agreement-change.js';
import { AgreementSignatureSchema, SupplementaryServiceSchema } from './entities/agreement-lifecycle.js';
import { AgreementPartySchema } from './entities/agreement-party.js';
import { ConflictMeetingRequestSchema, CoordinationMemberSchema, MeetingSchema } from './entities/coordination.js';
import { BudgetDecisionSchema } from './entities/funding.js';
import { SubmissionSchema } from './entities/submission.js';
import { fundingKey, fundingLoader } from './funding.js';
import { countCommits, generationReader, keptLoader } from './kept-rows.js';
import { visibleNotificationsById } from './notifications.js';
import { populationLoaders } from './population/loaders.js';
import {
  agreementRecord,
  agreementYearKey,
  fundingRecord,
  noticeRecord,
  partyRecords,
  paymentRecords,
  submissionRecords,
} from './records.js';

/** `caller` is who the request is for: the loaders that depend on who asks need it. */
export function createLoaders(em: EntityManager, caller?: Caller) {
  const ofAgreements = <Row extends { agreement: { id: string } }>(find: (ids: string[]) => Promise<Row[]>) =>
    loaderOfGroups(find, (row: Row) => row.agreement.id);
  return {
    ...populationLoaders(em),
    agreement: loaderByKey(
      (ids: string[]) => em.find(AgreementSchema, { id: { $in: ids } }),
      (agreement) => agreement.id,
    ),
    agreementsOfRegion: loaderOfGroups(
      (regionIds: string[]) =>
        em.find(AgreementSchema, { regionId: { $in: regionIds } }, { orderBy: { validFrom: 'asc' } }),
      (agreement) => agreement.regionId,
    ),
    partiesOfAgreement: ofAgreements((ids) =>
      em.find(
        AgreementPartySchema,
        { agreement: { $in: ids } },
        { orderBy: { validFrom: 'asc', kind: 'asc', organisationName: 'asc' } },
      ),
    ),
    amendmentsOfAgreement: ofAgreements((ids) =>
      em.find(AmendmentSchema, { agreement: { $in: ids } }, { orderBy: { decidedOn: 'asc' } }),
    ),
    extensionsOfAgreement: ofAgreements((ids) =>
      em.find(ExtensionSchema, { agreement: { $in: ids } }, { orderBy: { decidedOn: 'asc' } }),
    ),
    noticesOfAgreement: ofAgreements((ids) =>
      em.find(NoticeSchema, { agreement: { $in: ids } }, { orderBy: { givenOn: 'asc' } }),
    ),
    signaturesOfAgreement: ofAgreements((ids) =>
      em.find(
        AgreementSignatureSchema,
        { agreement: { $in: ids } },
        { orderBy: { signedOn: 'asc', recordedAt: 'asc' } },
      ),
    ),
    supplementaryServicesOfAgreement: ofAgreements((ids) =>
      em.find(
        SupplementaryServiceSchema,
        { agreement: { $in: ids } },
        { orderBy: { validFrom: 'asc', position: 'asc' } },
      ),
    ),
    /** An agreement's payments of one year (agreementYearKey), as plain rows. */
    paymentRecordsOfYear: loaderOfGroups(
      (keys: string[]) => paymentRecords(em, keys),
      (row) => agreementYearKey(row.agreementId, row.year),
    ),
    /** An agreement's submissions covering one year (agreementYearKey), as plain rows. */
    submissionRecordsOfYear: loaderOfGroups(
      (keys: string[]) => submissionRecords(em, keys),
      (row) => agreementYearKey(row.agreementId, row.coversYear),
    ),
    /** An agreement's parties as plain rows, for telling who is a party on a day. */
    partyRecordsOfAgreement: loaderOfGroups(
      (ids: string[]) => partyRecords(em, ids),
      (row) => row.agreementId,
    ),
    submissionsOfAgreement: ofAgreements((ids) =>
      em.find(SubmissionSchema, { agreement: { $in: ids } }, { orderBy: { coversYear: 'asc', kind: 'asc' } }),
    ),
    meetingsOfYears: loaderOfGroups(
      (years: number[]) =>
        em.find(
          MeetingSchema,
          { date: { $gte: `${Math.min(...years)}-01-01`, $lt: `${Math.max(...years) + 1}-01-01` } },
          { orderBy: { date: 'asc', kind: 'asc' } },
        ),
      (meeting) => Number(meeting.date.slice(0, 4)),
    ),
    /** Every membership of a group, current and ended (a group has tens of rows, not thousands). */
    membersOfGroup: loaderOfGroups(
      (groups: ('COORDINATION_GROUP' | 'PROFESSIONAL_GROUP')[]) =>
        em.find(
          CoordinationMemberSchema,
          { group: { $in: groups } },
          { orderBy: { organisationName: 'asc', name: 'asc', validFrom: 'asc' } },
        ),
      (member) => member.group,
    ),
    /** The conflict meeting request a meeting held, by the meeting's id. */
    conflictRequestOfMeeting: loaderOfGroups(
      (meetingIds: string[]) => em.find(ConflictMeetingRequestSchema, { heldAs: { $in: meetingIds } }),
      (request) => (request.heldAs as { id: string }).id,
    ),
    funding: fundingLoader(em),
    roleAssignment: loaderByKey(
      (ids: string[]) => em.find(RoleAssignmentSchema, { id: { $in: ids } }),
      (assignment) => assignment.id,
    ),
    apiClient: loaderByKey(
      (clientIds: string[]) => em.find(ApiClientSchema, { clientId: { $in: clientIds } }),
      (client) => client.clientId,
    ),
    keysOfApiClient: loaderOfGroups(
      (clientIds: string[]) =>
        em.find(ApiClientKeySchema, { client: { $in: clientIds } }, { orderBy: { addedAt: 'asc', kid: 'asc' } }),
      (key) => key.client.clientId,
    ),
    /** The caller's own notifications by id (kit `_entities`): another person's are not there. */
    visibleNotification: loaderByKey(
      (ids: string[]) => {
        if (!caller) throw new Error('visibleNotification needs the caller');
        return visibleNotificationsById(em, caller, ids);
      },
      (notification) => notification.id,
    ),
    budgetDecision: loaderByKey(
      (ids: string[]) => em.find(BudgetDecisionSchema, { id: { $in: ids } }),
      (decision) => decision.id,
    ),
  };
}

/**
 * A request's loaders: a transaction's, but the agreements' rows the overview reads for every region are
 * kept between requests while they are unchanged (kept-rows.ts). A transaction reads through its own
 * (`createLoaders(tx)`), never kept rows.
 */
export function createRequestLoaders(em: EntityManager, caller?: Caller) {
  const loaders = createLoaders(em, caller);
  const generation = generationReader(em);
  const byId = (id: string) => id;
  return {
    ...loaders,
    agreementsOfRegion: keptLoader(em, generation, 'agreementsOfRegion', loaders.agreementsOfRegion, byId, (rows) =>
      rows.map(agreementRecord),
    ),
    noticesOfAgreement: keptLoader(em, generation, 'noticesOfAgreement', loaders.noticesOfAgreement, byId, (rows) =>
      rows.map(noticeRecord),
    ),
    funding: keptLoader(em, generation, 'funding', loaders.funding, fundingKey, fundingRecord),
    paymentRecordsOfYear: keptLoader(em, generation, 'paymentRecordsOfYear', loaders.paymentRecordsOfYear, byId),
    submissionRecordsOfYear: keptLoader(
      em,
      generation,
      'submissionRecordsOfYear',
      loaders.submissionRecordsOfYear,
      byId,
    ),
    partyRecordsOfAgreement: keptLoader(
      em,
      generation,
      'partyRecordsOfAgreement',
      loaders.partyRecordsOfAgreement,
      byId,
    ),
  };
}

const withLoaders = contextWithLoaders(createRequestLoaders);

/**
 * `today` is the Norwegian calendar day; tests pass a fixed one to check deadlines. A request has one
 * today: read once, when first asked (the overview asks for it for every payment and submission of
 * every region), so a request that runs over midnight does not judge half its rows by another day.
 */
export function createContext(
  orm: Orm,
  caller: Caller,
  request: SubgraphRequest,
  today: () => string = () => todayInNorway(),
) {
  let day: string | undefined;
  countCommits(orm);
  return { ...withLoaders(orm, caller, request), today: () => (day ??= today()) };
}

export type Context = ReturnType<typeof createContext>;

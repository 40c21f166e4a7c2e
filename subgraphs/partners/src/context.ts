// The per-request context of the partners subgraph: its EntityManager fork, caller and DataLoaders.
import { type Caller, contextWithLoaders, loaderByKey, loaderOfGroups, type SubgraphCall } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { adviserIdsPerCall, type KnownAdviser, knownAdvisers } from './advisers.js';
import { BusinessAssessmentSchema } from './entities/business-assessment.js';
import { GatheringSchema } from './entities/gathering.js';
import { GatheringRegistrationSchema } from './entities/gathering-registration.js';
import { NavOfficeSchema } from './entities/nav-office.js';
import { ReferralSchema } from './entities/referral.js';
import { referralCountsLoader } from './referral-counts.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A malformed id cannot match a row; leaving it out keeps PostgreSQL from refusing the batch.
const wellFormed = (ids: string[]) => ids.filter((id) => uuid.test(id));

function createLoaders(em: EntityManager, _caller: Caller, call: SubgraphCall) {
  return {
    gathering: loaderByKey(
      (ids: string[]) => em.find(GatheringSchema, { id: { $in: wellFormed(ids) } }),
      (gathering) => gathering.id,
    ),
    registrationsOfGathering: loaderOfGroups(
      (ids: string[]) =>
        em.find(GatheringRegistrationSchema, { gathering: { $in: ids } }, { orderBy: { registeredAt: 'asc' } }),
      (registration) => registration.gathering.id,
    ),
    /** Registered advisers who attended (or, before attendance is recorded, are expected), counted in SQL. */
    attendeeCount: new DataLoader<string, number>(async (gatheringIds) => {
      const rows: { gathering_id: string; count: number }[] = await em.execute(
        `select gathering_id, count(*)::int as count from gathering_registration
          where gathering_id in (?) and coalesce(attended, true) group by gathering_id`,
        [[...gatheringIds]],
      );
      const counts = new Map(rows.map((row) => [row.gathering_id, row.count]));
      return gatheringIds.map((id) => counts.get(id) ?? 0);
    }),
    referral: loaderByKey(
      (ids: string[]) => em.find(ReferralSchema, { id: { $in: wellFormed(ids) } }),
      (referral) => referral.id,
    ),
    /** A client's referrals, newest first, for `Client.referrals` on a list of clients in one statement. */
    referralsOfClient: loaderOfGroups(
      (ids: string[]) =>
        em.find(ReferralSchema, { clientId: { $in: wellFormed(ids) } }, { orderBy: { sentOn: 'desc', id: 'asc' } }),
      (referral) => referral.clientId ?? '',
    ),
    referralCounts: referralCountsLoader(em),
    navOffice: loaderByKey(
      (ids: string[]) => em.find(NavOfficeSchema, { id: { $in: ids } }),
      (office) => office.id,
    ),
    assessment: loaderByKey(
      (ids: string[]) => em.find(BusinessAssessmentSchema, { id: { $in: wellFormed(ids) } }),
      (assessment) => assessment.id,
    ),
    partnersOfMeasure: new DataLoader<string, { id: string; name: string; description: string | null }[]>(
      async (measureIds) => {
        const rows: { measure_id: string; id: string; name: string; description: string | null }[] = await em.execute(
          `select p.qualification_measure_id as measure_id, o.id, o.name, o.description
             from qualification_measure_partners p join expert_organisation o on o.id = p.expert_organisation_id
            where p.qualification_measure_id in (?) order by o.name`,
          [[...measureIds]],
        );
        return measureIds.map((id) =>
          rows.filter((row) => row.measure_id === id).map(({ measure_id: _measure, ...organisation }) => organisation),
        );
      },
    ),
    /**
     * Whether the regions subgraph knows an adviser, asked once per request for all the ids (a
     * year's gatherings and their registrations cost one call). When regions cannot be asked every
     * load fails with SERVICE_UNAVAILABLE, which lands on each field that needed it.
     */
    knownAdviser: new DataLoader<string, KnownAdviser | null>(
      async (ids) => {
        const known = await knownAdvisers(call, ids);
        return ids.map((id) => known.get(id) ?? null);
      },
      { maxBatchSize: adviserIdsPerCall },
    ),
  };
}

export const createContext = contextWithLoaders(createLoaders);

export type Context = ReturnType<typeof createContext>;

// Region: its contract municipality and municipalities, each through a per-request loader.
import { canSeePersonalDataIn, checkYear, requireAggregateAccess, todayInNorway } from '@etablerer/kit';
import type { RegionResolvers } from '../__generated__/resolvers-types.js';
import { ClientSchema } from '../entities/client.js';
import { suppressionReason } from '../statistics.js';
import { auditReads } from './Client.js';

export const Region: RegionResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.region.load(id).then((region) => region ?? null),
  contractMunicipality: async (region, _args, { loaders }) => {
    const municipality = await loaders.municipality.load(region.contractMunicipalityNumber);
    if (!municipality)
      throw new Error(`Region ${region.id} names unknown contract municipality ${region.contractMunicipalityNumber}`);
    return municipality;
  },
  municipalities: (region, _args, { loaders }) => loaders.municipalitiesOfRegion.load(region.id),
  statistics: (region, { year }, { loaders, caller }) => {
    requireAggregateAccess(caller);
    return loaders.statistics.load({ regionId: region.id, year: checkYear(year) });
  },
  operator: (region, _args, { loaders }) => loaders.operatorOfRegion.load(region.id).then((o) => o ?? null),
  advisers: async (region, { includeInactive }, { loaders }) => {
    const advisers = await loaders.advisersOfRegion.load(region.id);
    return includeInactive ? advisers : advisers.filter((adviser) => adviser.active);
  },
  offices: (region, _args, { loaders }) => loaders.officesOfRegion.load(region.id),
  services: async (region, { on }, { loaders }) => {
    const day = on ?? todayInNorway();
    const services = await loaders.servicesOfRegion.load(region.id);
    return services.filter((service) => service.validFrom <= day && (!service.validTo || service.validTo >= day));
  },
  freeCounsellingHoursPerClientYear: (region) => region.freeCounsellingMinutesPerClientYear / 60,
  courses: async (region, { year, kind }, { loaders }) => {
    const courses = await loaders.coursesOfRegion.load({ regionId: region.id, year: checkYear(year) });
    return kind ? courses.filter((course) => course.kind === kind) : courses;
  },
  networkEvents: (region, { year }, { loaders }) =>
    loaders.networkEventsOfRegion.load({ regionId: region.id, year: checkYear(year) }),
  surveyResults: (region, { year }, { loaders, caller }) => {
    requireAggregateAccess(caller);
    return loaders.surveyResults.load({ regionId: region.id, year: checkYear(year) });
  },
  surveyInvitations: async (region, { since }, context) => {
    const { em, caller } = context;
    if (!canSeePersonalDataIn(caller, region.id)) return [];
    const rows: { id: string }[] = await em.execute(
      `select c.id from client c
        where c.region_id = ? and c.survey_consent and c.merged_into_id is null
          and (exists (select 1 from counselling_session s where s.client_id = c.id and s.date >= ?)
            or exists (select 1 from enrolment e join course k on k.id = e.course_id
                        where e.client_id = c.id and e.attended and k.ends_on >= ?))
          and not exists (select 1 from survey_response v where v.client_id = c.id and v.answered_on >= ?)
        order by c.registered_on desc
        limit 500`,
      [region.id, since, since, since],
    );
    const clients = await em.find(
      ClientSchema,
      { id: { $in: rows.map((row) => row.id) } },
      { orderBy: { registeredOn: 'desc' } },
    );
    await auditReads(context, clients, 'survey invitations');
    return clients;
  },
  // The year's new clients of the key figures (merged duplicates out), suppressed as they are there: one
  // figure under two names, so a difference between them cannot give a merged duplicate away.
  clientCount: async (region, { year }, { loaders, caller }) => {
    requireAggregateAccess(caller);
    const { newClients } = await loaders.statistics.load({ regionId: region.id, year: checkYear(year) });
    return newClients === null
      ? { value: null, suppressed: true, reason: suppressionReason }
      : { value: newClients, suppressed: false, reason: null };
  },
};

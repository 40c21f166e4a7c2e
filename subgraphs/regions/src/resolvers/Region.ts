// Region: its contract municipality and municipalities, each through a per-request loader.
import { checkYear, requireAggregateAccess, suppressSmallCount } from '@etablerer/kit';
import type { RegionResolvers } from '../__generated__/resolvers-types.js';

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
    const day = on ?? new Date().toISOString().slice(0, 10);
    const services = await loaders.servicesOfRegion.load(region.id);
    return services.filter((service) => service.validFrom <= day && (!service.validTo || service.validTo >= day));
  },
  freeCounsellingHoursPerClientYear: (region) => region.freeCounsellingMinutesPerClientYear / 60,
  clientCount: async (region, { year }, { loaders, caller }) => {
    requireAggregateAccess(caller);
    return suppressSmallCount(await loaders.clientCount.load({ regionId: region.id, year: checkYear(year) }));
  },
};

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
  clientCount: async (region, { year }, { loaders, caller }) => {
    requireAggregateAccess(caller);
    return suppressSmallCount(await loaders.clientCount.load({ regionId: region.id, year: checkYear(year) }));
  },
};

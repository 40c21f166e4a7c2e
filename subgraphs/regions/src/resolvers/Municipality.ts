// Municipality: resolved by number for other subgraphs, with its region through a loader.
import type { MunicipalityResolvers } from '../__generated__/resolvers-types.js';

export const Municipality: MunicipalityResolvers = {
  __resolveReference: ({ number }, { loaders }) =>
    loaders.municipality.load(number).then((municipality) => municipality ?? null),
  region: async (municipality, _args, { loaders }) => {
    const region = await loaders.region.load(municipality.region.id);
    if (!region) throw new Error(`Municipality ${municipality.number} has no region`);
    return region;
  },
};

// PublicMunicipality: a municipality and the region that serves it, for "find your office".
import type { PublicMunicipalityResolvers } from '../__generated__/resolvers-types.js';

export const PublicMunicipality: PublicMunicipalityResolvers = {
  region: async (municipality, _args, { loaders }) => {
    const region = await loaders.region.load(municipality.region.id);
    if (!region) throw new Error(`Municipality ${municipality.number} has no region`);
    return region;
  },
};

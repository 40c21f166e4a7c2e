// PublicOffice: an office with its municipality's name, through a loader.
import type { PublicOfficeResolvers } from '../__generated__/resolvers-types.js';

export const PublicOffice: PublicOfficeResolvers = {
  municipalityName: async (office, _args, { loaders }) => {
    const municipality = await loaders.municipality.load(office.municipality.number);
    if (!municipality) throw new Error(`Office ${office.id} has no municipality`);
    return municipality.name;
  },
};

// Office: the municipality it is in, through a loader.
import type { OfficeResolvers } from '../__generated__/resolvers-types.js';

export const Office: OfficeResolvers = {
  municipality: async (office, _args, { loaders }) => {
    const municipality = await loaders.municipality.load(office.municipality.number);
    if (!municipality) throw new Error(`Office ${office.id} has no municipality`);
    return municipality;
  },
};

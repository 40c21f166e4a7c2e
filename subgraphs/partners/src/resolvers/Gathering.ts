// Gathering: resolved by id for other subgraphs.
import type { GatheringResolvers } from '../__generated__/resolvers-types.js';

export const Gathering: GatheringResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.gathering.load(id).then((gathering) => gathering ?? null),
};

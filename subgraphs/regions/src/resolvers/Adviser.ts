// Adviser: public work contact, resolved by id for other subgraphs (e.g. gathering attendance).
import type { AdviserResolvers } from '../__generated__/resolvers-types.js';

export const Adviser: AdviserResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.adviser.load(id).then((adviser) => adviser ?? null),
  region: async (adviser, _args, { loaders }) => {
    const region = await loaders.region.load(adviser.region.id);
    if (!region) throw new Error(`Adviser ${adviser.id} has no region`);
    return region;
  },
  operator: async (adviser, _args, { loaders }) => {
    const operator = await loaders.operator.load(adviser.operator.id);
    if (!operator) throw new Error(`Adviser ${adviser.id} has no operator`);
    return operator;
  },
};

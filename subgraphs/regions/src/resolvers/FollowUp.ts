// FollowUp: the adviser who followed up.
import type { FollowUpResolvers } from '../__generated__/resolvers-types.js';

export const FollowUp: FollowUpResolvers = {
  adviser: async (followUp, _args, { loaders }) => {
    const adviser = await loaders.adviser.load(followUp.adviser.id);
    if (!adviser) throw new Error(`Follow-up ${followUp.id} has no adviser`);
    return adviser;
  },
};

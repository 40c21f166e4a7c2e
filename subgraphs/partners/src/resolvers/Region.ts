// Region as the partners subgraph extends it: its referral figures.
import { checkYear, requireAggregateAccess } from '@etablerer/kit';
import type { RegionResolvers } from '../__generated__/resolvers-types.js';

export const Region: RegionResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  referrals: ({ id }, { year }, { loaders, caller }) => {
    requireAggregateAccess(caller);
    return loaders.referralCounts.load({ regionId: id, year: checkYear(year) });
  },
};

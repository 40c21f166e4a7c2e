// Entry points of the partners subgraph.
import { badUserInput } from '@etablerer/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { GatheringSchema } from '../entities/gathering.js';

/** Years the service can have data for: the first agreements predate 2022, none will outlive 2100. */
export function checkYear(year: number): number {
  if (year < 2000 || year > 2100) throw badUserInput(`year must be between 2000 and 2100, not ${year}`, 'year');
  return year;
}

export const Query: QueryResolvers = {
  gatherings: (_parent, { year }, { em }) => {
    checkYear(year);
    return em.find(
      GatheringSchema,
      { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      { orderBy: { date: 'asc', title: 'asc' } },
    );
  },
};

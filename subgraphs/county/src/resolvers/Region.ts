// Region as the county extends it: its agreement, funding, payments and what it must submit.
import {
  checkYear,
  countyNames,
  regionCounty,
  regionCountyOn,
  requireAggregateAccess,
  requireHistoryFor,
} from '@etablerer/kit';
import type { RegionResolvers } from '../__generated__/resolvers-types.js';
import { agreementForYear, paymentsOf, submissionsAwaitingDecisionFrom, submissionsDueFrom } from '../agreements.js';
import { supplementaryContentDiscussions } from '../meetings.js';

/** The county knows a region only by its id; the regions subgraph owns the rest. */
export interface RegionReference {
  id: string;
}

export const Region: RegionResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  agreement: async ({ id }, _args, { loaders, caller }) => {
    requireAggregateAccess(caller);
    // A draft renewal is not the region's agreement until it is signed.
    const agreements = await loaders.agreementsOfRegion.load(id);
    return agreements.filter((agreement) => agreement.signedOn).at(-1) ?? agreements.at(-1) ?? null;
  },
  funding: async ({ id }, { year }, context) => {
    requireAggregateAccess(context.caller);
    requireHistoryFor(context.caller, year);
    const agreement = await agreementForYear(id, checkYear(year), context);
    return agreement ? context.loaders.funding.load({ agreementId: agreement.id, year }) : null;
  },
  payments: async ({ id }, { year }, context) => {
    requireAggregateAccess(context.caller);
    requireHistoryFor(context.caller, year);
    const agreement = await agreementForYear(id, checkYear(year), context);
    return agreement ? paymentsOf(agreement, year, context) : [];
  },
  submissions: async ({ id }, { year }, context) => {
    requireAggregateAccess(context.caller);
    requireHistoryFor(context.caller, year);
    return submissionsDueFrom(id, checkYear(year), context);
  },
  submissionsAwaitingDecision: async ({ id }, _args, context) => {
    requireAggregateAccess(context.caller);
    // The queue holds only what the caller may read; a Viken officer's ends with 2023.
    return submissionsAwaitingDecisionFrom(id, context, (year) => {
      try {
        requireHistoryFor(context.caller, year);
        return true;
      } catch {
        return false;
      }
    });
  },
  supplementaryContentDiscussions: async ({ id }, { year }, context) => {
    requireAggregateAccess(context.caller);
    requireHistoryFor(context.caller, year);
    return supplementaryContentDiscussions(id, checkYear(year), context);
  },
  county: ({ id }, _args, { caller }) => {
    requireAggregateAccess(caller);
    const county = regionCounty(id);
    return county ? { id: county, name: countyNames[county] } : null;
  },
  countyOn: ({ id }, { date }, { caller }) => {
    requireAggregateAccess(caller);
    const county = regionCountyOn(id, date);
    return county ? { id: county, name: countyNames[county] } : null;
  },
};

// A region's funding for a year: amounts in øre inside, NOK in the graph.
import { notFound } from '@etablerer/kit';
import type { FundingResolvers } from '../__generated__/resolvers-types.js';
import { monthsOf } from '../agreement-lifecycle.js';
import { countyPayersOf } from '../agreements.js';

export const Funding: FundingResolvers = {
  agreement: async (funding, _args, { loaders }) =>
    (await loaders.agreement.load(funding.agreementId)) ?? Promise.reject(new Error('funding without its agreement')),
  months: (funding) => monthsOf(funding.fundedMonths),
  countyRate: (funding) => funding.countyRateOre,
  municipalRate: (funding) => funding.municipalRateOre,
  countyFrame: (funding) => funding.countyFrameOre,
  countyAmount: (funding) => funding.countyAmountOre,
  municipalAmount: (funding) => funding.municipalAmountOre,
  total: (funding) => funding.totalOre,
  countyPayers: async (funding, _args, { loaders }) => {
    const agreement = await loaders.agreement.load(funding.agreementId);
    if (!agreement) throw notFound(`No agreement ${funding.agreementId}.`);
    return countyPayersOf(agreement.regionId, funding);
  },
};

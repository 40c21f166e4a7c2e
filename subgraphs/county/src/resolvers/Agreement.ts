// A cooperation agreement: status from today and its notices, parties on a date (successions), history.
import { requireAggregateAccess } from '@etablerer/kit';
import type { AgreementResolvers } from '../__generated__/resolvers-types.js';
import { agreementStatus, partiesOn } from '../agreements.js';

export const Agreement: AgreementResolvers = {
  __resolveReference: async ({ id }, { loaders, caller }) => {
    requireAggregateAccess(caller);
    return (await loaders.agreement.load(id)) ?? null;
  },
  region: (agreement) => ({ id: agreement.regionId }),
  status: async (agreement, _args, { loaders, today }) =>
    agreementStatus(agreement, await loaders.noticesOfAgreement.load(agreement.id), today()),
  parties: async (agreement, { on }, { loaders, today }) =>
    partiesOn(await loaders.partiesOfAgreement.load(agreement.id), on ?? today()),
  partyHistory: (agreement, _args, { loaders }) => loaders.partiesOfAgreement.load(agreement.id),
  amendments: (agreement, _args, { loaders }) => loaders.amendmentsOfAgreement.load(agreement.id),
  extensions: (agreement, _args, { loaders }) => loaders.extensionsOfAgreement.load(agreement.id),
  notices: (agreement, _args, { loaders }) => loaders.noticesOfAgreement.load(agreement.id),
};

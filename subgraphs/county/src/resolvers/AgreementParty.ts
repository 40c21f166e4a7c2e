// A party of an agreement: its municipality (an entity reference) and the party it succeeded.
import type { AgreementPartyResolvers } from '../__generated__/resolvers-types.js';
import { signs } from '../agreement-lifecycle.js';

export const AgreementParty: AgreementPartyResolvers = {
  municipality: (party) => (party.municipalityNumber ? { number: party.municipalityNumber } : null),
  succeeds: async (party, _args, { loaders }) =>
    party.succeedsId
      ? ((await loaders.partiesOfAgreement.load(party.agreement.id)).find((p) => p.id === party.succeedsId) ?? null)
      : null,
  signs: (party) => signs(party),
  signature: async (party, _args, { loaders }) =>
    signs(party)
      ? ((await loaders.signaturesOfAgreement.load(party.agreement.id)).find((s) => s.party.id === party.id) ?? null)
      : null,
};

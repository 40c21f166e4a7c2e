// A cooperation agreement: status from today and its notices, parties on a date (successions),
// signatures, supplementary services, renewals and its history of amendments, extensions and notices.
import { requireAggregateAccess } from '@etablerer/kit';
import type {
  AgreementResolvers,
  AmendmentResolvers,
  ExtensionResolvers,
  SignatureResolvers,
  SupplementaryServiceResolvers,
} from '../__generated__/resolvers-types.js';
import { signingParties } from '../agreement-lifecycle.js';
import { agreementStatus, lastDay, partiesOn } from '../agreements.js';
import type { Context } from '../context.js';

const partiesById = async (agreementId: string, ids: string[], { loaders }: Context) => {
  const parties = await loaders.partiesOfAgreement.load(agreementId);
  return ids.flatMap((id) => parties.filter((party) => party.id === id));
};

export const Agreement: AgreementResolvers = {
  __resolveReference: async ({ id }, { loaders, caller }) => {
    requireAggregateAccess(caller);
    return (await loaders.agreement.load(id)) ?? null;
  },
  region: (agreement) => ({ id: agreement.regionId }),
  status: async (agreement, _args, { loaders, today }) =>
    agreementStatus(agreement, await loaders.noticesOfAgreement.load(agreement.id), today()),
  parties: async (agreement, { on }, { loaders, today }) => {
    // An agreement that has not started yet (a renewal, a draft) shows the parties it starts with.
    // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; Math.max would make them numbers
    const day = on ?? (today() < agreement.validFrom ? agreement.validFrom : today());
    return partiesOn(await loaders.partiesOfAgreement.load(agreement.id), day);
  },
  partyHistory: (agreement, _args, { loaders }) => loaders.partiesOfAgreement.load(agreement.id),
  amendments: (agreement, _args, { loaders }) => loaders.amendmentsOfAgreement.load(agreement.id),
  extensions: (agreement, _args, { loaders }) => loaders.extensionsOfAgreement.load(agreement.id),
  notices: (agreement, _args, { loaders }) => loaders.noticesOfAgreement.load(agreement.id),
  populationSource: (agreement) => agreement.populationSource ?? null,
  signatures: (agreement, _args, { loaders }) => loaders.signaturesOfAgreement.load(agreement.id),
  awaitingSignatureFrom: async (agreement, _args, { loaders }) => {
    if (agreement.signedOn) return [];
    const signed = (await loaders.signaturesOfAgreement.load(agreement.id)).map((s) => s.party.id);
    return signingParties(await loaders.partiesOfAgreement.load(agreement.id)).filter((p) => !signed.includes(p.id));
  },
  supplementaryServices: async (agreement, { on }, { loaders, today }) => {
    const rows = await loaders.supplementaryServicesOfAgreement.load(agreement.id);
    if (!agreement.signedOn) return rows;
    const day = on ?? today();
    return rows.filter((row) => row.validFrom <= day && (row.validTo == null || row.validTo >= day));
  },
  supplementaryServiceHistory: (agreement, _args, { loaders }) =>
    loaders.supplementaryServicesOfAgreement.load(agreement.id),
  renewedFrom: async (agreement, _args, { loaders }) =>
    agreement.renewedFromId ? ((await loaders.agreement.load(agreement.renewedFromId)) ?? null) : null,
  renewedAs: async (agreement, _args, { loaders }) =>
    (await loaders.agreementsOfRegion.load(agreement.regionId)).find((a) => a.renewedFromId === agreement.id) ?? null,
  lastDay: async (agreement, _args, { loaders }) =>
    lastDay(agreement, await loaders.noticesOfAgreement.load(agreement.id)),
};

export const Signature: SignatureResolvers = {
  party: async (signature, _args, { loaders }) => {
    const parties = await loaders.partiesOfAgreement.load(signature.agreement.id);
    const party = parties.find((p) => p.id === signature.party.id);
    if (!party) throw new Error(`The signature ${signature.id} names no party of its agreement.`);
    return party;
  },
};

export const SupplementaryService: SupplementaryServiceResolvers = {
  validTo: (service) => service.validTo ?? null,
};

export const Amendment: AmendmentResolvers = {
  concernedParties: (amendment, _args, context) =>
    partiesById(amendment.agreement.id, amendment.concernedPartyIds, context),
  consentingParties: (amendment, _args, context) =>
    partiesById(amendment.agreement.id, amendment.consentingPartyIds, context),
};

export const Extension: ExtensionResolvers = {
  consentingParties: (extension, _args, context) =>
    partiesById(extension.agreement.id, extension.consentingPartyIds, context),
  lateReason: (extension) => extension.lateReason ?? null,
};

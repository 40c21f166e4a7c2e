// One paying county's part of an instalment: to pay, recorded by one of its officers, or confirmed by a second.
import type { PaymentShareResolvers } from '../__generated__/resolvers-types.js';

export const PaymentShare: PaymentShareResolvers = {
  county: (share) => ({ id: share.payerId, name: share.payerName }),
  municipalities: (share) => share.municipalityNumbers.map((number) => ({ number })),
  amount: (share) => share.amountOre,
  paidOn: (share) => share.paid?.paidOn ?? null,
  reference: (share) => share.paid?.reference ?? null,
  recordedBy: (share) => share.paid?.recordedBy ?? null,
  recordedOn: (share) => share.paid?.recordedOn ?? null,
  confirmedBy: (share) => share.paid?.confirmedBy ?? null,
  confirmedOn: (share) => share.paid?.confirmedOn ?? null,
};

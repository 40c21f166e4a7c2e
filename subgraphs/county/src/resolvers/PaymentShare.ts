// One paying county's part of an instalment, as recorded or still to pay.
import type { PaymentShareResolvers } from '../__generated__/resolvers-types.js';

export const PaymentShare: PaymentShareResolvers = {
  county: (share) => ({ id: share.payerId, name: share.payerName }),
  municipalities: (share) => share.municipalityNumbers.map((number) => ({ number })),
  amount: (share) => share.amountOre,
  paidOn: (share) => share.paid?.paidOn ?? null,
  reference: (share) => share.paid?.reference ?? null,
  recordedBy: (share) => share.paid?.recordedBy ?? null,
};

// An instalment of a year's funding: recorded payments as paid, the others blocked or due.
import type { PaymentResolvers } from '../__generated__/resolvers-types.js';

export const Payment: PaymentResolvers = {
  amount: (payment) => payment.amountOre,
  paidOn: (payment) => payment.paid?.paidOn ?? null,
  reference: (payment) => payment.paid?.reference ?? null,
};

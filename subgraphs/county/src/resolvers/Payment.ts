// An instalment of a year's funding: paid once recorded and confirmed, else recorded, due, blocked or overdue.
import type { PaymentResolvers } from '../__generated__/resolvers-types.js';

export const Payment: PaymentResolvers = {
  amount: (payment) => payment.amountOre,
  paidOn: (payment) => payment.paid?.paidOn ?? null,
  reference: (payment) => payment.paid?.reference ?? null,
  recordedBy: (payment) => payment.paid?.recordedBy ?? null,
  recordedOn: (payment) => payment.paid?.recordedOn ?? null,
  confirmedBy: (payment) => payment.paid?.confirmedBy ?? null,
  confirmedOn: (payment) => payment.paid?.confirmedOn ?? null,
};

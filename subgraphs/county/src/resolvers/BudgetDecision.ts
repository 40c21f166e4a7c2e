// A party's budget decision for a year, its amount in NOK.
import type { BudgetDecisionResolvers } from '../__generated__/resolvers-types.js';

export const BudgetDecision: BudgetDecisionResolvers = {
  grantedAmount: (decision) => decision.grantedOre,
};

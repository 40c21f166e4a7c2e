// A party's budget decision for a year, its amount in NOK, and the corrections it is part of.
import type { BudgetDecisionResolvers } from '../__generated__/resolvers-types.js';

export const BudgetDecision: BudgetDecisionResolvers = {
  grantedAmount: (decision) => decision.grantedOre,
  inForce: (decision) => decision.supersededById == null,
  supersedes: async (decision, _args, { loaders }) =>
    decision.supersedesId ? ((await loaders.budgetDecision.load(decision.supersedesId)) ?? null) : null,
  supersededBy: async (decision, _args, { loaders }) =>
    decision.supersededById ? ((await loaders.budgetDecision.load(decision.supersededById)) ?? null) : null,
  recordedBy: (decision) => decision.recordedBy ?? null,
};

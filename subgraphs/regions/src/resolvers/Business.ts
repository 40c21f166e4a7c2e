// Business: its standing in the register of legal entities, derived from what the register's import set.
import type { BusinessRegisterStatus, BusinessResolvers } from '../__generated__/resolvers-types.js';
import type { Business as BusinessEntity } from '../entities/business.js';

/** A deletion outranks a bankruptcy (a bankrupt business is deleted when the estate is wound up). */
export function registerStatusOf(business: BusinessEntity): BusinessRegisterStatus {
  if (business.deletedOn) return 'DELETED';
  if (business.bankruptOn) return 'BANKRUPT';
  if (business.missingFromRegisterSince) return 'NOT_FOUND';
  return business.registerCheckedAt ? 'ACTIVE' : 'NOT_CHECKED';
}

export const Business: BusinessResolvers = {
  registerCheckedAt: (business) => business.registerCheckedAt?.toISOString() ?? null,
  registerStatus: (business) => registerStatusOf(business),
};

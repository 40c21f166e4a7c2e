// Entry points of the partners subgraph.
import { auditLogPage, checkPage, checkYear, emptyPage, page } from '@etablerer/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { visibleReferrals } from '../access.js';
import { GatheringSchema } from '../entities/gathering.js';
import { ReferralSchema } from '../entities/referral.js';
import { auditReads, visibleReferral } from './Referral.js';

export const Query: QueryResolvers = {
  gatherings: (_parent, { year }, { em }) => {
    checkYear(year);
    return em.find(
      GatheringSchema,
      { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      { orderBy: { date: 'asc', title: 'asc' } },
    );
  },

  referrals: async (_parent, { first, offset }, { em, caller }) => {
    const { limit } = checkPage(first, offset);
    const where = visibleReferrals(caller);
    if (!where) return emptyPage;
    const [items, totalCount] = await em.findAndCount(ReferralSchema, where, {
      orderBy: { sentOn: 'desc', id: 'asc' },
      limit,
      offset,
    });
    await auditReads(em, caller, items, 'referrals list');
    return page(items, totalCount, offset);
  },

  referral: (_parent, { id }, context) => visibleReferral(context, id, 'referral'),

  referralAuditLog: (_parent, { referralId, first, offset }, { em, caller }) =>
    auditLogPage(em, caller, { recordType: 'Referral', recordId: referralId, first, offset }),
};

// Client as the partners subgraph adds to it: the client's referrals, and what the partners hold about
// the person, for an export.
import type { ClientResolvers } from '../__generated__/resolvers-types.js';
import { canSeeReferral } from '../access.js';
import { personalDataHeldByPartners } from '../personal-data.js';
import { auditReads } from './Referral.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const Client: ClientResolvers = {
  // Only an id: the field below checks who asks, and finds nothing for an id with no rows.
  __resolveReference: ({ id }) => ({ id }),
  personalDataHeldByPartners: ({ id }, _args, { em, caller }) =>
    uuid.test(id)
      ? personalDataHeldByPartners(em, caller, id)
      : { referrals: [], businessAssessments: [], qualificationMeasures: [], auditLog: [] },
  referrals: async ({ id }, _args, context) => {
    const visible = (await context.loaders.referralsOfClient.load(id)).filter((referral) =>
      canSeeReferral(context.caller, referral),
    );
    await auditReads(context, visible, 'client referrals');
    return visible;
  },
};

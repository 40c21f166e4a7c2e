// Client as the partners subgraph adds to it: what the partners hold about the person, for an export.
import type { ClientResolvers } from '../__generated__/resolvers-types.js';
import { personalDataHeldByPartners } from '../personal-data.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const Client: ClientResolvers = {
  // Only an id: the field below checks who asks, and finds nothing for an id with no rows.
  __resolveReference: ({ id }) => ({ id }),
  personalDataHeldByPartners: ({ id }, _args, { em, caller }) =>
    uuid.test(id)
      ? personalDataHeldByPartners(em, caller, id)
      : { referrals: [], businessAssessments: [], qualificationMeasures: [], auditLog: [] },
};

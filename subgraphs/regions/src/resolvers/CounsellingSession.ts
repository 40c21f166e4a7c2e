// CounsellingSession: its adviser and the part of it beyond the client's free limit.
import type { CounsellingSessionResolvers } from '../__generated__/resolvers-types.js';

export const CounsellingSession: CounsellingSessionResolvers = {
  adviser: async (session, _args, { loaders }) => {
    const adviser = await loaders.adviser.load(session.adviser.id);
    if (!adviser) throw new Error(`Session ${session.id} has no adviser`);
    return adviser;
  },
  hours: (session) => session.durationMinutes / 60,
  minutesBeyondFreeLimit: (session, _args, { loaders }) =>
    loaders.minutesBeyondFreeLimit.load({ sessionId: session.id, clientId: session.client.id }),
};

// A meeting the agreement requires by a date.
import type { DueMeetingResolvers } from '../__generated__/resolvers-types.js';

export const DueMeeting: DueMeetingResolvers = {
  region: (due) => (due.regionId ? { id: due.regionId } : null),
  conflictRequest: (due) => due.conflictRequest ?? null,
};

// A meeting of the cooperation, with the region it concerns as an entity reference.
import { storedRegionReference } from '@etablerer/kit';
import type { MeetingResolvers } from '../__generated__/resolvers-types.js';

export const Meeting: MeetingResolvers = {
  region: (meeting) => (meeting.regionId ? storedRegionReference(meeting.regionId) : null),
};

// A meeting of the cooperation, with the region it concerns as an entity reference, the
// promptness of a conflict meeting and the attendance of a group meeting.
import { storedRegionReference } from '@etablerer/kit';
import type { MeetingResolvers } from '../__generated__/resolvers-types.js';
import { daysFromRequest, heldPromptly } from '../conflict-meetings.js';
import { attendanceOf, groupOfMeeting } from '../groups.js';

export const Meeting: MeetingResolvers = {
  region: (meeting) => (meeting.regionId ? storedRegionReference(meeting.regionId) : null),
  requestedOn: (meeting) => meeting.requestedOn ?? null,
  daysFromRequest: (meeting) => daysFromRequest(meeting),
  heldPromptly: (meeting) => heldPromptly(meeting),
  conflictRequest: async (meeting, _args, { loaders }) =>
    meeting.kind === 'CONFLICT' ? ((await loaders.conflictRequestOfMeeting.load(meeting.id))[0] ?? null) : null,
  attendance: async (meeting, _args, { loaders }) => {
    const group = groupOfMeeting(meeting.kind);
    return group ? attendanceOf(meeting, await loaders.membersOfGroup.load(group)) : null;
  },
};

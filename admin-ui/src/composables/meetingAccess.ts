// Who works with the meetings page: every role the county subgraph lets read meetings, the county officers who
// record them, and the municipality officers who record the professional group's.
import type { MeetingKind } from '../graphql/generated/graphql';
import { meetingKinds } from './meetingRules';

/**
 * Roles that see the meetings page: the county subgraph gives meetings, the meetings due and the
 * coordination group to every signed-in role (an API client only with the scope `aggregates:read`,
 * which the console cannot see; the gateway refuses one without it and the page says so).
 * Anyone else, e.g. a role added to the gateway later, is sent to the start page.
 */
export const meetingReaderRoles: readonly string[] = [
  'COUNTY_OFFICER',
  'COORDINATION_MEMBER',
  'MUNICIPALITY_OFFICER',
  'ADVISER',
  'INNOVASJON_NORGE',
  'NAV',
  'API_CLIENT',
];

export function readsMeetings(role: string | undefined): boolean {
  return role !== undefined && meetingReaderRoles.includes(role);
}

/** Only county officers record meetings and write their minutes and decisions; the gateway checks it again. */
export function recordsMeetings(role: string | undefined): boolean {
  return role === 'COUNTY_OFFICER';
}

/**
 * The kinds of meeting a role records: county officers every kind, a municipality officer the
 * professional group's (§4), which the regions' advisers and operators meet in. None for the others.
 */
export function recordedMeetingKinds(role: string | undefined): readonly MeetingKind[] {
  if (role === 'COUNTY_OFFICER') return meetingKinds;
  if (role === 'MUNICIPALITY_OFFICER') return ['PROFESSIONAL_GROUP'];
  return [];
}

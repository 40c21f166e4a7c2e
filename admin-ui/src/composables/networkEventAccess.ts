// Who works with the network events page: every role the regions subgraph answers reads a region's events
// (aggregates, no personal data); only the region's own advisers record them.
import type { CourseCaller } from './courseAccess';

export const networkEventReaderRoles: readonly string[] = [
  'COUNTY_OFFICER',
  'COORDINATION_MEMBER',
  'MUNICIPALITY_OFFICER',
  'ADVISER',
  'INNOVASJON_NORGE',
  'NAV',
  'API_CLIENT',
];

export function seesNetworkEvents(role: string | undefined): boolean {
  return role !== undefined && networkEventReaderRoles.includes(role);
}

/** createNetworkEvent is open to the advisers of the region only. */
export function recordsNetworkEventsIn(caller: CourseCaller | null | undefined, regionId: string): boolean {
  return caller?.role === 'ADVISER' && caller.regionId === regionId;
}

// Who works with the course calendar: every role reads it, the region's advisers run it, and who is enrolled is personal data.

/**
 * Roles that see the course calendar: the regions subgraph gives courses to every signed-in role,
 * as the calendar is public information. Anyone else, e.g. a role added to the gateway later, is
 * sent to the start page.
 */
export const courseReaderRoles: readonly string[] = [
  'COUNTY_OFFICER',
  'COORDINATION_MEMBER',
  'MUNICIPALITY_OFFICER',
  'ADVISER',
  'INNOVASJON_NORGE',
  'NAV',
  'API_CLIENT',
];

/** What the access rules need to know about the signed-in caller. */
export interface CourseCaller {
  role: string;
  regionId: string | null;
}

export function seesCourses(role: string | undefined): boolean {
  return role !== undefined && courseReaderRoles.includes(role);
}

/**
 * Who is enrolled is personal data (§11): the region's advisers and the owners of the client list
 * (the county's officers, the region's municipality officers). The gateway gives others an empty list.
 */
export function seesEnrolments(caller: CourseCaller | null | undefined, regionId: string): boolean {
  if (!caller) return false;
  if (caller.role === 'COUNTY_OFFICER') return true;
  return (caller.role === 'ADVISER' || caller.role === 'MUNICIPALITY_OFFICER') && caller.regionId === regionId;
}

/** Only the region's own advisers add courses, cancel places, record attendance and cancel courses. */
export function runsCoursesIn(caller: CourseCaller | null | undefined, regionId: string): boolean {
  return caller?.role === 'ADVISER' && caller.regionId === regionId;
}

/**
 * Advisers enrol the clients they counsel, on their own region's courses; an adviser sees only
 * their own region's clients, so the region is the adviser's.
 */
export function enrolsClients(caller: CourseCaller | null | undefined): caller is CourseCaller & { regionId: string } {
  return caller?.role === 'ADVISER' && !!caller.regionId;
}

/** The years the calendar offers: the four before this one for looking back, and two ahead for planning. */
export function courseYears(today: Date = new Date()): number[] {
  const thisYear = today.getFullYear();
  return Array.from({ length: 7 }, (_, index) => thisYear - 4 + index);
}

// Who works with the submissions page: the county decides, the region's advisers and municipality officers submit.
/** Roles that see the submissions page; everyone else is sent to the start page. */
export const submissionRoles: readonly string[] = ['COUNTY_OFFICER', 'MUNICIPALITY_OFFICER', 'ADVISER'];

export function seesSubmissions(role: string | undefined): boolean {
  return role !== undefined && submissionRoles.includes(role);
}

/** County officers approve and reject, for every region. */
export function decidesSubmissions(role: string | undefined): boolean {
  return role === 'COUNTY_OFFICER';
}

/** Advisers and municipality officers submit for their own region; the gateway checks the rest (e.g. the contract municipality). */
export function submitsForRegion(
  caller: { role: string; regionId: string | null } | null | undefined,
  regionId: string | null,
): boolean {
  return (
    caller != null &&
    (caller.role === 'ADVISER' || caller.role === 'MUNICIPALITY_OFFICER') &&
    caller.regionId !== null &&
    caller.regionId === regionId
  );
}

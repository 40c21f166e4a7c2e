// Who keeps the groups' membership: the current counties' officers both groups, a municipality
// officer the professional group's members of their own region (the county subgraph checks it again).

interface GroupCaller {
  role: string;
  organisationId?: string | null;
  regionId?: string | null;
}

const currentCountyOfficer = (caller: GroupCaller | null | undefined) =>
  caller?.role === 'COUNTY_OFFICER' && caller.organisationId !== 'viken';

/** Adds, ends and changes the coordination group's memberships (§5.1). */
export function managesCoordinationGroup(caller: GroupCaller | null | undefined): boolean {
  return currentCountyOfficer(caller);
}

/**
 * Adds and ends the professional group's memberships (§4): a county officer any, a municipality
 * officer those of `regionId` when it is their own region (or, with no region given, whether they may add any).
 */
export function managesProfessionalGroup(caller: GroupCaller | null | undefined, regionId?: string | null): boolean {
  if (currentCountyOfficer(caller)) return true;
  if (caller?.role !== 'MUNICIPALITY_OFFICER' || !caller.regionId) return false;
  return regionId === undefined || regionId === caller.regionId;
}

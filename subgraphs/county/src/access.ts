// Who administers whose access (issue 20 §5): a county officer of Akershus, Buskerud or Østfold
// gives roles to their county's staff, the coordination group, the partners' staff and the
// advisers and municipality officers of the regions answering to their county (Viken's officers
// read Viken's, and change nothing); a municipality officer to the advisers and municipality
// officers of their own region. Every write checks this before it looks at its input, as
// county-authority.ts does, so nobody learns anything from a validation error outside their authority.
import {
  badUserInput,
  type Caller,
  type CountyId,
  conflict,
  countyNames,
  forbidden,
  isHistoricalCountyOfficer,
  municipalityKey,
  officerCounty,
  parseInput,
  type Role,
  referenceRegions,
  regionCounty,
} from '@etablerer/kit';
import { z } from 'zod';
import type { AssignableRole, AssignedOrganisationKind, RoleAssignment } from './entities/access.js';

/** An organisation as the graph tells it. */
export interface AssignedOrganisationView {
  id: string;
  kind: AssignedOrganisationKind;
  name: string;
}

export interface RoleAssignmentPageView {
  items: RoleAssignment[];
  totalCount: number;
  hasNextPage: boolean;
}

export const organisationOf = (row: {
  organisationId: string;
  organisationKind: AssignedOrganisationKind;
  organisationName: string;
}): AssignedOrganisationView => ({ id: row.organisationId, kind: row.organisationKind, name: row.organisationName });

/** Whose access a caller administers: a county's (all of it), or one region's advisers and municipality officers. */
export type Administrator = { county: CountyId; regionId?: never } | { regionId: string; county?: never };

/** The roles a region's municipality officers give. */
const regionRoles: readonly Role[] = ['ADVISER', 'MUNICIPALITY_OFFICER'];

/**
 * Whose assignments the caller reads: their county's (Viken's officers Viken's), or their region's;
 * FORBIDDEN for every other role.
 */
export function accessReader(caller: Caller): Administrator {
  const county = officerCounty(caller);
  if (county) return { county };
  if (caller.role === 'MUNICIPALITY_OFFICER' && caller.regionId) return { regionId: caller.regionId };
  throw forbidden('Only county officers and municipality officers administer role assignments.');
}

/** Whose assignments the caller changes: as accessReader, but nothing for Viken's officers. */
export function accessAdministrator(caller: Caller): Administrator {
  if (isHistoricalCountyOfficer(caller))
    throw forbidden(
      'Viken fylkeskommune was dissolved on 2024-01-01: its officers read the history, and assign nothing.',
    );
  return accessReader(caller);
}

/** Whether the assignment is one the administrator reads and changes. */
export function administers(administrator: Administrator, assignment: RoleAssignment): boolean {
  if (administrator.county) return assignment.countyId === administrator.county;
  return assignment.regionId === administrator.regionId && regionRoles.includes(assignment.role);
}

/** The filter of the assignments the administrator reads (of one region when asked; FORBIDDEN for another's). */
export function administeredFilter(administrator: Administrator, regionId: string | null | undefined) {
  if (administrator.county) {
    if (regionId && regionCounty(regionId) !== administrator.county)
      throw forbidden(`${regionId} does not answer to ${countyNames[administrator.county]}.`);
    return { countyId: administrator.county, ...(regionId ? { regionId } : {}) };
  }
  if (regionId && regionId !== administrator.regionId)
    throw forbidden(
      `A municipality officer administers the access of their own region (${administrator.regionId}) only.`,
    );
  return { regionId: administrator.regionId, role: { $in: [...regionRoles] as AssignableRole[] } };
}

/** What assignRole is given (GraphQL has checked the shapes and the enums). */
export interface AssignRoleArguments {
  email: string;
  personName: string;
  role: string;
  organisation?: { id: string; kind: string; name: string } | null;
  regionId?: string | null;
  municipalityNumber?: string | null;
}

/**
 * FORBIDDEN unless the administrator may give the role where the input puts it: their county's
 * organisation, a region of their county, their own region. Looks at the role, the organisation's
 * id and the region only.
 */
export function requireAuthorityToAssign(administrator: Administrator, input: AssignRoleArguments): void {
  const role = input.role as Role;
  if (role === 'API_CLIENT')
    throw forbidden('Nobody assigns API_CLIENT: a partner system is registered (registerApiClient).');
  if (administrator.county) {
    const county = administrator.county;
    if ((role === 'COUNTY_OFFICER' || role === 'COORDINATION_MEMBER') && input.organisation) {
      if (input.organisation.id !== county)
        throw forbidden(`Officers of ${countyNames[county]} give ${role} for ${countyNames[county]} only.`);
    }
    if (regionRoles.includes(role)) {
      if (!input.regionId) throw badUserInput(`input.regionId: ${role} works in a region`, 'input.regionId');
      if (regionCounty(input.regionId) !== county)
        throw forbidden(
          `Officers of ${countyNames[county]} give roles in the regions answering to ${countyNames[county]} only.`,
        );
    }
    return;
  }
  if (!regionRoles.includes(role))
    throw forbidden('A municipality officer gives the roles ADVISER and MUNICIPALITY_OFFICER only.');
  if (input.regionId && input.regionId !== administrator.regionId)
    throw forbidden(`A municipality officer gives roles in their own region (${administrator.regionId}) only.`);
}

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

/** An e-mail address, lower-case: the assignment finds its person case-insensitively. */
export const emailAddress = z
  .string()
  .trim()
  .max(320, 'at most 320 characters')
  .pipe(z.email('an e-mail address, e.g. kari.nordmann@akershus.no'))
  .transform((email) => email.toLowerCase());

const assignInput = z.object({
  email: emailAddress,
  personName: text(200),
  organisation: z.object({ id: text(100), kind: z.string(), name: text(200) }).nullish(),
  municipalityNumber: z.string().trim().nullish(),
});

/** The assignment's row values, from input the administrator may give (requireAuthorityToAssign first). */
export interface AssignmentValues {
  email: string;
  personName: string;
  role: AssignableRole;
  organisationId: string;
  organisationKind: AssignedOrganisationKind;
  organisationName: string;
  regionId: string | null;
  municipalityNumber: string | null;
  countyId: string;
}

export function assignmentValues(administrator: Administrator, input: AssignRoleArguments): AssignmentValues {
  const { email, personName, organisation, municipalityNumber } = parseInput(assignInput, input);
  const role = input.role as AssignableRole;
  const noRegion = () => {
    if (input.regionId) throw badUserInput(`input.regionId: ${role} works in no region`, 'input.regionId');
    if (municipalityNumber)
      throw badUserInput(`input.municipalityNumber: only for MUNICIPALITY_OFFICER`, 'input.municipalityNumber');
  };
  const organisationOfKind = (kind: AssignedOrganisationKind, what: string) => {
    if (!organisation) throw badUserInput(`input.organisation: ${role} needs ${what}`, 'input.organisation');
    if (organisation.kind !== kind)
      throw badUserInput(`input.organisation.kind: ${role} acts for ${what} (${kind})`, 'input.organisation.kind');
    return organisation;
  };
  const base = { email, personName, role };
  switch (role) {
    case 'COUNTY_OFFICER':
    case 'COORDINATION_MEMBER': {
      noRegion();
      const county = administrator.county as CountyId;
      if (organisation && organisation.kind !== 'COUNTY')
        throw badUserInput(`input.organisation.kind: ${role} acts for the county (COUNTY)`, 'input.organisation.kind');
      return {
        ...base,
        organisationId: county,
        organisationKind: 'COUNTY',
        organisationName: countyNames[county],
        regionId: null,
        municipalityNumber: null,
        countyId: county,
      };
    }
    case 'INNOVASJON_NORGE':
    case 'NAV': {
      noRegion();
      const office = organisationOfKind(role, role === 'NAV' ? 'a NAV office' : 'an office of Innovasjon Norge');
      return {
        ...base,
        organisationId: office.id,
        organisationKind: role,
        organisationName: office.name,
        regionId: null,
        municipalityNumber: null,
        countyId: administrator.county as CountyId,
      };
    }
    case 'ADVISER': {
      if (municipalityNumber)
        throw badUserInput('input.municipalityNumber: only for MUNICIPALITY_OFFICER', 'input.municipalityNumber');
      const regionId = input.regionId ?? (administrator.regionId as string);
      const operator = organisationOfKind('OPERATOR', "the region's operator");
      return {
        ...base,
        organisationId: operator.id,
        organisationKind: 'OPERATOR',
        organisationName: operator.name,
        regionId,
        municipalityNumber: null,
        countyId: regionCounty(regionId) as CountyId,
      };
    }
    case 'MUNICIPALITY_OFFICER': {
      const regionId = input.regionId ?? (administrator.regionId as string);
      const municipality = organisationOfKind('MUNICIPALITY', 'a municipality of the region');
      // Either of its numbers (the Viken number or the one from 2024); kept under the platform's key.
      const key = municipalityKey(municipality.id);
      const region = referenceRegions().find((candidate) => candidate.id === regionId);
      if (!key || !region?.municipalityNumbers.includes(key))
        throw badUserInput(
          `input.organisation.id: ${municipality.id} is no municipality of ${regionId}`,
          'input.organisation.id',
        );
      if (municipalityNumber && municipalityKey(municipalityNumber) !== key)
        throw badUserInput(
          'input.municipalityNumber: the municipality officer works for the organisation’s municipality',
          'input.municipalityNumber',
        );
      return {
        ...base,
        organisationId: key,
        organisationKind: 'MUNICIPALITY',
        organisationName: municipality.name,
        regionId,
        municipalityNumber: key,
        countyId: regionCounty(regionId) as CountyId,
      };
    }
    default:
      throw forbidden(`Nobody assigns ${input.role}.`);
  }
}

/** CONFLICT for the caller's own assignment: nobody changes or ends their own access. */
export function requireNotOwn(caller: Caller, assignment: RoleAssignment, doing: string): void {
  if (assignment.subject !== null && assignment.subject === caller.subject)
    throw conflict(`Nobody ${doing} their own role assignment; ask another administrator.`);
}

export const endReasonInput = text(500);

/** The reason an assignment ended because the person got another one. */
export const replacedReason = 'Replaced by a new role assignment.';

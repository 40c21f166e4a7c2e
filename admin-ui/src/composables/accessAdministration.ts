// Who administers access (role assignments and API clients), which roles they may give, and the organisation
// fields each role needs in the assign form. The county subgraph checks all of it again.
import type { AssignRoleInput, CallerRole, OrganisationKind } from '../graphql/generated/graphql';

type CallerLike =
  | { role: string; organisationId?: string | null; organisationName?: string; regionId?: string | null }
  | null
  | undefined;

/** Roles that see the "Tilganger" page: the counties' officers and the regions' municipality officers. */
export function administersRoleAssignments(role: string | undefined): boolean {
  return role === 'COUNTY_OFFICER' || role === 'MUNICIPALITY_OFFICER';
}

/** Roles that see the "API-klienter" page: the counties' officers. */
export function administersApiClients(role: string | undefined): boolean {
  return role === 'COUNTY_OFFICER';
}

/**
 * Whether the caller may change anything (assign, end, register, revoke): Viken's officers read only, since Viken
 * was dissolved on 2024-01-01; the succeeding counties' officers and municipality officers act.
 */
export function changesAccess(caller: CallerLike): boolean {
  if (caller?.role === 'MUNICIPALITY_OFFICER') return true;
  return caller?.role === 'COUNTY_OFFICER' && caller.organisationId !== 'viken';
}

const countyAssignableRoles: readonly CallerRole[] = [
  'COUNTY_OFFICER',
  'COORDINATION_MEMBER',
  'ADVISER',
  'MUNICIPALITY_OFFICER',
  'INNOVASJON_NORGE',
  'NAV',
];
const regionAssignableRoles: readonly CallerRole[] = ['ADVISER', 'MUNICIPALITY_OFFICER'];

/** The roles the caller may give: a county its staff, the coordination group, the partners and its regions; a region its own. */
export function assignableRoles(caller: CallerLike): readonly CallerRole[] {
  if (!changesAccess(caller)) return [];
  return caller?.role === 'COUNTY_OFFICER' ? countyAssignableRoles : regionAssignableRoles;
}

/** Which organisation fields a role needs in the assign form. */
export type OrganisationFields = 'county' | 'operator' | 'municipality' | 'office';

export function organisationFieldsFor(role: CallerRole): OrganisationFields {
  switch (role) {
    case 'ADVISER':
      return 'operator';
    case 'MUNICIPALITY_OFFICER':
      return 'municipality';
    case 'INNOVASJON_NORGE':
    case 'NAV':
      return 'office';
    default:
      return 'county';
  }
}

/** The assign form's fields, as the page holds them (strings, empty when not filled in). */
export interface AssignRoleForm {
  email: string;
  personName: string;
  role: CallerRole | '';
  regionId: string;
  /** The operator's or office's id (adviser, Innovasjon Norge, NAV). */
  organisationId: string;
  /** The operator's or office's name. */
  organisationName: string;
  municipalityNumber: string;
  /** The chosen municipality's name, for the organisation's name ("Ås kommune"). */
  municipalityName: string;
}

export function emptyAssignRoleForm(): AssignRoleForm {
  return {
    email: '',
    personName: '',
    role: '',
    regionId: '',
    organisationId: '',
    organisationName: '',
    municipalityNumber: '',
    municipalityName: '',
  };
}

/** The fields the caller must fill in, by the form's field names; the server checks them again. */
export function missingAssignFields(form: AssignRoleForm): (keyof AssignRoleForm)[] {
  const missing: (keyof AssignRoleForm)[] = [];
  if (form.email.trim() === '') missing.push('email');
  if (form.personName.trim() === '') missing.push('personName');
  if (form.role === '') return [...missing, 'role'];
  const fields = organisationFieldsFor(form.role);
  if (fields === 'operator' || fields === 'municipality') {
    if (form.regionId === '') missing.push('regionId');
  }
  if (fields === 'operator' || fields === 'office') {
    if (form.organisationId.trim() === '') missing.push('organisationId');
    if (form.organisationName.trim() === '') missing.push('organisationName');
  }
  if (fields === 'municipality' && form.municipalityNumber === '') missing.push('municipalityNumber');
  return missing;
}

/** The server's other names for a form field: a refused organisation is shown at the field it came from. */
const serverNamesOf: Partial<Record<keyof AssignRoleForm, readonly string[]>> = {
  municipalityNumber: ['organisation.id', 'organisation'],
  organisationId: ['organisation.id', 'organisation'],
  organisationName: ['organisation.name'],
};

/** The server's messages by form field: each field's own, else the first under one of its other names. */
export function assignFieldErrors(fieldErrors: Record<string, string>): Record<string, string> {
  const byField = { ...fieldErrors };
  for (const [field, names] of Object.entries(serverNamesOf)) {
    const message = [field, ...names].map((name) => fieldErrors[name]).find((one) => one);
    if (message) byField[field] = message;
  }
  return byField;
}

const officeKind: Partial<Record<CallerRole, OrganisationKind>> = { INNOVASJON_NORGE: 'INNOVASJON_NORGE', NAV: 'NAV' };

/**
 * The mutation's input from a complete form: a county role takes the caller's county (left out, the server fills
 * it in), an adviser the region and its operator, a municipality officer the municipality (id = its number),
 * Innovasjon Norge and NAV the office.
 */
export function toAssignRoleInput(form: AssignRoleForm & { role: CallerRole }): AssignRoleInput {
  const base = { email: form.email.trim(), personName: form.personName.trim(), role: form.role };
  switch (organisationFieldsFor(form.role)) {
    case 'operator':
      return {
        ...base,
        regionId: form.regionId,
        organisation: { id: form.organisationId.trim(), kind: 'OPERATOR', name: form.organisationName.trim() },
      };
    case 'municipality':
      return {
        ...base,
        regionId: form.regionId,
        municipalityNumber: form.municipalityNumber,
        organisation: {
          id: form.municipalityNumber,
          kind: 'MUNICIPALITY',
          name: form.municipalityName ? `${form.municipalityName} kommune` : form.municipalityNumber,
        },
      };
    case 'office':
      return {
        ...base,
        organisation: {
          id: form.organisationId.trim(),
          kind: officeKind[form.role] ?? 'NAV',
          name: form.organisationName.trim(),
        },
      };
    default:
      return base;
  }
}

// Access administration (issue 20): the roles the county and the regions give people, and the
// partner systems (API clients) the counties register with their public keys. Nothing here is
// deleted: an assignment is ended and a client or key revoked, with who, when and why.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** The roles an assignment can give: every caller role but API_CLIENT (that is a registered client). */
export const assignableRoles = [
  'COUNTY_OFFICER',
  'MUNICIPALITY_OFFICER',
  'ADVISER',
  'INNOVASJON_NORGE',
  'NAV',
  'COORDINATION_MEMBER',
] as const;
export type AssignableRole = (typeof assignableRoles)[number];

export const assignedOrganisationKinds = ['COUNTY', 'MUNICIPALITY', 'OPERATOR', 'INNOVASJON_NORGE', 'NAV'] as const;
export type AssignedOrganisationKind = (typeof assignedOrganisationKinds)[number];

export const RoleAssignmentSchema = defineEntity({
  name: 'RoleAssignment',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    /** Lower-case: the address a person signs in with is matched case-insensitively. */
    email: p.string().length(320),
    personName: p.string().length(200),
    /** The identity provider and its subject for the person, once bound at their first sign-in. */
    issuer: p.string().length(500).nullable(),
    subject: p.string().length(255).nullable(),
    role: p.enum(assignableRoles as unknown as AssignableRole[]),
    organisationId: p.string().length(100),
    organisationKind: p.enum(assignedOrganisationKinds as unknown as AssignedOrganisationKind[]),
    organisationName: p.string().length(200),
    regionId: p.string().length(100).nullable(),
    municipalityNumber: p.string().length(4).nullable(),
    /**
     * The county whose officers administer the assignment: the organisation's county for its
     * staff and the coordination group, the assigner's for the partners' staff, and the county a
     * region answers to for its advisers and municipality officers.
     */
    countyId: p.string().length(20),
    assignedAt: p.datetime().onCreate(() => new Date()),
    assignedBy: p.string().length(200),
    assignedBySubject: p.string().length(255),
    endedAt: p.datetime().nullable(),
    endedBy: p.string().length(200).nullable(),
    endedBySubject: p.string().length(255).nullable(),
    endReason: p.string().length(500).nullable(),
    lastSignInAt: p.datetime().nullable(),
  }),
  indexes: [
    { properties: ['countyId', 'assignedAt'] },
    { properties: ['regionId', 'assignedAt'] },
    { properties: ['email'] },
  ],
  uniques: [
    // One active role per person: assigning another ends the one they hold.
    {
      name: 'role_assignment_one_active_per_email',
      expression:
        'create unique index "role_assignment_one_active_per_email" on "role_assignment" ("email") where "ended_at" is null',
    },
    // One active assignment per identity: a sign-in finds at most one.
    {
      name: 'role_assignment_one_active_per_identity',
      expression:
        'create unique index "role_assignment_one_active_per_identity" on "role_assignment" ("issuer", "subject") where "ended_at" is null and "subject" is not null',
    },
  ],
  checks: [
    { name: 'role_assignment_email_lower_case', expression: 'email = lower(email)' },
    { name: 'role_assignment_bound_to_an_issuer', expression: '(issuer is null) = (subject is null)' },
  ],
});
export type RoleAssignment = InferEntity<typeof RoleAssignmentSchema>;

export const ApiClientSchema = defineEntity({
  name: 'ApiClient',
  properties: (p) => ({
    clientId: p.string().length(64).primary(),
    name: p.string().length(200),
    organisationId: p.string().length(100),
    organisationKind: p.enum(assignedOrganisationKinds as unknown as AssignedOrganisationKind[]),
    organisationName: p.string().length(200),
    scopes: p.array(),
    registeredAt: p.datetime().onCreate(() => new Date()),
    registeredBy: p.string().length(200),
    registeredBySubject: p.string().length(255),
    revokedAt: p.datetime().nullable(),
    revokedBy: p.string().length(200).nullable(),
  }),
  indexes: [{ properties: ['organisationId', 'registeredAt'] }],
});
export type ApiClient = InferEntity<typeof ApiClientSchema>;

export const ApiClientKeySchema = defineEntity({
  name: 'ApiClientKey',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    client: p.manyToOne(ApiClientSchema).fieldName('client_id'),
    kid: p.string().length(200),
    /** The public JWK as registered (public members only), with its kid. */
    publicKey: p.json<Record<string, unknown>>(),
    algorithm: p.string().length(20).nullable(),
    addedAt: p.datetime().onCreate(() => new Date()),
    addedBy: p.string().length(200),
    revokedAt: p.datetime().nullable(),
    revokedBy: p.string().length(200).nullable(),
  }),
  // A key is registered once per client: a revoked key is never taken back.
  uniques: [{ name: 'api_client_key_once_per_client', properties: ['client', 'kid'] }],
});
export type ApiClientKey = InferEntity<typeof ApiClientKeySchema>;

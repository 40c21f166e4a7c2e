// Who a person or a partner system is on the platform. A person: the role assignment the county
// holds for them (its internal route /internal/access/person), else a role mapped from a claim of
// their ID token (OIDC_ROLE_CLAIM, OIDC_ROLE_MAP), else no access. A partner system: its
// registration with the county (/internal/access/client). The gateway signs each request to the
// county with its service key, as it signs every /graphql request.
import {
  organisationKinds,
  scopes as platformScopes,
  type Role,
  roles,
  type ServiceSigner,
  withServiceAssertion,
} from '@etablerer/kit';
import type { JWK } from 'jose';
import { z } from 'zod';

const organisation = z.object({ id: z.string().min(1), kind: z.enum(organisationKinds), name: z.string().min(1) });
export type Organisation = z.infer<typeof organisation>;

const personRoles = roles.filter((role) => role !== 'API_CLIENT') as [Role, ...Role[]];

const assignment = z.object({
  id: z.string().min(1),
  role: z.enum(personRoles),
  organisation,
  regionId: z.string().min(1).nullish(),
  municipalityNumber: z
    .string()
    .regex(/^\d{4}$/)
    .nullish(),
});
export type RoleAssignment = z.infer<typeof assignment>;

const apiClient = z.object({
  clientId: z.string().min(1),
  name: z.string().min(1),
  organisation,
  scopes: z.array(z.string()),
  keys: z.array(z.record(z.string(), z.unknown())),
});
export interface ApiClientRecord {
  clientId: string;
  name: string;
  organisation: Organisation;
  scopes: string[];
  keys: JWK[];
}

export interface PersonLookup {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified: boolean;
  name: string;
}

/** The county's register of role assignments and partner systems. */
export interface AccessDirectory {
  person(person: PersonLookup): Promise<RoleAssignment | null>;
  client(clientId: string): Promise<ApiClientRecord | null>;
}

/** The county's internal routes (design §1), each request signed for audience `county`. */
export function httpAccessDirectory({
  baseUrl,
  signer,
  timeoutMs = 5_000,
}: {
  /** The county subgraph's origin, e.g. http://127.0.0.1:4001 */
  baseUrl: string;
  signer: ServiceSigner;
  timeoutMs?: number;
}): AccessDirectory {
  const post = async (path: string, body: unknown) => {
    const text = JSON.stringify(body);
    const headers = await withServiceAssertion(signer, 'county', text, { 'content-type': 'application/json' });
    const response = await fetch(new URL(path, baseUrl), {
      method: 'POST',
      headers,
      body: text,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`The county's ${path} answered ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  return {
    async person(person) {
      const answer = z
        .object({ assignment: assignment.nullable() })
        .parse(await post('/internal/access/person', { ...person, ...(person.email ? {} : { email: null }) }));
      return answer.assignment;
    },
    async client(clientId) {
      const answer = z
        .object({ client: apiClient.nullable() })
        .parse(await post('/internal/access/client', { clientId }));
      return answer.client ? { ...answer.client, keys: answer.client.keys as JWK[] } : null;
    },
  };
}

/** OIDC_ROLE_MAP: an IdP claim value → the access it gives. */
export const roleMapping = z.object({
  role: z.enum(personRoles),
  organisation,
  region: z.string().min(1).optional(),
  municipality: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});
export const roleMapSchema = z.record(z.string(), roleMapping);
export type RoleMap = z.infer<typeof roleMapSchema>;

/** A person's access on the platform, as their token's claims carry it. */
export interface PersonAccess {
  role: Role;
  organisation: Organisation;
  regionId?: string;
  municipalityNumber?: string;
  /** Where it came from: the county's role assignment, or the IdP's claims. */
  source: 'assignment' | 'claims';
  assignmentId?: string;
}

export interface ClaimMapping {
  /** OIDC_ROLE_CLAIM */
  roleClaim: string;
  /** OIDC_ROLE_MAP */
  roleMap: RoleMap;
}

/** The values of a claim: one string, or an array of strings (Entra ID sends roles as an array). */
function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** The person's access: the county's assignment first, then the claim mapping; null for none. */
export async function resolvePersonAccess(
  directory: AccessDirectory,
  mapping: ClaimMapping,
  person: PersonLookup & { claims: Record<string, unknown> },
): Promise<PersonAccess | null> {
  const { claims, ...lookup } = person;
  const found = await directory.person(lookup);
  if (found) {
    return {
      role: found.role,
      organisation: found.organisation,
      ...(found.regionId ? { regionId: found.regionId } : {}),
      ...(found.municipalityNumber ? { municipalityNumber: found.municipalityNumber } : {}),
      source: 'assignment',
      assignmentId: found.id,
    };
  }
  for (const value of claimValues(claims[mapping.roleClaim])) {
    const mapped = mapping.roleMap[value];
    if (mapped) {
      return {
        role: mapped.role,
        organisation: mapped.organisation,
        ...(mapped.region ? { regionId: mapped.region } : {}),
        ...(mapped.municipality ? { municipalityNumber: mapped.municipality } : {}),
        source: 'claims',
      };
    }
  }
  return null;
}

/** The scopes the platform knows, for the token endpoint's metadata. */
export const knownScopes: readonly string[] = platformScopes;

/** A directory held in memory: unit tests, and a gateway without the county. */
export function accessDirectoryInMemory(
  initial: { persons?: Array<PersonLookupMatch>; clients?: ApiClientRecord[] } = {},
): AccessDirectory & { persons: PersonLookupMatch[]; clients: ApiClientRecord[] } {
  const persons = [...(initial.persons ?? [])];
  const clients = [...(initial.clients ?? [])];
  return {
    persons,
    clients,
    async person(person) {
      const match = persons.find(
        (candidate) =>
          candidate.subject === person.subject ||
          (person.emailVerified &&
            candidate.email !== undefined &&
            candidate.email.toLowerCase() === person.email?.toLowerCase()),
      );
      return match?.assignment ?? null;
    },
    async client(clientId) {
      return clients.find((candidate) => candidate.clientId === clientId) ?? null;
    },
  };
}

export interface PersonLookupMatch {
  subject?: string;
  email?: string;
  assignment: RoleAssignment;
}

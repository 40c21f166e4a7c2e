// Access administration in the county subgraph (issue 20 §5): who gives whom which role, the
// history kept when a role ends or is replaced, paging, and the partner systems' registration and
// keys; checked against the real database with the demo data (§6).
import { generateKeyPairSync } from 'node:crypto';
import { AuditEntrySchema } from '@etablerer/kit';
import { demoEmail } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { RoleAssignmentSchema } from '../src/entities/access.js';
import { signInAssignment } from '../src/internal-access.js';
import { countySubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(countySubgraph);
});
afterAll(() => subgraph?.close());

type Result = { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const code = (result: Result) => result.errors?.[0]?.extensions?.code;

interface Assignment {
  id: string;
  email: string;
  personName: string;
  subject: string | null;
  role: string;
  organisation: { id: string; kind: string; name: string };
  regionId: string | null;
  municipalityNumber: string | null;
  assignedAt: string;
  assignedBy: string;
  endedAt: string | null;
  endedBy: string | null;
  endReason: string | null;
}
const assignmentFields = `id email personName subject role organisation { id kind name } regionId municipalityNumber
  assignedAt assignedBy endedAt endedBy endReason lastSignInAt`;
const assignRole = `mutation Assign($input: AssignRoleInput!) { assignRole(input: $input) { ${assignmentFields} } }`;
const endRole = `mutation End($input: EndRoleAssignmentInput!) { endRoleAssignment(input: $input) { ${assignmentFields} } }`;
const roleAssignments = `query Assignments($regionId: ID, $includeEnded: Boolean!, $first: Int!, $offset: Int!) {
  roleAssignments(regionId: $regionId, includeEnded: $includeEnded, first: $first, offset: $offset) {
    items { ${assignmentFields} } totalCount hasNextPage
  }
}`;

const follo = { id: 'operator-follo', kind: 'OPERATOR', name: 'Etablerertjenesten i Follo' };
const drammen = { id: 'operator-drammensregionen', kind: 'OPERATOR', name: 'Etablererservice Drammensregionen' };
let people = 0;
/** An address no other test uses. */
const newEmail = () => `person.${++people}.${Date.now()}@example.no`;

const assign = (input: Record<string, unknown>, as = 'county.officer') =>
  subgraph.execute<{ assignRole: Assignment }>(assignRole, { input }, { as });
const adviserIn = (regionId: string, organisation = follo, email = newEmail()) => ({
  email,
  personName: 'Nora Nilsen',
  role: 'ADVISER',
  organisation,
  regionId,
});
const list = (as: string, variables: Record<string, unknown> = {}) =>
  subgraph.execute<{ roleAssignments: { items: Assignment[]; totalCount: number; hasNextPage: boolean } }>(
    roleAssignments,
    { includeEnded: false, first: 200, offset: 0, ...variables },
    { as },
  );
const activeFor = (email: string) =>
  subgraph.orm.em.fork().find(RoleAssignmentSchema, { email: email.toLowerCase(), endedAt: null });

describe('who gives whom a role', () => {
  it('lets an Akershus officer give an adviser a role in a region that answers to Akershus, and logs it', async () => {
    const email = newEmail();
    const result = await assign(adviserIn('follo', follo, email.toUpperCase()));
    expect(result.errors).toBeUndefined();
    const assignment = result.data?.assignRole as Assignment;
    expect(assignment).toMatchObject({
      email, // stored lower-case: the person is found case-insensitively
      personName: 'Nora Nilsen',
      subject: null,
      role: 'ADVISER',
      organisation: follo,
      regionId: 'follo',
      municipalityNumber: null,
      assignedBy: 'Kari Nordmann',
      endedAt: null,
    });
    expect(new Date(assignment.assignedAt).toISOString()).toBe(assignment.assignedAt);
    const audit = await subgraph.orm.em
      .fork()
      .find(AuditEntrySchema, { recordType: 'RoleAssignment', recordId: assignment.id });
    expect(audit.map((entry) => [entry.operation, entry.subject])).toEqual([['CREATE', 'county.officer']]);
  });

  it('refuses an Akershus officer a region that answers to Buskerud, before looking at the input', async () => {
    const email = newEmail();
    const result = await assign(adviserIn('drammensregionen', drammen, email));
    expect(code(result)).toBe('FORBIDDEN');
    expect(await activeFor(email)).toEqual([]);
    // Not BAD_USER_INPUT: another county's region tells nothing about what would be wrong with the input.
    expect(code(await assign({ ...adviserIn('drammensregionen', drammen), email: 'not an address' }))).toBe(
      'FORBIDDEN',
    );
  });

  it("refuses Viken's officers, who read history and assign nothing", async () => {
    expect(code(await assign(adviserIn('follo'), 'viken.officer'))).toBe('FORBIDDEN');
  });

  it('lets a municipality officer give advisers and municipality officers roles in their own region only', async () => {
    const adviser = await assign(adviserIn('follo'), 'nordrefollo.officer');
    expect(adviser.errors).toBeUndefined();
    expect(adviser.data?.assignRole).toMatchObject({ role: 'ADVISER', regionId: 'follo', assignedBy: 'Ingrid Berg' });

    // Ås by its 2024 number (3218): kept under the platform's key, its Viken number.
    const officer = await assign(
      {
        email: newEmail(),
        personName: 'Per Ås',
        role: 'MUNICIPALITY_OFFICER',
        organisation: { id: '3218', kind: 'MUNICIPALITY', name: 'Ås kommune' },
        regionId: 'follo',
      },
      'nordrefollo.officer',
    );
    expect(officer.errors).toBeUndefined();
    expect(officer.data?.assignRole).toMatchObject({
      organisation: { id: '3021', kind: 'MUNICIPALITY', name: 'Ås kommune' },
      regionId: 'follo',
      municipalityNumber: '3021',
    });

    expect(code(await assign(adviserIn('asker-og-baerum'), 'nordrefollo.officer'))).toBe('FORBIDDEN');
    expect(
      code(await assign({ email: newEmail(), personName: 'Kari', role: 'COUNTY_OFFICER' }, 'nordrefollo.officer')),
    ).toBe('FORBIDDEN');
    // Asker is no municipality of Follo.
    const elsewhere = await assign(
      {
        email: newEmail(),
        personName: 'Per Asker',
        role: 'MUNICIPALITY_OFFICER',
        organisation: { id: '3024', kind: 'MUNICIPALITY', name: 'Asker kommune' },
      },
      'nordrefollo.officer',
    );
    expect(code(elsewhere)).toBe('BAD_USER_INPUT');
  });

  it('refuses advisers, Innovasjon Norge and NAV', async () => {
    for (const as of ['follo.adviser', 'innovasjonnorge.officer', 'nav.officer', 'coordination.member']) {
      expect(code(await assign(adviserIn('follo'), as))).toBe('FORBIDDEN');
    }
  });

  it('gives nobody API_CLIENT: that is a registered partner system', async () => {
    const email = newEmail();
    const result = await assign({ email, personName: 'Robot', role: 'API_CLIENT' });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(await activeFor(email)).toEqual([]);
  });

  it("gives the county's own roles for the officer's own county, and a partner's staff with an office of the right kind", async () => {
    const staff = await assign({ email: newEmail(), personName: 'Ola Ny', role: 'COUNTY_OFFICER' });
    expect(staff.data?.assignRole.organisation).toEqual({
      id: 'akershus',
      kind: 'COUNTY',
      name: 'Akershus fylkeskommune',
    });
    const other = { id: 'buskerud', kind: 'COUNTY', name: 'Buskerud fylkeskommune' };
    expect(
      code(await assign({ email: newEmail(), personName: 'Ola', role: 'COORDINATION_MEMBER', organisation: other })),
    ).toBe('FORBIDDEN');
    const nav = { id: 'nav-follo', kind: 'NAV', name: 'NAV Follo' };
    expect((await assign({ email: newEmail(), personName: 'Nina', role: 'NAV', organisation: nav })).errors).toBe(
      undefined,
    );
    expect(
      code(await assign({ email: newEmail(), personName: 'Nina', role: 'INNOVASJON_NORGE', organisation: nav })),
    ).toBe('BAD_USER_INPUT');
  });

  it('ends the role a person holds when they are given another: one active role per person', async () => {
    const email = newEmail();
    const first = (await assign(adviserIn('follo', follo, email))).data?.assignRole as Assignment;
    const second = await assign({
      email: email.toUpperCase(),
      personName: 'Nora Nilsen',
      role: 'MUNICIPALITY_OFFICER',
      organisation: { id: '3020', kind: 'MUNICIPALITY', name: 'Nordre Follo kommune' },
      regionId: 'follo',
    });
    expect(second.errors).toBeUndefined();
    const active = await activeFor(email);
    expect(active.map((row) => row.role)).toEqual(['MUNICIPALITY_OFFICER']);
    const history = (await list('county.officer', { includeEnded: true, regionId: 'follo' })).data?.roleAssignments;
    expect(history?.items.find((item) => item.id === first.id)).toMatchObject({
      endedBy: 'Kari Nordmann',
      endReason: 'Replaced by a new role assignment.',
    });
  });

  it('refuses to end or replace your own assignment', async () => {
    // Kari's demo assignment is bound to her at her first sign-in.
    const own = await signInAssignment(subgraph.orm, {
      issuer: 'http://localhost:4004',
      subject: 'county.officer',
      email: demoEmail('county.officer'),
      emailVerified: true,
    });
    expect(own?.role).toBe('COUNTY_OFFICER');
    const ending = await subgraph.execute(endRole, { input: { id: own?.id, reason: 'Ferdig' } });
    expect(code(ending)).toBe('CONFLICT');
    const replacing = await assign({
      email: demoEmail('county.officer'),
      personName: 'Kari',
      role: 'NAV',
      organisation: { id: 'nav-follo', kind: 'NAV', name: 'NAV Follo' },
    });
    expect(code(replacing)).toBe('CONFLICT');
    expect((await activeFor(demoEmail('county.officer'))).map((row) => row.id)).toEqual([own?.id]);
    // Another Akershus officer may.
    const ended = await subgraph.execute<{ endRoleAssignment: Assignment }>(
      endRole,
      { input: { id: own?.id, reason: 'Sluttet' } },
      { as: 'akershus.officer' },
    );
    expect(ended.data?.endRoleAssignment).toMatchObject({ endedBy: 'Eirik Strand', endReason: 'Sluttet' });
  });
});

describe('ending and the history', () => {
  it('ends an assignment with who and why, keeps it in the history, and lists it only when asked', async () => {
    const assigned = (await assign(adviserIn('follo'), 'nordrefollo.officer')).data?.assignRole as Assignment;
    expect(code(await subgraph.execute(endRole, { input: { id: assigned.id, reason: ' ' } }))).toBe('BAD_USER_INPUT');
    const ended = await subgraph.execute<{ endRoleAssignment: Assignment }>(
      endRole,
      { input: { id: assigned.id, reason: 'Gikk over til annen stilling' } },
      { as: 'nordrefollo.officer' },
    );
    expect(ended.errors).toBeUndefined();
    expect(ended.data?.endRoleAssignment).toMatchObject({
      endedBy: 'Ingrid Berg',
      endReason: 'Gikk over til annen stilling',
    });
    expect(ended.data?.endRoleAssignment.endedAt).not.toBeNull();
    const active = (await list('nordrefollo.officer')).data?.roleAssignments.items ?? [];
    expect(active.map((item) => item.id)).not.toContain(assigned.id);
    const all = (await list('nordrefollo.officer', { includeEnded: true })).data?.roleAssignments.items ?? [];
    expect(all.map((item) => item.id)).toContain(assigned.id);
    // The demo's ended assignment is history too.
    expect(all.find((item) => item.email === demoEmail('follo.former.adviser'))?.endReason).toBe(
      'Sluttet i Etablerertjenesten i Follo.',
    );
    expect(code(await subgraph.execute(endRole, { input: { id: assigned.id, reason: 'Igjen' } }))).toBe('CONFLICT');
    const rows = await subgraph.orm.em.fork().count(RoleAssignmentSchema, { id: assigned.id });
    expect(rows).toBe(1);
  });

  it('answers NOT_FOUND for an assignment that does not exist, FORBIDDEN for one outside your authority', async () => {
    const missing = { id: '00000000-0000-4000-8000-000000000000', reason: 'x' };
    expect(code(await subgraph.execute(endRole, { input: missing }))).toBe('NOT_FOUND');
    const buskerud = (await list('buskerud.officer')).data?.roleAssignments.items[0] as Assignment;
    expect(code(await subgraph.execute(endRole, { input: { id: buskerud.id, reason: 'x' } }))).toBe('FORBIDDEN');
  });

  it("lists what the caller administers: a county's staff and regions, a municipality officer's region", async () => {
    const akershus = (await list('county.officer')).data?.roleAssignments.items ?? [];
    const emails = akershus.map((item) => item.email);
    expect(emails).toEqual(expect.arrayContaining([demoEmail('akershus.officer'), demoEmail('follo.adviser')]));
    expect(emails).not.toContain(demoEmail('buskerud.officer'));
    expect(emails).not.toContain(demoEmail('drammen.adviser'));

    const region = (await list('nordrefollo.officer')).data?.roleAssignments.items ?? [];
    expect(new Set(region.map((item) => item.regionId))).toEqual(new Set(['follo']));
    expect(new Set(region.map((item) => item.role))).toEqual(new Set(['ADVISER', 'MUNICIPALITY_OFFICER']));

    expect(code(await list('nordrefollo.officer', { regionId: 'drammensregionen' }))).toBe('FORBIDDEN');
    expect(code(await list('county.officer', { regionId: 'drammensregionen' }))).toBe('FORBIDDEN');
    expect(code(await list('follo.adviser'))).toBe('FORBIDDEN');
    // Viken's officers read Viken's (its demo people), and nothing of the counties after it.
    const viken = (await list('viken.officer')).data?.roleAssignments.items ?? [];
    expect(viken.map((item) => item.email).sort()).toEqual(
      [demoEmail('coordination.member'), demoEmail('viken.officer')].sort(),
    );
  });

  it('pages newest first', async () => {
    const everything = (await list('county.officer', { includeEnded: true })).data?.roleAssignments;
    const total = everything?.totalCount ?? 0;
    expect(total).toBeGreaterThan(3);
    const firstPage = (await list('county.officer', { includeEnded: true, first: 2, offset: 0 })).data?.roleAssignments;
    const secondPage = (await list('county.officer', { includeEnded: true, first: 2, offset: 2 })).data
      ?.roleAssignments;
    expect(firstPage).toMatchObject({ totalCount: total, hasNextPage: true });
    expect([...(firstPage?.items ?? []), ...(secondPage?.items ?? [])].map((item) => item.id)).toEqual(
      everything?.items.slice(0, 4).map((item) => item.id),
    );
    const times = everything?.items.map((item) => item.assignedAt) ?? [];
    expect(times).toEqual([...times].sort().reverse());
    const last = (await list('county.officer', { includeEnded: true, first: 2, offset: total - 1 })).data
      ?.roleAssignments;
    expect(last).toMatchObject({ hasNextPage: false });
    expect(last?.items).toHaveLength(1);
    expect(code(await list('county.officer', { first: 0 }))).toBe('BAD_USER_INPUT');
  });

  it('resolves RoleAssignment references for the gateway, for those who administer them', async () => {
    const [row] = await activeFor(demoEmail('follo.adviser'));
    const query = `query Entities($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on RoleAssignment { id email role organisation { id } } }
    }`;
    const representations = [
      { __typename: 'RoleAssignment', id: row?.id },
      { __typename: 'RoleAssignment', id: '00000000-0000-4000-8000-000000000000' },
    ];
    const result = await subgraph.execute(query, { representations }, { as: 'nordrefollo.officer' });
    expect(result).toEqual({
      data: {
        _entities: [
          { id: row?.id, email: demoEmail('follo.adviser'), role: 'ADVISER', organisation: { id: 'operator-follo' } },
          null,
        ],
      },
    });
    expect(code(await subgraph.execute(query, { representations }, { as: 'drammen.officer' }))).toBe('FORBIDDEN');
  });
});

interface Client {
  clientId: string;
  name: string;
  organisation: { id: string };
  scopes: string[];
  keys: { kid: string; publicKey: string; algorithm: string | null; revokedAt: string | null; addedBy: string }[];
  revokedAt: string | null;
  revokedBy: string | null;
}
const clientFields = `clientId name organisation { id kind name } scopes registeredBy revokedAt revokedBy
  keys { kid publicKey algorithm addedAt addedBy revokedAt revokedBy }`;
const register = `mutation Register($input: RegisterApiClientInput!) { registerApiClient(input: $input) { ${clientFields} } }`;
const addKey = `mutation AddKey($input: AddApiClientKeyInput!) { addApiClientKey(input: $input) { ${clientFields} } }`;
const revokeKey = `mutation RevokeKey($input: RevokeApiClientKeyInput!) { revokeApiClientKey(input: $input) { ${clientFields} } }`;
const revokeClient = `mutation RevokeClient($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { ${clientFields} } }`;
const clients = `query Clients($includeRevoked: Boolean!) { apiClients(includeRevoked: $includeRevoked) { ${clientFields} } }`;

const ecPublicKey = (namedCurve = 'P-256') =>
  generateKeyPairSync('ec', { namedCurve }).publicKey.export({ format: 'jwk' }) as Record<string, string>;
const registerClient = (clientId: string, as = 'county.officer') =>
  subgraph.execute<{ registerApiClient: Client }>(
    register,
    { input: { clientId, name: 'Fluxx rapportering', scopes: ['aggregates:read'] } },
    { as },
  );
const add = (clientId: string, key: unknown, as = 'county.officer') =>
  subgraph.execute<{ addApiClientKey: Client }>(
    addKey,
    { input: { clientId, publicKey: typeof key === 'string' ? key : JSON.stringify(key) } },
    { as },
  );

describe('API clients', () => {
  it("registers a partner system for the officer's county, once", async () => {
    const result = await registerClient('fluxx-reporting');
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerApiClient).toMatchObject({
      clientId: 'fluxx-reporting',
      organisation: { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' },
      scopes: ['aggregates:read'],
      registeredBy: 'Kari Nordmann',
      keys: [],
      revokedAt: null,
    });
    expect(code(await registerClient('fluxx-reporting', 'buskerud.officer'))).toBe('CONFLICT');
    const listed = await subgraph.execute<{ apiClients: Client[] }>(clients, { includeRevoked: false });
    expect(listed.data?.apiClients.map((client) => client.clientId)).toEqual(['fluxx-reporting', 'reporting.demo']);
    const buskerud = await subgraph.execute<{ apiClients: Client[] }>(
      clients,
      { includeRevoked: false },
      { as: 'buskerud.officer' },
    );
    expect(buskerud.data?.apiClients).toEqual([]);
  });

  it('refuses unknown scopes, bad ids, and anyone but the officers of a county after Viken', async () => {
    const unknownScope = await subgraph.execute(register, {
      input: { clientId: 'scoped', name: 'X', scopes: ['clients:write'] },
    });
    expect(code(unknownScope)).toBe('BAD_USER_INPUT');
    expect(code(await registerClient('X'))).toBe('BAD_USER_INPUT');
    expect(code(await registerClient('viken-client', 'viken.officer'))).toBe('FORBIDDEN');
    expect(code(await registerClient('region-client', 'nordrefollo.officer'))).toBe('FORBIDDEN');
    expect(code(await subgraph.execute(clients, { includeRevoked: false }, { as: 'follo.adviser' }))).toBe('FORBIDDEN');
  });

  it('refuses a private key, an unknown key type and a short RSA key, naming why', async () => {
    await registerClient('keys-refused');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const refused = await add('keys-refused', privateKey.export({ format: 'jwk' }));
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/private key/);
    expect(code(await add('keys-refused', { kty: 'oct', k: 'c2VjcmV0' }))).toBe('BAD_USER_INPUT');
    const shortRsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    expect(code(await add('keys-refused', shortRsa))).toBe('BAD_USER_INPUT');
    expect(code(await add('keys-refused', ecPublicKey('secp256k1')))).toBe('BAD_USER_INPUT');
    expect(code(await add('keys-refused', 'not json'))).toBe('BAD_USER_INPUT');
    expect(code(await add('keys-refused', { ...ecPublicKey(), x: 'AAAA' }))).toBe('BAD_USER_INPUT');
  });

  it("gives a key without kid its JWK thumbprint (RFC 7638's own example), and keeps one as given", async () => {
    await registerClient('thumbprinted');
    // RFC 7638 §3.1: this key's thumbprint is NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs.
    const rfcKey = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
    };
    const added = await add('thumbprinted', rfcKey);
    expect(added.errors).toBeUndefined();
    const [key] = added.data?.addApiClientKey.keys ?? [];
    expect(key).toMatchObject({ kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs', algorithm: 'RS256' });
    expect(JSON.parse(key?.publicKey ?? '{}')).toEqual({
      ...rfcKey,
      kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
    });
    const named = await add('thumbprinted', { ...ecPublicKey(), kid: 'fluxx-2026' });
    expect(named.data?.addApiClientKey.keys.map((entry) => entry.kid)).toEqual([
      'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
      'fluxx-2026',
    ]);
    expect(code(await add('thumbprinted', rfcKey))).toBe('CONFLICT');
  });

  it('holds at most 5 active keys; a revoked key makes room and is never taken back', async () => {
    await registerClient('five-keys');
    for (let index = 0; index < 5; index += 1) {
      expect((await add('five-keys', { ...ecPublicKey(), kid: `key-${index}` })).errors).toBeUndefined();
    }
    expect(code(await add('five-keys', { ...ecPublicKey(), kid: 'key-5' }))).toBe('CONFLICT');
    const revoked = await subgraph.execute<{ revokeApiClientKey: Client }>(revokeKey, {
      input: { clientId: 'five-keys', kid: 'key-0' },
    });
    expect(revoked.data?.revokeApiClientKey.keys.find((key) => key.kid === 'key-0')?.revokedAt).not.toBeNull();
    expect(code(await subgraph.execute(revokeKey, { input: { clientId: 'five-keys', kid: 'key-0' } }))).toBe(
      'CONFLICT',
    );
    expect(code(await subgraph.execute(revokeKey, { input: { clientId: 'five-keys', kid: 'nope' } }))).toBe(
      'NOT_FOUND',
    );
    expect((await add('five-keys', { ...ecPublicKey('P-384'), kid: 'key-5' })).errors).toBeUndefined();
  });

  it("lets only its own county's officers change a client, and revokes it for good", async () => {
    await registerClient('revoked-client');
    expect(code(await add('revoked-client', ecPublicKey(), 'buskerud.officer'))).toBe('FORBIDDEN');
    expect(code(await add('no-such-client', ecPublicKey()))).toBe('NOT_FOUND');
    const revoked = await subgraph.execute<{ revokeApiClient: Client }>(revokeClient, {
      input: { clientId: 'revoked-client' },
    });
    expect(revoked.data?.revokeApiClient).toMatchObject({ revokedBy: 'Kari Nordmann' });
    expect(code(await add('revoked-client', ecPublicKey()))).toBe('CONFLICT');
    expect(code(await registerClient('revoked-client'))).toBe('CONFLICT');
    const active = await subgraph.execute<{ apiClients: Client[] }>(clients, { includeRevoked: false });
    expect(active.data?.apiClients.map((client) => client.clientId)).not.toContain('revoked-client');
    const all = await subgraph.execute<{ apiClients: Client[] }>(clients, { includeRevoked: true });
    expect(all.data?.apiClients.map((client) => client.clientId)).toContain('revoked-client');
  });

  it('resolves ApiClient references for the gateway, for its own county', async () => {
    const query = `query Entities($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on ApiClient { clientId name scopes keys { kid } } }
    }`;
    const representations = [{ __typename: 'ApiClient', clientId: 'reporting.demo' }];
    expect(await subgraph.execute(query, { representations })).toEqual({
      data: {
        _entities: [{ clientId: 'reporting.demo', name: 'Rapportering (demo)', scopes: ['aggregates:read'], keys: [] }],
      },
    });
    expect(code(await subgraph.execute(query, { representations }, { as: 'buskerud.officer' }))).toBe('FORBIDDEN');
  });
});

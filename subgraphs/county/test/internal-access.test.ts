// The county's internal routes for the gateway's sign-in (issue 20 §1), over real HTTP on a real
// database: admitted only with the gateway's assertion for the county over the exact body, they
// say which role assignment a signed-in person has (binding a verified e-mail's assignment to the
// person) and which active keys a partner system holds.
import { type Orm, type RunningService, type ServiceKeys, serviceAssertionHeader } from '@etablerer/kit';
import { type DevKeys, demoEmail, demoUser, generateDevKeys, signDemoToken } from '@etablerer/kit/demo';
import { type InternalRouteTestService, signedHeaders, startForInternalRoutes } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoleAssignmentSchema } from '../src/entities/access.js';
import { countySubgraph } from '../src/server.js';

let routes: InternalRouteTestService;
let county: RunningService;
let orm: Orm;
let serviceKeys: ServiceKeys;
let devKeys: DevKeys;

beforeAll(async () => {
  devKeys = await generateDevKeys();
  routes = await startForInternalRoutes(countySubgraph, { publicKey: devKeys.publicKey });
  ({ service: county, orm, serviceKeys } = routes);
}, 120_000);

afterAll(() => routes?.stop());

const post: InternalRouteTestService['post'] = (...args) => routes.post(...args);

const issuer = 'http://localhost:4004';
const person = (fields: Record<string, unknown>) => post('access/person', { issuer, name: 'Someone', ...fields });

describe('admission', () => {
  it('refuses a request without the gateway’s assertion for the county over exactly this body', async () => {
    const payload = { clientId: 'reporting.demo' };
    expect(await post('access/client', payload, { signed: false })).toEqual({
      status: 401,
      body: { error: 'unauthenticated' },
    });
    expect(await post('access/client', payload, { audience: 'regions' })).toEqual({
      status: 401,
      body: { error: 'unauthenticated' },
    });
    // Partners signs requests to regions; the county's internal routes trust the gateway only.
    expect((await post('access/client', payload, { service: 'partners' })).status).toBe(401);

    const body = JSON.stringify(payload);
    const headers = await signedHeaders(serviceKeys, 'gateway', 'county', body, { 'content-type': 'application/json' });
    const send = (sent: string) =>
      fetch(`${county.url}/internal/access/client`, { method: 'POST', headers, body: sent });
    // Signed for another body.
    expect((await send(JSON.stringify({ clientId: 'other' }))).status).toBe(401);
    // Then once, and never again.
    expect((await send(body)).status).toBe(200);
    const replayed = await send(body);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toEqual({ error: 'unauthenticated' });
    expect(headers[serviceAssertionHeader]).toBeDefined();
  });

  it('answers a malformed request with invalid_request, and GET with 405', async () => {
    const answer = await post('access/person', { issuer });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_request');
    expect((await fetch(`${county.url}/internal/access/person`)).status).toBe(405);
  });
});

describe('POST /internal/access/person', () => {
  it('finds a person by their verified e-mail at first sign-in, binds them, then finds them by subject', async () => {
    const first = await person({
      subject: 'idp-subject-kari',
      email: 'County.Officer@Demo.Etablerer.no',
      emailVerified: true,
    });
    expect(first.status).toBe(200);
    const assignment = first.body.assignment as { id: string };
    expect(first.body).toEqual({
      assignment: {
        id: expect.any(String),
        role: 'COUNTY_OFFICER',
        organisation: { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' },
        regionId: null,
        municipalityNumber: null,
      },
    });
    const row = await orm.em.fork().findOneOrFail(RoleAssignmentSchema, { id: assignment.id });
    expect(row).toMatchObject({ issuer, subject: 'idp-subject-kari' });
    expect(row.lastSignInAt).toBeInstanceOf(Date);

    // Later: the address changed at the identity provider; the binding holds.
    const later = await person({ subject: 'idp-subject-kari', email: 'kari@elsewhere.no', emailVerified: false });
    expect((later.body.assignment as { id: string }).id).toBe(assignment.id);
    // Someone else signing in with that address finds nothing: the assignment is bound.
    expect(
      (await person({ subject: 'someone-else', email: demoEmail('county.officer'), emailVerified: true })).body,
    ).toEqual({ assignment: null });
    // The same subject at another identity provider is another person.
    expect(
      (await post('access/person', { issuer: 'https://other.example', subject: 'idp-subject-kari', name: 'X' })).body,
    ).toEqual({ assignment: null });
  });

  it('tells a region-bound role with its region and municipality', async () => {
    const answer = await person({ subject: 'drammen-1', email: demoEmail('drammen.officer'), emailVerified: true });
    expect(answer.body.assignment).toMatchObject({
      role: 'MUNICIPALITY_OFFICER',
      organisation: { id: '3005', kind: 'MUNICIPALITY', name: 'Drammen kommune' },
      regionId: 'drammensregionen',
      municipalityNumber: '3005',
    });
  });

  it('answers null for an unverified e-mail, and binds nothing', async () => {
    const answer = await person({ subject: 'unverified', email: demoEmail('follo.adviser'), emailVerified: false });
    expect(answer).toEqual({ status: 200, body: { assignment: null } });
    const [row] = await orm.em.fork().find(RoleAssignmentSchema, { email: demoEmail('follo.adviser') });
    expect(row?.subject).toBeNull();
  });

  it('answers null for an ended assignment, and for a person the platform gives no role', async () => {
    expect(
      (await person({ subject: 'former', email: demoEmail('follo.former.adviser'), emailVerified: true })).body,
    ).toEqual({ assignment: null });
    // NAV's people get their role from the identity provider's claims.
    expect((await person({ subject: 'nav', email: demoEmail('nav.officer'), emailVerified: true })).body).toEqual({
      assignment: null,
    });
  });

  it('answers null once the bound assignment has ended', async () => {
    const bound = await person({ subject: 'halden-1', email: demoEmail('halden.officer'), emailVerified: true });
    const id = (bound.body.assignment as { id: string }).id;
    const row = await orm.em.fork().findOneOrFail(RoleAssignmentSchema, { id });
    await orm.em.fork().nativeUpdate(RoleAssignmentSchema, { id: row.id }, { endedAt: new Date(), endReason: 'x' });
    expect((await person({ subject: 'halden-1' })).body).toEqual({ assignment: null });
  });
});

describe('POST /internal/access/client', () => {
  /** Runs a GraphQL operation as a demo user, through the gateway's door (signed). */
  async function graphql(query: string, variables: Record<string, unknown>, as = 'county.officer') {
    const user = demoUser(as);
    if (!user) throw new Error(as);
    const body = JSON.stringify({ query, variables });
    const token = await signDemoToken(devKeys.privateKey, user);
    const response = await fetch(`${county.url}/graphql`, {
      method: 'POST',
      headers: await signedHeaders(serviceKeys, 'gateway', 'county', body, {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      }),
      body,
    });
    const result = (await response.json()) as { errors?: unknown };
    expect(result.errors).toBeUndefined();
    return result;
  }
  const addKey = `mutation Add($input: AddApiClientKeyInput!) { addApiClientKey(input: $input) { clientId } }`;

  it("tells a client's name, organisation, scopes and active keys only; null when revoked or unknown", async () => {
    expect((await post('access/client', { clientId: 'reporting.demo' })).body).toEqual({
      client: {
        clientId: 'reporting.demo',
        name: 'Rapportering (demo)',
        organisation: { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' },
        scopes: ['aggregates:read'],
        keys: [],
      },
    });
    const { generateKeyPairSync } = await import('node:crypto');
    const publicJwk = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const kept = { ...publicJwk(), kid: 'kept', alg: 'ES256' };
    await graphql(addKey, { input: { clientId: 'reporting.demo', publicKey: JSON.stringify(kept) } });
    await graphql(addKey, {
      input: { clientId: 'reporting.demo', publicKey: JSON.stringify({ ...publicJwk(), kid: 'gone' }) },
    });
    await graphql(
      `mutation Revoke($input: RevokeApiClientKeyInput!) { revokeApiClientKey(input: $input) { clientId } }`,
      { input: { clientId: 'reporting.demo', kid: 'gone' } },
    );
    const answer = await post('access/client', { clientId: 'reporting.demo' });
    expect((answer.body.client as { keys: unknown[] }).keys).toEqual([kept]);

    await graphql(`mutation Revoke($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { clientId } }`, {
      input: { clientId: 'reporting.demo' },
    });
    expect((await post('access/client', { clientId: 'reporting.demo' })).body).toEqual({ client: null });
    expect((await post('access/client', { clientId: 'no-such-client' })).body).toEqual({ client: null });
  });
});

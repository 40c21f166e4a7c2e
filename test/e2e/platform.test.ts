// End to end over HTTP: the platform from its sources as `pnpm dev` runs it (the services under tsx,
// the console on Vite's development server), every process on a port of its own choosing. The
// console in Chromium is driven on the built platform, as `pnpm start` runs it: e2e/built.test.ts.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase, queryRows } from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { type RunningStack, startStack } from '@etablerer/stack';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devToken, queryAs } from '../support/stack.js';

const databases = {
  COUNTY_DATABASE: uniqueDatabaseName('county'),
  REGIONS_DATABASE: uniqueDatabaseName('regions'),
  PARTNERS_DATABASE: uniqueDatabaseName('partners'),
  // The gateway's own (its public rate limits), apart from other runs on the same server.
  GATEWAY_DATABASE: uniqueDatabaseName('gateway'),
};
let stack: RunningStack;

beforeAll(async () => {
  stack = await startStack({
    ports: {
      gateway: 0,
      county: 0,
      regions: 0,
      partners: 0,
      console: 0,
      identityProvider: 0,
      mailCatcher: 0,
      mailCatcherSmtp: 0,
    },
    env: { ...databases, LOG_LEVEL: 'warn' },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all(Object.values(databases).map((database) => dropDatabase(testServerUrl(), database)));
});

const signIn = (username: string) => devToken(stack.gatewayUrl, username);
const query = (body: { query: string; variables?: Record<string, unknown> }, username?: string) =>
  queryAs(stack.gatewayUrl, body, username);

/** This machine's first address that is not loopback, to send from as a visitor on the network would. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && !entry.internal && entry.family === 'IPv4')?.address;

/** POSTs an operation without a token from `localAddress`, optionally with an X-Forwarded-For of its own. */
function postFrom(
  localAddress: string,
  url: string,
  body: unknown,
  forwardedFor?: string,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/** The points each client address has taken of the public mutations' limit, as the regions subgraph holds them. */
async function pointsTaken(): Promise<Record<string, number>> {
  const rows = await queryRows<{ key: string; points: number }>(
    stack.databaseUrl,
    databases.REGIONS_DATABASE,
    'select key, points from rate_limit_window order by key',
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.points]));
}

describe('the platform as `pnpm start` runs it', () => {
  it('answers a query spanning the three subgraphs through the gateway, from freshly seeded databases', async () => {
    const { status, json } = await query({
      query: `query Overview($year: Int!) {
        regions { name municipalities { name population } }
        gatherings(year: $year) { title }
      }`,
      variables: { year: 2024 },
    });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    const data = json.data as {
      regions: { name: string; municipalities: { name: string; population: number }[] }[];
      gatherings: { title: string }[];
    };
    expect(data.regions.map((r) => r.name)).toEqual([
      'Asker og Bærum',
      'Drammensregionen',
      'Follo',
      'Halden',
      'Hallingdal',
      'Indre Østfold',
      'Kongsbergregionen',
      'Midt-Buskerud',
      'Mosseregionen',
      'Nedre Glomma',
      'Nedre Romerike',
      'Ringerike og Hadeland',
      'Øvre Romerike',
    ]);
    expect(data.regions.find((r) => r.name === 'Hallingdal')?.municipalities).toEqual([
      { name: 'Flå', population: 1000 },
      { name: 'Nesbyen', population: 3300 },
      { name: 'Gol', population: 4600 },
      { name: 'Hemsedal', population: 2500 },
      { name: 'Ål', population: 4700 },
      { name: 'Hol', population: 4400 },
    ]);
    expect(data.gatherings).toHaveLength(2);
  });

  // A visitor on the network, not on this machine: the console's proxy must say who they are,
  // and the gateway must believe that from the proxy only. Needs an address besides loopback.
  it.skipIf(!networkAddress)(
    'keys the public limits by the visitor behind the console’s proxy, and ignores X-Forwarded-For from anyone else',
    async () => {
      const visitor = networkAddress as string;
      const ask = {
        query: `mutation Ask($input: CounsellingRequestInput!) { requestCounselling(input: $input) { reference } }`,
        variables: {
          input: {
            person: {
              name: 'Nora Nett',
              email: 'nora.nett@example.no',
              municipalityNumber: '3021',
              consentToProcessing: true,
            },
            message: 'Hjelp med forretningsplan',
          },
        },
      };
      const viaConsole = await postFrom(visitor, `${stack.consoleUrl}/graphql`, ask);
      expect(viaConsole).toMatchObject({
        status: 200,
        body: { data: { requestCounselling: { reference: expect.any(String) } } },
      });
      expect(await pointsTaken()).toEqual({ [`public-mutations:${visitor}`]: 1 });
      // Straight at the gateway, the visitor's own X-Forwarded-For is a claim anyone could make.
      const forged = await postFrom(visitor, `${stack.gatewayUrl}/graphql`, ask, '198.51.100.9');
      expect(forged.status).toBe(200);
      expect(await pointsTaken()).toEqual({ [`public-mutations:${visitor}`]: 2 });
    },
  );

  it('reports every subgraph up on the health endpoint (internal port), and only liveness on the public one', async () => {
    expect((await fetch(`${stack.gatewayUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${stack.gatewayUrl}/health`)).status).toBe(404);
    const response = await fetch(`${stack.gatewayInternalUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      subgraphs: { county: { status: 'up' }, regions: { status: 'up' }, partners: { status: 'up' } },
    });
  });

  it("refuses a subgraph called straight with a user's token: only what the gateway signed gets in", async () => {
    const token = await signIn('follo.adviser');
    for (const url of Object.values(stack.subgraphUrls)) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'query Q { __typename }' }),
      });
      expect(response.status, url).toBe(401);
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
      ).toBe('UNAUTHENTICATED');
    }
  });

  it('lets partners ask regions whose client an id is, with the keys the stack made', async () => {
    // A Follo client of the demo data: Drammen may not refer them, and regions said so to partners.
    const clients = await query({ query: 'query C { clients(first: 1) { items { id } } }' }, 'follo.adviser');
    const clientId = (clients.json.data as { clients: { items: { id: string }[] } }).clients.items[0]?.id;
    const refer = (username: string) =>
      query(
        {
          query: 'mutation S($input: SendReferralInput!) { sendReferral(input: $input) { id } }',
          variables: {
            input: {
              clientId,
              direction: 'TO_INNOVASJON_NORGE',
              programme: 'STARTUP_LOAN',
              consentGivenOn: '2026-01-05',
              sharedClientData: { name: 'E2e' },
            },
          },
        },
        username,
      );
    const refused = await refer('drammen.adviser');
    expect((refused.json.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await refer('follo.adviser')).json.errors).toBeUndefined();
  });
});

/** One GET with the path sent exactly as written: fetch would resolve `..` and re-encode before sending. */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('latin1');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('partner systems with client credentials (private_key_jwt)', () => {
  /** The token endpoint, as the platform's metadata names it (an assertion's audience). */
  const tokenEndpoint = async () => {
    const metadata = await fetch(`${stack.gatewayUrl}/.well-known/oauth-authorization-server`);
    return ((await metadata.json()) as { token_endpoint: string }).token_endpoint;
  };
  /** A client assertion as a partner system signs it: iss = sub = its client id, for the token endpoint. */
  const assertion = async (clientId: string, key: CryptoKey, kid: string) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(await tokenEndpoint())
      .setIssuedAt()
      .setExpirationTime('60s')
      .setJti(randomUUID())
      .sign(key);
  const requestToken = async (clientAssertion: string) => {
    const response = await fetch(`${stack.gatewayUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion,
        scope: 'aggregates:read',
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const figures = {
    query: 'query Figures($year: Int!) { regions { id statistics(year: $year) { newClients } } }',
    variables: { year: 2024 },
  };

  it('gets a token with a key the county registered, reads the aggregates with it, and none once the key is revoked', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    // Akershus registers the partner's public key on the demo's client.
    const added = await query(
      {
        query: `mutation AddKey($input: AddApiClientKeyInput!) {
          addApiClientKey(input: $input) { clientId keys { kid revokedAt } }
        }`,
        variables: { input: { clientId: 'reporting.demo', publicKey: JSON.stringify(publicJwk) } },
      },
      'county.officer',
    );
    expect(added.json.errors).toBeUndefined();
    const kid = (
      added.json.data as { addApiClientKey: { keys: { kid: string; revokedAt: string | null }[] } }
    ).addApiClientKey.keys.find((key) => key.revokedAt === null)?.kid;
    expect(kid).toBeTruthy();

    const granted = await requestToken(await assertion('reporting.demo', privateKey, kid ?? ''));
    expect(granted).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'aggregates:read' } });
    const read = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${granted.body.access_token}` },
      body: JSON.stringify(figures),
    });
    const answer = (await read.json()) as {
      data?: { regions: { statistics: { newClients: number } }[] };
      errors?: unknown;
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.regions.length).toBeGreaterThan(0);

    const revoked = await query(
      {
        query: `mutation Revoke($input: RevokeApiClientKeyInput!) { revokeApiClientKey(input: $input) { clientId } }`,
        variables: { input: { clientId: 'reporting.demo', kid } },
      },
      'county.officer',
    );
    expect(revoked.json.errors).toBeUndefined();
    expect(await requestToken(await assertion('reporting.demo', privateKey, kid ?? ''))).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });
});

describe("the console's development server", () => {
  const repository = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
  // Under `pnpm start` PostgreSQL keeps its files in .data/postgres; the tests use the machine's server instead,
  // so a file of our own stands in for them beside it, with content that must never come back.
  const canary = `canary ${randomUUID()}`;
  const canaryFile = `/.data/postgres-e2e-${randomUUID()}/base/1/16384`;
  beforeAll(() => {
    mkdirSync(dirname(`${repository}${canaryFile}`), { recursive: true });
    writeFileSync(`${repository}${canaryFile}`, canary);
  });
  afterAll(() => rmSync(`${repository}${canaryFile.split('/base/')[0]}`, { recursive: true, force: true }));
  const variants = ['', '?raw', '?import', '?import&raw', '?raw??', '?url', '?inline', '?worker_file&type=module'];
  const files = [
    '/.data/service-keys/keys.json',
    '/.data/identity-provider/client.json',
    canaryFile,
    '/package.json',
    '/pnpm-workspace.yaml',
    '/schema/supergraph.graphql',
    '/gateway/src/server.ts',
    '/subgraphs/kit/src/dev-tokens.ts',
    '/node_modules/.modules.yaml',
    '/node_modules/.pnpm/node_modules/@etablerer/gateway/src/server.ts',
  ];
  const tricks = (file: string) => [
    `/@fs${repository}${file}`,
    `/@fs/${repository}${file}`,
    `/@fs${repository}/admin-ui/..${file}`,
    `/@fs${repository}/admin-ui/src/../..${file}`,
    `/@fs${repository}/admin-ui/%2e%2e${file}`,
    `/@fs${repository}/admin-ui/%2E%2E${file}`,
    `/@fs${repository}/admin-ui/..%2f${file.slice(1).replaceAll('/', '%2f')}`,
    `/@fs${repository}/admin-ui/..%5c${file.slice(1)}`,
    `/@fs${repository}${file.replaceAll('/', '\\')}`,
    `/..${file}`,
    `/%2e%2e${file}`,
    `/..%2f${file.slice(1)}`,
  ];

  it('serves no file of the repository outside the console and its dependencies, however the path is written', async () => {
    const consoleUrl = stack.consoleUrl ?? '';
    // What must never come back: the gateway's service key, the console's client secret at the identity
    // provider, PostgreSQL's files, the repository's own files.
    const serviceKeys = JSON.parse(readFileSync(`${repository}/.data/service-keys/keys.json`, 'utf8')) as {
      privateKeys: { gateway: { d: string } };
    };
    const client = JSON.parse(readFileSync(`${repository}/.data/identity-provider/client.json`, 'utf8')) as {
      client_secret: string;
    };
    const secrets = [
      serviceKeys.privateKeys.gateway.d,
      client.client_secret,
      canary,
      '"packageManager"',
      'packages:',
      'export function gatewayOptionsFromEnvironment',
    ];
    const served: string[] = [];
    for (const file of files) {
      for (const path of tricks(file)) {
        for (const variant of variants) {
          const { status, body } = await rawGet(consoleUrl, `${path}${variant}`);
          if (![403, 404].includes(status) || secrets.some((secret) => body.includes(secret))) {
            served.push(`${status} ${path}${variant}`);
          }
        }
      }
    }
    expect(served).toEqual([]);
  });

  it('still serves every module the console loads, from its entry through its views and their dependencies', async () => {
    const consoleUrl = stack.consoleUrl ?? '';
    // What a browser does (and what runs where Chromium is missing): follow every static and lazy import.
    const seen = new Set(['/src/main.ts', '/@vite/client']);
    const queue = [...seen];
    const failed: string[] = [];
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const { status, body } = await rawGet(consoleUrl, url);
      if (status !== 200) failed.push(`${status} ${url}`);
      for (const [, imported] of body.matchAll(/(?:from|import)\s*\(?\s*["'](\/[^"']+)["']/g)) {
        if (imported && !seen.has(imported)) {
          seen.add(imported);
          queue.push(imported);
        }
      }
    }
    expect(failed).toEqual([]);
    // The playground's preloaded operation lives outside admin-ui, and is one of them.
    expect([...seen].some((url) => url.includes('/schema/operations/coordination-overview.graphql'))).toBe(true);
    expect([...seen].some((url) => url.includes('graphiql'))).toBe(true);
  });
});

// Test helpers: a throw-away database per test file on the real server, and a subgraph's
// Apollo Server executing operations against it (the first of the three test layers).
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ApolloServer, GraphQLResponse } from '@apollo/server';
import { importJWK, type JWK, SignJWT } from 'jose';
import { expect } from 'vitest';
import { type Caller, callerFromClaims, defaultAudience, defaultIssuer, maxClockToleranceSeconds } from './auth.js';
import { databaseServer, dropDatabase, repositoryDataDir, withDatabaseClient } from './database.js';
import { demoUser } from './demo-users.js';
import { type DevKeys, generateDevKeys, signDemoToken } from './dev-tokens.js';
import { type DatabaseLimits, dataTables, type Orm, seedInTransaction } from './orm.js';
import { anonymousCaller } from './public-access.js';
import { apolloServer, type RunningService } from './service.js';
import {
  createServiceSigner,
  generateServiceKeys,
  type ServiceKeys,
  serviceKeyEnvironment,
  withServiceAssertion,
} from './service-assertion.js';
import { nodeArgumentsFor } from './service-process.js';
import {
  defaultSubgraphPorts,
  openSubgraphDatabase,
  type SubgraphContext,
  type SubgraphDefinition,
  startSubgraph,
  subgraphApolloOptions,
} from './subgraph.js';
import { type SubgraphCall, subgraphCaller } from './subgraph-calls.js';

export * from './personal-data-testing.js';

/** The caller a verified token of this demo user turns into. */
export function demoCaller(username: string): Caller {
  const user = demoUser(username);
  if (!user) throw new Error(`No demo user ${username}`);
  const { username: sub, ...claims } = user;
  return callerFromClaims({ sub, ...claims });
}

/**
 * Vitest global set-up: with no DATABASE_URL, start an embedded PostgreSQL for the run (kept in
 * `.data/postgres-test`), so `pnpm test` works on a machine without a database server.
 */
export async function databaseForTests(): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) return async () => {};
  const server = await databaseServer({
    dataDir: `${repositoryDataDir}postgres-test`,
    port: Number(process.env.EMBEDDED_POSTGRES_TEST_PORT ?? 54330),
  });
  process.env.DATABASE_URL = server.url;
  return () => server.stop();
}

export function testServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('No database server for tests: the global set-up (databaseForTests) did not run');
  return url;
}

/** A database name no other test file uses, e.g. `regions_t_3f9a1c2b`. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_t_${randomBytes(4).toString('hex')}`;
}

/**
 * An md5 of every table's rows (in a fixed order), by table name: two databases with the same
 * checksums hold the same data, ids and all.
 */
export async function tableChecksums(orm: Orm): Promise<Record<string, string>> {
  const connection = orm.em.getConnection();
  const tables = await dataTables(orm);
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await connection.execute<{ sum: string }[]>(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${name}" t`,
    );
    sums[name] = row?.sum ?? '';
  }
  return sums;
}

/**
 * Where any of the texts occurs in a database, case-insensitively: `table.column` of every text,
 * JSON or array column of every table that holds one. An erasure test expects none.
 */
export async function columnsContaining(server: string, database: string, texts: string[]): Promise<string[]> {
  return withDatabaseClient(server, database, async (client) => {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
      `select c.table_name, c.column_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
        order by c.table_name, c.column_name`,
    );
    const patterns = texts.map((text) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const { rows } = await client.query<{ hits: number }>(
        `select count(*)::int as hits from "${table}" where "${column}"::text ilike any($1::text[])`,
        [patterns],
      );
      if ((rows[0]?.hits ?? 0) > 0) found.push(`${table}.${column}`);
    }
    return found;
  });
}

let testClients = 0;

/**
 * An address of its own for each operation a test runs in process (there is no connection to take
 * one from), so per-address limits bite only where a test names one client address for several.
 */
function testClientAddress(): string {
  testClients += 1;
  return `2001:db8::${Math.floor(testClients / 0x10000).toString(16)}:${(testClients % 0x10000).toString(16)}`;
}

export interface TestSubgraph<Context extends SubgraphContext> {
  orm: Orm;
  server: ApolloServer<Context>;
  /**
   * Runs an operation with a fresh request context, as the HTTP server would, for a demo user
   * (county.officer unless `as` names another; `as: null` sends no token, as the public website does),
   * from `clientAddress`, or from an address no other operation of the run uses.
   */
  execute<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { as?: string | null; clientAddress?: string },
  ): Promise<{ data?: Data | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }>;
  close(): Promise<void>;
}

/** A real subgraph another one under test calls: its own process on port 0, on a throw-away database with the demo data. */
export interface PeerSubgraph {
  url: string;
  stop(): Promise<void>;
}

const testIssuer = 'test-issuer';
const testAudience = 'test-audience';

/**
 * Starts subgraph `name` (its `src/index.ts` in the workspace, as `pnpm start` runs it) as a
 * process, trusting the test's sign-in key and the calling services' keys; the subgraphs it
 * would call in turn are pointed at the discard port.
 */
export async function startPeerSubgraph(
  name: string,
  { devKeys, serviceKeys }: { devKeys: DevKeys; serviceKeys: ServiceKeys },
): Promise<PeerSubgraph> {
  const server = testServerUrl();
  const database = uniqueDatabaseName(name);
  const entry = fileURLToPath(new URL(`../../${name}/src/index.ts`, import.meta.url));
  const child = fork(entry, [], {
    execArgv: nodeArgumentsFor(entry),
    env: {
      ...process.env,
      SERVICE_NAME: name,
      DATABASE_URL: server,
      [`${name.toUpperCase()}_DATABASE`]: database,
      PORT: '0',
      INTERNAL_PORT: '0',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      AUTH_ISSUER: testIssuer,
      AUTH_AUDIENCE: testAudience,
      AUTH_PUBLIC_KEY: JSON.stringify(devKeys.publicKey),
      ...serviceKeyEnvironment(serviceKeys, name),
      ...Object.fromEntries(
        Object.keys(defaultSubgraphPorts).map((other) => [`${other.toUpperCase()}_URL`, 'http://127.0.0.1:9/graphql']),
      ),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    await dropDatabase(server, database);
  };
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type === 'ready' && message.url) resolve(`${message.url}/graphql`);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited before it was ready (${code}):\n${output}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, stop };
}

/** The subgraph on a fresh, migrated database of its own; `seed` fills it with the demo data. */
export async function createTestSubgraph<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  {
    seed = true,
    peerUrls = {},
    onCall,
    limits,
  }: {
    seed?: boolean;
    /** The database's statement and idle-in-transaction limits, when not a serving process's defaults. */
    limits?: DatabaseLimits;
    /** Where a subgraph it calls is, instead of starting one (e.g. an address nothing answers at). */
    peerUrls?: Record<string, string>;
    /** Told of every call it makes to another subgraph, e.g. to count them (the call still runs). */
    onCall?: (subgraph: string, query: string, variables?: Record<string, unknown>) => void;
  } = {},
): Promise<TestSubgraph<Context>> {
  const server = testServerUrl();
  const database = uniqueDatabaseName(definition.name);
  const orm = await openSubgraphDatabase(definition, server, database, limits ? { limits } : {});
  if (seed) await seedInTransaction(orm, definition.demoSeeder);
  const apollo = apolloServer<Context>(subgraphApolloOptions(definition));
  await apollo.start();
  // The subgraphs it calls run for real, started on its first call to each: a test that never
  // calls one does not wait for it.
  const keys = definition.calls?.length
    ? { devKeys: await generateDevKeys(), serviceKeys: await generateServiceKeys() }
    : undefined;
  const peers = new Map<string, Promise<PeerSubgraph>>();
  const peerUrl = async (name: string) => {
    if (!keys || !definition.calls?.includes(name)) return undefined;
    if (peerUrls[name]) return peerUrls[name];
    if (!peers.has(name)) peers.set(name, startPeerSubgraph(name, keys));
    return (await peers.get(name))?.url;
  };
  const observed = (call: SubgraphCall): SubgraphCall =>
    onCall
      ? (subgraph, query, variables) => {
          onCall(subgraph, query, variables);
          return call(subgraph, query, variables);
        }
      : call;
  const requestAs = async (username: string | null) => {
    if (!keys) return undefined;
    const user = username === null ? undefined : demoUser(username);
    const authorization = user
      ? `Bearer ${await signDemoToken(keys.devKeys.privateKey, user, { issuer: testIssuer, audience: testAudience })}`
      : undefined;
    const signer = await createServiceSigner(keys.serviceKeys.privateKeys[definition.name] as JWK);
    return {
      service: { service: 'gateway' },
      ...(authorization ? { authorization } : {}),
      call: observed(subgraphCaller({ signer, url: peerUrl, ...(authorization ? { authorization } : {}) })),
    };
  };
  return {
    orm,
    server: apollo,
    async execute(query, variables, options) {
      const username = options?.as === undefined ? 'county.officer' : options.as;
      const response: GraphQLResponse = await apollo.executeOperation(
        { query, ...(variables ? { variables } : {}) },
        {
          contextValue: definition.context(orm, username === null ? anonymousCaller : demoCaller(username), {
            clientAddress: options?.clientAddress ?? testClientAddress(),
            ...(await requestAs(username)),
          }),
        },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as never;
    },
    async close() {
      await apollo.stop();
      await orm.close();
      await dropDatabase(server, database);
      await Promise.all([...peers.values()].map(async (peer) => (await peer.catch(() => undefined))?.stop()));
    },
  };
}

/**
 * Headers for a request straight to the `audience` subgraph, signed as `service` (the gateway in
 * most tests) with its key from `keys`, as that service signs it: for exactly this body.
 */
export async function signedHeaders(
  keys: ServiceKeys,
  service: string,
  audience: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Record<string, string>> {
  const privateKey = keys.privateKeys[service];
  if (!privateKey) throw new Error(`No service key of ${service}`);
  return withServiceAssertion(await createServiceSigner(privateKey), audience, body, headers);
}

/** What an internal route answered: its status and JSON body. */
export interface InternalRouteAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A subgraph running as a service for tests of its internal routes (kit internal-routes.ts). */
export interface InternalRouteTestService {
  service: RunningService;
  /** The test's own ORM on the service's database, to look at the rows the routes change. */
  orm: Orm;
  serviceKeys: ServiceKeys;
  /**
   * POSTs `payload` as JSON to `/internal/<route>`, signed as `service` (the gateway by default) for
   * `audience` (the subgraph by default) over exactly that body; unsigned with `signed: false`.
   */
  post(
    route: string,
    payload: unknown,
    options?: { service?: string; audience?: string; signed?: boolean },
  ): Promise<InternalRouteAnswer>;
  /** Stops the service and drops its database. */
  stop(): Promise<void>;
}

/**
 * Starts `definition` over real HTTP on a database of its own with its demo data, trusting freshly
 * made service keys of every calling service and access tokens signed by `publicKey`.
 */
export async function startForInternalRoutes<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  { publicKey }: { publicKey: JWK },
): Promise<InternalRouteTestService> {
  const database = uniqueDatabaseName(definition.name);
  const serviceKeys = await generateServiceKeys();
  const service = await startSubgraph(definition, {
    server: testServerUrl(),
    database,
    port: 0,
    host: '127.0.0.1',
    seedDemo: true,
    retentionSchedule: null,
    auth: { issuer: defaultIssuer, audience: defaultAudience, publicKey },
    serviceKeys: serviceKeys.jwks.keys,
  });
  const orm = await openSubgraphDatabase(definition, testServerUrl(), database);
  return {
    service,
    orm,
    serviceKeys,
    async post(route, payload, { service: caller = 'gateway', audience = definition.name, signed = true } = {}) {
      const body = JSON.stringify(payload);
      const headers = { 'content-type': 'application/json' };
      const response = await fetch(`${service.url}/internal/${route}`, {
        method: 'POST',
        headers: signed ? await signedHeaders(serviceKeys, caller, audience, body, headers) : headers,
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async stop() {
      await orm.close();
      await service.stop();
      await dropDatabase(testServerUrl(), database);
    },
  };
}

export interface TestTokenOptions {
  /** The signing key (a private ES256 JWK); its kid goes in the header. */
  privateKey: JWK;
  issuer: string;
  audience: string;
  /** The demo user the token is for; county.officer when left out. */
  username?: string;
  /** Claims set over the well-formed ones (iat and nbf now, exp in an hour, a jti); `undefined` leaves one out. */
  claims?: Record<string, unknown>;
  /** Header fields set over `{ alg: 'ES256', kid }`; `undefined` leaves one out. */
  header?: Record<string, unknown>;
}

const withoutUndefined = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** The claims of a well-formed access token for a demo user, changed as `options.claims` says. */
function testClaims({ issuer, audience, username = 'county.officer', claims = {} }: TestTokenOptions) {
  const user = demoUser(username);
  if (!user) throw new Error(`No demo user ${username}`);
  const { username: sub, ...userClaims } = user;
  const now = nowInSeconds();
  return withoutUndefined({
    ...userClaims,
    sub,
    iss: issuer,
    aud: audience,
    iat: now,
    nbf: now,
    exp: now + 3600,
    jti: randomUUID(),
    ...claims,
  });
}

/** An access token as the platform's token service would sign it, or with the changes a test asks for. */
export async function testToken(options: TestTokenOptions): Promise<string> {
  const header = withoutUndefined({ alg: 'ES256', kid: options.privateKey.kid, ...options.header });
  return new SignJWT(testClaims(options))
    .setProtectedHeader(header as { alg: string })
    .sign(await importJWK(options.privateKey, 'ES256'));
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Tokens that no service may let in, by what is wrong with them: each otherwise a well-formed token of
 * `username` (county.officer) for this issuer and audience, signed with `privateKey` (whose public half,
 * `publicKey`, the services trust), so only the named fault can be why it is refused. The expired and
 * not-yet-valid ones are off by more than any clock tolerance a service allows.
 */
export async function badTokens(
  options: Omit<TestTokenOptions, 'claims' | 'header'> & { publicKey: JWK },
): Promise<[fault: string, token: string][]> {
  const { publicKey, ...signing } = options;
  const now = nowInSeconds();
  const beyondTolerance = maxClockToleranceSeconds + 60;
  const token = (change: Partial<Pick<TestTokenOptions, 'claims' | 'header' | 'privateKey'>>) =>
    testToken({ ...signing, ...change });
  const stranger = (await generateDevKeys()).privateKey;
  return [
    ['expired', await token({ claims: { iat: now - 3600, nbf: now - 3600, exp: now - beyondTolerance } })],
    ['not valid yet (nbf in the future)', await token({ claims: { nbf: now + beyondTolerance } })],
    ['issued in the future (iat)', await token({ claims: { iat: now + beyondTolerance } })],
    ['for another audience', await token({ claims: { aud: 'someone-else' } })],
    ['from another issuer', await token({ claims: { iss: 'someone-else' } })],
    [
      'signed by a key the issuer does not publish (unknown kid)',
      await token({ privateKey: { ...stranger, kid: `unknown-${randomUUID()}` } }),
    ],
    ['signed by another key under a known kid', await token({ privateKey: { ...stranger, kid: publicKey.kid } })],
    [
      'unsigned (alg none)',
      `${base64url({ alg: 'none', typ: 'JWT', kid: publicKey.kid })}.${base64url(testClaims(signing))}.`,
    ],
    [
      'signed with the public key as an HMAC secret (alg HS256)',
      await new SignJWT(testClaims(signing))
        .setProtectedHeader({ alg: 'HS256', kid: publicKey.kid ?? '' })
        .sign(new TextEncoder().encode(JSON.stringify(publicKey))),
    ],
    ['without a key id (kid)', await token({ header: { kid: undefined } })],
    ['without an expiry (exp)', await token({ claims: { exp: undefined } })],
    ['without a start (nbf)', await token({ claims: { nbf: undefined } })],
    ['without an issue time (iat)', await token({ claims: { iat: undefined } })],
  ];
}

/** What a service answered a GraphQL request, as far as the bad-token checks look. */
export interface TokenCheckAnswer {
  status: number;
  body: { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
}

/**
 * Sends each of `badTokens(options)` as `Bearer <token>` through `send` and expects every one refused
 * with 401 UNAUTHENTICATED and no data; compared by fault, so a failure names the token let in. The
 * same check at the gateway and in a subgraph.
 */
export async function expectEveryBadTokenRefused(
  options: Parameters<typeof badTokens>[0],
  send: (authorization: string) => Promise<TokenCheckAnswer>,
): Promise<void> {
  const refusals: Record<string, unknown> = {};
  for (const [fault, token] of await badTokens(options)) {
    const { status, body } = await send(`Bearer ${token}`);
    refusals[fault] = { status, data: body.data ?? null, codes: body.errors?.map((error) => error.extensions?.code) };
  }
  expect(Object.keys(refusals)).toEqual(
    expect.arrayContaining([
      'expired',
      'for another audience',
      'from another issuer',
      'signed by a key the issuer does not publish (unknown kid)',
      'unsigned (alg none)',
    ]),
  );
  const refused = { status: 401, data: null, codes: ['UNAUTHENTICATED'] };
  expect(refusals).toEqual(Object.fromEntries(Object.keys(refusals).map((fault) => [fault, refused])));
}

/** A JWKS endpoint over HTTP, as the gateway serves its keys, that a test can change, count and break. */
export interface TestJwksServer {
  /** The JWKS's address. */
  url: string;
  /** The public keys it serves; a test may add to them (a new signing key) or remove one. */
  keys: JWK[];
  /** How many times it was asked for the keys. */
  readonly requests: number;
  /** While true it answers 503, as an endpoint that is down. */
  failing: boolean;
  stop(): Promise<void>;
}

export async function serveJwks(keys: JWK[]): Promise<TestJwksServer> {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests += 1;
    if (jwks.failing) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(JSON.stringify({ keys: jwks.keys }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const jwks: TestJwksServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    keys: [...keys],
    get requests() {
      return requests;
    },
    failing: false,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return jwks;
}

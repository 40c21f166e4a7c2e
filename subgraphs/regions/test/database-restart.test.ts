// The database going away under load: a restart of the PostgreSQL server, and the server cutting
// the subgraph's connections. Requests meanwhile fail at once with SERVICE_UNAVAILABLE, the
// subgraph recovers by itself, and every write is there whole or not at all.
import { rmSync } from 'node:fs';
import {
  type AuthConfig,
  type DatabaseServer,
  databaseUnavailableMessage,
  freePort,
  generateServiceKeys,
  queryRows as query,
  type RunningService,
  repositoryDataDir,
  type ServiceKeys,
  startEmbeddedPostgres,
  startSubgraph,
} from '@etablerer/kit';
import { type DevKeys, demoUser, generateDevKeys, signDemoToken } from '@etablerer/kit/demo';
import { createTestSubgraph, signedHeaders, type TestSubgraph, testServerUrl } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const registerClient = `mutation Register($input: RegisterClientInput!) { registerClient(input: $input) { id } }`;
const logSession = `mutation Log($input: LogCounsellingSessionInput!) { logCounsellingSession(input: $input) { id topic } }`;
const sessionInput = (clientId: string, topic: string) => ({
  input: { clientId, date: '2025-03-04', durationMinutes: 30, form: 'PHONE', topic },
});
const newClientInput = (name: string) => ({
  input: {
    regionId: 'follo',
    municipalityNumber: '3020',
    name,
    immigrantBackground: 'NO',
    surveyConsent: false,
    confirmedNotDuplicate: true,
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The sessions of a client and the audit entries logging them: each logCounsellingSession writes
 * one of each in one transaction, so the two counts match unless a write was half applied.
 */
async function sessionsAndAudit(server: string, database: string, clientId: string) {
  const sessions = await query<{ topic: string }>(
    server,
    database,
    'select topic from counselling_session where client_id = $1',
    [clientId],
  );
  const [audit] = await query<{ count: number }>(
    server,
    database,
    `select count(*)::int as count from audit_entry where record_id = $1 and detail = 'logCounsellingSession'`,
    [clientId],
  );
  return { topics: sessions.map((row) => row.topic).sort(), auditEntries: audit?.count ?? 0 };
}

describe('a restart of the PostgreSQL server during a burst of writes', () => {
  const dataDir = `${repositoryDataDir}postgres-restart-test`;
  const database = 'regions_restart';
  let port: number;
  let postgres: DatabaseServer | undefined;
  let subgraph: RunningService | undefined;
  let keys: DevKeys;
  let auth: AuthConfig;
  let token: string;
  let serviceKeys: ServiceKeys;

  async function post(body: { query: string; variables?: Record<string, unknown> }) {
    const started = performance.now();
    // A bounded wait: a request that hangs (knex waits 60 s for a connection by default) fails here.
    const text = JSON.stringify(body);
    const response = await fetch(`${subgraph?.url}/graphql`, {
      method: 'POST',
      headers: await signedHeaders(serviceKeys, 'gateway', 'regions', text, {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      }),
      body: text,
      signal: AbortSignal.timeout(15_000),
    });
    return { body: (await response.json()) as GraphQLBody, ms: performance.now() - started };
  }

  beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    port = await freePort();
    postgres = await startEmbeddedPostgres({ dataDir, port });
    keys = await generateDevKeys();
    auth = { issuer: 'test-issuer', audience: 'test-audience', publicKey: keys.publicKey };
    const adviser = demoUser('follo.adviser');
    if (!adviser) throw new Error('no follo.adviser');
    token = await signDemoToken(keys.privateKey, adviser, { issuer: auth.issuer, audience: auth.audience });
    serviceKeys = await generateServiceKeys();
    subgraph = await startSubgraph(regionsSubgraph, {
      server: postgres.url,
      database,
      port: 0,
      auth,
      serviceKeys: serviceKeys.jwks.keys,
      servicePrivateKey: serviceKeys.privateKeys.regions,
    });
  }, 180_000);

  afterAll(async () => {
    await subgraph?.stop();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('fails requests at once while it is down, recovers without a restart of the subgraph, and loses or half-applies no write', async () => {
    const registered = await post({ query: registerClient, variables: newClientInput('Omstart Testesen') });
    expect(registered.body.errors).toBeUndefined();
    const clientId = (registered.body.data?.registerClient as { id: string } | undefined)?.id as string;

    // A burst of 100 sessions, one every 20 ms; the server stops once a fifth of them are saved.
    const burstSize = 100;
    let saved = 0;
    const burst = Array.from({ length: burstSize }, async (_, i) => {
      await sleep(i * 20);
      const topic = `burst-${String(i).padStart(3, '0')}`;
      const { body, ms } = await post({ query: logSession, variables: sessionInput(clientId, topic) });
      if (!body.errors) saved++;
      return { topic, body, ms };
    });
    for (let waited = 0; saved < burstSize / 5 && waited < 10_000; waited += 10) await sleep(10);
    const server = postgres as DatabaseServer;
    await server.stop();
    postgres = undefined;

    // While it is down: a clear answer at once, not a hang and not an internal error.
    const duringOutage = [];
    for (let i = 0; i < 5; i++) {
      duringOutage.push(await post({ query: logSession, variables: sessionInput(clientId, `outage-${i}`) }));
    }
    for (const { body } of duringOutage) {
      // Refused before it runs (the service assertion's use is recorded in the database), or by the
      // write itself: no data either way.
      expect(body.data ?? null).toBeNull();
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: databaseUnavailableMessage,
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }),
        }),
      ]);
    }
    const health = await fetch(`${subgraph?.internalUrl}/health`, { signal: AbortSignal.timeout(15_000) });
    expect(health.status).toBe(503);

    const results = await Promise.all(burst);
    postgres = await startEmbeddedPostgres({ dataDir, port });

    // Back: the same subgraph process answers again, from its first request on.
    const after = [];
    for (let i = 0; i < 5; i++) {
      after.push(await post({ query: logSession, variables: sessionInput(clientId, `after-${i}`) }));
    }
    for (const { body } of after) expect(body.errors).toBeUndefined();
    expect((await fetch(`${subgraph?.internalUrl}/health`)).status).toBe(200);

    const succeeded = results.filter((result) => !result.body.errors);
    const failed = results.filter((result) => result.body.errors);
    // The server did stop mid-burst: some writes made it before, some came during the outage.
    expect(succeeded.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    for (const result of failed) {
      expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    }
    const stored = await sessionsAndAudit(postgres.url, database, clientId);
    // Every write that was confirmed is there, none that failed is, and each is whole.
    expect(stored.topics).toEqual(
      [...succeeded.map((result) => result.topic), ...after.map((_, i) => `after-${i}`)].sort(),
    );
    expect(stored.auditEntries).toBe(stored.topics.length);

    const slowestFailure = Math.max(...[...failed, ...duringOutage].map((result) => result.ms));
    console.info(
      `database restart: ${burstSize} writes in the burst, ${succeeded.length} succeeded, ${failed.length} failed with SERVICE_UNAVAILABLE; the slowest failure took ${Math.round(slowestFailure)} ms`,
    );
  }, 120_000);
});

describe('the server cutting the subgraph’s connections (pg_terminate_backend) during a burst', () => {
  let subgraph: TestSubgraph<Context>;
  let database: string;
  beforeAll(async () => {
    subgraph = await createTestSubgraph(regionsSubgraph);
    database = subgraph.orm.config.get('dbName');
  });
  afterAll(() => subgraph?.close());

  /** Ends every connection to this test's own throw-away database but the one asking. */
  const terminateConnections = async () => {
    const rows = await query<{ ended: boolean }>(
      testServerUrl(),
      'postgres',
      'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    return rows.filter((row) => row.ended).length;
  };

  it('answers SERVICE_UNAVAILABLE for the writes it cut, then works on fresh connections, each write whole or absent', async () => {
    const registered = await subgraph.execute<{ registerClient: { id: string } }>(
      registerClient,
      newClientInput('Avbrudd Testesen'),
      { as: 'follo.adviser' },
    );
    expect(registered.errors).toBeUndefined();
    const clientId = registered.data?.registerClient.id as string;

    const burstSize = 120;
    const burst = Array.from({ length: burstSize }, async (_, i) => {
      await sleep(i * 5);
      const topic = `cut-${String(i).padStart(3, '0')}`;
      return {
        topic,
        result: await subgraph.execute(logSession, sessionInput(clientId, topic), { as: 'follo.adviser' }),
      };
    });
    // Three cuts while the burst runs.
    let cut = 0;
    for (let i = 0; i < 3; i++) {
      await sleep(i === 0 ? 100 : 150);
      cut += await terminateConnections();
    }
    expect(cut).toBeGreaterThan(0);
    const results = await Promise.all(burst);

    const after = [];
    for (let i = 0; i < 5; i++) {
      after.push(await subgraph.execute(logSession, sessionInput(clientId, `after-${i}`), { as: 'follo.adviser' }));
    }
    for (const result of after) expect(result.errors).toBeUndefined();

    const succeeded = results.filter(({ result }) => !result.errors);
    const failed = results.filter(({ result }) => result.errors);
    for (const { result } of failed) {
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    }
    const stored = await sessionsAndAudit(testServerUrl(), database, clientId);
    expect(stored.topics).toEqual(
      [...succeeded.map(({ topic }) => topic), ...after.map((_, i) => `after-${i}`)].sort(),
    );
    expect(stored.auditEntries).toBe(stored.topics.length);
    console.info(
      `connections cut: ${burstSize} writes in the burst, ${succeeded.length} succeeded, ${failed.length} failed with SERVICE_UNAVAILABLE, ${cut} connections cut`,
    );
  }, 60_000);
});

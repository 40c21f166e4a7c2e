// More than one instance of each service on one PostgreSQL, as behind a load balancer: two gateways
// share the public rate limits, regions instances refuse an assertion replayed to another, and run
// the scheduled retention task once between them.
import {
  databaseUrl,
  dropDatabase,
  logger,
  queryRows,
  type RetentionRun,
  type RunningService,
  retentionActor,
  retentionLockKey,
  startSubgraph,
} from '@etablerer/kit';
import { signedHeaders, testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { regionsSubgraph } from '@etablerer/regions';
import type { JWK } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type GatewayOptions, gatewayOptionsFromEnvironment } from '../src/server.js';
import { startTestPlatform, type TestPlatform } from './support/platform.js';

// Each retention run logs what it did or that it skipped; what was logged when, from before anything runs.
const info = logger.info.bind(logger);
const logged: { at: number; message: unknown[] }[] = [];
const spy = vi.spyOn(logger, 'info').mockImplementation(((...message: unknown[]) => {
  logged.push({ at: performance.now(), message });
  return (info as (...args: unknown[]) => void)(...message);
}) as typeof logger.info);

const gatewayDatabase = uniqueDatabaseName('gateway');
/** Small, so the test reaches them: 6 anonymous operations per address in 10 minutes. */
const publicLimits = { operations: { points: 6, windowSeconds: 600 }, mutations: { points: 10, windowSeconds: 600 } };
const sharedState: Pick<GatewayOptions, 'database' | 'publicLimits'> = {
  database: { server: testServerUrl(), database: gatewayDatabase },
  publicLimits,
};

let platform: TestPlatform;
/**
 * Two more regions instances on the platform's regions database, each running the retention task
 * every second: the first serves the second gateway.
 */
let scheduledRegions: RunningService[] = [];
/** The second gateway, over the second regions instance. */
let secondGateway: RunningService;
/** Holds the retention task's lock until both scheduled instances are seen trying to run it. */
let lockHolder: pg.Client | undefined;

beforeAll(async () => {
  platform = await startTestPlatform({ gateway: sharedState });
  lockHolder = new pg.Client({ connectionString: databaseUrl(testServerUrl(), platform.databases.regions) });
  await lockHolder.connect();
  await lockHolder.query('select pg_advisory_lock($1)', [retentionLockKey]);
  const instance = () =>
    startSubgraph(regionsSubgraph, {
      server: testServerUrl(),
      database: platform.databases.regions,
      port: 0,
      auth: platform.auth,
      serviceKeys: platform.serviceKeys.jwks.keys,
      servicePrivateKey: platform.serviceKeys.privateKeys.regions as JWK,
      subgraphUrl: (other) => platform.subgraphUrls[other as keyof typeof platform.subgraphUrls],
      retentionSchedule: '* * * * * *', // every second, for the test; nightly in production
    });
  scheduledRegions = await Promise.all([instance(), instance()]);
  secondGateway = await platform.startGateway({
    ...sharedState,
    subgraphUrls: { regions: `${scheduledRegions[0]?.url}/graphql` },
  });
}, 180_000);

afterAll(async () => {
  await lockHolder?.end();
  await secondGateway?.stop();
  await Promise.all(scheduledRegions.map((instance) => instance.stop()));
  await platform?.stop();
  await dropDatabase(testServerUrl(), gatewayDatabase);
  spy.mockRestore();
}, 60_000);

describe('two gateways on one database', () => {
  it('count the public rate limit together: requests spread over both are refused at the limit in total', async () => {
    const gateways = [platform.gateway.url, secondGateway.url];
    const outcomes: string[] = [];
    for (let request = 0; request < 10; request++) {
      const { status, body } = await platform.post('query PublicRegions { publicRegions { id } }', undefined, {
        token: null,
        url: `${gateways[request % 2]}/graphql`,
      });
      outcomes.push(status === 200 && body.data ? 'answered' : String(body.errors?.[0]?.extensions?.code));
    }
    // Three answered by each, then both refuse: alone, each would have answered six.
    expect(outcomes).toEqual([...Array(6).fill('answered'), ...Array(4).fill('RATE_LIMITED')]);
    const [stored] = await queryRows<{ points: number }>(
      testServerUrl(),
      gatewayDatabase,
      "select points from public_rate_limit where key like 'public-operations:%'",
    );
    expect(stored?.points).toBe(10);
  });

  it('find their database from DATABASE_URL and GATEWAY_DATABASE; in production one is required', () => {
    const env = {
      AUTH_PUBLIC_KEY: JSON.stringify(platform.keys.publicKey),
      SERVICE_PRIVATE_KEY: JSON.stringify(platform.serviceKeys.privateKeys.gateway),
    };
    expect(
      gatewayOptionsFromEnvironment({ ...env, DATABASE_URL: 'postgres://u:p@db.example:5432/ignored' }).database,
    ).toEqual({
      server: 'postgres://u:p@db.example:5432',
      database: 'gateway',
    });
    expect(
      gatewayOptionsFromEnvironment({ ...env, DATABASE_URL: 'postgres://db.example', GATEWAY_DATABASE: 'gw' }).database,
    ).toEqual({ server: 'postgres://db.example', database: 'gw' });
    expect(gatewayOptionsFromEnvironment(env).database).toBeUndefined();
    expect(() => gatewayOptionsFromEnvironment({ ...env, NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL is not set: in production the gateway keeps the public rate limits in PostgreSQL/,
    );
  });

  it('keep the limit, each by itself, while their database is away, and fail no request for it', async () => {
    const ownDatabase = uniqueDatabaseName('gateway');
    const alone = await platform.startGateway({
      database: { server: testServerUrl(), database: ownDatabase },
      publicLimits,
    });
    try {
      await dropDatabase(testServerUrl(), ownDatabase);
      const codes: string[] = [];
      for (let request = 0; request < 8; request++) {
        const { status, body } = await platform.post('query PublicRegions { publicRegions { id } }', undefined, {
          token: null,
          url: `${alone.url}/graphql`,
        });
        codes.push(status === 200 && body.data ? 'answered' : String(body.errors?.[0]?.extensions?.code));
      }
      expect(codes).toEqual([...Array(6).fill('answered'), ...Array(2).fill('RATE_LIMITED')]);
    } finally {
      await alone.stop();
    }
  });
});

describe('two regions instances on one database', () => {
  const body = JSON.stringify({ query: 'query Regions { regions { id } }' });
  const otherRegions = () => scheduledRegions[0]?.url as string;
  const send = async (url: string, headers: Record<string, string>) => {
    const token = await platform.tokenFor('county.officer');
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });
    return { status: response.status, text: await response.text() };
  };

  it('refuse a service assertion replayed to the other instance', async () => {
    const headers = await signedHeaders(platform.serviceKeys, 'gateway', 'regions', body);
    const first = await send(platform.subgraphs.regions.url, headers);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).data.regions).toHaveLength(13);
    const replayed = await send(otherRegions(), headers);
    expect(replayed.status).toBe(401);
    expect(replayed.text).toContain('the service assertion was used already');
  });

  it('accept an assertion sent to both at once at one of them only', async () => {
    const headers = await signedHeaders(platform.serviceKeys, 'gateway', 'regions', body);
    const answers = await Promise.all([send(platform.subgraphs.regions.url, headers), send(otherRegions(), headers)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it('run the scheduled retention task once between them: each person past retention erased and audited once', async () => {
    const skips = () =>
      logged.filter(({ message }) => message[0] === 'retention: another instance is running it; skipped');
    const runs = () =>
      logged.flatMap(({ message: [first] }) =>
        typeof first === 'object' && first !== null && 'retention' in first
          ? [(first as { retention: RetentionRun & { clients: number } }).retention]
          : [],
      );
    // While the test holds the task's lock both instances skip, each once a second: two skips at
    // nearly the same moment come from both, firing together.
    await vi.waitUntil(
      () => {
        const times = skips().map(({ at }) => at);
        return times.some((at, i) => i > 0 && at - (times[i - 1] as number) < 500);
      },
      { timeout: 60_000, interval: 50 },
    );
    expect(runs()).toEqual([]);
    await lockHolder?.end();
    lockHolder = undefined;
    // Then both fire every second on their own: wait until a run has erased persons and a later one found none left.
    await vi.waitUntil(
      () => {
        const done = runs();
        const first = done.findIndex((run) => run.clients > 0);
        return first >= 0 && done.slice(first + 1).some((run) => run.clients === 0);
      },
      { timeout: 120_000, interval: 100 },
    );
    // One run erased them all; every other run, on either instance, skipped or found no one left.
    const erasing = runs().filter((run) => run.clients > 0);
    expect(erasing).toHaveLength(1);
    const rows = <Row>(sql: string) => queryRows<Row>(testServerUrl(), platform.databases.regions, sql);
    const [erased] = await rows<{ n: number }>('select count(*)::int as n from client where erased_at is not null');
    const [audited] = await rows<{ n: number; actors: string[] }>(
      `select count(*)::int as n, array_agg(distinct caller_name) as actors from audit_entry
        where detail like 'personal data erased, RETENTION:%'`,
    );
    expect(erased?.n).toBeGreaterThan(0);
    expect(audited).toEqual({ n: erased?.n, actors: [retentionActor.name] });
  });
});

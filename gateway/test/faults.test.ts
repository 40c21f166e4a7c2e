// A partner down: the gateway over county and regions in this process and partners as a real child
// process, which is stopped and started again; and a partners address that never answers or fails.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countySubgraph } from '@etablerer/county';
import {
  type AuthConfig,
  type DevKeys,
  demoUser,
  dropDatabase,
  generateDevKeys,
  type RunningService,
  signDemoToken,
  startSubgraph,
} from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { regionsSubgraph } from '@etablerer/regions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayOptionsFromEnvironment, startGateway } from '../src/server.js';
import { type ServiceProcess, startServiceProcess } from '../src/stack/stack.js';
import { defaultSubgraphTimeoutMs, subgraphUnavailableCode } from '../src/subgraph-faults.js';

const overview = readFileSync(
  new URL('../../schema/operations/coordination-overview.graphql', import.meta.url),
  'utf8',
);
const year = 2024;

const databases = { county: uniqueDatabaseName('county'), regions: uniqueDatabaseName('regions') };
const partnersDatabase = uniqueDatabaseName('partners');
let keys: DevKeys;
let auth: AuthConfig;
let county: RunningService;
let regions: RunningService;
let partners: ServiceProcess | undefined;
let partnersPort: number;
let gateway: RunningService;

interface Region {
  id: string;
  name: string;
  municipalities: { population: number }[];
  funding: { total: string } | null;
  statistics: { newClients: number | null } | null;
  referrals: { toNav: number | null } | null;
}
interface Overview {
  regions: Region[];
  gatherings: { title: string }[] | null;
}
interface Answer {
  status: number;
  text: string;
  body: { data?: Overview | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function askOverview(gatewayUrl = gateway.url): Promise<Answer> {
  const user = demoUser('coordination.member');
  if (!user) throw new Error('no demo coordination member');
  const token = await signDemoToken(keys.privateKey, user, { issuer: auth.issuer, audience: auth.audience });
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: overview, variables: { year } }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
}

function startPartners(port: number): Promise<ServiceProcess> {
  return startServiceProcess('partners', {
    env: {
      DATABASE_URL: testServerUrl(),
      PARTNERS_DATABASE: partnersDatabase,
      PORT: String(port),
      AUTH_ISSUER: auth.issuer,
      AUTH_AUDIENCE: auth.audience,
      AUTH_PUBLIC_KEY: JSON.stringify(keys.publicKey),
      LOG_LEVEL: 'warn',
    },
    output: 'pipe',
    onFork: (child) => {
      // Drained, so a chatty log never fills the pipe and stalls the process.
      child.stdout?.resume();
      child.stderr?.resume();
    },
  });
}

/** What a user relies on when partners is missing: everything else there, partners' fields null, one clear error. */
function expectPartnersMissing({ status, text, body }: Answer) {
  expect(status).toBe(200);
  expect(body.errors).toEqual([
    {
      message: 'The partners service is unavailable; its fields in this answer are null.',
      extensions: { code: subgraphUnavailableCode, service: 'partners' },
    },
  ]);
  const data = body.data as Overview;
  expect(data.gatherings).toBeNull();
  expect(data.regions).toHaveLength(13);
  for (const region of data.regions) {
    expect(region.name).toEqual(expect.any(String));
    expect(region.municipalities.length).toBeGreaterThan(0);
    expect(region.municipalities.every((municipality) => municipality.population > 0)).toBe(true);
    expect(region.funding?.total).toMatch(/^\d+\.\d{2}$/);
    expect(region.statistics).not.toBeNull();
    expect(region.referrals).toBeNull();
  }
  // Nothing internal in the answer: no subgraph address, no stack.
  expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|stacktrace|at .*\.ts:\d+/);
}

function expectComplete({ status, body }: Answer) {
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  const data = body.data as Overview;
  expect(data.regions).toHaveLength(13);
  expect(data.regions.every((region) => region.referrals !== null)).toBe(true);
  expect(data.gatherings?.length).toBeGreaterThan(0);
}

beforeAll(async () => {
  keys = await generateDevKeys();
  auth = { issuer: 'test-issuer', audience: 'test-audience', publicKey: keys.publicKey };
  const server = testServerUrl();
  [county, regions, partners] = await Promise.all([
    startSubgraph(countySubgraph, { server, database: databases.county, port: 0, auth }),
    startSubgraph(regionsSubgraph, { server, database: databases.regions, port: 0, auth }),
    startPartners(0),
  ]);
  partnersPort = Number(new URL(partners.url).port);
  gateway = await startGateway({
    port: 0,
    auth,
    subgraphUrls: {
      county: `${county.url}/graphql`,
      regions: `${regions.url}/graphql`,
      partners: `${partners.url}/graphql`,
    },
    subgraphTimeoutMs: 2_000,
  });
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await partners?.stop();
  await Promise.all([county?.stop(), regions?.stop()]);
  const server = testServerUrl();
  await Promise.all([...Object.values(databases), partnersDatabase].map((database) => dropDatabase(server, database)));
});

describe('the gateway with the partners subgraph stopped and started again', () => {
  it('answers the coordination overview in full while every subgraph runs', async () => {
    expectComplete(await askOverview());
  });

  it('answers without the partners fields, naming the service, once the partners process has stopped', async () => {
    await partners?.stop();
    expect(partners?.child.exitCode ?? partners?.child.signalCode).not.toBeNull();
    expectPartnersMissing(await askOverview());
  });

  it('reports partners down on /health and stays ready for the rest', async () => {
    const health = await fetch(`${gateway.url}/health`);
    const report = (await health.json()) as { status: string; subgraphs: Record<string, { status: string }> };
    expect(health.status).toBe(503);
    expect(report.status).toBe('degraded');
    expect(report.subgraphs.partners?.status).toBe('down');
    expect(report.subgraphs.county?.status).toBe('up');
    expect(report.subgraphs.regions?.status).toBe('up');
    expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200);
  });

  it('answers in full on the next request once partners is back on its port, without restarting the gateway', async () => {
    partners = await startPartners(partnersPort);
    expectComplete(await askOverview());
    const health = (await (await fetch(`${gateway.url}/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
  });
});

describe('the gateway with a partners address that misbehaves', () => {
  let mode: 'hang' | 'fail' | 'refuse' = 'hang';
  let misbehaving: Server;
  let degraded: RunningService;

  beforeAll(async () => {
    // Accepts connections; then either never answers or answers like a broken proxy.
    misbehaving = createServer((request, response) => {
      request.resume();
      if (mode === 'fail') response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      if (mode === 'refuse') {
        response
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }));
      }
    });
    await new Promise<void>((resolve) => misbehaving.listen(0, '127.0.0.1', resolve));
    const { port } = misbehaving.address() as AddressInfo;
    degraded = await startGateway({
      port: 0,
      auth,
      subgraphUrls: {
        county: `${county.url}/graphql`,
        regions: `${regions.url}/graphql`,
        partners: `http://127.0.0.1:${port}/graphql`,
      },
      subgraphTimeoutMs: 1_000,
    });
  });

  afterAll(async () => {
    await degraded?.stop();
    misbehaving?.closeAllConnections();
    await new Promise((resolve) => misbehaving?.close(resolve));
  });

  it('gives up on a subgraph that never answers after its timeout and answers the rest', async () => {
    mode = 'hang';
    expectPartnersMissing(await askOverview(degraded.url));
  });

  it('tells a 5xx answer from a subgraph as the same unavailable service, without its body', async () => {
    mode = 'fail';
    const answer = await askOverview(degraded.url);
    expectPartnersMissing(answer);
    expect(answer.text).not.toContain('Bad gateway');
  });

  it("passes a subgraph's refusal on with its own message and code, not its address", async () => {
    mode = 'refuse';
    const { status, text, body } = await askOverview(degraded.url);
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      { message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED', service: 'partners' } },
    ]);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
  });
});

describe('the subgraph time limit from the environment', () => {
  const env = () => ({ AUTH_PUBLIC_KEY: JSON.stringify(keys.publicKey) });

  it('is SUBGRAPH_TIMEOUT_MS when set, the default otherwise, and refuses a value that is no time', () => {
    expect(gatewayOptionsFromEnvironment({ ...env(), SUBGRAPH_TIMEOUT_MS: '2500' }).subgraphTimeoutMs).toBe(2500);
    expect(gatewayOptionsFromEnvironment(env()).subgraphTimeoutMs).toBeUndefined();
    expect(defaultSubgraphTimeoutMs).toBe(10_000);
    for (const bad of ['10s', '0', '-5', 'abc']) {
      expect(() => gatewayOptionsFromEnvironment({ ...env(), SUBGRAPH_TIMEOUT_MS: bad })).toThrow(
        /SUBGRAPH_TIMEOUT_MS/,
      );
    }
  });
});

// A partner down: the gateway over county and regions in this process and partners as a real child
// process, which is stopped and started again; and a partners address that never answers or fails.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningService } from '@etablerer/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphUnavailableCode } from '../src/subgraph-faults.js';
import { type GraphQLAnswer, useTestPlatform } from './support/platform.js';

const overview = readFileSync(
  new URL('../../schema/operations/coordination-overview.graphql', import.meta.url),
  'utf8',
);
const year = 2024;

const platform = useTestPlatform({
  processes: ['partners'],
  // Only partners is made to fail here: the others keep the default time, however busy the machine.
  gateway: { subgraphTimeoutMs: { partners: 2_000 } },
  timeoutMs: 180_000,
});

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
  body: GraphQLAnswer<Overview>;
}

async function askOverview(gatewayUrl = platform.gateway.url): Promise<Answer> {
  const token = await platform.tokenFor('coordination.member');
  return platform.post<Overview>(overview, { year }, { token, url: `${gatewayUrl}/graphql` });
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

describe('the gateway with the partners subgraph stopped and started again', () => {
  it('answers the coordination overview in full while every subgraph runs', async () => {
    expectComplete(await askOverview());
  });

  it('answers without the partners fields, naming the service, once the partners process has stopped', async () => {
    const partners = platform.processes.partners;
    await partners?.stop();
    expect(partners?.child.exitCode ?? partners?.child.signalCode).not.toBeNull();
    expectPartnersMissing(await askOverview());
  });

  it('refuses a personal-data export rather than give one without the partners part', async () => {
    const token = await platform.tokenFor('follo.adviser');
    const clients = await platform.post<{ clients: { items: { id: string }[] } }>(
      'query C { clients(regionId: "follo", first: 1) { items { id } } }',
      undefined,
      { token },
    );
    const clientId = clients.body.data?.clients.items[0]?.id;
    expect(clientId).toEqual(expect.any(String));
    const { status, body } = await platform.post(
      'query E($id: ID!) { clientDataExport(clientId: $id) { heldByRegions client { id personalDataHeldByPartners } } }',
      { id: clientId },
      { token },
    );
    expect(status).toBe(200);
    // The partners part is non-null on purpose: an export missing a subgraph's data is no export.
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: { code: subgraphUnavailableCode, service: 'partners' } }),
    ]);
  });

  it('reports partners down on /health and stays ready for the rest', async () => {
    const health = await fetch(`${platform.gateway.internalUrl}/health`);
    const report = (await health.json()) as { status: string; subgraphs: Record<string, { status: string }> };
    expect(health.status).toBe(503);
    expect(report.status).toBe('degraded');
    expect(report.subgraphs.partners?.status).toBe('down');
    expect(report.subgraphs.county?.status).toBe('up');
    expect(report.subgraphs.regions?.status).toBe('up');
    expect((await fetch(`${platform.gateway.internalUrl}/health/ready`)).status).toBe(200);
  });

  it('answers in full on the next request once partners is back on its port, without restarting the gateway', async () => {
    await platform.restartProcess('partners');
    expectComplete(await askOverview());
    const health = (await (await fetch(`${platform.gateway.internalUrl}/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
  });
});

describe('the gateway with a partners address that misbehaves', () => {
  let mode: 'hang' | 'fail' | 'refuse' | 'database away' = 'hang';
  let misbehaving: Server;
  let degraded: RunningService;
  let misbehavingUrl: string;

  beforeAll(async () => {
    // Accepts connections; then either never answers or answers like a broken proxy.
    misbehaving = createServer((request, response) => {
      request.resume();
      if (mode === 'fail') response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      if (mode === 'database away') {
        // What a subgraph whose PostgreSQL is away answers before it runs anything.
        response.writeHead(503, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            errors: [
              {
                message: 'The database is unavailable; try again shortly.',
                extensions: { code: 'SERVICE_UNAVAILABLE' },
              },
            ],
          }),
        );
      }
      if (mode === 'refuse') {
        response
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }));
      }
    });
    await new Promise<void>((resolve) => misbehaving.listen(0, '127.0.0.1', resolve));
    const { port } = misbehaving.address() as AddressInfo;
    misbehavingUrl = `http://127.0.0.1:${port}/graphql`;
    degraded = await platform.startGateway({
      subgraphUrls: { partners: misbehavingUrl },
      subgraphTimeoutMs: { partners: 1_000 },
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

  it('names an unavailable subgraph once, even where its errors carry stack traces that differ', async () => {
    // The overview calls partners twice (gatherings at the root, referrals per region). With stack
    // traces on (GRAPHQL_STACKTRACES in development) each fetch's error has its own stack, and the
    // answer gave the same SUBGRAPH_UNAVAILABLE twice.
    mode = 'fail';
    const tracing = await platform.startGateway({
      subgraphUrls: { partners: misbehavingUrl },
      mode: { production: false, introspection: false, stacktraces: true },
    });
    try {
      const { status, body } = await askOverview(tracing.url);
      expect(status).toBe(200);
      expect(body.errors?.map((error) => [error.extensions?.code, error.extensions?.service])).toEqual([
        [subgraphUnavailableCode, 'partners'],
      ]);
    } finally {
      await tracing.stop();
    }
  });

  it('passes on that a subgraph answered its database is away, as SERVICE_UNAVAILABLE, not as the service gone', async () => {
    mode = 'database away';
    const { status, body } = await askOverview(degraded.url);
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: 'The database is unavailable; try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE', service: 'partners' },
      },
    ]);
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

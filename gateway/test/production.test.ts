// The gateway as production runs it (NODE_ENV=production, from its configuration) over the real
// subgraphs: no introspection by default, an internal error told without its message or trace, no
// development sign-in, and /metrics and the detailed health on the internal port only.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningService } from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayOptions, gatewayOptionsFromEnvironment } from '../src/server.js';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform();

let production: RunningService;
let brokenPartners: Server;
let withBrokenPartners: RunningService;

/** The gateway's options from a production environment, over the platform's subgraphs and keys. */
function productionOptions(): Partial<Omit<GatewayOptions, 'auth'>> {
  const {
    auth: _auth,
    subgraphUrls: _urls,
    subgraphHealthUrls: _health,
    ...options
  } = gatewayOptionsFromEnvironment({
    NODE_ENV: 'production',
    PORT: '0',
    INTERNAL_PORT: '0',
    AUTH_ISSUER: platform.auth.issuer,
    AUTH_AUDIENCE: platform.auth.audience,
    SERVICE_PRIVATE_KEY: JSON.stringify(platform.serviceKeys.privateKeys.gateway),
    // Required in production: the public rate limits are counted there, shared by every instance.
    DATABASE_URL: testServerUrl(),
    GATEWAY_DATABASE: uniqueDatabaseName('gateway'),
    // Required in production: people sign in at an OpenID provider (discovered at the first sign-in only).
    PUBLIC_URL: 'https://etablerer.example.no',
    OIDC_ISSUER: 'https://idp.example.no',
    OIDC_CLIENT_ID: 'etablerer',
    OIDC_CLIENT_SECRET: 'a-secret',
  });
  return options;
}

beforeAll(async () => {
  production = await platform.startGateway(productionOptions());
  // A partners subgraph with a bug: its answer carries the database's message and its stack trace.
  brokenPartners = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        data: { gatherings: null },
        errors: [
          {
            message: 'relation "gathering" does not exist',
            path: ['gatherings'],
            extensions: {
              code: 'INTERNAL_SERVER_ERROR',
              stacktrace: [
                'error: relation "gathering" does not exist',
                '    at /srv/etablerer/subgraphs/partners/src/resolvers/Gathering.ts:12:5',
              ],
            },
          },
        ],
      }),
    );
  });
  brokenPartners.listen(0, '127.0.0.1');
  await once(brokenPartners, 'listening');
  const { port } = brokenPartners.address() as AddressInfo;
  withBrokenPartners = await platform.startGateway({
    ...productionOptions(),
    subgraphUrls: { partners: `http://127.0.0.1:${port}/graphql` },
  });
});

afterAll(async () => {
  await production?.stop();
  await withBrokenPartners?.stop();
  brokenPartners?.close();
});

const post = (gateway: RunningService, query: string, variables?: Record<string, unknown>) =>
  platform.post(query, variables, { url: `${gateway.url}/graphql` });

describe('the gateway in production', () => {
  it('answers the graph', async () => {
    const { status, body } = await post(production, 'query R { regions { id } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuses introspection, which its configuration leaves off by default, and suggests no field names', async () => {
    const { body, text } = await post(production, 'query Introspect { __schema { queryType { name } } }');
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/introspection/i) })]);
    const typo = await post(production, 'query Typo { regoins { id } }');
    expect(typo.text).not.toMatch(/did you mean/i);
    expect(`${text}${typo.text}`).not.toMatch(/stacktrace/);
  });

  it("tells a subgraph's internal error as an internal server error, without its message or stack trace", async () => {
    const { status, text, body } = await post(
      withBrokenPartners,
      'query Gatherings($year: Int!) { gatherings(year: $year) { title } }',
      { year: 2024 },
    );
    expect(status).toBe(200);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(Object.keys(body.errors?.[0]?.extensions ?? {})).toEqual(['code']);
    expect(text).not.toMatch(/relation|gathering" does not exist|stacktrace|\.ts:\d+|\/srv\//);
  });

  it('has no development sign-in, and will not start one', async () => {
    const response = await fetch(`${production.url}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county.officer' }),
    });
    expect(response.status).toBe(404);
    await expect(platform.startGateway({ ...productionOptions(), signIn: { devSignIn: true } })).rejects.toThrow(
      /development sign-in cannot run in production/,
    );
  });

  it('serves /metrics and the detailed health on its internal port, and neither on the public one', async () => {
    await post(production, 'query R { regions { id } }');
    expect(new URL(production.internalUrl).hostname).toBe('127.0.0.1');
    const metrics = await fetch(`${production.internalUrl}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(
      /^gateway_subgraph_request_duration_seconds_count\{service="gateway",subgraph="regions",outcome="ok"\} [1-9]\d*$/m,
    );
    expect(text).toMatch(
      /^graphql_operation_duration_seconds_count\{service="gateway",operation="R",outcome="ok"\} [1-9]\d*$/m,
    );
    expect(text).toMatch(/^graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED",service="gateway"\} [1-9]\d*$/m);
    expect(text).toMatch(/^process_resident_memory_bytes\{service="gateway"\} \d+/m);
    const health = await fetch(`${production.internalUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      service: 'gateway',
      status: 'ok',
      subgraphs: { county: { status: 'up' }, regions: { status: 'up' }, partners: { status: 'up' } },
    });

    for (const path of ['/metrics', '/health', '/health/ready']) {
      expect((await fetch(`${production.url}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${production.url}/health/live`)).status).toBe(200);
  });

  it("has each subgraph's SQL statements and connection pool on the subgraph's internal port", async () => {
    const regions = platform.subgraphs.regions;
    const text = await (await fetch(`${regions.internalUrl}/metrics`)).text();
    expect(text).toMatch(/^sql_statements_total\{service="regions"\} [1-9]\d*$/m);
    for (const state of ['used', 'free', 'pending']) {
      expect(text).toMatch(new RegExp(`^database_pool_connections\\{state="${state}",service="regions"\\} \\d+$`, 'm'));
    }
    const health = await fetch(`${regions.internalUrl}/health`);
    expect(await health.json()).toEqual({ service: 'regions', status: 'ok', database: 'up' });
    expect((await fetch(`${regions.url}/metrics`)).status).toBe(404);
  });
});

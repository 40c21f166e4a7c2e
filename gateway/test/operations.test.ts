// Operations, with each service in a process of its own as in production: JSON logs that follow
// one request from the gateway into a subgraph, liveness and readiness, and a graceful stop that
// finishes the request in flight.
import diagnostics from 'node:diagnostics_channel';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import {
  defaultAudience,
  defaultIssuer,
  dropDatabase,
  generateServiceKeys,
  type ServiceKeys,
  serviceKeyEnvironment,
} from '@etablerer/kit';
import { demoUser, generateDevKeys, signDemoToken } from '@etablerer/kit/demo';
import { signedHeaders, testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../src/server.js';
import { type ServiceProcess, startSourceProcess } from './support/processes.js';

type LogLine = Record<string, unknown> & { msg?: string; requestId?: string; service?: string };

/** Every line a process wrote; a line that is not JSON fails the log test. */
class Log {
  readonly lines: string[] = [];
  constructor(service: ServiceProcess) {
    for (const stream of [service.child.stdout, service.child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => this.lines.push(line));
    }
  }
  entries(): LogLine[] {
    return this.lines.map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`a log line that is not JSON: ${line}`);
      }
    });
  }
  /** Waits for a line matching `match`: a process writes its log asynchronously (slowly on a loaded machine). */
  async find(match: (line: LogLine) => boolean): Promise<LogLine> {
    for (let attempt = 0; attempt < 250; attempt++) {
      const found = this.entries().find(match);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no such log line in:\n${this.lines.join('\n')}`);
  }
}

const database = uniqueDatabaseName('regions');
/** The gateway's own (its public rate limits), apart from other runs on the same server. */
const gatewayDatabase = uniqueDatabaseName('gateway');
let regions: ServiceProcess;
let gateway: ServiceProcess;
let regionsLog: Log;
let gatewayLog: Log;
let token: string;
let keys: Awaited<ReturnType<typeof generateDevKeys>>;
let serviceKeys: ServiceKeys;

beforeAll(async () => {
  keys = await generateDevKeys();
  const user = demoUser('county.officer');
  if (!user) throw new Error('county.officer');
  token = await signDemoToken(keys.privateKey, user);
  // NODE_ENV unset (empty), as under `pnpm start`: no test or production defaults.
  const common = { LOG_LEVEL: 'info', PORT: '0', AUTH_PUBLIC_KEY: JSON.stringify(keys.publicKey), NODE_ENV: '' };
  serviceKeys = await generateServiceKeys();
  regions = await startSourceProcess('regions', {
    env: {
      ...common,
      ...serviceKeyEnvironment(serviceKeys, 'regions'),
      DATABASE_URL: testServerUrl(),
      REGIONS_DATABASE: database,
      SEED_DEMO: 'false',
    },
    output: 'pipe',
  });
  regionsLog = new Log(regions);
  gateway = await startSourceProcess('gateway', {
    // The other two subgraphs are not running: nothing listens on port 9 (discard).
    env: {
      ...common,
      ...serviceKeyEnvironment(serviceKeys, 'gateway'),
      DATABASE_URL: testServerUrl(),
      GATEWAY_DATABASE: gatewayDatabase,
      REGIONS_URL: `${regions.url}/graphql`,
      // Its readiness on the internal port: the database included.
      REGIONS_HEALTH_URL: `${regions.internalUrl}/health/ready`,
      COUNTY_URL: 'http://127.0.0.1:9/graphql',
      PARTNERS_URL: 'http://127.0.0.1:9/graphql',
    },
    output: 'pipe',
  });
  gatewayLog = new Log(gateway);
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await regions?.stop();
  await dropDatabase(testServerUrl(), database);
  await dropDatabase(testServerUrl(), gatewayDatabase);
});

async function queryGateway(headers: Record<string, string> = {}) {
  return fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query: 'query RegionNames { regions { name } }', operationName: 'RegionNames' }),
  });
}

describe('logs', () => {
  it("carry the caller's request id from the gateway into the subgraph, in JSON", async () => {
    const response = await queryGateway({ 'x-request-id': 'partner-system-4711' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { regions: [] } });
    expect(response.headers.get('x-request-id')).toBe('partner-system-4711');

    const atGateway = await gatewayLog.find(
      (line) => line.msg === 'request' && line.requestId === 'partner-system-4711',
    );
    expect(atGateway).toMatchObject({
      service: 'gateway',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'RegionNames',
    });
    expect(atGateway.ms).toEqual(expect.any(Number));
    const atSubgraph = await regionsLog.find(
      (line) => line.msg === 'request' && line.requestId === 'partner-system-4711',
    );
    expect(atSubgraph).toMatchObject({ service: 'regions', path: '/graphql', status: 200 });
    // Every line either process wrote is JSON (entries() throws on one that is not).
    expect(() => [...gatewayLog.entries(), ...regionsLog.entries()]).not.toThrow();
  });

  it('give a request without an id (or with an unusable one) a fresh one, the same in both services', async () => {
    for (const headers of [{}, { 'x-request-id': '<script>alert(1)</script>' }] as Record<string, string>[]) {
      const response = await queryGateway(headers);
      const requestId = response.headers.get('x-request-id') ?? '';
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      await gatewayLog.find((line) => line.msg === 'request' && line.requestId === requestId);
      await regionsLog.find((line) => line.msg === 'request' && line.requestId === requestId);
    }
  });

  it('log a refused request under its id too', async () => {
    const response = await fetch(`${regions.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad-json-1' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('bad-json-1');
    await regionsLog.find((line) => line.requestId === 'bad-json-1' && line.status === 400);
  });
});

describe('health', () => {
  it('answers liveness on the public port of every service, and readiness on the internal one', async () => {
    for (const url of [regions.url, gateway.url, regions.internalUrl, gateway.internalUrl]) {
      const live = await fetch(`${url}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok' });
    }
    expect((await fetch(`${regions.url}/health/ready`)).status).toBe(404);
    const ready = await fetch(`${regions.internalUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ service: 'regions', status: 'ok' });
  });

  it('keeps the gateway ready with two subgraphs down (it answers the third), and says so on /health', async () => {
    const ready = await fetch(`${gateway.internalUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ service: 'gateway', status: 'degraded' });
    const health = await fetch(`${gateway.internalUrl}/health`);
    expect(health.status).toBe(503);
    const report = (await health.json()) as { subgraphs: Record<string, { status: string }> };
    expect(report.subgraphs.regions?.status).toBe('up');
    expect(report.subgraphs.county?.status).toBe('down');
  });

  it("names no subgraph's address nor its error on /health; the log has them", async () => {
    const health = await fetch(`${gateway.internalUrl}/health`);
    const text = await health.text();
    expect(JSON.parse(text)).toEqual({
      service: 'gateway',
      status: 'degraded',
      subgraphs: { county: { status: 'down' }, regions: { status: 'up' }, partners: { status: 'down' } },
    });
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|:9\b|ECONNREFUSED|fetch failed|graphql/);
    const down = await gatewayLog.find((line) => line.msg === 'subgraph down' && line.subgraph === 'county');
    expect(down).toMatchObject({ url: 'http://127.0.0.1:9/graphql', status: 'down', error: expect.any(String) });
  });
});

describe('errors under `pnpm start` (NODE_ENV unset)', () => {
  const post = (url: string, query: string, variables?: Record<string, unknown>) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then((response) => response.text());

  it('carry no stack trace, from the gateway or from a subgraph', async () => {
    const answers = [
      // The gateway's own refusal, a subgraph's refusal passed through it, and both straight at the subgraph.
      await post(gateway.url, 'query Unknown { noSuchField }'),
      await post(gateway.url, 'query Page($first: Int!) { clients(first: $first) { totalCount } }', { first: 500 }),
      await post(regions.url, 'query Unknown { noSuchField }'),
      await post(regions.url, 'query Page($first: Int!) { clients(first: $first) { totalCount } }', { first: 500 }),
    ];
    for (const answer of answers) {
      expect(JSON.parse(answer)).toHaveProperty('errors');
      expect(answer).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|node_modules|\.ts:\d+/);
    }
  });
});

describe('the development sign-in', () => {
  it('stops a production start with a clear message', async () => {
    const output: string[] = [];
    const start = startSourceProcess('gateway', {
      env: {
        NODE_ENV: 'production',
        PORT: '0',
        LOG_LEVEL: 'info',
        AUTH_PUBLIC_KEY: JSON.stringify(keys.publicKey),
        AUTH_DEV_SIGN_IN: 'true',
      },
      output: 'pipe',
      onFork: (child) => {
        for (const stream of [child.stdout, child.stderr])
          stream?.on('data', (chunk: Buffer) => output.push(String(chunk)));
      },
    });
    await expect(start).rejects.toThrow(/exited before it was ready/);
    const fatal = output
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message: string } })
      .find((line) => line.msg === 'could not start');
    expect(fatal?.level).toBe(60);
    // Every problem named at once, the development sign-in's with its reason.
    expect(fatal?.err?.message).toMatch(/^The gateway cannot start, its configuration is not valid:\n/);
    expect(fatal?.err?.message).toContain(
      'AUTH_DEV_SIGN_IN: must not be true with NODE_ENV=production: the development sign-in lets anyone act as any user.',
    );
    expect(fatal?.err?.message).toContain('SERVICE_PRIVATE_KEY: is not set');
  });
});

describe('a graceful stop', () => {
  it('finishes the request in flight, refuses new connections, and exits cleanly', async () => {
    // A request whose body is still on its way when the stop comes: the service must wait for it.
    const body = JSON.stringify({ query: '{ regions { id name } }' });
    const exited = new Promise<number | null>((resolve) => regions.child.once('exit', resolve));
    const headers = await signedHeaders(serviceKeys, 'gateway', 'regions', body, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      authorization: `Bearer ${token}`,
      // The service answers 100 Continue once it has read the request's head: only then is the request
      // in flight. Stopped before, the connection would be an idle one, which a stop closes (a race
      // that a busy machine lost).
      expect: '100-continue',
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const pending = request(
        `${regions.url}/graphql`,
        {
          method: 'POST',
          headers,
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      pending.on('error', reject);
      pending.flushHeaders();
      pending.once('continue', () => {
        pending.write(body.slice(0, 10), () => {
          regions.child.kill('SIGTERM');
          // Stopping has begun once the listener is closed (a new connection is refused); only
          // then does the rest of the body arrive.
          waitUntilRefused(regions.url).then(() => pending.end(body.slice(10)), reject);
        });
      });
    });

    const { status, body: text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { regions: [] } });
    expect(await exited).toBe(0);
    const log = await regionsLog.find((line) => line.msg === 'regions stopped');
    expect(log.level).toBe(30);
  });
});

describe('outbound calls', () => {
  it('go to the subgraphs only: no usage report to Apollo, no probe of cloud metadata addresses', async () => {
    const calls: string[] = [];
    const onHttp = (message: unknown) => {
      const { request } = message as { request: { host: string; path: string } };
      calls.push(`${request.host}${request.path}`);
    };
    const onFetch = (message: unknown) => {
      const { request } = message as { request: { origin: string; path: string } };
      calls.push(`${request.origin}${request.path}`);
    };
    diagnostics.subscribe('http.client.request.start', onHttp);
    diagnostics.subscribe('undici:request:create', onFetch);
    const keys = await generateDevKeys();
    const started = await startGateway({
      port: 0,
      auth: { issuer: defaultIssuer, audience: defaultAudience, publicKey: keys.publicKey },
      serviceKey: (await generateServiceKeys()).privateKeys.gateway as JWK,
      subgraphUrls: {
        county: 'http://127.0.0.1:9/graphql',
        regions: 'http://127.0.0.1:9/graphql',
        partners: 'http://127.0.0.1:9/graphql',
      },
    });
    try {
      // @apollo/gateway's own telemetry probes the metadata addresses within a moment of starting.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(calls).toEqual([]);
      expect(process.env.APOLLO_TELEMETRY_DISABLED).toBeUndefined();
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onHttp);
      diagnostics.unsubscribe('undici:request:create', onFetch);
      await started.stop();
    }
  });
});

async function waitUntilRefused(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const refused = await fetch(`${url}/health/live`).then(
      () => false,
      () => true,
    );
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} still takes connections after SIGTERM`);
}

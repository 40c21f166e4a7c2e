// Internal routes answer 503 while the database is away, whether the assertion's use cannot be
// recorded or the route's own work fails; a route accepts the services it names, no others.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { type InternalRoute, mountInternalRoutes } from '../src/internal-routes.js';
import type { Orm } from '../src/orm.js';
import { requestDeadlineHeader } from '../src/request-deadline.js';
import {
  type AssertionUses,
  assertionUsesInMemory,
  createServiceAssertionVerifier,
  generateServiceKeys,
  type ServiceKeys,
} from '../src/service-assertion.js';
import { signedHeaders } from '../src/testing.js';

const databaseAway = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(keys: ServiceKeys, route: InternalRoute, uses: AssertionUses = assertionUsesInMemory()) {
  const app = express();
  mountInternalRoutes(
    app,
    { 'things/look-up': route },
    (each) =>
      createServiceAssertionVerifier({
        audience: 'county',
        trusted: each.trustedServices ?? ['gateway'],
        keys: keys.jwks.keys,
        uses,
      }),
    () => ({}) as Orm,
  );
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/things/look-up`;
  return async (service: string, headers: Record<string, string> = {}) => {
    const body = JSON.stringify({ id: 'x' });
    const response = await fetch(url, {
      method: 'POST',
      headers: await signedHeaders(keys, service, 'county', body, { 'content-type': 'application/json', ...headers }),
      body,
    });
    return { status: response.status, body: await response.json() };
  };
}

describe('internal routes', () => {
  it('answers 503 when the used assertions cannot be recorded, or the route cannot reach the database', async () => {
    const keys = await generateServiceKeys();
    const usesAway = await serve(keys, { handle: async () => ({ ok: true }) }, async () => {
      throw databaseAway();
    });
    expect(await usesAway('gateway')).toMatchObject({ status: 503, body: { error: 'service_unavailable' } });
    const handlerAway = await serve(keys, {
      handle: async () => {
        throw databaseAway();
      },
    });
    expect(await handlerAway('gateway')).toMatchObject({ status: 503, body: { error: 'service_unavailable' } });
  });

  it('accepts the services the route names and refuses the others', async () => {
    const keys = await generateServiceKeys();
    const call = await serve(keys, {
      trustedServices: ['partners'],
      handle: async ({ body, service }) => ({ body, service: service.service }),
    });
    expect(await call('partners')).toEqual({ status: 200, body: { body: { id: 'x' }, service: 'partners' } });
    expect(await call('gateway')).toEqual({ status: 401, body: { error: 'unauthenticated' } });
  });

  it('does not start a request whose caller has given up (its signed deadline has passed)', async () => {
    const keys = await generateServiceKeys();
    let handled = 0;
    const call = await serve(keys, {
      handle: async () => {
        handled += 1;
        return {};
      },
    });
    const answer = await call('gateway', { [requestDeadlineHeader]: String(Date.now() - 1_000) });
    expect(answer).toMatchObject({ status: 503, body: { error: 'deadline_passed' } });
    expect(handled).toBe(0);
    expect((await call('gateway', { [requestDeadlineHeader]: String(Date.now() + 60_000) })).status).toBe(200);
  });
});

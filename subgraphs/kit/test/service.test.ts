// The service shell in production mode: an unexpected error is told as "Internal server error."
// with its code and no stack trace (its details go to the log only), over GraphQL and plain HTTP;
// introspection is off; /metrics and the detailed health answer on the internal port only.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../src/logger.js';
import { type RunningService, startService } from '../src/service.js';

const internals = 'connect ECONNREFUSED 10.0.0.5:5432 in /srv/etablerer/subgraphs/kit/src/orm.ts';

let service: RunningService;
beforeAll(async () => {
  service = await startService({
    name: 'probe',
    port: 0,
    mode: { production: true, introspection: false, stacktraces: false },
    apollo: {
      typeDefs: 'type Query { "Fails as a bug would." broken: String  "Answers." fine: String }',
      resolvers: {
        Query: {
          broken: () => {
            throw new Error(internals);
          },
          fine: () => 'yes',
        },
      },
    },
    context: async () => ({}),
    health: async () => ({ status: 'ok', database: 'up' }),
    routes: (app) => {
      app.get('/boom', () => {
        throw new Error(internals);
      });
    },
  });
});
afterAll(() => service?.stop());

const post = async (query: string, operationName?: string) => {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, operationName }),
  });
  return { status: response.status, text: await response.text() };
};

describe('a service in production', () => {
  it('masks an internal error as "Internal server error." with its code, no stack trace, details in the log only', async () => {
    const logged = vi.spyOn(logger, 'error');
    try {
      const { status, text } = await post('query Broken { broken }', 'Broken');
      expect(status).toBe(200);
      expect(JSON.parse(text)).toEqual({
        data: { broken: null },
        errors: [
          {
            message: 'Internal server error.',
            path: ['broken'],
            locations: [{ line: 1, column: 16 }],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      });
      expect(text).not.toMatch(/stacktrace|ECONNREFUSED|10\.0\.0\.5|\.ts\b/);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.objectContaining({ message: internals }) }),
        'unexpected error in a resolver',
      );
    } finally {
      logged.mockRestore();
    }
  });

  it('masks an error in a plain HTTP route too, as JSON without a trace', async () => {
    const response = await fetch(`${service.url}/boom`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(text).not.toMatch(/ECONNREFUSED|\.ts\b|at /);
  });

  it('refuses introspection', async () => {
    const { status, text } = await post('{ __schema { queryType { name } } }');
    expect(status).toBe(400);
    expect(text).toMatch(/introspection is not allowed/i);
    expect(text).not.toMatch(/stacktrace/);
  });

  it('serves /metrics and the detailed health on the internal port only, bound to loopback', async () => {
    expect(new URL(service.internalUrl).hostname).toBe('127.0.0.1');
    expect(service.internalUrl).not.toBe(service.url);
    await post('query Fine { fine }', 'Fine');
    const metrics = await fetch(`${service.internalUrl}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="probe"\} /m);
    expect(text).toMatch(
      /^graphql_operation_duration_seconds_count\{service="probe",operation="Fine",outcome="ok"\} 1$/m,
    );
    expect(text).toMatch(
      /^graphql_operation_duration_seconds_count\{service="probe",operation="Broken",outcome="error"\} 1$/m,
    );
    expect(text).toMatch(/^graphql_errors_total\{code="INTERNAL_SERVER_ERROR",service="probe"\} 1$/m);
    expect(text).toMatch(/^graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED",service="probe"\} 1$/m);
    const health = await fetch(`${service.internalUrl}/health`);
    expect(await health.json()).toEqual({ service: 'probe', status: 'ok', database: 'up' });
    expect((await fetch(`${service.internalUrl}/health/ready`)).status).toBe(200);

    for (const path of ['/metrics', '/health', '/health/ready']) {
      expect((await fetch(`${service.url}${path}`)).status, path).toBe(404);
    }
    const live = await fetch(`${service.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ service: 'probe', status: 'ok' });
  });

  it('counts a name nobody could reasonably choose as (other), not as a series of its own', async () => {
    await post('query Fine { fine }', 'x'.repeat(65));
    const text = await (await fetch(`${service.internalUrl}/metrics`)).text();
    expect(text).toMatch(/operation="\(other\)"/);
    expect(text).not.toContain('x'.repeat(65));
  });
});

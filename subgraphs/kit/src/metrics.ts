// What every service counts for Prometheus (/metrics on its internal port): process figures,
// GraphQL operations by name with their durations, and the errors answered, by code. Each service
// has a registry of its own, so several services in one process (the tests) do not mix figures.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Buckets from 5 ms to 30 s: a cached lookup to a report over a county's years. */
export const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Operation names come from callers: without a bound, anyone could make a metric series per request.
 * Plain names, at most this many distinct ones; beyond, `(other)`.
 */
const maxOperationNames = 200;
const plainName = /^\w{1,64}$/;

export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Counts every GraphQL operation (by name and outcome) with its duration, and every error answered, by code. */
export function operationMetricsPlugin<Context extends BaseContext>(registry: Registry): ApolloServerPlugin<Context> {
  const operations = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations answered on /graphql, by operation name and whether the answer had errors; the _count is the number of requests.',
    labelNames: ['operation', 'outcome'],
    buckets: durationBuckets,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const names = new Set<string>();
  const label = (name: string | null | undefined) => {
    if (!name) return '(anonymous)';
    if (!plainName.test(name)) return '(other)';
    if (names.has(name)) return name;
    if (names.size >= maxOperationNames) return '(other)';
    names.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ request, operationName, response }) {
          const answered = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of answered ?? []) errors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
          operations.observe(
            { operation: label(operationName ?? request.operationName), outcome: answered?.length ? 'error' : 'ok' },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}

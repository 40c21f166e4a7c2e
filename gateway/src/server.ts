// The gateway: the one public endpoint, serving the static supergraph over the three subgraphs.
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { type RunningService, startService } from '@etablerer/kit';
import { committedSupergraph, defaultSubgraphUrls, type SubgraphName, subgraphNames } from './composition.js';

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Where each subgraph's /graphql is, when not where the supergraph says. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
}

/** Subgraph URLs from `COUNTY_URL`, `REGIONS_URL` and `PARTNERS_URL`, where set. */
export function subgraphUrlsFromEnvironment(env = process.env): Partial<Record<SubgraphName, string>> {
  return Object.fromEntries(
    subgraphNames.flatMap((name) => {
      const url = env[`${name.toUpperCase()}_URL`];
      return url ? [[name, url]] : [];
    }),
  );
}

type SubgraphHealth = { status: 'up' | 'down'; url: string; latencyMs?: number; error?: string };

async function checkSubgraph(graphqlUrl: string): Promise<SubgraphHealth> {
  const started = performance.now();
  const url = graphqlUrl.replace(/\/graphql$/, '/health');
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    const latencyMs = Math.round(performance.now() - started);
    return response.ok
      ? { status: 'up', url: graphqlUrl, latencyMs }
      : { status: 'down', url: graphqlUrl, latencyMs, error: `health answered ${response.status}` };
  } catch (error) {
    return { status: 'down', url: graphqlUrl, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const urls: Record<SubgraphName, string> = { ...defaultSubgraphUrls, ...options.subgraphUrls };
  const gateway = new ApolloGateway({
    supergraphSdl: committedSupergraph(),
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls[name as SubgraphName] ?? url }),
  });
  return startService({
    name: 'gateway',
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    apollo: { gateway },
    context: async () => ({}),
    health: async () => {
      const checks = await Promise.all(
        subgraphNames.map(async (name) => [name, await checkSubgraph(urls[name])] as const),
      );
      const subgraphs = Object.fromEntries(checks);
      return { status: checks.every(([, check]) => check.status === 'up') ? 'ok' : 'degraded', subgraphs };
    },
  });
}

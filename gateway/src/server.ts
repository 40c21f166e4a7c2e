// The gateway: the one public endpoint, serving the static supergraph over the three subgraphs.
// It verifies the caller's token, forwards it to the subgraphs (which verify it again), and
// refuses queries that are too deep, too costly or too large before planning them.
import { ApolloGateway, type GatewayConfig, type RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type AuthConfig,
  authConfigFromEnvironment,
  authenticate,
  type Caller,
  clientAddressHeader,
  costLimitPlugin,
  createServiceSigner,
  createTokenVerifier,
  currentRequestId,
  DateScalar,
  type HealthReport,
  idempotencyKeyHeader,
  isProduction,
  logger,
  normalisedAddress,
  publicAccessPlugin,
  type RunningService,
  requestIdHeader,
  serverUrl,
  servicePrivateKeyFromEnvironment,
  startService,
} from '@etablerer/kit';
import type { GraphQLScalarType, GraphQLSchema } from 'graphql';
import type { JWK } from 'jose';
import { committedSupergraph, defaultSubgraphUrls, type SubgraphName, subgraphNames } from './composition.js';
import { mountConsole } from './console.js';
import { mountDevSignIn } from './dev-sign-in.js';
import { mountFeeds } from './feeds.js';
import { defaultGatewayDatabase, type GatewayDatabaseOptions, openGatewayDatabase } from './gateway-database.js';
import { defaultPublicLimits, type PublicLimits, publicLimitsPlugin } from './public-limits.js';
import { defaultSubgraphTimeoutMs, ResilientDataSource, subgraphFaultsPlugin } from './subgraph-faults.js';

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Where each subgraph's /graphql is, when not where the supergraph says. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  auth: AuthConfig;
  /**
   * The gateway's own private key (ES256 JWK, kid "gateway"): it signs every request to a
   * subgraph, which accepts nothing it did not sign (SERVICE_PRIVATE_KEY).
   */
  serviceKey: JWK;
  /** The signing key of the development sign-in; without it the sign-in is off. */
  devSignInKey?: JWK;
  /** Schema introspection (the playground's documentation needs it); off unless asked for. */
  introspection?: boolean;
  /** Rate limits on what is open without a token. */
  publicLimits?: PublicLimits;
  /**
   * Express's `trust proxy`: the proxies in front of the gateway whose X-Forwarded-For it believes,
   * so rate limits count the real client's address, not the proxy's. Name exactly those proxies
   * (an address, a subnet, `loopback` for the console's dev server on this machine): an
   * X-Forwarded-For from any other peer is ignored, as it could say anything.
   */
  trustProxy?: boolean | number | string;
  /**
   * Where the public website is, for links in the course feeds (PUBLIC_SITE_URL). Never taken from a request's
   * Host header: the feeds are cached publicly. Without it the feeds carry no links.
   */
  publicSiteUrl?: string;
  /** How long to wait for a subgraph before answering without its fields (SUBGRAPH_UNAVAILABLE). */
  subgraphTimeoutMs?: number;
  /**
   * The gateway's own database (DATABASE_URL's server, GATEWAY_DATABASE or `gateway`), where every
   * instance keeps the public rate limits' counts; without it they are counted in this process.
   */
  database?: GatewayDatabaseOptions;
  /** The built console (admin-ui/dist), to serve on the gateway's own origin (CONSOLE_DIR); none without it. */
  consoleDir?: string;
}

export interface GatewayContext {
  /** Null for a request without a token: it may reach the public fields only. */
  caller: Caller | null;
  token: string;
  /** The client's address, for the public part's rate limits. */
  clientAddress: string;
  /** The caller's Idempotency-Key, passed on to the subgraphs (see the kit's idempotency.ts). */
  idempotencyKey?: string;
}

/** Limits every operation must stay within; each refusal names the limit. */
export const operationLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
  maxCost: 5_000,
} as const;

/** Options from the environment: AUTH_*, *_URL, GRAPHQL_INTROSPECTION, AUTH_DEV_SIGN_IN. */
export function gatewayOptionsFromEnvironment(env = process.env): GatewayOptions {
  const devSignIn = env.AUTH_DEV_SIGN_IN === 'true';
  // The development sign-in lets anyone act as any demo user: a production start with it on is a mistake.
  if (devSignIn && env.NODE_ENV === 'production') {
    throw new Error(
      'AUTH_DEV_SIGN_IN=true is refused with NODE_ENV=production: the development sign-in lets anyone act as any user. Unset AUTH_DEV_SIGN_IN.',
    );
  }
  if (devSignIn && !env.AUTH_DEV_PRIVATE_KEY) throw new Error('AUTH_DEV_SIGN_IN=true needs AUTH_DEV_PRIVATE_KEY');
  return {
    port: Number(env.PORT ?? 4000),
    ...(env.HOST ? { host: env.HOST } : {}),
    subgraphUrls: Object.fromEntries(
      subgraphNames.flatMap((name) => {
        const url = env[`${name.toUpperCase()}_URL`];
        return url ? [[name, url]] : [];
      }),
    ),
    auth: authConfigFromEnvironment(env),
    serviceKey: gatewayServiceKey(env),
    ...(devSignIn ? { devSignInKey: JSON.parse(env.AUTH_DEV_PRIVATE_KEY as string) as JWK } : {}),
    introspection: env.GRAPHQL_INTROSPECTION === 'true',
    ...(env.TRUST_PROXY ? { trustProxy: trustProxySetting(env.TRUST_PROXY) } : {}),
    ...publicSiteUrlFrom(env),
    ...(env.SUBGRAPH_TIMEOUT_MS
      ? { subgraphTimeoutMs: positiveMilliseconds('SUBGRAPH_TIMEOUT_MS', env.SUBGRAPH_TIMEOUT_MS) }
      : {}),
    ...(env.CONSOLE_DIR ? { consoleDir: env.CONSOLE_DIR } : {}),
    ...gatewayDatabaseFrom(env),
  };
}

/**
 * DATABASE_URL (a server; a database name in it is ignored) and GATEWAY_DATABASE. Required in
 * production: instances that each counted the public limits in their own memory would let a client
 * through as many times over as there are instances.
 */
function gatewayDatabaseFrom(env: NodeJS.ProcessEnv): { database?: GatewayDatabaseOptions } {
  if (!env.DATABASE_URL) {
    if (env.NODE_ENV === 'production') {
      throw new Error(
        'DATABASE_URL is not set: in production the gateway keeps the public rate limits in PostgreSQL, shared by every instance (see docs/operations.md)',
      );
    }
    return {};
  }
  return {
    database: { server: serverUrl(env.DATABASE_URL), database: env.GATEWAY_DATABASE ?? defaultGatewayDatabase },
  };
}

/** The console's address in development (README, `pnpm start`), where the feeds' links lead without PUBLIC_SITE_URL. */
export const developmentSiteUrl = 'http://localhost:5173';

/**
 * PUBLIC_SITE_URL, checked; in development the console's own address when unset. In production there is no
 * default: the feeds then carry no links (they never take them from the request's Host header).
 */
function publicSiteUrlFrom(env: NodeJS.ProcessEnv): { publicSiteUrl?: string } {
  const value = env.PUBLIC_SITE_URL ?? (env.NODE_ENV === 'production' ? undefined : developmentSiteUrl);
  if (value === undefined || value === '') return {};
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `PUBLIC_SITE_URL must be the public website's address, e.g. https://etablerer.example.no, not "${value}"`,
    );
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    throw new Error(`PUBLIC_SITE_URL must be a plain http(s) address, not "${value}"`);
  }
  return { publicSiteUrl: `${url.origin}${url.pathname}`.replace(/\/$/, '') };
}

/** SERVICE_PRIVATE_KEY, required: the subgraphs refuse every request the gateway has not signed. */
function gatewayServiceKey(env: NodeJS.ProcessEnv): JWK {
  const key = servicePrivateKeyFromEnvironment(env);
  if (!key) {
    throw new Error(
      'SERVICE_PRIVATE_KEY is not set: the gateway signs its requests to the subgraphs with it (a private ES256 JWK, kid "gateway"; see docs/operations.md)',
    );
  }
  if (key.kid !== 'gateway')
    throw new Error(`SERVICE_PRIVATE_KEY has kid "${key.kid}"; the gateway's key has kid "gateway"`);
  return key;
}

/** A time limit from the environment; a typo fails the start rather than leaving no limit at all. */
function positiveMilliseconds(name: string, value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${name} must be a whole number of milliseconds, not "${value}"`);
  return Number(value);
}

/** TRUST_PROXY as Express reads it: true/false, a hop count, or addresses and subnets. */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
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

/**
 * The gateway's /health: up or down per subgraph, nothing more, for it is public. Where a subgraph is
 * and why it is down (its address, the connection error) goes to the log, once when it goes down and
 * once when it is back, not on every probe.
 */
function subgraphHealthReporter(urls: Record<SubgraphName, string>) {
  const last = new Map<SubgraphName, SubgraphHealth['status']>();
  return async (): Promise<HealthReport> => {
    const checks = await Promise.all(
      subgraphNames.map(async (name) => [name, await checkSubgraph(urls[name])] as const),
    );
    for (const [name, check] of checks) {
      const before = last.get(name);
      last.set(name, check.status);
      if (check.status === before) continue;
      if (check.status === 'down') logger.warn({ subgraph: name, ...check }, 'subgraph down');
      else if (before === 'down') logger.info({ subgraph: name, ...check }, 'subgraph up again');
    }
    return {
      status: checks.every(([, check]) => check.status === 'up') ? 'ok' : 'degraded',
      subgraphs: Object.fromEntries(checks.map(([name, check]) => [name, { status: check.status }])),
    };
  };
}

/** Passes the caller's own token on, so each subgraph verifies and authorises the caller itself. */
class AuthenticatedDataSource extends ResilientDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    if ('token' in context && context.token) request.http?.headers.set('authorization', `Bearer ${context.token}`);
    // The client's address as the gateway keys it (behind the proxies it trusts), so the regions
    // subgraph holds its own limits per client rather than per gateway.
    if ('clientAddress' in context && context.clientAddress) {
      request.http?.headers.set(clientAddressHeader, context.clientAddress);
    }
    // A mutation repeated with the same key is answered by each subgraph from what it stored.
    if ('idempotencyKey' in context && context.idempotencyKey) {
      request.http?.headers.set(idempotencyKeyHeader, context.idempotencyKey);
    }
    // The subgraphs log under the same request id, so one request can be followed across services.
    const requestId = currentRequestId();
    if (requestId) request.http?.headers.set(requestIdHeader, requestId);
  }
}

/**
 * An ApolloGateway that calls nothing but the subgraphs. By default @apollo/gateway sends usage
 * figures to Apollo every hour and, to describe its host, probes the cloud metadata addresses
 * (169.254.169.254, metadata.google.internal, …) as soon as it is created. The county's gateway
 * calls no third party; the only switch is an environment variable it reads while constructing.
 */
export function createApolloGateway(config: GatewayConfig): ApolloGateway {
  const before = process.env.APOLLO_TELEMETRY_DISABLED;
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  try {
    return new ApolloGateway(config);
  } finally {
    if (before === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
    else process.env.APOLLO_TELEMETRY_DISABLED = before;
  }
}

/** The API schema's `Date` scalar with the kit's parsing (the supergraph carries only its name). */
function readDatesAsTheSubgraphsDo(apiSchema: GraphQLSchema): void {
  // Not instanceof: @apollo/gateway may build the schema with graphql-js from another copy of the package.
  const date = apiSchema.getType('Date') as GraphQLScalarType | undefined;
  if (!date || !('parseLiteral' in date)) return;
  date.parseValue = DateScalar.parseValue;
  date.parseLiteral = DateScalar.parseLiteral;
}

export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const urls: Record<SubgraphName, string> = { ...defaultSubgraphUrls, ...options.subgraphUrls };
  const verify = createTokenVerifier(options.auth);
  const signer = await createServiceSigner(options.serviceKey);
  const gateway = createApolloGateway({
    supergraphSdl: committedSupergraph(),
    buildService: ({ name, url }) =>
      new AuthenticatedDataSource({
        service: name,
        url: urls[name as SubgraphName] ?? url,
        timeoutMs: options.subgraphTimeoutMs ?? defaultSubgraphTimeoutMs,
        signer,
      }),
  });
  // The supergraph names the `Date` scalar but not how to read it, so the gateway let any string
  // through and the subgraph refused it after planning, as an error inside a 200 answer. Read as
  // the subgraphs read it, a bad date is refused here, 400 BAD_USER_INPUT, inline or in a variable.
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => readDatesAsTheSubgraphsDo(apiSchema));
  const armor = new ApolloArmor({
    maxDepth: { n: operationLimits.maxDepth },
    maxAliases: { n: operationLimits.maxAliases },
    maxDirectives: { n: operationLimits.maxDirectives },
    // graphql-armor's token limit throws from a plugin hook, which Apollo answers with status 500;
    // graphql-js counts tokens itself (parseOptions below) and fails the parse with status 400.
    maxTokens: { enabled: false },
    // graphql-armor's cost limit is a validation rule: it cannot see variables, so `first: $n`
    // cost nothing. costLimitPlugin counts the cost with the variables' values instead.
    costLimit: { enabled: false },
    // Suggestions ("did you mean …") would reveal fields to someone probing the graph.
    blockFieldSuggestion: { enabled: isProduction() || !options.introspection },
  }).protect();
  const devSignInKey = options.devSignInKey;
  const database = options.database ? await openGatewayDatabase(options.database) : undefined;
  return startService<GatewayContext>({
    name: 'gateway',
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    apollo: {
      gateway,
      introspection: options.introspection ?? false,
      csrfPrevention: true,
      allowBatchedHttpRequests: armor.allowBatchedHttpRequests,
      parseOptions: { maxTokens: operationLimits.maxTokens },
      validationRules: armor.validationRules,
      plugins: [
        ...(armor.plugins as never[]),
        costLimitPlugin<GatewayContext>({ maxCost: operationLimits.maxCost }),
        // Without a token, only the public fields, and those within their rate limits.
        publicAccessPlugin<GatewayContext>((context) => context.caller === null),
        publicLimitsPlugin<GatewayContext>(options.publicLimits ?? defaultPublicLimits, database?.pool),
        subgraphFaultsPlugin<GatewayContext>(),
      ],
    },
    context: async ({ req }) => {
      // req.ip follows X-Forwarded-For only through the proxies `trustProxy` names; anyone else's is ignored.
      const clientAddress = normalisedAddress(req.ip ?? req.socket.remoteAddress ?? 'unknown');
      // A request without a token is anonymous; one with a bad token is refused, never downgraded.
      if (req.headers.authorization === undefined) return { caller: null, token: '', clientAddress };
      const caller = await authenticate(req.headers.authorization, verify);
      const idempotencyKey = req.get(idempotencyKeyHeader);
      return {
        caller,
        token: req.headers.authorization.replace(/^Bearer\s+/i, ''),
        clientAddress,
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      };
    },
    bodyLimit: '64kb',
    routes: (app, apollo) => {
      if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
      mountFeeds(app, { apollo, siteUrl: options.publicSiteUrl }, (req) => ({
        caller: null,
        token: '',
        clientAddress: normalisedAddress(req.ip ?? 'unknown'),
      }));
      if (devSignInKey) {
        mountDevSignIn(app, {
          privateKey: devSignInKey,
          issuer: options.auth.issuer,
          audience: options.auth.audience,
        });
      }
      if (options.consoleDir) mountConsole(app, options.consoleDir);
    },
    // With a subgraph down the gateway still answers the others' fields: degraded is ready.
    readyWhen: ['ok', 'degraded'],
    health: subgraphHealthReporter(urls),
    ...(database ? { onStop: () => database.close() } : {}),
  }).catch(async (error: unknown) => {
    await database?.close();
    throw error;
  });
}

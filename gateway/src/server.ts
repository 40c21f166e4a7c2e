// The gateway: the one public endpoint, serving the static supergraph over the three subgraphs.
// It verifies the caller's token, forwards it to the subgraphs (which verify it again), and
// refuses queries that are too deep, too costly or too large before planning them.
import { ApolloGateway, type GatewayConfig, type RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type AuthConfig,
  authenticate,
  type Caller,
  clientAddressHeader,
  costLimitPlugin,
  createRegistry,
  createServiceSigner,
  createTokenVerifier,
  currentRequestId,
  DateScalar,
  defaultServiceMode,
  durationBuckets,
  type HealthReport,
  Histogram,
  idempotencyKeyHeader,
  logger,
  normalisedAddress,
  publicAccessPlugin,
  type Registry,
  type RunningService,
  readConfiguration,
  requestIdHeader,
  type ServiceMode,
  serverUrl,
  serviceModeOf,
  startService,
} from '@etablerer/kit';
import type { GraphQLScalarType, GraphQLSchema } from 'graphql';
import type { JWK } from 'jose';
import { createPlatformAuth, type SignInOptions } from './auth/routes.js';
import { committedSupergraph, defaultSubgraphUrls, type SubgraphName, subgraphNames } from './composition.js';
import { configurationSchema, developmentSiteUrl } from './config.js';
import { mountConsole } from './console.js';
import { mountDevMail } from './dev-mail.js';
import { mountFeeds } from './feeds.js';
import { type GatewayDatabaseOptions, openGatewayDatabase } from './gateway-database.js';
import { defaultPublicLimits, type PublicLimits, publicLimitsPlugin } from './public-limits.js';
import { defaultSubgraphTimeoutMs, ResilientDataSource, subgraphFaultsPlugin } from './subgraph-faults.js';

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Where each subgraph's /graphql is, when not where the supergraph says. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /**
   * The issuer and audience of the platform's tokens, which the gateway signs itself (`signIn`) and
   * verifies from its own keys; `publicKey`, when given, is accepted beside them (tests,
   * development). `jwksUrl` and `getKey` are the subgraphs' and are not read here.
   */
  auth: AuthConfig;
  /**
   * The gateway's own private key (ES256 JWK, kid "gateway"): it signs every request to a
   * subgraph, which accepts nothing it did not sign (SERVICE_PRIVATE_KEY).
   */
  serviceKey: JWK;
  /**
   * The sign-in: OpenID Connect for people, client credentials for partner systems, the platform's
   * signing keys and the development sign-in (auth/routes.ts). Tokens signed with `auth.publicKey`
   * are accepted as well as the gateway's own (tests and development).
   */
  signIn?: SignInOptions;
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
  /** The development mail catcher's HTTP API, for GET /dev/mail/messages (MAIL_CATCHER_URL); refused in production. */
  mailCatcherUrl?: string;
  /**
   * How long to wait for a subgraph before answering without its fields (SUBGRAPH_UNAVAILABLE): one
   * time for all, or a time per subgraph (those not named wait the default).
   */
  subgraphTimeoutMs?: number | Partial<Record<SubgraphName, number>>;
  /**
   * The gateway's own database (DATABASE_URL's server, GATEWAY_DATABASE or `gateway`), where every
   * instance keeps the public rate limits' counts; without it they are counted in this process.
   */
  database?: GatewayDatabaseOptions;
  /** The built console (admin-ui/dist), to serve on the gateway's own origin (CONSOLE_DIR); none without it. */
  consoleDir?: string;
  /**
   * Each subgraph's readiness on its internal port, for the detailed health (its database included);
   * without one, the subgraph's public /health/live.
   */
  subgraphHealthUrls?: Partial<Record<SubgraphName, string>>;
  /** Production mode, introspection and stack traces; from NODE_ENV and `introspection` when left out. */
  mode?: ServiceMode;
  /** Where /metrics and the detailed health listen (INTERNAL_PORT, INTERNAL_HOST); any free port on loopback by default. */
  internal?: { port: number; host?: string };
  /** The log's level (LOG_LEVEL). */
  logLevel?: string;
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

/** Options from the environment, checked by the configuration's schema (config.ts, docs/configuration.md). */
export function gatewayOptionsFromEnvironment(env = process.env): GatewayOptions {
  const config = readConfiguration('gateway', configurationSchema, env);
  const mode = serviceModeOf(config);
  const urls = (suffix: string) =>
    Object.fromEntries(
      subgraphNames.flatMap((name) => {
        const url = config[`${name.toUpperCase()}_${suffix}` as keyof typeof config] as string | undefined;
        return url ? [[name, url]] : [];
      }),
    );
  // In development the console's own address when unset; in production no default: the feeds then carry no links.
  const publicSiteUrl = config.PUBLIC_SITE_URL ?? (mode.production ? undefined : developmentSiteUrl);
  return {
    port: config.PORT,
    host: config.HOST,
    internal: { port: config.INTERNAL_PORT, host: config.INTERNAL_HOST },
    mode,
    logLevel: config.LOG_LEVEL,
    subgraphUrls: urls('URL'),
    subgraphHealthUrls: urls('HEALTH_URL'),
    auth: {
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      ...(config.AUTH_PUBLIC_KEY ? { publicKey: config.AUTH_PUBLIC_KEY } : {}),
      clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE,
    },
    serviceKey: config.SERVICE_PRIVATE_KEY,
    signIn: {
      ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
      ...(config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET
        ? {
            oidc: {
              issuer: config.OIDC_ISSUER,
              clientId: config.OIDC_CLIENT_ID,
              clientSecret: config.OIDC_CLIENT_SECRET,
              scopes: config.OIDC_SCOPES,
              roleClaim: config.OIDC_ROLE_CLAIM,
              roleMap: config.OIDC_ROLE_MAP ?? {},
              trustEmail: config.OIDC_TRUST_EMAIL,
              // Plain http to the identity provider only outside production (the embedded one in development).
              allowHttp: !mode.production,
            },
          }
        : {}),
      ...(config.SESSION_MAX_AGE ? { sessionMaxAgeMs: config.SESSION_MAX_AGE } : {}),
      ...(config.SESSION_IDLE_TIMEOUT ? { sessionIdleTimeoutMs: config.SESSION_IDLE_TIMEOUT } : {}),
      ...(config.ACCESS_TOKEN_TTL ? { accessTokenTtlSeconds: Math.ceil(config.ACCESS_TOKEN_TTL / 1000) } : {}),
      ...(config.TOKEN_KEY_ROTATION ? { keyRotationMs: config.TOKEN_KEY_ROTATION } : {}),
      ...(config.TOKEN_KEY_PUBLISH_DELAY ? { keyPublishDelayMs: config.TOKEN_KEY_PUBLISH_DELAY } : {}),
      devSignIn: config.AUTH_DEV_SIGN_IN,
    },
    introspection: mode.introspection,
    ...(config.TRUST_PROXY === undefined ? {} : { trustProxy: config.TRUST_PROXY }),
    ...(publicSiteUrl ? { publicSiteUrl } : {}),
    ...(config.MAIL_CATCHER_URL ? { mailCatcherUrl: config.MAIL_CATCHER_URL } : {}),
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    ...(config.CONSOLE_DIR ? { consoleDir: config.CONSOLE_DIR } : {}),
    ...(config.DATABASE_URL
      ? {
          database: {
            server: serverUrl(config.DATABASE_URL),
            database: config.GATEWAY_DATABASE,
            poolMax: config.DATABASE_POOL_MAX,
          },
        }
      : {}),
  };
}

type SubgraphHealth = { status: 'up' | 'down'; url: string; latencyMs?: number; error?: string };

async function checkSubgraph(graphqlUrl: string, healthUrl?: string): Promise<SubgraphHealth> {
  const started = performance.now();
  const url = healthUrl ?? graphqlUrl.replace(/\/graphql$/, '/health/live');
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
 * The gateway's /health (internal port): up or down per subgraph, nothing more. Where a subgraph is
 * and why it is down (its address, the connection error) goes to the log, once when it goes down and
 * once when it is back, not on every probe.
 */
function subgraphHealthReporter(
  urls: Record<SubgraphName, string>,
  healthUrls: Partial<Record<SubgraphName, string>> = {},
) {
  const last = new Map<SubgraphName, SubgraphHealth['status']>();
  return async (): Promise<HealthReport> => {
    const checks = await Promise.all(
      subgraphNames.map(async (name) => [name, await checkSubgraph(urls[name], healthUrls[name])] as const),
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

/** Requests to each subgraph, by outcome, with their durations, for /metrics. */
function subgraphRequestMetrics(registry: Registry) {
  const requests = new Histogram({
    name: 'gateway_subgraph_request_duration_seconds',
    help: "The gateway's requests to each subgraph, by outcome (ok, error: an answer with errors, failed: no answer); the _count is the number of requests.",
    labelNames: ['subgraph', 'outcome'],
    buckets: durationBuckets,
    registers: [registry],
  });
  return (subgraph: string) =>
    async function measure<Result extends { errors?: readonly unknown[] | undefined }>(
      request: () => Promise<Result>,
    ): Promise<Result> {
      const end = requests.startTimer({ subgraph });
      try {
        const result = await request();
        end({ outcome: result.errors?.length ? 'error' : 'ok' });
        return result;
      } catch (error) {
        end({ outcome: 'failed' });
        throw error;
      }
    };
}

/** Passes the caller's own token on, so each subgraph verifies and authorises the caller itself. */
class AuthenticatedDataSource extends ResilientDataSource<GatewayContext> {
  /** Times each request to this subgraph for /metrics. */
  measure?: ReturnType<ReturnType<typeof subgraphRequestMetrics>>;

  override process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]) {
    return this.measure ? this.measure(() => super.process(options)) : super.process(options);
  }

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
  const signer = await createServiceSigner(options.serviceKey);
  const mode = options.mode ?? defaultServiceMode(options.introspection ?? false);
  // The configuration refuses it already (config.ts); a gateway started otherwise must not have it either.
  if (options.signIn?.devSignIn && mode.production) {
    throw new Error('The development sign-in cannot run in production: it lets anyone act as any user.');
  }
  if (options.mailCatcherUrl && mode.production) {
    throw new Error('The development mail catcher cannot be used in production: it keeps every e-mail it is given.');
  }
  const registry = createRegistry('gateway');
  const measureSubgraph = subgraphRequestMetrics(registry);
  const gateway = createApolloGateway({
    supergraphSdl: committedSupergraph(),
    buildService: ({ name, url }) => {
      const source = new AuthenticatedDataSource({
        service: name,
        url: urls[name as SubgraphName] ?? url,
        timeoutMs:
          (typeof options.subgraphTimeoutMs === 'number'
            ? options.subgraphTimeoutMs
            : options.subgraphTimeoutMs?.[name as SubgraphName]) ?? defaultSubgraphTimeoutMs,
        signer,
      });
      source.measure = measureSubgraph(name);
      return source;
    },
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
    blockFieldSuggestion: { enabled: mode.production || !mode.introspection },
  }).protect();
  const database = options.database ? await openGatewayDatabase(options.database) : undefined;
  let platformAuth: Awaited<ReturnType<typeof createPlatformAuth>>;
  try {
    platformAuth = await createPlatformAuth({
      options: { ...options.signIn, devMail: options.mailCatcherUrl !== undefined },
      issuer: options.auth.issuer,
      audience: options.auth.audience,
      ...(options.auth.publicKey ? { publicKey: options.auth.publicKey } : {}),
      ...(database ? { pool: database.pool } : {}),
      signer,
      countyUrl: urls.county,
      production: mode.production,
    });
  } catch (error) {
    await database?.close();
    throw error;
  }
  // The gateway's own tokens from its signing keys; AUTH_PUBLIC_KEY's too when given (tests, development).
  const verify = createTokenVerifier({
    issuer: options.auth.issuer,
    audience: options.auth.audience,
    ...(options.auth.clockToleranceSeconds === undefined
      ? {}
      : { clockToleranceSeconds: options.auth.clockToleranceSeconds }),
    getKey: platformAuth.getKey,
  });
  return startService<GatewayContext>({
    name: 'gateway',
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    ...(options.internal ? { internal: options.internal } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    mode,
    registry,
    apollo: {
      gateway,
      introspection: mode.introspection,
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
      platformAuth.mount(app);
      mountDevMail(app, options.mailCatcherUrl);
      if (options.consoleDir) mountConsole(app, options.consoleDir);
    },
    internalRoutes: (app) => platformAuth.mountInternal(app),
    // With a subgraph down the gateway still answers the others' fields: degraded is ready.
    readyWhen: ['ok', 'degraded'],
    health: subgraphHealthReporter(urls, options.subgraphHealthUrls),
    ...(database ? { onStop: () => database.close() } : {}),
  }).catch(async (error: unknown) => {
    await database?.close();
    throw error;
  });
}

// What makes a process a subgraph: its database (created, migrated, seeded with demo data
// when empty), its schema and its per-request context, served by the common service shell;
// and its command-line tasks (migrate, seed, seed:county-scale, migration:create).
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Constructor, EntitySchema, MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Seeder } from '@mikro-orm/seeder';
import { GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { JWK } from 'jose';
import type { z } from 'zod';
import { apiClientScopePlugin } from './access.js';
import { assertionUsesInDatabase, ServiceAssertionUseSchema } from './assertion-uses.js';
import { type AuditedAccess, auditBatcher } from './audit.js';
import { type AuthConfig, authenticate, type Caller, createTokenVerifier } from './auth.js';
import { clientAddressFrom, clientAddressHeader } from './client-address.js';
import type { ServiceMode } from './config.js';
import { databaseServer, dropDatabase, embeddedPort, repositoryDataDir } from './database.js';
import { databaseUnavailableMessage, isDatabaseTooSlow, isDatabaseUnavailable } from './database-errors.js';
import { checkEntityRepresentations } from './entity-representations.js';
import { badUserInput } from './errors.js';
import {
  acceptableIdempotencyKey,
  IdempotencyKeySchema,
  type IdempotentRequest,
  idempotencyKeyHeader,
  idempotencyPlugin,
  idempotencySubscriber,
  operationHash,
} from './idempotency.js';
import { type InternalRoute, mountInternalRoutes } from './internal-routes.js';
import { logger } from './logger.js';
import { Counter, createRegistry, Gauge } from './metrics.js';
import { costLimitPlugin } from './operation-cost.js';
import {
  createMigration,
  createOrm,
  type DatabaseLimits,
  type DatabasePool,
  migrate,
  noDatabaseLimits,
  type Orm,
  openBackgroundOrm,
  seedIfEmpty,
  seedInTransaction,
  sqlStatementCount,
  tableRowCounts,
} from './orm.js';
import { OutboxMessageSchema } from './outbox.js';
import {
  countyNotificationChannel,
  type NotificationChannel,
  type NotificationDelivery,
  type OutboxBackoff,
  type SmtpSettings,
  startOutboxDispatcher,
} from './outbox-dispatcher.js';
import { anonymousCaller, isAnonymous, publicAccessPlugin } from './public-access.js';
import { deadlinePassed, deadlineSubscriber, isPastDeadline, requestDeadlineHeader } from './request-deadline.js';
import { checkedRetentionSchedule, type RetentionTask, runRetentionTask, scheduleRetention } from './retention-task.js';
import type { CountyScale } from './scale-data.js';
import { isProduction, type RunningService, type ServiceOptions, startService } from './service.js';
import {
  createServiceAssertionVerifier,
  createServiceSigner,
  type ServiceAssertionVerifier,
  type ServiceCall,
  type ServiceSigner,
  serviceAssertionHeader,
} from './service-assertion.js';
import { type SubgraphCall, serviceUnavailable, subgraphCaller } from './subgraph-calls.js';
import { nulCharacterPlugin } from './text-input.js';

export interface SubgraphContext {
  /** This request's own EntityManager fork: the global one is never used inside a request. */
  em: EntityManager;
  /**
   * Who is calling, from the verified access token; `anonymousCaller` for a request without one,
   * which only the public root fields accept (see public-access.ts).
   */
  caller: Caller;
  /** Records audited reads, batched per request. */
  audit: (accesses: AuditedAccess[]) => Promise<void>;
  /** The address of the person behind the request (see client-address.ts), for per-client limits. */
  clientAddress: string;
  /**
   * Asks another subgraph, as this subgraph and for the same user (see subgraph-calls.ts); every
   * call fails with SERVICE_UNAVAILABLE where there is no HTTP request to act for.
   */
  call: SubgraphCall;
  /** The service that signed the request (the gateway, or a subgraph calling this one); none in-process. */
  callingService?: string;
  /** The request's Idempotency-Key, for a signed-in caller that sent one (see idempotency.ts). */
  idempotency?: IdempotentRequest;
}

/** A SubgraphCall for a context without an HTTP request: nothing can be confirmed, so nothing passes. */
const noSubgraphCalls: SubgraphCall = async (subgraph) => {
  throw serviceUnavailable(subgraph, 'this request cannot call other services');
};

/**
 * The context factory of a subgraph whose requests need only an EntityManager fork and loaders;
 * a loader may batch what it asks another subgraph (`call`, for the same user).
 */
export function contextWithLoaders<Loaders>(
  createLoaders: (em: EntityManager, caller: Caller, call: SubgraphCall) => Loaders,
) {
  return (orm: Orm, caller: Caller, request: SubgraphRequest): SubgraphContext & { loaders: Loaders } => {
    const deadline = request.service?.deadline;
    // Its own event manager when the caller set a deadline: the subscriber that rolls back a commit
    // past it then belongs to this request alone (each transaction's fork clones it).
    // Only a signed-in caller's key counts: anonymous callers share one subject, and would share keys.
    const idempotency: IdempotentRequest | undefined =
      request.idempotency && !isAnonymous(caller)
        ? { ...request.idempotency, subject: caller.subject, armed: false, claimed: false }
        : undefined;
    // Its own event manager when the caller set a deadline or a key: the subscribers that roll back
    // a commit past the deadline and claim the key belong to this request alone (each
    // transaction's fork clones the manager).
    const em = orm.em.fork(deadline === undefined && !idempotency ? {} : { cloneEventManager: true }) as EntityManager;
    if (deadline !== undefined) em.getEventManager().registerSubscriber(deadlineSubscriber(deadline));
    if (idempotency) em.getEventManager().registerSubscriber(idempotencySubscriber(idempotency));
    const call = request.call ?? noSubgraphCalls;
    return {
      em,
      caller,
      audit: auditBatcher(em, caller),
      clientAddress: request.clientAddress,
      call,
      ...(request.service ? { callingService: request.service.service } : {}),
      ...(idempotency ? { idempotency } : {}),
      loaders: createLoaders(em, caller, call),
    };
  };
}

/** What a subgraph knows of an HTTP request beyond its caller. */
export interface SubgraphRequest {
  /**
   * The address of the person behind the request, for per-client limits: the one the signing
   * service bound into its assertion, else the connection's peer (see client-address.ts).
   */
  clientAddress: string;
  /** The service that signed it, and the client address it bound (never taken from a plain header); none in-process. */
  service?: ServiceCall;
  /** The user's Authorization header as received, for calls this subgraph makes on the user's behalf. */
  authorization?: string;
  /** Calls another subgraph, signed as this one, with the user's token; none in-process without peers. */
  call?: SubgraphCall;
  /** The Idempotency-Key sent with the request, and the hash of the operation it names. */
  idempotency?: { key: string; operationHash: string };
}

export interface SubgraphDefinition<Context extends SubgraphContext> {
  name: string;
  /** Database name on the server; `<NAME>_DATABASE` overrides it. */
  database: string;
  defaultPort: number;
  schema: GraphQLSchema;
  // biome-ignore lint/suspicious/noExplicitAny: entity schemas of any shape
  entities: EntitySchema<any, any>[];
  migrations: MigrationObject[];
  migrationsDir: string;
  demoSeeder: Constructor<Seeder>;
  /**
   * The deterministic county-scale data set (`seed:county-scale`, into a database of its own):
   * the full scale unless made with smaller counts or a factor, as tests do.
   */
  countyScaleSeeder?: new (
    size?: Partial<CountyScale> | number,
  ) => Seeder;
  /** True when the database holds none of this subgraph's data yet (so the demo seed may run). */
  isEmpty(orm: Orm): Promise<boolean>;
  /** Erases the personal data past retention, for a subgraph that keeps any (see retention-task.ts). */
  retention?: RetentionTask;
  /**
   * Environment variables of this subgraph's own, beyond every subgraph's: checked and documented
   * with them (subgraph-config.ts); their values reach `tasks`.
   */
  variables?: Record<string, z.ZodType>;
  /**
   * Work of its own beside the requests (e.g. the county's scheduled reminders), started once the
   * database is migrated and seeded, and stopped with the service (each `stop` waits for a run in
   * progress). `settings` holds the values of its `variables`.
   */
  tasks?(orm: Orm, settings: { values: Record<string, unknown>; production: boolean }): { stop(): Promise<void> }[];
  /** Plugins of this subgraph's own, after the common ones (e.g. the regions subgraph's public limits). */
  plugins?: ApolloServerPlugin<Context>[];
  /**
   * The services whose requests it accepts (their signed assertions, see service-assertion.ts);
   * the gateway only, unless another subgraph calls this one too.
   */
  trustedServices?: readonly string[];
  /** The subgraphs it calls itself (signed with its own key, SERVICE_PRIVATE_KEY; found at `<NAME>_URL`). */
  calls?: readonly string[];
  /**
   * JSON POST routes under `/internal/<name>` (e.g. `access/person`) for trusted services only,
   * admitted as /graphql is (see internal-routes.ts); none by default.
   */
  internalRoutes?: Record<string, InternalRoute>;
  /**
   * Delivers a notification (an outbox NOTIFY row) in this subgraph's own database, in the
   * transaction `em` that also marks the row sent: the county's. The other subgraphs post theirs
   * to the county's /internal/notifications (they list 'county' in `calls`).
   */
  deliverNotification?: (em: EntityManager, notification: NotificationDelivery) => Promise<void>;
  /**
   * A fresh context for one request by `caller`: from which client address, and over HTTP which
   * service vouched for it and the user's own token (in-process tests may have neither).
   */
  context(orm: Orm, caller: Caller, request: SubgraphRequest): Context;
}

/**
 * Limits on an operation sent straight to a subgraph. The gateway's are tighter (depth 12, 15
 * aliases, 2,000 tokens, cost 5,000); these leave room for the fetches its query plans make
 * (entity representations add levels, fragments are inlined, keys and __typename added) while
 * refusing what only an attacker past the gateway would send. The cost is counted as at the
 * gateway (operation-cost.ts); a plan's `_entities` fetch counts one item per representation,
 * which can outnumber the gateway's assumed list sizes (all 51 municipalities under regions,
 * say), hence four times the gateway's limit.
 */
export const subgraphOperationLimits = {
  maxDepth: 20,
  maxAliases: 50,
  maxDirectives: 50,
  maxTokens: 10_000,
  maxCost: 20_000,
} as const;

/**
 * In production nobody needs a subgraph's SDL (`_service`): the gateway runs the committed
 * supergraph. Like introspection, it is not served there, so someone past the gateway cannot map
 * the schema.
 */
const noSdlInProduction: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '_service' && context.getParentType()?.name === 'Query') {
      context.reportError(
        new GraphQLError(
          'The subgraph does not serve its SDL in production; the gateway uses the committed supergraph.',
          {
            nodes: [node],
          },
        ),
      );
    }
  },
});

/** The Apollo Server options of a subgraph: its schema, its operation limits, and who may run what. */
export function subgraphApolloOptions<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  production = isProduction(),
): ServiceOptions<Context>['apollo'] {
  const armor = new ApolloArmor({
    maxDepth: { n: subgraphOperationLimits.maxDepth },
    maxAliases: { n: subgraphOperationLimits.maxAliases },
    maxDirectives: { n: subgraphOperationLimits.maxDirectives },
    // graphql-armor's token limit throws from a plugin hook (a 500); graphql-js's parser counts them.
    maxTokens: { enabled: false },
    // graphql-armor's cost limit cannot see variables (`first: $n` cost nothing); costLimitPlugin can.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    schema: checkEntityRepresentations(definition.schema),
    parseOptions: { maxTokens: subgraphOperationLimits.maxTokens },
    validationRules: [...armor.validationRules, ...(production ? [noSdlInProduction] : [])],
    allowBatchedHttpRequests: false,
    plugins: [
      ...(armor.plugins as never[]),
      costLimitPlugin<Context>({ maxCost: subgraphOperationLimits.maxCost }),
      publicAccessPlugin<Context>((context) => isAnonymous(context.caller)),
      apiClientScopePlugin<Context>(),
      nulCharacterPlugin<Context>(),
      idempotencyPlugin<Context>(),
      ...(definition.plugins ?? []),
    ],
  };
}

export function databaseNameOf(definition: Pick<SubgraphDefinition<SubgraphContext>, 'name' | 'database'>): string {
  return process.env[`${definition.name.toUpperCase()}_DATABASE`] ?? definition.database;
}

/** The county-scale data's database, e.g. `regions_county_scale`; `<NAME>_DATABASE` overrides it too. */
export function countyScaleDatabaseNameOf(
  definition: Pick<SubgraphDefinition<SubgraphContext>, 'name' | 'database'>,
): string {
  return process.env[`${definition.name.toUpperCase()}_DATABASE`] ?? `${definition.database}_county_scale`;
}

/** Connects to the subgraph's own database (creating it if missing) and applies pending migrations. */
export async function openSubgraphDatabase<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  server: string,
  database = databaseNameOf(definition),
  {
    writeSnapshot = false,
    limits,
    pool,
  }: { writeSnapshot?: boolean; limits?: DatabaseLimits; pool?: DatabasePool } = {},
): Promise<Orm> {
  const orm = await createOrm({
    server,
    database,
    // Every subgraph keeps its callers' idempotency keys (idempotency.ts), the service assertions
    // it accepted (assertion-uses.ts) and its outbox (outbox.ts) in its own database.
    entities: [
      ...definition.entities,
      ...[IdempotencyKeySchema, ServiceAssertionUseSchema, OutboxMessageSchema].filter(
        (schema) => !definition.entities.includes(schema),
      ),
    ],
    migrations: definition.migrations,
    migrationsDir: definition.migrationsDir,
    writeSnapshot,
    ...(limits ? { limits } : {}),
    ...(pool ? { pool } : {}),
  });
  await migrate(orm);
  return orm;
}

export interface StartSubgraphOptions {
  server: string;
  /** Database name, when not the subgraph's own (tests use throw-away ones). */
  database?: string;
  port?: number;
  host?: string;
  /** Seed demo data into an empty database (on by default; SEED_DEMO). */
  seedDemo?: boolean;
  /** How to verify access tokens (AUTH_*). */
  auth: AuthConfig;
  /** When the retention task runs (a cron pattern), or null (the default) for never; RETENTION_SCHEDULE. */
  retentionSchedule?: string | null;
  /** The values of the subgraph's own variables (its definition's `variables`), by name. */
  settings?: Record<string, unknown>;
  /** The public keys of the services it may trust (kid = service name); SERVICE_KEYS. */
  serviceKeys: readonly JWK[];
  /** Its own private key (kid = its name), for the subgraphs it calls; SERVICE_PRIVATE_KEY. */
  servicePrivateKey?: JWK;
  /**
   * Where another subgraph's /graphql is, asked at call time (`<NAME>_URL`); the README's port on
   * this machine by default.
   */
  subgraphUrl?: (subgraph: string) => string | undefined;
  /** Statement and idle-in-transaction limits; `defaultDatabaseLimits` by default. */
  limits?: DatabaseLimits;
  /** The connection pool; `defaultDatabasePool` by default. */
  pool?: DatabasePool;
  /** Production mode, introspection, stack traces; from NODE_ENV by default. */
  mode?: ServiceMode;
  /** Where /metrics and the detailed health listen; any free port on loopback by default. */
  internal?: { port: number; host?: string };
  /** The log's level (LOG_LEVEL); left as it is by default. */
  logLevel?: string;
  /** How the outbox sends (see outbox-dispatcher.ts): SMTP_URL and MAIL_FROM, OUTBOX_POLL_MS. Without smtp, e-mail stays queued. */
  outbox?: { smtp?: SmtpSettings; pollMs?: number; backoff?: Partial<OutboxBackoff> };
  /** The public website's origin, for links in e-mails (PUBLIC_SITE_URL); see publicSiteUrl(). */
  publicSiteUrl?: string;
}

/** The console's address in development (README, `pnpm start`), where the public pages are without PUBLIC_SITE_URL. */
export const developmentSiteUrl = 'http://localhost:5173';

let configuredSiteUrl: string | undefined;

/**
 * The public website's origin without a trailing slash, for links in e-mails (e.g.
 * `${publicSiteUrl()}/public/cancel/<token>`): what the running subgraph was started with
 * (PUBLIC_SITE_URL), else the environment's PUBLIC_SITE_URL, else the development console's.
 */
export function publicSiteUrl(): string {
  return (configuredSiteUrl ?? process.env.PUBLIC_SITE_URL ?? developmentSiteUrl).replace(/\/+$/, '');
}

/** Where a subgraph's NOTIFY rows go: its own hook (the county), else the county's route when it calls the county. */
async function notificationChannelOf<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  signer: ServiceSigner | undefined,
  subgraphUrl: (subgraph: string) => string | undefined,
): Promise<NotificationChannel | undefined> {
  const local = definition.deliverNotification;
  if (local) return { kind: 'local', deliver: local };
  const countyUrl = definition.calls?.includes('county') ? subgraphUrl('county') : undefined;
  return signer && countyUrl ? countyNotificationChannel({ countyUrl, signer }) : undefined;
}

/** The README's ports, where `pnpm start` runs each subgraph. */
export const defaultSubgraphPorts: Record<string, number> = { county: 4001, regions: 4002, partners: 4003 };

/** Where another subgraph is when nobody said: the README's port on this machine. */
export function defaultSubgraphUrl(subgraph: string): string | undefined {
  const port = defaultSubgraphPorts[subgraph];
  return port ? `http://127.0.0.1:${port}/graphql` : undefined;
}

/** The signer of a subgraph that calls others; a missing or foreign key stops the start. */
async function callingSigner(
  definition: Pick<SubgraphDefinition<SubgraphContext>, 'name' | 'calls'>,
  key: JWK | undefined,
): Promise<ServiceSigner | undefined> {
  if (!definition.calls?.length) return undefined;
  if (!key) {
    throw new Error(
      `SERVICE_PRIVATE_KEY is not set: the ${definition.name} subgraph signs its calls to ${definition.calls.join(', ')} with it (a private ES256 JWK, kid "${definition.name}"; see docs/operations.md)`,
    );
  }
  if (key.kid !== definition.name) {
    throw new Error(
      `SERVICE_PRIVATE_KEY has kid "${key.kid}"; the ${definition.name} subgraph's key has kid "${definition.name}"`,
    );
  }
  return createServiceSigner(key);
}

export async function startSubgraph<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  options: StartSubgraphOptions,
): Promise<RunningService> {
  const verify = createTokenVerifier(options.auth);
  const signer = await callingSigner(definition, options.servicePrivateKey);
  const subgraphUrl = options.subgraphUrl ?? defaultSubgraphUrl;
  // The database is opened below, after every setting is checked; the assertions' uses live there.
  const opened: { orm?: Orm } = {};
  const openOrm = () => {
    if (!opened.orm) throw new Error('the database is not open yet');
    return opened.orm;
  };
  // One record of used assertions for /graphql and the internal routes: none is accepted twice.
  const uses = assertionUsesInDatabase(openOrm);
  const verifyService = createServiceAssertionVerifier({
    audience: definition.name,
    trusted: definition.trustedServices ?? ['gateway'],
    keys: options.serviceKeys,
    uses,
  });
  // Made now, so a missing key of a route's trusted service stops the start.
  const internalVerifiers = new Map(
    Object.values(definition.internalRoutes ?? {}).map((route) => [
      route,
      createServiceAssertionVerifier({
        audience: definition.name,
        trusted: route.trustedServices ?? ['gateway'],
        keys: options.serviceKeys,
        uses,
      }),
    ]),
  );
  // Checked before the database is opened: a typo stops the start, not the first run.
  const schedule = options.retentionSchedule ? checkedRetentionSchedule(options.retentionSchedule) : null;
  const orm = await openSubgraphDatabase(definition, options.server, options.database, {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.pool ? { pool: options.pool } : {}),
  });
  opened.orm = orm;
  if (options.seedDemo ?? true) {
    await seedIfEmpty(orm, definition.demoSeeder, definition.isEmpty);
  }
  const retention = definition.retention && schedule ? scheduleRetention(orm, definition.retention, schedule) : null;
  if (options.publicSiteUrl !== undefined) configuredSiteUrl = options.publicSiteUrl;
  const registry = subgraphRegistry(definition.name, orm);
  // Every subgraph sends what its transactions put in its outbox, on connections of its own: the
  // dispatcher's polling is no request's cost (sql_statements_total) and takes no request's connection.
  const background = await openBackgroundOrm(orm);
  const outbox = startOutboxDispatcher(background, {
    service: definition.name,
    registry,
    ...(options.outbox?.smtp ? { smtp: options.outbox.smtp } : {}),
    ...(options.outbox?.pollMs ? { pollMs: options.outbox.pollMs } : {}),
    ...(options.outbox?.backoff ? { backoff: options.outbox.backoff } : {}),
    notify: await notificationChannelOf(definition, signer, subgraphUrl),
  });
  const tasks =
    definition.tasks?.(orm, {
      values: options.settings ?? {},
      production: options.mode?.production ?? isProduction(),
    }) ?? [];
  const stop = async () => {
    await retention?.stop();
    await Promise.all(tasks.map((task) => task.stop()));
    // The batch in flight is finished (and marked) before the database goes.
    await outbox.stop();
    await background.close();
    await orm.close();
  };
  return startService<Context>({
    name: definition.name,
    port: options.port ?? definition.defaultPort,
    ...(options.host ? { host: options.host } : {}),
    ...(options.mode ? { mode: options.mode } : {}),
    ...(options.internal ? { internal: options.internal } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    registry,
    apollo: subgraphApolloOptions(definition, options.mode?.production),
    ...(definition.internalRoutes
      ? {
          routes: (app) =>
            mountInternalRoutes(
              app,
              definition.internalRoutes ?? {},
              (route) => internalVerifiers.get(route) as ServiceAssertionVerifier,
              openOrm,
            ),
        }
      : {}),
    // Only what a trusted service (the gateway) signed reaches the schema: its limits and rate
    // limits cannot be skipped by calling the subgraph straight with a user's token.
    // A request that waited past its deadline (in the socket of a frozen process, say) is not
    // started: its caller has already answered that it failed.
    admit: async (req, body) => {
      const call = await verifyService({
        assertion: req.get(serviceAssertionHeader),
        body,
        clientAddress: req.get(clientAddressHeader),
        deadline: req.get(requestDeadlineHeader),
      }).catch((error: unknown) => {
        // Whether the assertion was used already cannot be known without the database.
        if (isDatabaseUnavailable(error) || isDatabaseTooSlow(error)) {
          throw new GraphQLError(databaseUnavailableMessage, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
        }
        throw error;
      });
      const key = req.get(idempotencyKeyHeader);
      if (key !== undefined && !acceptableIdempotencyKey.test(key)) {
        throw badUserInput('The Idempotency-Key header must be 1 to 200 visible ASCII characters, e.g. a UUID.');
      }
      if (isPastDeadline(call.deadline)) {
        logger.warn({ service: call.service, deadline: call.deadline }, 'request refused: its deadline has passed');
        throw deadlinePassed();
      }
      return call;
    },
    // Every operation but the public ones needs a valid token, also straight to the subgraph past
    // the gateway; a token that is present but invalid is refused, never taken as no token.
    context: async ({ req, res }) => {
      const admission = res.locals.admission as ServiceCall;
      const { authorization } = req.headers;
      // The user's own token, passed on when this subgraph asks another for them.
      const onBehalf = authorization === undefined ? {} : { authorization };
      const idempotencyKey = req.get(idempotencyKeyHeader);
      const body = req.body as { query?: unknown; variables?: unknown };
      return definition.context(
        orm,
        authorization === undefined ? anonymousCaller : await authenticate(authorization, verify),
        {
          clientAddress: clientAddressFrom(admission, req.socket.remoteAddress),
          service: admission,
          ...onBehalf,
          ...(idempotencyKey
            ? { idempotency: { key: idempotencyKey, operationHash: operationHash(body.query, body.variables) } }
            : {}),
          call: subgraphCaller({
            signer,
            url: subgraphUrl,
            ...(admission.deadline === undefined ? {} : { deadline: admission.deadline }),
            ...onBehalf,
          }),
        },
      );
    },
    health: async () => {
      await orm.em.getConnection().execute('select 1');
      return { status: 'ok', database: 'up' };
    },
    onStop: stop,
  }).catch(async (error: unknown) => {
    // Not listening (the port is taken, say): nothing may go on running behind it.
    await stop();
    throw error;
  });
}

/** The subgraph's metrics beyond every service's: SQL statements sent, and its connection pool. */
function subgraphRegistry(name: string, orm: Orm) {
  const registry = createRegistry(name);
  new Counter({
    name: 'sql_statements_total',
    help: 'SQL statements sent to the database.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sqlStatementCount(orm));
    },
  });
  // knex's pool (tarn): connections lent out, idle, and requests waiting for one.
  const pool = () =>
    (
      orm.em.getConnection().getKnex().client as {
        pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number };
      }
    ).pool;
  new Gauge({
    name: 'database_pool_connections',
    help: 'Database connections in the pool, by state: used (lent to a request), free (idle), pending (requests waiting for one).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const current = pool();
      this.set({ state: 'used' }, current?.numUsed() ?? 0);
      this.set({ state: 'free' }, current?.numFree() ?? 0);
      this.set({ state: 'pending' }, current?.numPendingAcquires() ?? 0);
    },
  });
  return registry;
}

/**
 * Runs `work` against the subgraph's migrated database on DATABASE_URL or, when it is unset, on
 * the same embedded PostgreSQL that `pnpm start` uses; for command-line tasks. `database` names
 * another database than the subgraph's own; `reset` drops it first.
 */
export async function withSubgraphDatabase<Context extends SubgraphContext, Result>(
  definition: SubgraphDefinition<Context>,
  work: (orm: Orm) => Promise<Result>,
  {
    database = databaseNameOf(definition),
    reset = false,
    writeSnapshot = false,
  }: { database?: string; reset?: boolean; writeSnapshot?: boolean } = {},
): Promise<Result> {
  const server = await databaseServer({ dataDir: `${repositoryDataDir}postgres`, port: embeddedPort() });
  try {
    if (reset) {
      await dropDatabase(server.url, database);
      logger.info({ database }, 'database dropped');
    }
    // A command works on the whole database at once: no limit meant for requests applies.
    const orm = await openSubgraphDatabase(definition, server.url, database, {
      writeSnapshot,
      limits: noDatabaseLimits,
    });
    try {
      return await work(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await server.stop();
  }
}

/**
 * `migrate`, `seed`, `seed:county-scale [--reset] [--scale <factor>]` and `migration:create [name]`
 * for one subgraph.
 */
export async function subgraphCli<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  command: string | undefined,
  ...args: string[]
): Promise<void> {
  if (command === 'seed:county-scale') return seedCountyScale(definition, args);
  if (command === 'retention' && definition.retention) return runRetentionNow(definition, definition.retention, args);
  const [migrationName] = args;
  const commands: Record<string, (orm: Orm) => Promise<void>> = {
    migrate: async () => {}, // opening the database applied them
    seed: async (orm) => {
      if (!(await seedIfEmpty(orm, definition.demoSeeder, definition.isEmpty))) {
        logger.info('the database holds data already; demo data is only seeded into an empty database');
      }
    },
    'migration:create': async (orm) => {
      const file = await createMigration(orm, definition.migrationsDir, migrationName);
      logger.info(file ? { file } : {}, file ? 'migration written' : 'no schema changes');
    },
  };
  const run = command ? commands[command] : undefined;
  if (!run) {
    throw new Error(
      `Unknown command ${command ?? '(none)'}: use ${[...Object.keys(commands), 'seed:county-scale', ...(definition.retention ? ['retention [--dry-run]'] : [])].join(', ')}`,
    );
  }
  // Only writing a migration updates the snapshot it is computed from.
  await withSubgraphDatabase(definition, run, { writeSnapshot: command === 'migration:create' });
}

/** `retention [--dry-run]`: the retention task once, now (it also runs on its schedule in a running subgraph). */
async function runRetentionNow<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  task: RetentionTask,
  args: string[],
): Promise<void> {
  const dryRun = args.includes('--dry-run');
  const run = await withSubgraphDatabase(definition, (orm) => runRetentionTask(orm, task, { dryRun }));
  if (!run) logger.info('retention: a running instance of the subgraph is running it now; nothing done');
  else
    logger.info(
      { retention: run },
      dryRun ? 'retention: data past retention counted' : 'retention: data past retention erased',
    );
}

const seconds = (since: number) => Math.round(performance.now() - since) / 1000;

/**
 * Seeds the county-scale data into its own database (created and migrated when missing), only
 * when that is empty, so it never mixes with demo data nor runs twice; `--reset` drops it first.
 */
async function seedCountyScale<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  args: string[],
): Promise<void> {
  const ScaleSeeder = definition.countyScaleSeeder;
  if (!ScaleSeeder) throw new Error(`The ${definition.name} subgraph has no county-scale seeder`);
  const scaleFlag = args.findIndex((arg) => arg === '--scale' || arg.startsWith('--scale='));
  const scaleArgument = scaleFlag < 0 ? undefined : (args[scaleFlag]?.split('=')[1] ?? args[scaleFlag + 1]);
  const factor = scaleArgument === undefined ? undefined : Number(scaleArgument);
  if (factor !== undefined && !(factor > 0)) throw new Error('--scale takes a factor above 0, e.g. --scale 0.1');
  const reset = args.includes('--reset');
  const database = countyScaleDatabaseNameOf(definition);
  if (reset && database === definition.database) {
    throw new Error(`--reset would drop ${database}, the subgraph's own database; name another in the environment`);
  }
  const started = performance.now();
  await withSubgraphDatabase(
    definition,
    async (orm) => {
      if (!(await definition.isEmpty(orm))) {
        logger.info(
          { database },
          'the database holds data already; county-scale data is seeded only into an empty one (--reset starts over)',
        );
        return;
      }
      const seeding = performance.now();
      await seedInTransaction(orm, new ScaleSeeder(factor));
      const seedSeconds = seconds(seeding);
      logger.info(
        { database, seconds: { seed: seedSeconds, total: seconds(started) }, rows: await tableRowCounts(orm) },
        `${definition.name}: county-scale data seeded in ${seedSeconds} s`,
      );
    },
    { database, reset },
  );
}

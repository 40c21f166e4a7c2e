// What makes a process a subgraph: its database (created, migrated, seeded with demo data
// when empty), its schema and its per-request context, served by the common service shell.
import type { Constructor, EntitySchema, MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Seeder } from '@mikro-orm/seeder';
import type { GraphQLSchema } from 'graphql';
import { type AuditedAccess, auditBatcher } from './audit.js';
import { type AuthConfig, authConfigFromEnvironment, authenticate, type Caller, createTokenVerifier } from './auth.js';
import { databaseServer, repositoryDataDir } from './database.js';
import { logger } from './logger.js';
import { createMigration, createOrm, migrate, type Orm, seedIfEmpty, sqlStatementCount } from './orm.js';
import { anonymousCaller, isAnonymous, publicAccessPlugin } from './public-access.js';
import { type RunningService, type ServiceOptions, startService } from './service.js';

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
}

/** The context factory of a subgraph whose requests need only an EntityManager fork and loaders. */
export function contextWithLoaders<Loaders>(createLoaders: (em: EntityManager, caller: Caller) => Loaders) {
  return (orm: Orm, caller: Caller): SubgraphContext & { loaders: Loaders } => {
    const em = orm.em.fork() as EntityManager;
    return { em, caller, audit: auditBatcher(em, caller), loaders: createLoaders(em, caller) };
  };
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
  /** True when the database holds none of this subgraph's data yet (so the demo seed may run). */
  isEmpty(orm: Orm): Promise<boolean>;
  /** A fresh context for one request by `caller`. */
  context(orm: Orm, caller: Caller): Context;
}

/** The Apollo Server options of a subgraph: its schema, and the refusal of anonymous non-public operations. */
export function subgraphApolloOptions<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
): ServiceOptions<Context>['apollo'] {
  return {
    schema: definition.schema,
    plugins: [publicAccessPlugin<Context>((context) => isAnonymous(context.caller))],
  };
}

export function databaseNameOf(definition: SubgraphDefinition<SubgraphContext>): string {
  return process.env[`${definition.name.toUpperCase()}_DATABASE`] ?? definition.database;
}

/** Connects to the subgraph's own database (creating it if missing) and applies pending migrations. */
export async function openSubgraphDatabase<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  server: string,
  database = databaseNameOf(definition),
): Promise<Orm> {
  const orm = await createOrm({
    server,
    database,
    entities: definition.entities,
    migrations: definition.migrations,
    migrationsDir: definition.migrationsDir,
  });
  await migrate(orm);
  return orm;
}

/** The database server a subgraph process uses on its own: DATABASE_URL, which it requires. */
export function requiredDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Run the whole platform with `pnpm start` (it starts an embedded PostgreSQL), or set DATABASE_URL=postgres://user@host:5432 to run this service on its own.',
    );
  }
  return url;
}

export interface StartSubgraphOptions {
  server: string;
  /** Database name, when not the subgraph's own (tests use throw-away ones). */
  database?: string;
  port?: number;
  host?: string;
  /** Seed demo data into an empty database (on by default; SEED_DEMO=false turns it off). */
  seedDemo?: boolean;
  /** How to verify access tokens; from AUTH_* variables by default. */
  auth?: AuthConfig;
}

export async function startSubgraph<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  options: StartSubgraphOptions,
): Promise<RunningService> {
  const verify = createTokenVerifier(options.auth ?? authConfigFromEnvironment());
  const orm = await openSubgraphDatabase(definition, options.server, options.database);
  if (options.seedDemo ?? process.env.SEED_DEMO !== 'false') {
    await seedIfEmpty(orm, definition.demoSeeder, definition.isEmpty);
  }
  return startService<Context>({
    name: definition.name,
    port: options.port ?? Number(process.env.PORT ?? definition.defaultPort),
    ...(options.host ? { host: options.host } : {}),
    apollo: subgraphApolloOptions(definition),
    // Every operation but the public ones needs a valid token, also straight to the subgraph past
    // the gateway; a token that is present but invalid is refused, never taken as no token.
    context: async ({ req }) =>
      definition.context(
        orm,
        req.headers.authorization === undefined
          ? anonymousCaller
          : await authenticate(req.headers.authorization, verify),
      ),
    health: async () => {
      await orm.em.getConnection().execute('select 1');
      return { status: 'ok', database: 'up' };
    },
    metrics: () => ({
      sql_statements_total: { help: 'SQL statements sent to the database.', value: sqlStatementCount(orm) },
    }),
    onStop: () => orm.close(),
  });
}

/**
 * Runs `work` against the subgraph's migrated database on DATABASE_URL or, when it is unset, on
 * the same embedded PostgreSQL that `pnpm start` uses; for command-line tasks.
 */
export async function withSubgraphDatabase<Context extends SubgraphContext, Result>(
  definition: SubgraphDefinition<Context>,
  work: (orm: Orm) => Promise<Result>,
): Promise<Result> {
  const server = await databaseServer({ dataDir: `${repositoryDataDir}postgres`, port: embeddedPort() });
  try {
    const orm = await openSubgraphDatabase(definition, server.url);
    try {
      return await work(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await server.stop();
  }
}

/** `migrate`, `seed` and `migration:create [name]` for one subgraph. */
export async function subgraphCli<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  command: string | undefined,
  migrationName?: string,
): Promise<void> {
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
  if (!run) throw new Error(`Unknown command ${command ?? '(none)'}: use ${Object.keys(commands).join(', ')}`);
  await withSubgraphDatabase(definition, run);
}

/** The embedded PostgreSQL's port (5432 belongs to a machine's own server). */
export function embeddedPort(): number {
  return Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
}

// MikroORM set-up shared by the subgraphs: one database each, schema changes only through
// committed migrations, demo data only into an empty database.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  ConnectionException,
  type Constructor,
  type EntitySchema,
  type EventSubscriber,
  type MigrationObject,
  type TransactionEventArgs,
} from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { type Seeder, SeedManager } from '@mikro-orm/seeder';
import pg from 'pg';
import { databaseUrl, ensureDatabase } from './database.js';
import { logger } from './logger.js';

export { MikroORM };
export type Orm = MikroORM;

export interface OrmOptions {
  /** The server URL (no database name), e.g. postgres://postgres@127.0.0.1:5432 */
  server: string;
  database: string;
  // biome-ignore lint/suspicious/noExplicitAny: entity schemas of any shape
  entities: EntitySchema<any, any>[];
  migrations: MigrationObject[];
  /** The subgraph's `src/migrations` folder, where `migration:create` writes. */
  migrationsDir: string;
  debug?: boolean;
  /**
   * Keep `src/migrations/.snapshot.json` up to date: only when writing a migration. MikroORM
   * rewrites the snapshot after every migration run when this is on, so with it on every test
   * database and every start would rewrite a committed file.
   */
  writeSnapshot?: boolean;
  /**
   * The longest a statement may run, and a transaction sit idle, before the server ends it
   * (milliseconds; 0 for no limit, as command-line tasks over a whole county's data need).
   * `defaultDatabaseLimits` when left out (a service takes its own from its configuration:
   * DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS).
   */
  limits?: DatabaseLimits;
  /** The connection pool; `defaultDatabasePool` when left out (DATABASE_POOL_MAX, DATABASE_ACQUIRE_TIMEOUT_MS). */
  pool?: DatabasePool;
}

export interface DatabasePool {
  /** Connections at most. */
  max: number;
  /** How long a request waits for a connection (and a new connection may take to open) before it is told the database is away. */
  acquireTimeoutMs: number;
}

export const defaultDatabasePool: DatabasePool = { max: 10, acquireTimeoutMs: 5_000 };

export interface DatabaseLimits {
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/**
 * Limits for a serving process: a statement stuck behind a lock or gone astray fails after 30 s
 * instead of holding a pooled connection (and its locks) until the pool runs dry, and a
 * transaction left open by a bug gives its locks back after a minute.
 */
export const defaultDatabaseLimits: DatabaseLimits = { statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 60_000 };

/** No limits: for set-up and command-line work (migrations, seeding, a county's retention run). */
export const noDatabaseLimits: DatabaseLimits = { statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 };

const statementCounts = new WeakMap<Orm, { count: number }>();

/** What each ORM was opened with, so set-up work can open its like without the limits. */
const openedWith = new WeakMap<Orm, OrmOptions & { limits: DatabaseLimits }>();

const hasLimits = (limits: DatabaseLimits) => limits.statementTimeoutMs > 0 || limits.idleInTransactionTimeoutMs > 0;

/**
 * Runs set-up work (migrations, seeding, `analyze`, the retention run) on connections without the
 * statement and idle-in-transaction limits: it may take longer than any request should, and between
 * its statements it builds the next rows in JavaScript, which on a loaded machine leaves its
 * transaction idle longer than a request may be. Lifting the limits inside the transaction (SET
 * LOCAL) left a gap: between BEGIN and the SET the transaction sat idle under the request limit,
 * and a seeder whose process stalled there (the machine busy, a garbage collection) was ended by
 * the server ("terminating connection due to idle-in-transaction timeout"). So an ORM with limits
 * lends `work` an ORM of its own on the same database whose connections open without them (the
 * same entities and subscribers; its pool opens only the connections the work uses), closed
 * afterwards; one without limits (the command-line tasks') is used as it is. Every ORM of the
 * platform comes from `createOrm`, which records what it was opened with.
 */
export async function withUnlimitedOrm<Result>(orm: Orm, work: (unlimited: Orm) => Promise<Result>): Promise<Result> {
  const options = openedWith.get(orm);
  if (!options || !hasLimits(options.limits)) return work(orm);
  const unlimited = await initOrm(
    { ...options, limits: noDatabaseLimits },
    { subscribers: [...orm.em.getEventManager().getSubscribers()] },
  );
  try {
    return await work(unlimited);
  } finally {
    await unlimited.close();
  }
}

/**
 * An ORM of its own on the same database, with the same entities, limits and subscribers, for a
 * service's background work (the outbox's dispatcher): its statements are not the requests' (what
 * `sql_statements_total` counts, and the tests and the benchmark divide by requests), and its few
 * connections are never ones a request waits for. The caller closes it.
 */
export async function openBackgroundOrm(orm: Orm, connections = 2): Promise<Orm> {
  const options = openedWith.get(orm);
  if (!options) throw new Error('openBackgroundOrm needs an ORM opened by createOrm');
  const pool = options.pool ?? defaultDatabasePool;
  return initOrm(
    { ...options, pool: { ...pool, max: connections } },
    { subscribers: [...orm.em.getEventManager().getSubscribers()] },
  );
}

/**
 * SQL statements this ORM has sent since it opened: what /metrics reports and the benchmark
 * divides by requests, so a statement count that grows with the data (N+1) shows.
 */
export function sqlStatementCount(orm: Orm): number {
  return statementCounts.get(orm)?.count ?? 0;
}

const acquireTimeouts = new WeakMap<Orm, number>();

/**
 * Refuses a transaction whose BEGIN failed. When the server cut a pooled connection just before it
 * was handed out (a restart, pg_terminate_backend), knex still gives MikroORM the transaction and
 * every statement in it then fails with "Transaction query already complete", an error that says
 * nothing of the cause; this says the connection was lost, so the caller hears the database is away.
 */
const refuseFailedBegin: EventSubscriber = {
  afterTransactionStart({ transaction }: TransactionEventArgs) {
    const knexTransaction = transaction as { isCompleted?: () => boolean } | undefined;
    if (knexTransaction?.isCompleted?.()) {
      throw new ConnectionException(new Error('The database connection was lost before the transaction began.'));
    }
  },
};

export async function createOrm(options: OrmOptions): Promise<Orm> {
  const limits = options.limits ?? defaultDatabaseLimits;
  await ensureDatabase(options.server, options.database);
  const orm = await initOrm({ ...options, limits });
  openedWith.set(orm, { ...options, limits });
  return orm;
}

async function initOrm(
  options: OrmOptions & { limits: DatabaseLimits },
  { subscribers = [] }: { subscribers?: EventSubscriber[] } = {},
): Promise<Orm> {
  const { limits } = options;
  const pool = options.pool ?? defaultDatabasePool;
  const acquireTimeoutMillis = () => pool.acquireTimeoutMs;
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl(options.server, options.database),
    entities: options.entities,
    extensions: [Migrator, SeedManager],
    migrations: {
      migrationsList: options.migrations,
      path: options.migrationsDir,
      pathTs: options.migrationsDir,
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: options.writeSnapshot ?? false,
      // One snapshot per subgraph, whatever the database is called (tests use throw-away names).
      snapshotName: '.snapshot',
    },
    // Entities are declared with defineEntity; no reflection, no discovery of files at run time.
    discovery: { warnWhenNoEntities: true },
    // Identifiers in SQL stay as declared; MikroORM's own logger goes through ours.
    debug: options.debug ?? false,
    logger: (message) => logger.debug({ orm: message }),
    subscribers: [...new Set([refuseFailedBegin, ...subscribers])],
    // Fail fast when the database is away: a request waits at most `pool.acquireTimeoutMs` (DATABASE_ACQUIRE_TIMEOUT_MS,
    // 5 s) for a pooled connection and a new connection at most that long to open, instead of
    // knex's 60 s, then answers SERVICE_UNAVAILABLE (errors.ts). A refused connection fails at
    // once (the pool passes the first create error on). Connections the server closed (a restart,
    // pg_terminate_backend) are marked by knex and dropped from the pool; new ones replace them.
    pool: { min: 0, max: pool.max, acquireTimeoutMillis: acquireTimeoutMillis() },
    driverOptions: {
      acquireConnectionTimeout: acquireTimeoutMillis(),
      // knex's warnings (e.g. a pooled connection the server closed) in our log, not on stdout.
      log: {
        warn: (message: unknown) => logger.warn({ knex: String(message) }),
        error: (message: unknown) => logger.error({ knex: String(message) }),
        deprecate: (message: unknown) => logger.warn({ knex: String(message) }),
        debug: (message: unknown) => logger.debug({ knex: String(message) }),
      },
      connection: {
        // No JIT compilation: the key figures' statement costs enough to trigger it, and compiling
        // took 550 of its 800 ms at county scale; these queries are short and many, not long.
        // The limits (see OrmOptions.limits) hold for every statement of every pooled connection.
        options: `-c jit=off -c statement_timeout=${limits.statementTimeoutMs} -c idle_in_transaction_session_timeout=${limits.idleInTransactionTimeoutMs}`,
        connectionTimeoutMillis: acquireTimeoutMillis(),
        // A server that vanished without closing the socket (a network cut) is noticed.
        keepAlive: true,
      },
    },
  });
  const counter = { count: 0 };
  statementCounts.set(orm, counter);
  acquireTimeouts.set(orm, pool.acquireTimeoutMs);
  orm.em
    .getConnection()
    .getKnex()
    .on('query', () => {
      counter.count += 1;
    });
  return orm;
}

/** Any number that the subgraphs' processes agree on: the advisory lock their set-up takes. */
const setupLockKey = 7_364_201;

/**
 * Runs `work` while holding the database's set-up lock (a PostgreSQL advisory lock on a session
 * of its own), so processes of the same subgraph starting at once migrate and seed one at a time;
 * the later ones find nothing left to do.
 */
async function withSetupLock<Result>(orm: Orm, work: (session: pg.Client) => Promise<Result>): Promise<Result> {
  const session = new pg.Client({
    connectionString: orm.config.get('clientUrl'),
    connectionTimeoutMillis: acquireTimeouts.get(orm) ?? defaultDatabasePool.acquireTimeoutMs,
  });
  await session.connect();
  try {
    await session.query('select pg_advisory_lock($1)', [setupLockKey]);
    return await work(session);
  } finally {
    await session.end();
  }
}

/**
 * Applies every pending migration in one transaction, under the set-up lock, and refuses a
 * database that a newer version of the code has migrated: migrations this code does not know
 * would mean its entities no longer match the tables.
 */
export function migrate(orm: Orm): Promise<void> {
  return withSetupLock(orm, async (session) => {
    const known = new Set((orm.config.get('migrations').migrationsList ?? []).map((migration) => migration.name));
    const unknown = (await executedMigrationNames(session)).filter((name) => !known.has(name.replace(/\.[jt]s$/, '')));
    if (unknown.length) throw new DatabaseNewerThanCodeError(orm.config.get('dbName'), unknown);
    // All or nothing, in one transaction without the statement limit: a migration may rewrite a
    // large table.
    const applied = await withUnlimitedOrm(orm, (unlimited) =>
      unlimited.em.getConnection().transactional((transaction) => unlimited.getMigrator().up({ transaction })),
    );
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  });
}

/** The database was migrated by a newer version of the subgraph than the one starting. */
export class DatabaseNewerThanCodeError extends Error {
  constructor(
    readonly database: string,
    readonly unknownMigrations: string[],
  ) {
    super(
      `The database ${database} has migrations this version of the code does not know (${unknownMigrations.join(', ')}): a newer version migrated it. Refusing to start; run that version, or restore a backup taken before it.`,
    );
    this.name = 'DatabaseNewerThanCodeError';
  }
}

async function executedMigrationNames(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ exists: boolean }>(
    "select to_regclass('mikro_orm_migrations') is not null as exists",
  );
  if (!rows[0]?.exists) return [];
  const executed = await client.query<{ name: string }>('select name from mikro_orm_migrations order by id');
  return executed.rows.map((row) => row.name);
}

/**
 * Runs the demo seeder unless the database already holds data (`isEmpty` decides), so a restart
 * never duplicates or overwrites what people entered.
 */
export function seedIfEmpty(
  orm: Orm,
  seeder: Constructor<Seeder>,
  isEmpty: (orm: Orm) => Promise<boolean>,
): Promise<boolean> {
  // Under the set-up lock: two processes starting on an empty database would both find it empty.
  return withSetupLock(orm, async () => {
    if (!(await isEmpty(orm))) return false;
    await seedInTransaction(orm, seeder);
    logger.info({ seeder: seeder.name }, 'demo data seeded');
    return true;
  });
}

/**
 * Runs a seeder (a class, or one made with options) all or nothing: a failed seed leaves the
 * database empty, so the next start seeds again.
 */
export function seedInTransaction(orm: Orm, seeder: Constructor<Seeder> | Seeder): Promise<void> {
  return withUnlimitedOrm(orm, async (unlimited) => {
    await unlimited.em.fork().transactional(async (em) => {
      await (typeof seeder === 'function' ? new seeder() : seeder).run(em);
      await em.flush();
    });
    // Fresh planner statistics: until autovacuum gets to the new rows, PostgreSQL takes the tables
    // for nearly empty and plans the key figures with nested loops (0.5 s instead of 35 ms).
    await unlimited.em.fork().execute('analyze');
  });
}

/**
 * Tables of bookkeeping rather than data: the migrations', the rate limits' counts of what each
 * client address sent (which a refused request rightly changes: trying counts), and the service
 * assertions used (every request adds one).
 */
export const bookkeepingTables = ['mikro_orm_migrations', 'rate_limit_window', 'service_assertion_use'] as const;

/** The database's own tables (not the bookkeeping ones), by name, in order. */
export async function dataTables(orm: Orm): Promise<{ name: string }[]> {
  return orm.em.getConnection().execute(
    `select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not in (?)
      order by table_name`,
    [[...bookkeepingTables]],
  );
}

/** Rows in each of the database's tables (but the migrations' own), by table name. */
export async function tableRowCounts(orm: Orm): Promise<Record<string, number>> {
  const connection = orm.em.getConnection();
  const tables = await dataTables(orm);
  if (!tables.length) return {};
  const rows: { name: string; count: number }[] = await connection.execute(
    tables.map(({ name }) => `select '${name}' as name, count(*)::int as count from "${name}"`).join(' union all '),
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.count]));
}

/**
 * Writes a new migration from the difference between the entities and the last snapshot, then
 * rewrites `src/migrations/index.ts` so the list the subgraph runs matches the files.
 */
export async function createMigration(orm: Orm, migrationsDir: string, name?: string): Promise<string | undefined> {
  const fileSafeName = name?.replace(/[^\w]+/g, '_');
  const result = await orm.getMigrator().createMigration(migrationsDir, false, false, fileSafeName);
  if (!result.fileName) return undefined;
  writeMigrationIndex(migrationsDir);
  return result.fileName;
}

function migrationFiles(migrationsDir: string): string[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^Migration\d+[\w-]*\.ts$/.test(file))
    .sort();
}

function writeMigrationIndex(migrationsDir: string): void {
  const files = migrationFiles(migrationsDir).map((file) => {
    const className = /export class (\w+)/.exec(readFileSync(`${migrationsDir}/${file}`, 'utf8'))?.[1];
    if (!className) throw new Error(`${file} exports no migration class`);
    return { name: basename(file, '.ts'), className };
  });
  const lines = [
    '// The migrations this subgraph runs, in order. Written by `pnpm migration:create`; do not edit by hand.',
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...files.map(({ name, className }) => `import { ${className} } from './${name}.js';`),
    '',
    'export const migrations: MigrationObject[] = [',
    ...files.map(({ name, className }) => `  { name: '${name}', class: ${className} },`),
    '];',
    '',
  ];
  writeFileSync(`${migrationsDir}/index.ts`, lines.join('\n'));
}

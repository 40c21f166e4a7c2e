// The gateway's own database: what every gateway instance behind a load balancer must share and so
// cannot keep in its memory: the public rate limits' counts (public-limits.ts), the platform's
// signing keys, sign-in attempts and sessions, and the client assertions already used (auth/).
import { databaseUrl, ensureDatabase, logger } from '@etablerer/kit';
import pg from 'pg';

/** The gateway's database on the server, unless GATEWAY_DATABASE names another. */
export const defaultGatewayDatabase = 'gateway';

/** The table rate-limiter-flexible's PostgreSQL store keeps its counts in (its own column layout). */
export const publicRateLimitTable = 'public_rate_limit';

export interface GatewayDatabaseOptions {
  /** The server URL (no database name), e.g. postgres://postgres@127.0.0.1:5432 */
  server: string;
  database: string;
  /** Connections at most (DATABASE_POOL_MAX). */
  poolMax?: number;
}

export interface GatewayDatabase {
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * The sign-in's tables (auth/): the platform's signing keys (signing-keys.ts), the login attempts
 * and sessions (sessions.ts) and the client assertions used (client-credentials.ts).
 */
const authTables = [
  `create table if not exists platform_signing_key (
     kid text primary key, private_jwk jsonb not null, public_jwk jsonb not null,
     created_at timestamptz not null, active_from timestamptz not null)`,
  `create table if not exists auth_login_attempt (
     state_hash text primary key, code_verifier text not null, nonce text not null, return_to text not null,
     expires_at timestamptz not null)`,
  `create index if not exists auth_login_attempt_expires on auth_login_attempt (expires_at)`,
  `create table if not exists auth_session (
     id_hash text primary key, record jsonb not null, expires_at timestamptz not null)`,
  `create index if not exists auth_session_expires on auth_session (expires_at)`,
  `create table if not exists client_assertion_use (
     id text primary key, expires_at timestamptz not null)`,
  `create index if not exists client_assertion_use_expires on client_assertion_use (expires_at)`,
];

/** Any number no other lock in the gateway's database uses: the lock its set-up takes. */
const setupLockKey = 7_364_301;

/**
 * Opens the gateway's database, creating it and its table when missing. Gateways starting at once
 * create the table one at a time (an advisory lock), where each creating it itself could fail on
 * PostgreSQL's catalogue. A request waits at most 5 s for a connection or a statement.
 */
export async function openGatewayDatabase({
  server,
  database,
  poolMax = 5,
}: GatewayDatabaseOptions): Promise<GatewayDatabase> {
  await ensureDatabase(server, database);
  const pool = new pg.Pool({
    connectionString: databaseUrl(server, database),
    max: poolMax,
    connectionTimeoutMillis: 5_000,
    options: '-c statement_timeout=5000 -c idle_in_transaction_session_timeout=5000',
    keepAlive: true,
  });
  // A pooled connection the server ended (a restart) must not crash the process; the pool replaces it.
  pool.on('error', (error) => logger.warn({ err: error }, 'gateway database: a pooled connection was lost'));
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [setupLockKey]);
    await client.query(
      `create table if not exists ${publicRateLimitTable} (
         key varchar(255) primary key, points integer not null default 0, expire bigint)`,
    );
    await client.query(`create index if not exists ${publicRateLimitTable}_expire on ${publicRateLimitTable} (expire)`);
    for (const statement of authTables) await client.query(statement);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  return { pool, close: () => pool.end() };
}

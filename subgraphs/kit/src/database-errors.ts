// Telling "the database is away" (down, restarting, unreachable, or every connection busy) apart
// from a bug: the first is the caller's to retry, and is answered as such (errors.ts).
import { ConnectionException } from '@mikro-orm/core';

/** What a caller is told when a request could not reach the database; it was rolled back whole. */
export const databaseUnavailableMessage =
  'The database is not reachable right now; nothing was saved. Try again shortly.';

/** Socket errors of a connection that could not be opened or was cut. */
const socketErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs of a server going away or not taking connections: class 08 (connection
 * exception), 57P01 admin_shutdown (a restart, pg_terminate_backend), 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up or shutting down), 53300 too_many_connections.
 */
const unavailableSqlStates = /^(08...|57P0[123]|53300)$/;

/** Messages of pg and knex that carry no code: a connection ended, or none came in time. */
const unavailableMessages = [
  /^Connection terminated/i, // pg: "... unexpectedly", "... due to connection timeout"
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /Timeout acquiring a connection/i, // knex: the pool gave none within acquireConnectionTimeout
];

/**
 * pg's own message: knex puts the statement in front of it (`select … - Connection terminated
 * unexpectedly`, on the same error object), so a connection cut mid-query read as a bug.
 */
function driverMessage(message: string): string {
  const separator = message.lastIndexOf(' - ');
  return separator < 0 ? message : message.slice(separator + 3);
}

/** `error` and everything behind it: its causes and, for an AggregateError, its errors. */
function* errorChain(error: unknown): Generator<object> {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    yield current;
    const { cause, errors } = current as { cause?: unknown; errors?: unknown };
    pending.push(cause);
    // Node reports a refused connection to a name with several addresses as an AggregateError.
    if (Array.isArray(errors)) pending.push(...errors);
  }
}

/** True when `error` (or what caused it) says the database could not be reached or went away. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const current of errorChain(error)) {
    if (current instanceof ConnectionException) return true;
    const { code, name, message } = current as { code?: unknown; name?: unknown; message?: unknown };
    if (name === 'KnexTimeoutError') return true;
    if (typeof code === 'string' && (socketErrorCodes.has(code) || unavailableSqlStates.test(code))) return true;
    if (typeof message === 'string' && unavailableMessages.some((pattern) => pattern.test(driverMessage(message)))) {
      return true;
    }
  }
  return false;
}

/** What a caller is told when the server stopped a statement or transaction that took too long. */
export const databaseTooSlowMessage =
  'The database took too long to answer and the request was stopped; nothing was saved. Try again shortly.';

/**
 * 57014 query_canceled: a statement ran past its limit (DATABASE_STATEMENT_TIMEOUT_MS, a wait
 * for a lock included); 25P03: a transaction sat idle past DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS.
 */
const tooSlowSqlStates = new Set(['57014', '25P03']);

/** True when the server ended a statement or transaction for taking too long; it was rolled back. */
export function isDatabaseTooSlow(error: unknown): boolean {
  for (const current of errorChain(error)) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && tooSlowSqlStates.has(code)) return true;
  }
  return false;
}

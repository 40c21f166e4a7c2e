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

/** True when `error` (or what caused it) says the database could not be reached or went away. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof ConnectionException) return true;
    const { code, name, message, cause, errors } = current as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (name === 'KnexTimeoutError') return true;
    if (typeof code === 'string' && (socketErrorCodes.has(code) || unavailableSqlStates.test(code))) return true;
    if (typeof message === 'string' && unavailableMessages.some((pattern) => pattern.test(message))) return true;
    pending.push(cause);
    // Node reports a refused connection to a name with several addresses as an AggregateError.
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}

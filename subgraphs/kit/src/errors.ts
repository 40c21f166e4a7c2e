// One error formatter for every service: domain errors become GraphQL errors with the codes the
// console and partner systems rely on; anything unexpected is logged and told as a generic error.
import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  OptimisticLockError,
  NotFoundError as OrmNotFoundError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  databaseTooSlowMessage,
  databaseUnavailableMessage,
  isDatabaseTooSlow,
  isDatabaseUnavailable,
} from './database-errors.js';
import { logger } from './logger.js';
import { DateInputError } from './scalars.js';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

function domainError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Bad input; `extensions` adds what a client needs to word it itself (e.g. a `reason` code). */
export const badUserInput = (message: string, field?: string, extensions: Record<string, unknown> = {}) =>
  domainError('BAD_USER_INPUT', message, field ? { ...extensions, field } : extensions);
export const notFound = (message: string) => domainError('NOT_FOUND', message);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  domainError('CONFLICT', message, extensions);
export const forbidden = (message = 'You are not allowed to do this.') => domainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in first.') =>
  domainError('UNAUTHENTICATED', message, { http: { status: 401 } });
/**
 * Something this service needs is out of reach for a while (not the caller's fault): 503
 * SERVICE_UNAVAILABLE, to be tried again. Log the cause where it is thrown; the message says none of it.
 */
export const temporarilyUnavailable = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
/** Too many requests of a kind in a while; `retryAfterSeconds` says when to try again. */
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  domainError('RATE_LIMITED', message, { retryAfterSeconds });
/**
 * A limit per client address reached: RATE_LIMITED, and HTTP's own signal as well (429 with
 * Retry-After), for clients and proxies that read the status rather than the body.
 */
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  domainError('RATE_LIMITED', message, {
    retryAfterSeconds,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });

/** Codes that Apollo Server itself sets for malformed requests; they pass through unchanged. */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  // The gateway's answer for a subgraph that is down or too slow (gateway/src/subgraph-faults.ts).
  'SUBGRAPH_UNAVAILABLE',
  // A subgraph's database was away (below); passes through the gateway unchanged.
  'SERVICE_UNAVAILABLE',
]);

/** The refusal of the `Date` scalar behind an error, through the errors graphql-js and Apollo wrap it in. */
function dateInputErrorIn(error: unknown): DateInputError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (current instanceof DateInputError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * The variable (and the place in it) a coercion error names, as `field` like the resolvers' own
 * refusals: `Variable "$input" got invalid value … at "input.date"` is input.date.
 */
function variableOf(message: string): string | undefined {
  const within = /^Variable "\$\w+" got invalid value .*? at "([^"]+)"; /.exec(message);
  return within?.[1] ?? /^Variable "\$(\w+)" got invalid value /.exec(message)?.[1];
}

/**
 * The formatter of a service's answers. Stack traces only when a developer asked for them
 * (GRAPHQL_STACKTRACES, refused in production; see config.ts): Apollo's own default put one on
 * every error under `pnpm start`, telling anyone the code's layout.
 */
export function createErrorFormatter({ stacktraces }: { stacktraces: boolean }) {
  const format = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A subgraph's error reaches the gateway with the subgraph's extensions; a trace there must not pass on.
    if (formatted.extensions && 'stacktrace' in formatted.extensions && !stacktraces) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
      return format({ ...formatted, extensions }, error);
    }
    return formatWithoutTraces(formatted, error);
  };
  return format;
}

/** The formatter without stack traces, as production answers. */
export const formatError = createErrorFormatter({ stacktraces: false });

function formatWithoutTraces(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (dateInputErrorIn(error)) {
    // The same answer for a bad date inline (a validation error) as in a variable (a coercion error).
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  if (original instanceof OrmNotFoundError) {
    return { ...formatted, message: 'Not found.', extensions: { code: 'NOT_FOUND' } };
  }
  if (original instanceof OptimisticLockError) {
    return {
      ...formatted,
      message: 'Someone else changed this record; reload and try again.',
      extensions: { code: 'CONFLICT' },
    };
  }
  if (original instanceof UniqueConstraintViolationException) {
    return { ...formatted, message: 'A record with these values exists already.', extensions: { code: 'CONFLICT' } };
  }
  // Not bugs: the database is down, restarting or out of connections, or the server stopped a
  // statement stuck behind a lock or gone astray at its time limit. The transaction was rolled
  // back, and the same request will work again.
  const database = isDatabaseTooSlow(original)
    ? { message: databaseTooSlowMessage, log: 'database statement stopped at its time limit' }
    : isDatabaseUnavailable(original)
      ? { message: databaseUnavailableMessage, log: 'database unavailable' }
      : null;
  if (database) {
    logger.warn({ err: original, path: formatted.path }, database.log);
    return {
      message: database.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  const code = formatted.extensions?.code;
  if (code === 'BAD_USER_INPUT' && formatted.extensions?.field === undefined) {
    const field = variableOf(formatted.message);
    if (field) return { ...formatted, extensions: { ...formatted.extensions, field } };
  }
  if (typeof code === 'string' && requestErrorCodes.has(code)) return formatted;
  // graphql-js throws this, without a code, when the variables hold more than 50 errors (a list
  // of hundreds of bad items, say); it is the caller's input, not a fault of the server.
  if (original instanceof Error && original.message.startsWith('Too many errors processing variables')) {
    return { message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error in a resolver');
  return {
    message: 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

// The console's thin GraphQL client: POSTs a generated, typed document to the gateway on the same origin.
import type { TypedDocumentString } from './generated/graphql';

/** The endpoint on the console's own origin; the dev server and the deployment proxy it to the gateway. */
export const graphqlEndpoint = '/graphql';

/** The header naming one mutation attempt, so that a repeat of it is not carried out twice. */
export const idempotencyKeyHeader = 'idempotency-key';

/** How often the console sends a mutation that got no answer at all (with the same key each time). */
export const mutationAttempts = 2;

/**
 * Gives the access token of whoever is signed in, or undefined for an anonymous request; asynchronous, so that a
 * token about to expire can be renewed first.
 */
export type AccessTokenSource = () => string | undefined | Promise<string | undefined>;

let accessTokenSource: AccessTokenSource = () => undefined;

/**
 * Sets where requests take their bearer token from (the auth store sets itself); the client
 * itself keeps no session.
 */
export function setAccessTokenSource(source: AccessTokenSource | undefined): void {
  accessTokenSource = source ?? (() => undefined);
}

/** Told when the gateway refuses a request for want of a valid sign-in, e.g. because the token expired. */
export type UnauthenticatedHandler = (error: GraphQLRequestError) => void;

let unauthenticatedHandler: UnauthenticatedHandler = () => {};

/**
 * Sets who hears about refused sign-ins. There is one handler for the whole console, so that an
 * expired session ends the same way whichever store's request noticed it first.
 */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler | undefined): void {
  unauthenticatedHandler = handler ?? (() => {});
}

/** One GraphQL error as the gateway reports it, reduced to what the console shows or branches on. */
export interface GraphQLErrorDetail {
  message: string;
  /** `extensions.code`, e.g. `NOT_FOUND` or `UNAUTHENTICATED`; absent when the server set none. */
  code?: string;
  path?: ReadonlyArray<string | number>;
  /** `extensions.field`: the input field a validation error is about, e.g. `input.documentReference`. */
  field?: string;
  /** `extensions.reason`: why a BAD_USER_INPUT refused the field, as a code the console words (e.g. `WRONG_TABLE`). */
  reason?: string;
  /** `extensions.duplicates`: ids of the records a CONFLICT says may be the same, e.g. when registering a client. */
  duplicates?: string[];
  /** `extensions.retryAfterSeconds`: how long a RATE_LIMITED caller should wait before trying again. */
  retryAfterSeconds?: number;
  /** The service an unavailable-service error is about, e.g. `partners` (`extensions.service` or `serviceName`). */
  service?: string;
}

/**
 * The codes of a service (county, regions, partners) that could not answer: SUBGRAPH_UNAVAILABLE
 * from the gateway when the service is down or too slow, SERVICE_UNAVAILABLE from the service
 * when its database is away. The fields it owns are null; the rest of the answer is complete.
 */
export const serviceUnavailableCodes: readonly string[] = ['SUBGRAPH_UNAVAILABLE', 'SERVICE_UNAVAILABLE'];

const isServiceUnavailable = (error: GraphQLErrorDetail) =>
  error.code !== undefined && serviceUnavailableCodes.includes(error.code);

const unavailableServicesOfAnswer = new WeakMap<object, readonly string[]>();

/**
 * The services an answer came without: `request` returns such partial answers (their fields
 * from those services are null) rather than throwing, so a page shows what it has.
 */
export function unavailableServicesOf(data: unknown): readonly string[] {
  return (typeof data === 'object' && data !== null && unavailableServicesOfAnswer.get(data)) || [];
}

/** The services named by errors of an unavailable service, each once; `unknown` when one is unnamed. */
export function unavailableServicesIn(errors: readonly GraphQLErrorDetail[]): string[] {
  return [...new Set(errors.filter(isServiceUnavailable).map((error) => error.service ?? 'unknown'))];
}

/** Any failed request: GraphQL errors in the response, an HTTP error status, or no answer at all. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  readonly errors: readonly GraphQLErrorDetail[];
  /** The HTTP status, or undefined when the request never got an answer. */
  readonly status: number | undefined;
  /** True when the request was cancelled by its caller rather than failed. */
  readonly cancelled: boolean;

  constructor(
    message: string,
    details: { errors?: readonly GraphQLErrorDetail[]; status?: number; cause?: unknown; cancelled?: boolean } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.errors = details.errors ?? [];
    this.status = details.status;
    this.cancelled = details.cancelled ?? false;
  }

  /** The distinct error codes, in the order they first appear. */
  get codes(): string[] {
    return [...new Set(this.errors.flatMap((error) => (error.code ? [error.code] : [])))];
  }
}

/** Why a page's data could not be had, as the page shows it: the message and the error codes. */
export interface LoadError {
  message: string;
  codes: string[];
}

/** A failed load as a page shows it. */
export function loadErrorOf(error: unknown): LoadError {
  const requestError = toRequestError(error);
  return { message: requestError.message, codes: requestError.codes };
}

/** Wraps whatever a request threw so that callers deal with one error type. */
export function toRequestError(error: unknown): GraphQLRequestError {
  if (error instanceof GraphQLRequestError) return error;
  return new GraphQLRequestError(error instanceof Error ? error.message : String(error), { cause: error });
}

interface GraphQLResponseBody<TResult> {
  data?: TResult | null;
  errors?: unknown[];
}

function toErrorDetail(raw: unknown): GraphQLErrorDetail {
  if (typeof raw !== 'object' || raw === null) return { message: String(raw) };
  const { message, extensions, path } = raw as {
    message?: unknown;
    extensions?: {
      code?: unknown;
      field?: unknown;
      reason?: unknown;
      duplicates?: unknown;
      retryAfterSeconds?: unknown;
      service?: unknown;
      serviceName?: unknown;
    };
    path?: unknown;
  };
  return {
    message: typeof message === 'string' ? message : 'Unknown GraphQL error',
    ...(typeof extensions?.code === 'string' ? { code: extensions.code } : {}),
    ...(typeof extensions?.field === 'string' ? { field: extensions.field } : {}),
    ...(typeof extensions?.reason === 'string' ? { reason: extensions.reason } : {}),
    ...(Array.isArray(extensions?.duplicates)
      ? { duplicates: extensions.duplicates.filter((id): id is string => typeof id === 'string') }
      : {}),
    ...(typeof extensions?.retryAfterSeconds === 'number' ? { retryAfterSeconds: extensions.retryAfterSeconds } : {}),
    // The gateway names the subgraph in `service` for its own errors, in `serviceName` for those it passes on.
    ...(typeof extensions?.service === 'string'
      ? { service: extensions.service }
      : typeof extensions?.serviceName === 'string'
        ? { service: extensions.serviceName }
        : {}),
    ...(Array.isArray(path) ? { path: path as Array<string | number> } : {}),
  };
}

async function readBody<TResult>(response: Response): Promise<GraphQLResponseBody<TResult> | undefined> {
  if (!response.headers.get('content-type')?.includes('json')) return undefined;
  try {
    return (await response.json()) as GraphQLResponseBody<TResult>;
  } catch {
    return undefined;
  }
}

/**
 * Runs one operation. Variables are required exactly when the operation declares some, so a
 * caller cannot forget them; values always travel as variables, never inlined in the document.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  return send(document, variables, { anonymous: false });
}

/**
 * Runs a query like `request`, but returns the answer also when its only errors, besides services
 * being down, are ones `tolerated` accepts: errors on single items (a registration naming an
 * adviser the regions service does not know, say) that the page shows on the item, not instead of
 * the page.
 */
export async function requestTolerating<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  tolerated: (error: GraphQLErrorDetail) => boolean,
): Promise<TResult> {
  return send(document, variables, { anonymous: false, tolerated });
}

/**
 * Runs one operation of the public website: never with the signed-in user's token, so a staff
 * member browsing it is anonymous like anyone, and a refusal never ends the console's session.
 */
export async function anonymousRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  return send(document, variables, { anonymous: true });
}

/** How the query layer sends an operation: a signal that cancels it once nobody waits for the answer, and more. */
export interface OperationOptions {
  /** Aborted when the answer is no longer wanted (the page moved on to other variables, say); the request is then dropped. */
  signal?: AbortSignal;
  /** The public website's queries: never with the signed-in user's token (see `anonymousRequest`). */
  anonymous?: boolean;
  /** Errors on single items the page shows on the item (see `requestTolerating`). */
  tolerated?: (error: GraphQLErrorDetail) => boolean;
}

/** Runs an operation for the query layer (`graphql/queries.ts`): like `request`, but cancellable. */
export async function requestOperation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  { signal, anonymous = false, tolerated }: OperationOptions = {},
): Promise<TResult> {
  return send(document, variables, { anonymous, tolerated, signal });
}

/** True for the error a request throws when its signal cancelled it: nobody waits for it, so nothing is shown. */
export function isCancelled(error: unknown): boolean {
  return error instanceof GraphQLRequestError && error.cancelled;
}

async function send<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | undefined,
  {
    anonymous,
    tolerated = () => false,
    signal,
  }: { anonymous: boolean; tolerated?: (error: GraphQLErrorDetail) => boolean; signal?: AbortSignal },
): Promise<TResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    // The gateway's CSRF prevention rejects POSTs without a header a plain HTML form cannot set.
    'apollo-require-preflight': 'true',
  };
  const source = anonymous ? undefined : accessTokenSource();
  // Awaited only when the token is being renewed: otherwise the request leaves in the same tick it was made.
  const accessToken = source instanceof Promise ? await source : source;
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  const mutation = isMutation(document.toString());
  // A fresh key for each mutation the console sends, and the same key on its own retry below: a
  // mutation whose answer was lost on the way is answered from what the service stored, not
  // carried out twice (docs/operations.md, idempotency keys).
  if (mutation) headers[idempotencyKeyHeader] = globalThis.crypto.randomUUID();

  let response: Response | undefined;
  for (let attempt = 1; !response; attempt += 1) {
    try {
      response = await globalThis.fetch(graphqlEndpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) {
        throw new GraphQLRequestError('The request was cancelled.', { cause: error, cancelled: true });
      }
      // No answer at all (a dropped connection, say): a mutation is sent once more with its key.
      if (!mutation || attempt >= mutationAttempts) {
        throw new GraphQLRequestError('The gateway could not be reached.', { cause: error });
      }
    }
  }

  const body = await readBody<TResult>(response);
  const errors = (body?.errors ?? []).map(toErrorDetail);
  // Only services being down (or errors on single items the caller tolerates): the rest of the
  // answer is good, and the page shows it. Not for a mutation: whether it took effect is what counts, and a null there must not pass as done.
  if (
    response.ok &&
    !isMutation(document.toString()) &&
    body?.data != null &&
    errors.length > 0 &&
    errors.every((error) => isServiceUnavailable(error) || tolerated(error))
  ) {
    unavailableServicesOfAnswer.set(body.data, unavailableServicesIn(errors));
    return body.data;
  }
  if (errors.length > 0) {
    throw noticeUnauthenticated(
      new GraphQLRequestError(errors.map((error) => error.message).join('; '), { errors, status: response.status }),
      anonymous,
    );
  }
  if (!response.ok) {
    throw noticeUnauthenticated(
      new GraphQLRequestError(`The gateway answered HTTP ${response.status}.`, { status: response.status }),
      anonymous,
    );
  }
  if (body?.data == null) {
    throw new GraphQLRequestError('The gateway answered without data.', { status: response.status });
  }
  return body.data;
}

function isMutation(document: string): boolean {
  return /^\s*mutation\b/m.test(document);
}

/** Passes a refused sign-in to the handler; the caller still gets the error, so its own state stays truthful. */
function noticeUnauthenticated(error: GraphQLRequestError, anonymous: boolean): GraphQLRequestError {
  // An anonymous request had no session to lose.
  if (anonymous) return error;
  if (error.status === 401 || error.codes.includes('UNAUTHENTICATED')) unauthenticatedHandler(error);
  return error;
}

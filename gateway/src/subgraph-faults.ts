// What the gateway does when a subgraph fails it: every fetch has a time limit, and a subgraph that
// refuses connections, does not answer in time or answers 5xx becomes one clear GraphQL error
// naming it, while the other subgraphs' fields still come back (HTTP 200 with partial data).

import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { logger, requestDeadlineHeader, type ServiceSigner, withServiceAssertion } from '@etablerer/kit';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The code of the error for a subgraph that could not answer. `extensions.service` names the
 * subgraph (county, regions, partners); the fields it owns are null in the same response, the
 * rest is complete. The console shows what it has and says what is missing.
 */
export const subgraphUnavailableCode = 'SUBGRAPH_UNAVAILABLE';

/** How long the gateway waits for a subgraph's answer by default (SUBGRAPH_TIMEOUT_MS overrides it). */
export const defaultSubgraphTimeoutMs = 10_000;

export function subgraphUnavailable(service: string): GraphQLError {
  return new GraphQLError(`The ${service} service is unavailable; its fields in this answer are null.`, {
    extensions: { code: subgraphUnavailableCode, service },
  });
}

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'] & {};

/**
 * How long a connection to a subgraph may idle before the gateway lets it go. Node's agent shortens
 * it to a second less than a server's `Keep-Alive: timeout=…` (the subgraphs say 5 s), but only when
 * it has one of its own to shorten: without it, an idle socket was kept until the subgraph closed it,
 * and a request sent on it at that moment failed with ECONNRESET (the subgraph "unavailable").
 */
const idleConnectionMs = 4_000;

/**
 * Keep-alive connections to the subgraphs, each let go before the subgraph would close it (above);
 * a socket the server closed is dropped, so the first request after a subgraph comes back opens a
 * fresh connection (the default fetcher failed with "socket hang up").
 */
const subgraphAgents = {
  http: new HttpAgent({ keepAlive: true, scheduling: 'lifo', timeout: idleConnectionMs }),
  https: new HttpsAgent({ keepAlive: true, scheduling: 'lifo', timeout: idleConnectionMs }),
};

/** What RemoteGraphQLDataSource reads of a fetch response: status, headers and the whole body. */
class SubgraphResponse {
  readonly ok: boolean;
  readonly headers: Headers;
  readonly #body: Buffer;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new Headers();
    for (const [name, value] of Object.entries(headers)) {
      for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
        this.headers.append(name, one);
    }
    this.#body = body;
  }

  async text(): Promise<string> {
    return this.#body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.#body.toString('utf8'));
  }
}

/**
 * One request (a POST) to a subgraph over node:http(s), given up after `timeoutMs` (as the AbortSignal timeout of
 * a fetch: the request is aborted and the failure told as the subgraph unavailable). Not Node's
 * fetch (undici): its WHATWG streams, WebAssembly HTTP parser and per-request objects were a third
 * of the gateway's CPU per request, every request making several subgraph fetches.
 */
function post(url: string, method: string, headers: Record<string, string>, body: string, timeoutMs: number) {
  const secure = url.startsWith('https:');
  return new Promise<SubgraphResponse>((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method,
        agent: secure ? subgraphAgents.https : subgraphAgents.http,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', fail);
        response.once('end', () => {
          clearTimeout(timer);
          resolve(
            new SubgraphResponse(
              url,
              response.statusCode ?? 0,
              response.statusMessage ?? '',
              response.headers,
              Buffer.concat(chunks),
            ),
          );
        });
      },
    );
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    const timer = setTimeout(() => {
      const error = new Error(`The request to ${url} took longer than ${timeoutMs} ms.`);
      error.name = 'TimeoutError';
      request.destroy(error);
    }, timeoutMs);
    request.once('error', fail);
    request.end(body);
  });
}

/** POSTs with a deadline per request, each signed as the calling service when it signs. */
function fetchWithin(timeoutMs: number, sign?: { signer: ServiceSigner; audience: string }): Fetcher {
  return (async (url: string, init: RequestInit & { headers: Record<string, string>; body: string }) => {
    // The moment this fetch gives up, told to the subgraph: past it, the subgraph neither starts
    // the request nor commits its writes (the kit's request-deadline.ts), so a write the user was
    // told failed is not stored later by a subgraph that was frozen or stalled.
    const headers: Record<string, string> = {
      ...(init.headers as Record<string, string>),
      [requestDeadlineHeader]: String(Date.now() + timeoutMs),
    };
    // Signed here, on the exact body and deadline sent: the subgraph checks the assertion against them.
    const signed = sign ? await withServiceAssertion(sign.signer, sign.audience, init.body, headers) : headers;
    return post(url, init.method ?? 'POST', signed, init.body, timeoutMs);
  }) as unknown as Fetcher;
}

/** A subgraph over HTTP whose failures are told as SUBGRAPH_UNAVAILABLE, never with its address. */
export class ResilientDataSource<Context extends object> extends RemoteGraphQLDataSource<Context> {
  /** The subgraph's name in the supergraph; kept apart from the base class's own fields. */
  readonly #service: string;

  constructor({
    service,
    url,
    timeoutMs,
    signer,
  }: {
    service: string;
    url: string;
    timeoutMs: number;
    /** Signs each request as this service, for the subgraph to accept it (see the kit's service-assertion.ts). */
    signer?: ServiceSigner;
  }) {
    super({ url, fetcher: fetchWithin(timeoutMs, signer && { signer, audience: service }) });
    this.#service = service;
  }

  // Called for every failed fetch: no answer (refused, reset, timed out), a non-2xx answer, or a
  // body that is not GraphQL. Whatever is thrown here ends up in the response's errors. A refusal
  // (4xx), and a subgraph that answered it cannot reach its database (503 SERVICE_UNAVAILABLE, as
  // it answers a write too), are told in the subgraph's own words; anything else is the service gone.
  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): never {
    const answered =
      response !== undefined &&
      error instanceof GraphQLError &&
      (response.status < 500 || error.extensions.code === 'SERVICE_UNAVAILABLE');
    if (answered) throw error;
    logger.warn(
      { service: this.#service, status: response?.status, err: error },
      `subgraph ${this.#service} is unavailable; answering without its fields`,
    );
    throw subgraphUnavailable(this.#service);
  }

  // The base class puts the subgraph's URL and raw body into the error's extensions; a 4xx answer
  // (e.g. a token the subgraph refused) is told with the subgraph's own message and code instead.
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const body = (await this.parseBody(response).catch(() => undefined)) as
      | { errors?: { message?: unknown; extensions?: { code?: unknown; retryAfterSeconds?: unknown } }[] }
      | undefined;
    const first = typeof body === 'object' && Array.isArray(body?.errors) ? body.errors[0] : undefined;
    const statusCode = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : undefined;
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : statusCode;
    // A subgraph's RATE_LIMITED says how long to wait; the website tells the person.
    const retryAfterSeconds = first?.extensions?.retryAfterSeconds;
    return new GraphQLError(
      typeof first?.message === 'string' ? first.message : `The ${this.#service} service answered ${response.status}.`,
      {
        extensions: {
          ...(code ? { code } : {}),
          ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
          service: this.#service,
        },
      },
    );
  }
}

/**
 * What makes two errors the same: an unavailable subgraph is one error per service, whatever else
 * the errors carry; any other error is the same when it says the same thing at the same place. A
 * stack trace (GRAPHQL_STACKTRACES in development) never counts: each fetch's error has its own,
 * and the same SUBGRAPH_UNAVAILABLE came twice (issue 17).
 */
function sameErrorKey(error: GraphQLFormattedError): string {
  const { stacktrace: _stacktrace, ...extensions } = error.extensions ?? {};
  if (extensions.code === subgraphUnavailableCode) return JSON.stringify([subgraphUnavailableCode, extensions.service]);
  return JSON.stringify([error.message, error.path, extensions]);
}

/**
 * Each error once: a query plan may call the same subgraph several times (root fields, then
 * entity fields), and each failed fetch would otherwise repeat the same SUBGRAPH_UNAVAILABLE (or
 * the same refusal) word for word.
 */
export function subgraphFaultsPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const seen = new Set<string>();
          response.body.singleResult.errors = response.body.singleResult.errors.filter(
            (error: GraphQLFormattedError) => {
              const key = sameErrorKey(error);
              if (seen.has(key)) return false;
              seen.add(key);
              return true;
            },
          );
        },
      };
    },
  };
}

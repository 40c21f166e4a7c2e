// Calls from one subgraph to another, on behalf of the user of the request: signed with the
// calling subgraph's own service key (service-assertion.ts) and carrying the user's token, so the
// called subgraph applies its own access rules to that user. A call that cannot be answered is
// an error, never a silent pass: the caller refuses what it could not check.
import { GraphQLError } from 'graphql';
import { requestDeadlineHeader } from './request-deadline.js';
import { type ServiceSigner, withServiceAssertion } from './service-assertion.js';

/** Runs one operation on another subgraph; its data, or its first error with the same code. */
export type SubgraphCall = <Data = Record<string, unknown>>(
  subgraph: string,
  query: string,
  variables?: Record<string, unknown>,
) => Promise<Data>;

/** The code of the error for a subgraph that another one needed and could not reach. */
export const serviceUnavailableCode = 'SERVICE_UNAVAILABLE';

export function serviceUnavailable(subgraph: string, reason: string): GraphQLError {
  return new GraphQLError(
    `The ${subgraph} service, which must confirm this, could not be reached (${reason}); nothing was changed. Try again shortly.`,
    { extensions: { code: serviceUnavailableCode, service: subgraph } },
  );
}

/** How long one subgraph waits for another. */
const callTimeoutMs = 10_000;

export interface SubgraphCallOptions {
  /** Signs as the calling subgraph; undefined when it has no key (then every call fails). */
  signer: ServiceSigner | undefined;
  /** Where a subgraph's /graphql is, looked up at call time (a test learns the address late). */
  url: (subgraph: string) => string | undefined | Promise<string | undefined>;
  /** The user's Authorization header, passed on as it came. */
  authorization?: string;
  /** The deadline of the request this call serves (epoch ms): the called subgraph gets no later one. */
  deadline?: number;
}

export function subgraphCaller({ signer, url, authorization, deadline }: SubgraphCallOptions): SubgraphCall {
  return async <Data>(subgraph: string, query: string, variables?: Record<string, unknown>) => {
    const address = await url(subgraph);
    if (!signer || !address) throw serviceUnavailable(subgraph, 'this service is not configured to call it');
    const body = JSON.stringify({ query, ...(variables ? { variables } : {}) });
    // No longer than this call may take, nor than the request it serves has left.
    const callDeadline = Math.min(Date.now() + callTimeoutMs, deadline ?? Number.POSITIVE_INFINITY);
    let response: Response;
    try {
      response = await fetch(address, {
        method: 'POST',
        headers: await withServiceAssertion(signer, subgraph, body, {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
          [requestDeadlineHeader]: String(callDeadline),
        }),
        body,
        signal: AbortSignal.timeout(Math.max(callDeadline - Date.now(), 0)),
      });
    } catch (error) {
      throw serviceUnavailable(subgraph, error instanceof Error ? error.name : 'no answer');
    }
    const answer = (await response.json().catch(() => undefined)) as
      | { data?: Data | null; errors?: { message?: string; extensions?: { code?: string } }[] }
      | undefined;
    const first = answer?.errors?.[0];
    // The user's own refusals (FORBIDDEN, NOT_FOUND, CONFLICT, UNAUTHENTICATED) pass on as they are.
    if (first && response.status < 500 && first.extensions?.code && first.extensions.code !== 'INTERNAL_SERVER_ERROR') {
      throw new GraphQLError(first.message ?? `The ${subgraph} service refused.`, {
        extensions: { code: first.extensions.code, service: subgraph },
      });
    }
    if (!response.ok || !answer?.data || first) throw serviceUnavailable(subgraph, `it answered ${response.status}`);
    return answer.data;
  };
}

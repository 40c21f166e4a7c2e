// The playground's GraphiQL fetcher: posts what the user runs to the gateway on the console's origin, as the signed-in user.
// Only types come from graphiql here, so the fetcher stays out of the playground's heavy chunk and tests need no editor.
import type { GraphiQLProps } from 'graphiql';
import { type AccessTokenSource, graphqlEndpoint } from './client';

export type PlaygroundFetcher = GraphiQLProps['fetcher'];
type FetcherResult = Extract<Awaited<ReturnType<PlaygroundFetcher>>, { data?: unknown }>;

/**
 * Builds the fetcher GraphiQL runs every operation through, the schema introspection for the
 * docs pane included. The token is asked for on each request, so a new sign-in applies at once
 * and an ended session sends none.
 */
export function createPlaygroundFetcher(accessToken: AccessTokenSource): PlaygroundFetcher {
  return async (params, options) => {
    const headers = new Headers({
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    });
    const token = await accessToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    // What the user typed in GraphiQL's headers pane wins, so a partner can try the graph with their own API token.
    for (const [name, value] of Object.entries(options?.headers ?? {})) {
      if (value !== undefined && value !== null) headers.set(name, String(value));
    }
    // The gateway's CSRF prevention rejects POSTs without a header a plain HTML form cannot set; it is never optional.
    headers.set('apollo-require-preflight', 'true');

    let response: Response;
    try {
      response = await globalThis.fetch(graphqlEndpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          query: params.query,
          variables: params.variables ?? {},
          ...(params.operationName ? { operationName: params.operationName } : {}),
        }),
      });
    } catch (error) {
      throw new Error('The gateway could not be reached.', { cause: error });
    }
    // GraphiQL shows a thrown error in the result pane; a non-GraphQL answer (a proxy's error page) is best said plainly.
    if (!response.headers.get('content-type')?.includes('json')) {
      throw new Error(`The gateway answered HTTP ${response.status} without a GraphQL response.`);
    }
    return (await response.json()) as FetcherResult;
  };
}

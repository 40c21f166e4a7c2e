// Requests that are wrong as HTTP or as GraphQL requests, before any operation runs: each is the
// caller's fault and answered 4xx with a coded error, never 5xx, at the gateway and at a subgraph
// alike (issue 17: an unknown operationName, or two operations without one, gave the gateway 500).
import { signedHeaders } from '@etablerer/kit/testing';
import { describe, expect, it } from 'vitest';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform({ seedDemo: false });

interface Abuse {
  name: string;
  method?: 'GET' | 'POST';
  /** The query string of a GET. */
  search?: Record<string, string>;
  contentType?: string;
  body?: string;
  /** The status expected: 400 when left out. */
  status?: number;
  /** The error code expected. */
  code: string;
  /** Where a subgraph answers otherwise (it takes only what the gateway sends it), its answer. */
  atSubgraph?: { status: number; code: string };
}

/** A subgraph takes only POSTs of JSON: the gateway sends nothing else. */
const postOnly = { status: 405, code: 'BAD_REQUEST' };

const twoOperations = 'query A { regions { id } } query B { regions { name } }';

const abuses: Abuse[] = [
  {
    name: 'an unknown operationName',
    body: JSON.stringify({ query: 'query A { regions { id } }', operationName: 'B' }),
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'two operations without an operationName',
    body: JSON.stringify({ query: twoOperations }),
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'an operationName naming neither of two operations',
    body: JSON.stringify({ query: twoOperations, operationName: 'C' }),
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'an operationName that is not a string',
    body: JSON.stringify({ query: '{ regions { id } }', operationName: 42 }),
    code: 'BAD_REQUEST',
  },
  { name: 'a query that is not a string', body: JSON.stringify({ query: { regions: 'id' } }), code: 'BAD_REQUEST' },
  { name: 'no query at all', body: JSON.stringify({ variables: {} }), code: 'BAD_REQUEST' },
  { name: 'an empty query', body: JSON.stringify({ query: '' }), code: 'BAD_REQUEST' },
  { name: 'a query of only a comment', body: JSON.stringify({ query: '# nothing' }), code: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'a query that does not parse',
    body: JSON.stringify({ query: '{ regions { id ' }),
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'variables that are not an object',
    body: JSON.stringify({ query: '{ regions { id } }', variables: [1, 2] }),
    code: 'BAD_REQUEST',
  },
  {
    name: 'variables as a string',
    body: JSON.stringify({ query: '{ regions { id } }', variables: 'x' }),
    code: 'BAD_REQUEST',
  },
  {
    name: 'extensions that are not an object',
    body: JSON.stringify({ query: '{ regions { id } }', extensions: 'junk' }),
    code: 'BAD_REQUEST',
  },
  {
    // 200 as the automatic persisted queries protocol has it: the client then sends the query itself.
    name: 'a persisted query the server does not have',
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    status: 200,
    code: 'PERSISTED_QUERY_NOT_FOUND',
  },
  {
    name: 'a variable of the wrong type',
    body: JSON.stringify({ query: 'query Q($id: ID!) { region(id: $id) { id } }', variables: { id: { no: 1 } } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a required variable left out',
    body: JSON.stringify({ query: 'query Q($id: ID!) { region(id: $id) { id } }' }),
    code: 'BAD_USER_INPUT',
  },
  { name: 'an unknown field', body: JSON.stringify({ query: '{ nosuchfield }' }), code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'an empty body', body: '', code: 'BAD_REQUEST' },
  { name: 'a body that is not JSON', body: '{"query": "{ regions { id } }"', code: 'BAD_REQUEST' },
  { name: 'a JSON body that is a string', body: '"{ regions { id } }"', code: 'BAD_REQUEST' },
  { name: 'a JSON body that is null', body: 'null', code: 'BAD_REQUEST' },
  { name: 'an empty batch', body: '[]', code: 'BAD_REQUEST' },
  {
    name: 'a subscription',
    body: JSON.stringify({ query: 'subscription S { regions { id } }' }),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    // Over the gateway's 64 kB and a subgraph's 100 kB alike.
    name: 'a body over 64 kB',
    body: JSON.stringify({ query: '{ regions { id } }', variables: { padding: 'x'.repeat(110 * 1024) } }),
    status: 413,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a text/plain body (refused as a possible cross-site request)',
    contentType: 'text/plain',
    body: JSON.stringify({ query: '{ regions { id } }' }),
    code: 'BAD_REQUEST',
    // The subgraph checks the gateway's signature on a body it parsed as JSON, and finds none.
    atSubgraph: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'a form body',
    contentType: 'application/x-www-form-urlencoded',
    body: 'query=%7B%20regions%20%7B%20id%20%7D%20%7D',
    code: 'BAD_REQUEST',
    atSubgraph: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'a GET with a mutation',
    method: 'GET',
    search: { query: 'mutation M { __typename }' },
    status: 405,
    code: 'BAD_REQUEST',
  },
  { name: 'a GET without a query', method: 'GET', search: {}, code: 'BAD_REQUEST', atSubgraph: postOnly },
  {
    name: 'a GET with variables that are not JSON',
    method: 'GET',
    search: { query: '{ regions { id } }', variables: '{nope' },
    code: 'BAD_REQUEST',
    atSubgraph: postOnly,
  },
  {
    name: 'a GET with an unknown operationName',
    method: 'GET',
    search: { query: 'query A { regions { id } }', operationName: 'B' },
    code: 'OPERATION_RESOLUTION_FAILURE',
    atSubgraph: postOnly,
  },
];

/** Sends one abuse as it is, with a county officer's token; to a subgraph, signed as the gateway signs. */
async function sendAbuse(target: 'gateway' | 'regions', abuse: Abuse) {
  const base = target === 'gateway' ? `${platform.gateway.url}/graphql` : platform.subgraphUrls.regions;
  const url = new URL(base);
  for (const [key, value] of Object.entries(abuse.search ?? {})) url.searchParams.set(key, value);
  const method = abuse.method ?? 'POST';
  const body = method === 'GET' ? '' : (abuse.body ?? '');
  let headers: Record<string, string> = {
    authorization: `Bearer ${await platform.tokenFor('county.officer')}`,
    // GETs pass the cross-site request check only with a header a form cannot set.
    ...(method === 'GET'
      ? { 'apollo-require-preflight': 'true' }
      : { 'content-type': abuse.contentType ?? 'application/json' }),
  };
  if (target === 'regions') headers = await signedHeaders(platform.serviceKeys, 'gateway', 'regions', body, headers);
  const response = await fetch(url, { method, headers, ...(method === 'GET' ? {} : { body }) });
  const text = await response.text();
  let answer: { errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = undefined;
  }
  return { status: response.status, text, answer };
}

describe.each(['gateway', 'regions'] as const)('request-level abuse at the %s', (target) => {
  it.each(abuses)('answers $name with 4xx and a coded error', async (abuse) => {
    const { status, text, answer } = await sendAbuse(target, abuse);
    const expected = (target !== 'gateway' && abuse.atSubgraph) || { status: abuse.status ?? 400, code: abuse.code };
    expect({ status, code: answer?.errors?.[0]?.extensions?.code }, text).toEqual(expected);
    expect(status).toBeLessThan(500);
  });
});

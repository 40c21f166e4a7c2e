// The gateway's operation limits against abuse: too deep, too many aliases, too many tokens, too
// costly (with the variables' values), too large a body, batches, directive floods and schema
// probing. Each is refused with status 400 (413 for the body) and an error naming the limit,
// before any subgraph is called. A subgraph keeps limits of its own against callers past the gateway.
import { subgraphOperationLimits } from '@etablerer/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { operationLimits } from '../src/server.js';
import { consoleOperation } from './support/operations.js';
import { type GraphQLAnswer, useTestPlatform } from './support/platform.js';

const platform = useTestPlatform({
  // No demo data: nothing here reads rows, only whether an operation gets through.
  seedDemo: false,
});

/** The requests the gateway has sent the subgraphs, from its /metrics (every outcome). */
async function subgraphRequestsSent(): Promise<number> {
  const text = await (await fetch(`${platform.gateway.internalUrl}/metrics`)).text();
  let total = 0;
  for (const match of text.matchAll(/^gateway_subgraph_request_duration_seconds_count\{[^}]*\} (\d+)/gm)) {
    total += Number(match[1]);
  }
  return total;
}

/** Operations the gateway sent to a subgraph since the test began (or since the count was reset). */
let sentBefore = 0;
const resetSubgraphCalls = async () => {
  sentBefore = await subgraphRequestsSent();
};
const subgraphCalls = async () => (await subgraphRequestsSent()) - sentBefore;

const { post } = platform;

type Body = GraphQLAnswer;

async function postRaw(body: string, { bearer }: { bearer?: string | null } = {}) {
  const { status, text } = await platform.send(body, { token: bearer });
  return { status, body: JSON.parse(text) as Body | Body[] };
}

beforeEach(resetSubgraphCalls);

/** `{ municipalities { region { municipalities { region ... } } } }`, `levels` fields deep. */
function deepQuery(levels: number): string {
  let selection = 'number';
  for (let level = levels - 1; level >= 1; level -= 1) {
    selection = level % 2 === 1 ? `municipalities { ${selection} }` : `region { ${selection} }`;
  }
  return `query Deep { ${selection} }`;
}

/**
 * `{ regions { contractMunicipality { region { contractMunicipality ... } } } }`, `levels` fields
 * deep: as deep as `deepQuery` but one list only, so it costs little (the lists in lists of
 * `deepQuery` multiply: at depth 10 they would return ten thousands of rows).
 */
function deepChainQuery(levels: number): string {
  let selection = 'name';
  for (let level = levels - 1; level >= 2; level -= 1) {
    selection = level % 2 === 0 ? `contractMunicipality { ${selection} }` : `region { ${selection} }`;
  }
  return `query Deep { regions { ${selection} } }`;
}

describe('operation limits at the gateway', () => {
  it('answers an operation within the limits, calling the subgraph (the counter counts)', async () => {
    const { status, body } = await post(deepChainQuery(operationLimits.maxDepth));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(await subgraphCalls()).toBeGreaterThan(0);
  });

  it('refuses a query nested deeper than the depth limit', async () => {
    const { status, body } = await post(deepQuery(operationLimits.maxDepth + 4));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/depth limit/i);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses an alias bomb: many aliases of an expensive field', async () => {
    const aliases = Array.from(
      { length: 100 },
      (_, index) => `r${index}: regions { municipalities { population } }`,
    ).join(' ');
    const { status, body } = await post(`query Bomb { ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.message).join(' ')).toMatch(/aliases limit/i);
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses a query over the token limit', async () => {
    const fields = Array.from({ length: operationLimits.maxTokens + 100 }, () => 'id').join(' ');
    const { status, body } = await post(`query Long { regions { ${fields} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`${operationLimits.maxTokens} tokens`),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses a body over 64 kB with 413 and a GraphQL error', async () => {
    const padding = 'x'.repeat(70 * 1024);
    const { status, body } = await postRaw(JSON.stringify({ query: '{ regions { id } }', variables: { padding } }));
    expect(status).toBe(413);
    expect((body as Body).errors?.[0]).toMatchObject({
      message: expect.stringMatching(/larger than 64kb/i),
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses a batch of operations in one request', async () => {
    const batch = Array.from({ length: 50 }, () => ({ query: '{ regions { id name } }' }));
    const { status, body } = await postRaw(JSON.stringify(batch));
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/batch/i);
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses a flood of directives', async () => {
    const directives = Array.from({ length: operationLimits.maxDirectives + 5 }, () => '@include(if: true)').join(' ');
    const { status, body } = await post(`query Directives { regions { id ${directives} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/directives limit/i);
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses heavy duplication of a field, within the token limit', async () => {
    // graphql-js stops comparing overlapping fields after a bound; its message names no limit.
    const fields = Array.from({ length: 1_500 }, () => 'name').join(' ');
    const { status, body } = await post(`query Duplicated { regions { ${fields} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Validation aborted.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses a query whose estimated cost is over the cost limit', async () => {
    // Within the depth, alias and token limits: each alias repeats lists in lists, as deep as allowed.
    const deepest = deepQuery(operationLimits.maxDepth).replace(/^query Deep \{ (.*) \}$/, '$1');
    const aliases = Array.from({ length: operationLimits.maxAliases }, (_, index) => `r${index}: ${deepest}`).join(' ');
    const { status, body } = await post(`query Costly { ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.message).join(' ')).toMatch(/cost limit/i);
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses introspection and field suggestions when introspection is off, as in production', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Client") { fields { name } } }']) {
      const { status, body } = await post(query);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    }
    const { status, body } = await post('{ regionz { id } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).not.toMatch(/did you mean/i);
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses the same abuse without a token, before the public limits', async () => {
    const { status, body } = await postRaw(JSON.stringify({ query: deepQuery(operationLimits.maxDepth + 4) }), {
      bearer: null,
    });
    expect(status).toBe(400);
    expect((body as Body).errors?.[0]?.message).toMatch(/depth limit/i);
    expect(await subgraphCalls()).toBe(0);
  });
});

/**
 * What one client of a page costs: the client, its ten (assumed) counselling sessions with their
 * adviser, its ten enrolments with their course, its ten businesses: 1 + 20 + 20 + 10 = 51. At
 * 200 a page (the largest) that is 1 + 200 × 51 = 10,201, over the gateway's 5,000; at 50, 2,551.
 */
const clientItems =
  'items { id name email counsellingSessions { date adviser { name } } enrolments { course { title } } businesses { name } }';
const costOfClients = (first: number) => 1 + first * 51;

/** The refusal of the cost limit: 400, naming the operation's cost and the limit, nothing sent on. */
function expectCostRefusal({ status, body }: { status: number; body: Body }, cost: number, maxCost: number) {
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors).toEqual([
    {
      message: `Query cost limit of ${maxCost} exceeded, found ${cost}: ask for smaller pages (first) or fewer nested lists.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost },
    },
  ]);
}

describe('the cost limit at the gateway counts the variables (issue 16: `first: $n` cost nothing)', () => {
  const maxCost = operationLimits.maxCost;

  it('refuses a page size passed as a variable as it refuses the same size written literally', async () => {
    const literal = await post(`query Clients { clients(first: 200) { ${clientItems} } }`);
    expectCostRefusal(literal, costOfClients(200), maxCost);
    const variable = await post(`query Clients($n: Int!) { clients(first: $n) { ${clientItems} } }`, { n: 200 });
    expectCostRefusal(variable, costOfClients(200), maxCost);
    expect(await subgraphCalls()).toBe(0);
  });

  it('counts the same document anew for other variables (its costs are kept per variables)', async () => {
    const clients = `query Clients($n: Int!) { a: clients(first: $n) { ${clientItems} } b: clients(first: $n) { ${clientItems} } }`;
    for (let round = 0; round < 2; round += 1) {
      const small = await post(clients, { n: 5 });
      expect(small.status).toBe(200);
      expect(small.body.errors).toBeUndefined();
      await resetSubgraphCalls();
      expectCostRefusal(await post(clients, { n: 200 }), 2 * costOfClients(200), maxCost);
      expect(await subgraphCalls()).toBe(0);
    }
  });

  it('counts a size above the largest page at the largest page', async () => {
    const answer = await post(`query Clients($n: Int!) { clients(first: $n) { ${clientItems} } }`, { n: 1_000_000 });
    expectCostRefusal(answer, costOfClients(200), maxCost);
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses four aliases of a page that alone is within the limit', async () => {
    const one = `query Clients($n: Int!) { clients(first: $n) { ${clientItems} } }`;
    const alone = await post(one, { n: 50 });
    expect(alone.status).toBe(200);
    expect(alone.body.errors).toBeUndefined();
    await resetSubgraphCalls();
    const aliases = ['a', 'b', 'c', 'd'].map((alias) => `${alias}: clients(first: $n) { ${clientItems} }`).join(' ');
    expectCostRefusal(await post(`query Clients($n: Int!) { ${aliases} }`, { n: 50 }), 4 * costOfClients(50), maxCost);
    expect(await subgraphCalls()).toBe(0);
  });

  it('counts what fragments and inline fragments select', async () => {
    const answer = await post(
      `query Clients($n: Int!) {
        a: clients(first: $n) { ...ClientItems }
        b: clients(first: $n) { ... on ClientPage { ${clientItems} } }
      }
      fragment ClientItems on ClientPage { ${clientItems} }`,
      { n: 50 },
    );
    expectCostRefusal(answer, 2 * costOfClients(50), maxCost);
    expect(await subgraphCalls()).toBe(0);
  });

  it('multiplies nested lists inside a page by the page size', async () => {
    // Each client's enrolments, their course, and the course's enrolments with their client:
    // 1 + 10 × (1 + 1 + 10 × 2) = 221 a client, 22,101 for 100 of them.
    const answer = await post(
      'query Nested($n: Int!) { clients(first: $n) { items { enrolments { course { enrolments { client { name } } } } } } }',
      { n: 100 },
    );
    expectCostRefusal(answer, 1 + 100 * 221, maxCost);
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses a page size that is not a number as execution would, with 400', async () => {
    const { status, body } = await post(`query Clients($n: Int!) { clients(first: $n) { ${clientItems} } }`, {
      n: 'all',
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Variable "$n" got invalid value "all"'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await subgraphCalls()).toBe(0);
  });

  it('refuses fragments that spread into more selections than the cost can be counted over', async () => {
    // Each fragment spreads the next twelve times: 12^4 selections from a few hundred tokens, within the depth limit.
    const fragments = Array.from(
      { length: 4 },
      (_, index) => `fragment F${index} on Region { id ${` ...F${index + 1}`.repeat(12)} }`,
    ).join(' ');
    const { status, body } = await post(
      `query Spread { regions { ...F0 } } ${fragments} fragment F4 on Region { name }`,
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/maximum allowed number of nodes.*cost limit is 5000/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(await subgraphCalls()).toBe(0);
  });

  it('answers a console query at the largest page, through the plans it makes for each subgraph', async () => {
    const clientList = await post(consoleOperation('ClientList'), { first: 200, offset: 0 });
    expect(clientList.status).toBe(200);
    expect(clientList.body.errors).toBeUndefined();
    const overview = await post(consoleOperation('CoordinationOverview'), { year: 2025 });
    expect(overview.status).toBe(200);
    expect(overview.body.errors).toBeUndefined();
    expect(await subgraphCalls()).toBeGreaterThan(1);
  });
});

describe('operation limits straight at a subgraph (someone past the gateway)', () => {
  async function postToRegions(body: unknown) {
    const { status, text } = await platform.send(JSON.stringify(body), { url: platform.subgraphUrls.regions });
    return { status, body: JSON.parse(text) as Body | Body[] };
  }

  it('answers what the gateway would send, and refuses a query deeper than its depth limit', async () => {
    const within = await postToRegions({ query: deepChainQuery(subgraphOperationLimits.maxDepth) });
    expect(within.status).toBe(200);
    expect((within.body as Body).errors).toBeUndefined();
    const deep = await postToRegions({ query: deepQuery(subgraphOperationLimits.maxDepth + 2) });
    expect(deep.status).toBe(400);
    expect((deep.body as Body).errors?.[0]?.message).toMatch(/depth limit/i);
  });

  it('refuses an alias bomb, a query over its token limit, and a batch', async () => {
    const aliases = Array.from({ length: 300 }, (_, index) => `r${index}: regions { id }`).join(' ');
    const bomb = await postToRegions({ query: `query Bomb { ${aliases} }` });
    expect(bomb.status).toBe(400);
    expect((bomb.body as Body).errors?.map((error) => error.message).join(' ')).toMatch(/aliases limit/i);

    const fields = Array.from({ length: subgraphOperationLimits.maxTokens + 100 }, () => 'id').join(' ');
    const long = await postToRegions({ query: `query Long { regions { ${fields} } }` });
    expect(long.status).toBe(400);
    expect((long.body as Body).errors?.[0]?.message).toMatch(/more that 10000 tokens/);

    const batch = await postToRegions([{ query: '{ regions { id } }' }, { query: '{ regions { id } }' }]);
    expect(batch.status).toBe(400);
  });

  it('refuses the variable bypass of the cost limit too, with its own looser limit', async () => {
    const aliases = ['a', 'b', 'c', 'd'].map((alias) => `${alias}: clients(first: $n) { ${clientItems} }`).join(' ');
    const { status, body } = await postToRegions({
      query: `query Clients($n: Int!) { ${aliases} }`,
      variables: { n: 200 },
    });
    expectCostRefusal({ status, body: body as Body }, 4 * costOfClients(200), subgraphOperationLimits.maxCost);
  });

  it('counts an _entities fetch one item per representation', async () => {
    const query =
      'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Region { municipalities { number } } } }';
    const representations = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ __typename: 'Region', id: `region-${index}` }));
    // What a plan sends: a few regions, each with its ten (assumed) municipalities.
    const plan = await postToRegions({ query, variables: { representations: representations(13) } });
    expect(plan.status).toBe(200);
    const flood = await postToRegions({ query, variables: { representations: representations(2_000) } });
    expectCostRefusal({ status: flood.status, body: flood.body as Body }, 2_000 * 11, subgraphOperationLimits.maxCost);
  });

  it('still answers the query plans of the gateway for a deep operation within its limits', async () => {
    // The gateway's deepest allowed operation, planned into subgraph fetches with entity levels added.
    const { status, body } = await post(
      `query Plan { regions { contractMunicipality { region { contractMunicipality { populationFigures { date population } region { agreement { id } municipalities { number } } } } } } }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

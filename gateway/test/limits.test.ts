// The gateway's operation limits against abuse: too deep, too many aliases, too many tokens, too
// large a body, batches, directive floods and schema probing. Each is refused with status 400
// (413 for the body) and an error naming the limit, before any subgraph is called.
import { subgraphOperationLimits } from '@etablerer/kit';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { operationLimits } from '../src/server.js';
import { type GraphQLAnswer, useTestPlatform } from './support/platform.js';

/** Operations the gateway sent to a subgraph: counted by wrapping the fetch it calls them with. */
let subgraphCalls = 0;
const originalFetch = globalThis.fetch;

const platform = useTestPlatform({
  // No demo data: nothing here reads rows, only whether an operation gets through.
  seedDemo: false,
  // The gateway takes the global fetch when it builds its data sources, so wrap it before.
  beforeGateway: ({ subgraphUrls }) => {
    const subgraphGraphqlUrls = Object.values(subgraphUrls);
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (subgraphGraphqlUrls.includes(url)) subgraphCalls += 1;
      return originalFetch(input, init);
    }) as typeof fetch;
  },
});

const { post } = platform;

type Body = GraphQLAnswer;

async function postRaw(body: string, { bearer }: { bearer?: string | null } = {}) {
  const { status, text } = await platform.send(body, { token: bearer });
  return { status, body: JSON.parse(text) as Body | Body[] };
}

afterAll(() => {
  globalThis.fetch = originalFetch;
});

beforeEach(() => {
  subgraphCalls = 0;
});

/** `{ municipalities { region { municipalities { region ... } } } }`, `levels` fields deep. */
function deepQuery(levels: number): string {
  let selection = 'number';
  for (let level = levels - 1; level >= 1; level -= 1) {
    selection = level % 2 === 1 ? `municipalities { ${selection} }` : `region { ${selection} }`;
  }
  return `query Deep { ${selection} }`;
}

describe('operation limits at the gateway', () => {
  it('answers an operation within the limits, calling the subgraph (the counter counts)', async () => {
    const { status, body } = await post(deepQuery(operationLimits.maxDepth - 2));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(subgraphCalls).toBeGreaterThan(0);
  });

  it('refuses a query nested deeper than the depth limit', async () => {
    const { status, body } = await post(deepQuery(operationLimits.maxDepth + 4));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/depth limit/i);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(subgraphCalls).toBe(0);
  });

  it('refuses an alias bomb: many aliases of an expensive field', async () => {
    const aliases = Array.from(
      { length: 100 },
      (_, index) => `r${index}: regions { municipalities { population } }`,
    ).join(' ');
    const { status, body } = await post(`query Bomb { ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.message).join(' ')).toMatch(/aliases limit/i);
    expect(subgraphCalls).toBe(0);
  });

  it('refuses a query over the token limit', async () => {
    const fields = Array.from({ length: operationLimits.maxTokens + 100 }, () => 'id').join(' ');
    const { status, body } = await post(`query Long { regions { ${fields} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`${operationLimits.maxTokens} tokens`),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(subgraphCalls).toBe(0);
  });

  it('refuses a body over 64 kB with 413 and a GraphQL error', async () => {
    const padding = 'x'.repeat(70 * 1024);
    const { status, body } = await postRaw(JSON.stringify({ query: '{ regions { id } }', variables: { padding } }));
    expect(status).toBe(413);
    expect((body as Body).errors?.[0]).toMatchObject({
      message: expect.stringMatching(/larger than 64kb/i),
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(subgraphCalls).toBe(0);
  });

  it('refuses a batch of operations in one request', async () => {
    const batch = Array.from({ length: 50 }, () => ({ query: '{ regions { id name } }' }));
    const { status, body } = await postRaw(JSON.stringify(batch));
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/batch/i);
    expect(subgraphCalls).toBe(0);
  });

  it('refuses a flood of directives', async () => {
    const directives = Array.from({ length: operationLimits.maxDirectives + 5 }, () => '@include(if: true)').join(' ');
    const { status, body } = await post(`query Directives { regions { id ${directives} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/directives limit/i);
    expect(subgraphCalls).toBe(0);
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
    expect(subgraphCalls).toBe(0);
  });

  it('refuses a query whose estimated cost is over the cost limit', async () => {
    // Within the depth, alias and token limits: each alias repeats lists in lists, as deep as allowed.
    const deepest = deepQuery(operationLimits.maxDepth).replace(/^query Deep \{ (.*) \}$/, '$1');
    const aliases = Array.from({ length: operationLimits.maxAliases }, (_, index) => `r${index}: ${deepest}`).join(' ');
    const { status, body } = await post(`query Costly { ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.message).join(' ')).toMatch(/cost limit/i);
    expect(subgraphCalls).toBe(0);
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
    expect(subgraphCalls).toBe(0);
  });

  it('refuses the same abuse without a token, before the public limits', async () => {
    const { status, body } = await postRaw(JSON.stringify({ query: deepQuery(operationLimits.maxDepth + 4) }), {
      bearer: null,
    });
    expect(status).toBe(400);
    expect((body as Body).errors?.[0]?.message).toMatch(/depth limit/i);
    expect(subgraphCalls).toBe(0);
  });
});

describe('operation limits straight at a subgraph (someone past the gateway)', () => {
  async function postToRegions(body: unknown) {
    const { status, text } = await platform.send(JSON.stringify(body), { url: platform.subgraphUrls.regions });
    return { status, body: JSON.parse(text) as Body | Body[] };
  }

  it('answers what the gateway would send, and refuses a query deeper than its depth limit', async () => {
    const within = await postToRegions({ query: deepQuery(subgraphOperationLimits.maxDepth - 2) });
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

  it('still answers the query plans of the gateway for a deep operation within its limits', async () => {
    // The gateway's deepest allowed operation, planned into subgraph fetches with entity levels added.
    const { status, body } = await post(
      `query Plan { regions { municipalities { region { municipalities { populationFigures { date population } region { agreement { id } municipalities { number } } } } } } }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

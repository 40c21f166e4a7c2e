// A subgraph as production runs it (NODE_ENV=production), reached straight past the gateway:
// it serves neither introspection nor its SDL, and suggests no field names to someone probing it.
import { apolloServer, type SubgraphContext, subgraphApolloOptions } from '@etablerer/kit';
import { demoCaller } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionsSubgraph } from '../src/server.js';

const server = (() => {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return apolloServer<SubgraphContext>(subgraphApolloOptions(regionsSubgraph as never));
  } finally {
    process.env.NODE_ENV = before;
  }
})();

beforeAll(() => server.start());
afterAll(() => server.stop());

async function errorsOf(query: string) {
  const response = await server.executeOperation(
    { query },
    { contextValue: { caller: demoCaller('county.officer') } as SubgraphContext },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult.errors?.map((error) => error.message) ?? [];
}

describe('a subgraph in production, called directly', () => {
  it('does not serve its SDL', async () => {
    expect(await errorsOf('{ _service { sdl } }')).toEqual([
      'The subgraph does not serve its SDL in production; the gateway uses the committed supergraph.',
    ]);
  });

  it('does not answer introspection', async () => {
    const errors = await errorsOf('{ __schema { queryType { name } } }');
    expect(errors.join(' ')).toMatch(/introspection is not allowed/i);
  });

  it('names no field it was not asked for', async () => {
    const errors = await errorsOf('{ regoins { id } }');
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toMatch(/did you mean/i);
  });
});

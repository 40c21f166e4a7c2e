// The county subgraph's population figures: demo seed and entities for the gateway (imports: population-import.test.ts).
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { countySubgraph } from '../src/server.js';

const populationQuery = `query Population($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Municipality { number population populationSource populationFigures { date population source } }
  }
}`;
const municipalities = (...numbers: string[]) => ({
  representations: numbers.map((number) => ({ __typename: 'Municipality', number })),
});

describe('population figures', () => {
  let subgraph: TestSubgraph<Context>;
  beforeAll(async () => {
    subgraph = await createTestSubgraph(countySubgraph);
  });
  afterAll(() => subgraph?.close());

  it('resolves Municipality references with the approximate demo figure, labelled as such', async () => {
    const { data, errors } = await subgraph.execute(populationQuery, municipalities('3020', '3039'));
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [
        {
          number: '3020',
          population: 61200,
          populationSource: 'DEMO_APPROXIMATION',
          populationFigures: [{ date: '2021-07-01', population: 61200, source: 'DEMO_APPROXIMATION' }],
        },
        {
          number: '3039',
          population: 1000,
          populationSource: 'DEMO_APPROXIMATION',
          populationFigures: [{ date: '2021-07-01', population: 1000, source: 'DEMO_APPROXIMATION' }],
        },
      ],
    });
  });

  it('answers null population, not an error, for a municipality it has no figure for', async () => {
    const { data, errors } = await subgraph.execute(populationQuery, municipalities('9999'));
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [{ number: '9999', population: null, populationSource: null, populationFigures: [] }],
    });
  });
});

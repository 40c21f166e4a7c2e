// The county subgraph's population figures: demo seed, entities for the gateway, SSB import.
import { readFileSync } from 'node:fs';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { importSsbPopulation } from '../src/population/import.js';
import { countySubgraph } from '../src/server.js';

const ssbFixture: unknown = JSON.parse(
  readFileSync(new URL('./fixtures/ssb-01222-2021K2.json', import.meta.url), 'utf8'),
);

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

describe('importing SSB population (table 01222, JSON-stat2)', () => {
  let subgraph: TestSubgraph<Context>;
  beforeAll(async () => {
    subgraph = await createTestSubgraph(countySubgraph);
  });
  afterAll(() => subgraph?.close());

  it('replaces the demo figures of the municipalities in the file and leaves the others labelled approximate', async () => {
    const result = await importSsbPopulation(subgraph.orm, ssbFixture);
    expect(result).toEqual({ imported: 3, dates: ['2021-07-01'], skipped: ['30'] });

    const { data } = await subgraph.execute<{
      _entities: { number: string; population: number; populationSource: string; populationFigures: unknown[] }[];
    }>(populationQuery, municipalities('3001', '3020', '3054', '3005'));
    expect(
      data?._entities.map(({ number, population, populationSource, populationFigures }) => ({
        number,
        population,
        populationSource,
        figures: populationFigures.length,
      })),
    ).toEqual([
      { number: '3001', population: 31444, populationSource: 'SSB', figures: 1 },
      { number: '3020', population: 60844, populationSource: 'SSB', figures: 1 },
      { number: '3054', population: 9222, populationSource: 'SSB', figures: 1 },
      { number: '3005', population: 102000, populationSource: 'DEMO_APPROXIMATION', figures: 1 },
    ]);
  });

  it('refuses a file that is not table 01222 and changes nothing', async () => {
    const before = await subgraph.execute(populationQuery, municipalities('3002'));
    await expect(importSsbPopulation(subgraph.orm, { class: 'collection' })).rejects.toThrow(
      /Not a JSON-stat2 dataset/,
    );
    const withoutPopulation = structuredClone(ssbFixture) as {
      dimension: { ContentsCode: { category: { index: object } } };
    };
    withoutPopulation.dimension.ContentsCode.category.index = { Fodte2: 0, Dode2: 1 };
    await expect(importSsbPopulation(subgraph.orm, withoutPopulation)).rejects.toThrow(/no Folketallet11/);
    expect(await subgraph.execute(populationQuery, municipalities('3002'))).toEqual(before);
  });
});

// Importing SSB population figures through the graph (importPopulationFigures): county officers
// only, all or nothing, a preview that writes nothing, the source recorded per figure, and the
// 2024 municipality numbers resolving to the same figures as Viken's.
import { readFileSync } from 'node:fs';
import { createTestSubgraph, type TestSubgraph, tableChecksums } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { countySubgraph } from '../src/server.js';

const file = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const importMutation = `mutation Import($input: ImportPopulationFiguresInput!) {
  importPopulationFigures(input: $input) {
    applied table sourceUpdatedAt figureCount
    dates { date figureCount }
    figures { municipalityNumber regionCode date population previousPopulation previousSource }
    skipped { regionCode label period reason message }
  }
}`;

const populationQuery = `query Population($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Municipality {
      number population populationSource
      populationFigure { municipalityNumber date population source sourceTable sourceUpdatedAt importedBy }
      populationFigures { municipalityNumber date population source }
    }
  }
}`;
const municipalities = (...numbers: string[]) => ({
  representations: numbers.map((number) => ({ __typename: 'Municipality', number })),
});

type Result = { data?: unknown; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const code = (result: Result) => result.errors?.[0]?.extensions?.code;

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(countySubgraph);
});
afterAll(() => subgraph?.close());

describe('refused imports change nothing', () => {
  it('is for county officers only', async () => {
    const before = await tableChecksums(subgraph.orm);
    const input = { content: file('ssb-01222-2021K2.json') };
    for (const as of [
      'coordination.member',
      'nordrefollo.officer',
      'follo.adviser',
      'innovasjonnorge.officer',
      'nav.officer',
      'partner.api',
    ]) {
      expect(code(await subgraph.execute(importMutation, { input }, { as })), as).toBe('FORBIDDEN');
    }
    expect(code(await subgraph.execute(importMutation, { input }, { as: null }))).toBe('UNAUTHENTICATED');
    expect(await tableChecksums(subgraph.orm)).toEqual(before);
  });

  it.each([
    ['not JSON', '{"class": "dataset", ', /^input\.content: The file is not JSON/, 'NOT_JSON'],
    [
      'a cut-short reply',
      file('ssb-01222-malformed.json'),
      'The dataset has 2 values, its dimensions make 3',
      'BROKEN',
    ],
    [
      'another table',
      file('ssb-01222-2021K2.json').replace('"01222: Befolkning', '"07459: Befolkning'),
      'input.content: This is SSB table 07459; the population is read from table 01222',
      'WRONG_TABLE',
    ],
    [
      'JSON-stat 1 or anything else',
      '{"dataset": {}}',
      /^input\.content: Not a JSON-stat 2 dataset from SSB/,
      'NOT_JSON_STAT',
    ],
    [
      'a file with no figure for the county',
      JSON.stringify({
        class: 'dataset',
        label: '01222: Befolkning og kvartalsvise endringar',
        updated: '2021-08-19T06:00:00Z',
        id: ['Region', 'Tid'],
        size: [2, 1],
        dimension: { Region: { category: { index: ['4601', '0'] } }, Tid: { category: { index: ['2021K2'] } } },
        value: [285911, 5391369],
      }),
      "input.content: The file holds no figures for the county's municipalities (2 rows skipped)",
      'NO_FIGURES',
    ],
    [
      'a file over 40 000 characters',
      file('ssb-01222-2021K2.json').replace('"version"', `"padding": "${'x'.repeat(40_000)}", "version"`),
      /^input\.content: The file has 4\d{4} characters; at most 40000 are accepted/,
      'TOO_LARGE',
    ],
  ])(
    'refuses %s with BAD_USER_INPUT saying why, with a reason the console words',
    async (_what, content, message, reason) => {
      const before = await tableChecksums(subgraph.orm);
      const result = await subgraph.execute(importMutation, { input: { content } });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe('input.content');
      expect(result.errors?.[0]?.extensions?.reason).toBe(reason);
      if (typeof message === 'string') expect(result.errors?.[0]?.message).toContain(message);
      else expect(result.errors?.[0]?.message).toMatch(message);
      expect(await tableChecksums(subgraph.orm)).toEqual(before);
    },
  );
});

describe('a county officer imports SSB table 01222', () => {
  it('previews without writing: the figures per date, what they replace, and the rows skipped', async () => {
    const before = await tableChecksums(subgraph.orm);
    const result = await subgraph.execute(importMutation, {
      input: { content: file('ssb-01222-2021K2.json'), preview: true },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      importPopulationFigures: {
        applied: false,
        table: '01222',
        sourceUpdatedAt: '2021-08-19T06:00:00.000Z',
        figureCount: 3,
        dates: [{ date: '2021-07-01', figureCount: 3 }],
        figures: [
          {
            municipalityNumber: '3001',
            regionCode: 'K-3001',
            date: '2021-07-01',
            population: 31444,
            previousPopulation: 31400,
            previousSource: 'DEMO_APPROXIMATION',
          },
          {
            municipalityNumber: '3020',
            regionCode: 'K-3020',
            date: '2021-07-01',
            population: 60844,
            previousPopulation: 61200,
            previousSource: 'DEMO_APPROXIMATION',
          },
          {
            municipalityNumber: '3054',
            regionCode: 'K-3054',
            date: '2021-07-01',
            population: 9222,
            previousPopulation: 9100,
            previousSource: 'DEMO_APPROXIMATION',
          },
        ],
        skipped: [
          {
            regionCode: '30',
            label: 'Viken',
            period: null,
            reason: 'NOT_A_MUNICIPALITY',
            message: 'a county or the country, not a municipality',
          },
        ],
      },
    });
    expect(await tableChecksums(subgraph.orm)).toEqual(before);
  });

  it('imports: the figures replace the demo ones with their source recorded, the others stay approximate', async () => {
    const result = await subgraph.execute(importMutation, { input: { content: file('ssb-01222-2021K2.json') } });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ importPopulationFigures: { applied: true, figureCount: 3 } });

    const { data } = await subgraph.execute(populationQuery, municipalities('3001', '3005'));
    expect(data).toEqual({
      _entities: [
        {
          number: '3001',
          population: 31444,
          populationSource: 'SSB',
          populationFigure: {
            municipalityNumber: '3001',
            date: '2021-07-01',
            population: 31444,
            source: 'SSB',
            sourceTable: '01222',
            sourceUpdatedAt: '2021-08-19T06:00:00.000Z',
            importedBy: 'Kari Nordmann (Akershus fylkeskommune)',
          },
          populationFigures: [{ municipalityNumber: '3001', date: '2021-07-01', population: 31444, source: 'SSB' }],
        },
        {
          number: '3005',
          population: 102000,
          populationSource: 'DEMO_APPROXIMATION',
          populationFigure: {
            municipalityNumber: '3005',
            date: '2021-07-01',
            population: 102000,
            source: 'DEMO_APPROXIMATION',
            sourceTable: null,
            sourceUpdatedAt: null,
            importedBy: null,
          },
          populationFigures: [
            { municipalityNumber: '3005', date: '2021-07-01', population: 102000, source: 'DEMO_APPROXIMATION' },
          ],
        },
      ],
    });
  });

  it('funds from the imported figure: Follo’s inhabitants change by Nordre Follo’s difference', async () => {
    // Nordre Follo went from the demo's 61 200 to SSB's 60 844 in the import above: 356 fewer.
    const region = `query Funding($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Region { funding(year: 2024) { inhabitants } } }
    }`;
    const { data } = await subgraph.execute<{ _entities: { funding: { inhabitants: number } }[] }>(region, {
      representations: [{ __typename: 'Region', id: 'follo' }],
    });
    // The demo's Follo: Nordre Follo 61 200 + Ås 20 800 + Frogn 15 900 + Nesodden 19 900 + Enebakk 11 200 = 129 000.
    expect(data?._entities[0]?.funding.inhabitants).toBe(129000 - 356);
  });

  it('imports a file with the 2024 numbers: old and new numbers find the same figures', async () => {
    const result = await subgraph.execute(importMutation, { input: { content: file('ssb-01222-2024-numbers.json') } });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      importPopulationFigures: {
        applied: true,
        figureCount: 6,
        dates: [
          { date: '2021-07-01', figureCount: 3 },
          { date: '2024-07-01', figureCount: 3 },
        ],
      },
    });
    const { data } = await subgraph.execute<{ _entities: unknown[] }>(populationQuery, municipalities('3101', '3054'));
    const figures = (municipalityNumbers: [string, string]) => [
      { municipalityNumber: municipalityNumbers[0], date: '2021-07-01', population: expect.any(Number), source: 'SSB' },
      { municipalityNumber: municipalityNumbers[1], date: '2024-07-01', population: expect.any(Number), source: 'SSB' },
    ];
    expect(data?._entities).toMatchObject([
      // Halden asked for by its 2024 number: the 2021 figure funding uses is stored under 3001.
      { number: '3101', population: 31444, populationSource: 'SSB', populationFigures: figures(['3001', '3101']) },
      // Lunner asked for by its Viken number also has its 2024 figure, under Akershus' 3234.
      { number: '3054', population: 9222, populationSource: 'SSB', populationFigures: figures(['3054', '3234']) },
    ]);
    const { data: lunner } = await subgraph.execute<{ _entities: { populationFigures: { population: number }[] }[] }>(
      populationQuery,
      municipalities('3234'),
    );
    expect(lunner?._entities[0]?.populationFigures.map((figure) => figure.population)).toEqual([9222, 9410]);
  });
});

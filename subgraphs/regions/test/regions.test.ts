// The regions subgraph against a real database seeded with the demo data.
import { referenceRegions, seedIfEmpty } from '@etablerer/kit';
import { demoAdvisers } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;

beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
});
afterAll(() => subgraph?.close());

describe('regions', () => {
  it('lists the 13 regions with their 51 municipalities', async () => {
    const { data, errors } = await subgraph.execute<{
      regions: { id: string; name: string; municipalities: { number: string }[] }[];
    }>('query Regions { regions { id name municipalities { number } } }');
    expect(errors).toBeUndefined();
    expect(data?.regions).toHaveLength(13);
    expect(data?.regions.flatMap((r) => r.municipalities)).toHaveLength(51);
    expect(data?.regions.map((r) => r.name)).toEqual(
      [...(data?.regions.map((r) => r.name) ?? [])].sort((a, b) => a.localeCompare(b, 'nb')),
    );
  });

  it('has exactly the regions of the kit reference list, which partners and county check region ids against', async () => {
    const { data } = await subgraph.execute<{ regions: { id: string }[] }>('query Regions { regions { id } }');
    expect(data?.regions.map((region) => region.id).sort()).toEqual(
      referenceRegions()
        .map((region) => region.id)
        .sort(),
    );
  });

  it('gives Follo the municipalities of the real Follo agreement, signed by Nordre Follo', async () => {
    const { data, errors } = await subgraph.execute(
      'query Region($id: ID!) { region(id: $id) { name contractMunicipality { number name } municipalities { name } } }',
      { id: 'follo' },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      region: {
        name: 'Follo',
        contractMunicipality: { number: '3020', name: 'Nordre Follo' },
        municipalities: [
          { name: 'Nordre Follo' },
          { name: 'Ås' },
          { name: 'Frogn' },
          { name: 'Nesodden' },
          { name: 'Enebakk' },
        ],
      },
    });
  });

  it('answers null for a region or municipality that does not exist', async () => {
    const { data, errors } = await subgraph.execute(
      'query Missing($id: ID!, $number: String!) { region(id: $id) { name } municipality(number: $number) { name } }',
      { id: 'atlantis', number: '9999' },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ region: null, municipality: null });
  });

  it('does not seed the demo data twice', async () => {
    expect(await seedIfEmpty(subgraph.orm, regionsSubgraph.demoSeeder, regionsSubgraph.isEmpty)).toBe(false);
    const { data } = await subgraph.execute<{ regions: unknown[] }>('query Regions { regions { id } }');
    expect(data?.regions).toHaveLength(13);
  });
});

describe('advisers by id, for the partners subgraph', () => {
  const query = 'query A($ids: [ID!]!) { advisersByIds(ids: $ids) { id regionId subject } }';

  it('tells the region and user of each adviser it has, leaving out ids of none', async () => {
    const follo = demoAdvisers().find((adviser) => adviser.username === 'follo.adviser');
    const colleague = demoAdvisers().find((adviser) => adviser.regionId === 'drammensregionen' && !adviser.username);
    const { data, errors } = await subgraph.execute<{ advisersByIds: unknown[] }>(
      query,
      { ids: [follo?.id, colleague?.id, '00000000-0000-4000-8000-00000000dead', 'not-an-id', follo?.id] },
      { as: 'drammen.adviser' },
    );
    expect(errors).toBeUndefined();
    expect(data?.advisersByIds).toHaveLength(2);
    expect(data?.advisersByIds).toEqual(
      expect.arrayContaining([
        { id: follo?.id, regionId: 'follo', subject: 'follo.adviser' },
        { id: colleague?.id, regionId: 'drammensregionen', subject: null },
      ]),
    );
  });

  it('answers for at most 500 ids at once', async () => {
    const ids = Array.from({ length: 501 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    const { errors } = await subgraph.execute(query, { ids }, { as: 'follo.adviser' });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('entities for the gateway', () => {
  it('resolves Region references by id, in order, with null for an unknown id', async () => {
    const { data, errors } = await subgraph.execute(
      'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Region { id name contractMunicipality { name } } } }',
      {
        representations: [
          { __typename: 'Region', id: 'hallingdal' },
          { __typename: 'Region', id: 'nowhere' },
          { __typename: 'Region', id: 'asker-og-baerum' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [
        { id: 'hallingdal', name: 'Hallingdal', contractMunicipality: { name: 'Ål' } },
        null,
        { id: 'asker-og-baerum', name: 'Asker og Bærum', contractMunicipality: { name: 'Bærum' } },
      ],
    });
  });

  it('resolves Municipality references by number with their region', async () => {
    const { data, errors } = await subgraph.execute(
      'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Municipality { number name region { id } } } }',
      {
        representations: [
          { __typename: 'Municipality', number: '3005' },
          { __typename: 'Municipality', number: '3054' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [
        { number: '3005', name: 'Drammen', region: { id: 'drammensregionen' } },
        { number: '3054', name: 'Lunner', region: { id: 'ringerike-og-hadeland' } },
      ],
    });
  });
});

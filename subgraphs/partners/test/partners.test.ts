// The partners subgraph's professional gatherings against a real database.
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
});
afterAll(() => subgraph?.close());

const gatheringsQuery = 'query Gatherings($year: Int!) { gatherings(year: $year) { id title date location online } }';

describe('gatherings', () => {
  it("lists one year's gatherings in date order: at least the two the agreement asks for", async () => {
    const { data, errors } = await subgraph.execute<{ gatherings: Record<string, unknown>[] }>(gatheringsQuery, {
      year: 2024,
    });
    expect(errors).toBeUndefined();
    expect(data?.gatherings.map(({ id, ...rest }) => rest)).toEqual([
      {
        title: 'Fagsamling vår 2024: regionreformen og nye fylker',
        date: '2024-03-12',
        location: 'Sarpsborg',
        online: false,
      },
      {
        title: 'Fagsamling høst 2024: bærekraftige forretningsmodeller',
        date: '2024-10-16',
        location: null,
        online: true,
      },
    ]);
  });

  it('answers an empty list for a year without gatherings', async () => {
    const { data, errors } = await subgraph.execute(gatheringsQuery, { year: 2019 });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ gatherings: [] });
  });

  it('refuses a year out of range with BAD_USER_INPUT naming the field', async () => {
    const { data, errors } = await subgraph.execute(gatheringsQuery, { year: 1850 });
    // gatherings is nullable (null when the partners service is unavailable at the gateway).
    expect(data).toEqual({ gatherings: null });
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(errors?.[0]?.message).toMatch(/between 2000 and 2100/);
  });
});

describe('entities for the gateway', () => {
  it('resolves Gathering references by id, null for an unknown or malformed id', async () => {
    const listed = await subgraph.execute<{ gatherings: { id: string; title: string }[] }>(gatheringsQuery, {
      year: 2022,
    });
    const [first] = listed.data?.gatherings ?? [];
    const { data, errors } = await subgraph.execute(
      'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Gathering { id title } } }',
      {
        representations: [
          { __typename: 'Gathering', id: first?.id },
          { __typename: 'Gathering', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'Gathering', id: 'not-a-uuid' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [{ id: first?.id, title: 'Fagsamling vår 2022: finansiering og virkemidler' }, null, null],
    });
  });
});

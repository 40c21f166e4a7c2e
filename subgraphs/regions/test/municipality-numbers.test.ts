// Municipality numbers over time (Viken's 30xx to 2023, 31xx/32xx/33xx from 2024-01-01): the graph
// shows the number valid on a day, and either number finds the same municipality.
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
});
afterAll(() => subgraph?.close());

describe('a municipality’s numbers', () => {
  const query = `query Municipality($number: String!) {
    municipality(number: $number) {
      number name region { id }
      before: numberOn(date: "2023-12-31")
      after: numberOn(date: "2024-01-01")
      numbers { number validFrom validTo countyName }
    }
  }`;

  it('shows the number valid on a day, with the history, found by either number', async () => {
    const expected = {
      municipality: {
        number: '3020',
        name: 'Nordre Follo',
        region: { id: 'follo' },
        before: '3020',
        after: '3207',
        numbers: [
          { number: '3020', validFrom: '2020-01-01', validTo: '2023-12-31', countyName: 'Viken fylkeskommune' },
          { number: '3207', validFrom: '2024-01-01', validTo: null, countyName: 'Akershus fylkeskommune' },
        ],
      },
    };
    for (const number of ['3020', '3207']) {
      const result = await subgraph.execute(query, { number });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(expected);
    }
  });

  it('puts Jevnaker and Lunner in Akershus from 2024, though their region signs through Ringerike in Buskerud', async () => {
    const jevnaker = await subgraph.execute<{ municipality: { numbers: { countyName: string }[]; after: string } }>(
      query,
      { number: '3053' },
    );
    expect(jevnaker.data?.municipality.after).toBe('3236');
    expect(jevnaker.data?.municipality.numbers.at(-1)?.countyName).toBe('Akershus fylkeskommune');
    const ringerike = await subgraph.execute<{ municipality: { after: string; numbers: { countyName: string }[] } }>(
      query,
      { number: '3305' },
    );
    expect(ringerike.data?.municipality.after).toBe('3305');
    expect(ringerike.data?.municipality.numbers.at(-1)?.countyName).toBe('Buskerud fylkeskommune');
  });

  it('is null for a number that is no municipality of the county', async () => {
    expect((await subgraph.execute(query, { number: '0301' })).data).toEqual({ municipality: null });
  });

  it('resolves entity references by either number', async () => {
    const result = await subgraph.execute(
      `query R($representations: [_Any!]!) { _entities(representations: $representations) { ... on Municipality { number name } } }`,
      {
        representations: [
          { __typename: 'Municipality', number: '3216' },
          { __typename: 'Municipality', number: '3019' },
        ],
      },
    );
    expect(result.data).toEqual({
      _entities: [
        { number: '3019', name: 'Vestby' },
        { number: '3019', name: 'Vestby' },
      ],
    });
  });

  it('registers a client by the 2024 number under the same municipality', async () => {
    const result = await subgraph.execute(
      `mutation Register($input: RegisterClientInput!) { registerClient(input: $input) { municipality { number name } } }`,
      {
        input: {
          regionId: 'follo',
          municipalityNumber: '3218',
          name: 'Jon Aas',
          immigrantBackground: 'NO',
          registeredOn: '2024-05-02',
          confirmedNotDuplicate: true,
        },
      },
      { as: 'follo.adviser' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ registerClient: { municipality: { number: '3021', name: 'Ås' } } });
  });
});

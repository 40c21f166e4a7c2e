// The client list's variables and CSV export, and one client's page through the query layer, against a stubbed gateway: list variables, the client with the year's hours, registering with a duplicate conflict.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { useClientDetail, useRegisterClient } from '../src/queries/client';
import { type ClientListRequest, toClientListVariables, useClientExport } from '../src/queries/clients';
import { listItem, nadia } from './clients-fixtures';
import { jsonResponse, queryLayer, runInComponent, stubGraphQL } from './fixtures';

const noFilters: ClientListRequest = {
  regionId: 'follo',
  search: '',
  immigrantBackground: null,
  hasBusiness: null,
  registeredFrom: null,
  registeredTo: null,
  offset: 0,
};

describe('the client list', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('asks for 50 clients with only the filters that are set, trimmed, values as variables', () => {
    expect(
      toClientListVariables({ ...noFilters, search: '  nadia ', hasBusiness: false, registeredFrom: '2024-01-01' }),
    ).toEqual({
      first: 50,
      offset: 0,
      regionId: 'follo',
      search: 'nadia',
      hasBusiness: false,
      registeredFrom: '2024-01-01',
    });
    // The county sees every region: no region is asked for.
    expect(toClientListVariables({ ...noFilters, regionId: null, immigrantBackground: 'YES', offset: 100 })).toEqual({
      first: 50,
      offset: 100,
      immigrantBackground: 'YES',
    });
  });

  it('fetches every page of the filtered list for a file, 200 at a time, each client once', async () => {
    const all = Array.from({ length: 450 }, (_, index) => listItem(index + 1));
    const { calls } = stubGraphQL((call) => {
      const { offset, first } = call.body.variables as { offset: number; first: number };
      // A client registered between the first and the second request shifts the list by one.
      const shifted = offset === 0 ? all : [all[0], ...all];
      const items = shifted.slice(offset, offset + first);
      return jsonResponse({
        data: { clients: { items, totalCount: shifted.length, hasNextPage: offset + first < shifted.length } },
      });
    });
    const exporter = useClientExport();

    const { offset: _offset, ...filter } = { ...noFilters, search: 'klient' };
    const fetched = await exporter.fetchAll(filter);

    expect(calls.map((call) => call.body.variables)).toEqual([
      { first: 200, offset: 0, regionId: 'follo', search: 'klient' },
      { first: 200, offset: 200, regionId: 'follo', search: 'klient' },
      { first: 200, offset: 400, regionId: 'follo', search: 'klient' },
    ]);
    expect(fetched?.map((client) => client.id)).toEqual(all.map((client) => client.id));
    expect(exporter.exporting.value).toBe(false);
  });

  it('gives no half list when a page fails, and says why', async () => {
    let call = 0;
    stubGraphQL(() =>
      call++ === 0
        ? jsonResponse({ data: { clients: { items: [listItem(1)], totalCount: 300, hasNextPage: true } } })
        : jsonResponse({ errors: [{ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }], data: null }),
    );
    const exporter = useClientExport();
    const { offset: _offset, ...filter } = noFilters;

    expect(await exporter.fetchAll(filter)).toBeNull();
    expect(exporter.exportError.value?.codes).toEqual(['FORBIDDEN']);
  });
});

enableAutoUnmount(afterEach);

describe("one client's page", () => {
  function inPage<Result>(composable: () => Result): Result {
    const pinia = createPinia();
    setActivePinia(pinia);
    return runInComponent(composable, [pinia, queryLayer(pinia)]).result;
  }

  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('loads a client with the hours of the year as a variable', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { client: nadia } }));
    const page = inPage(() => useClientDetail('client-7', 2024));
    await flushPromises();

    expect(calls[0]?.body.variables).toEqual({ id: 'client-7', year: 2024 });
    expect(page.client.value?.counsellingHours.beyondFreeLimit).toBe(0.5);
    expect(page.notFound.value).toBe(false);
  });

  it('keeps the FORBIDDEN code of a client the caller may not see, and shows no client', async () => {
    stubGraphQL(() =>
      jsonResponse({ data: { client: null }, errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }] }),
    );
    const page = inPage(() => useClientDetail('client-x', 2024));
    await flushPromises();

    expect(page.client.value).toBeNull();
    expect(page.error.value?.codes).toEqual(['FORBIDDEN']);
  });

  it('says there is no such client when the graph answers with none', async () => {
    stubGraphQL(() => jsonResponse({ data: { client: null } }));
    const page = inPage(() => useClientDetail('client-gone', 2024));
    await flushPromises();

    expect(page.notFound.value).toBe(true);
    expect(page.error.value).toBeNull();
  });

  it('registers a client and resolves to the new id', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { registerClient: { id: 'client-200' } } }));
    const registering = inPage(() => useRegisterClient());
    const input = { regionId: 'follo', municipalityNumber: '3021', name: 'Ola Nordmann' };

    await expect(registering.register(input)).resolves.toBe('client-200');
    expect(calls[0]?.body.variables).toEqual({ input });
    expect(registering.actionError.value).toBeNull();
  });

  it('turns a duplicate CONFLICT into the possible duplicates, and field errors into messages by field', async () => {
    stubGraphQL((call) =>
      call.body.variables && (call.body.variables.input as { confirmedNotDuplicate?: boolean }).confirmedNotDuplicate
        ? jsonResponse({ data: { registerClient: { id: 'client-201' } } })
        : jsonResponse({
            data: null,
            errors: [
              {
                message: 'A client in the region may be the same person.',
                extensions: { code: 'CONFLICT', duplicates: ['client-7', 'client-9'] },
              },
            ],
          }),
    );
    const store = inPage(() => useRegisterClient());
    const input = { regionId: 'follo', municipalityNumber: '3021', name: 'Nadia Rahman', birthYear: 1988 };

    await expect(store.register(input)).resolves.toBeNull();
    expect(store.duplicateConflict.value).toBe(true);
    expect(store.actionError.value?.duplicates).toEqual(['client-7', 'client-9']);

    await expect(store.register({ ...input, confirmedNotDuplicate: true })).resolves.toBe('client-201');
    expect(store.actionError.value).toBeNull();

    stubGraphQL(() =>
      jsonResponse({
        data: null,
        errors: [
          {
            message: 'input.email: not an e-mail address',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
          },
        ],
      }),
    );
    await store.register(input);
    expect(store.duplicateConflict.value).toBe(false);
    expect(store.actionError.value?.fieldErrors).toEqual({ email: 'not an e-mail address' });
  });
});

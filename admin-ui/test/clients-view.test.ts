// The CRM pages: the list and its pages against a stubbed gateway, the client page's hours beyond the free limit, the intake form and its duplicate check.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import ClientNewView from '../src/views/ClientNewView.vue';
import ClientsView from '../src/views/ClientsView.vue';
import ClientView from '../src/views/ClientView.vue';
import { clientListPage, clientPageAnswers, folloClients, nadia } from './clients-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  forbidNetwork,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A CRM page; the test stubs the gateway first (see `clientPageAnswers` and `intakeAnswers`). */
async function mountPage(component: typeof ClientsView, path: string, username: DemoUsername) {
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/clients', name: 'clients', component: ClientsView },
      { path: '/clients/new', name: 'client-new', component: ClientNewView },
      { path: '/clients/:id', name: 'client', component: ClientView },
    ],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(component, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}

/** The intake form's gateway: Follo's municipalities, and `register` answering registerClient. */
function intakeAnswers(register: (input: Record<string, unknown>) => Response = () => jsonResponse({})) {
  return stubGraphQL((call) => {
    if (operationOf(call) === 'ClientMunicipalities') {
      return jsonResponse({
        data: {
          region: {
            id: call.body.variables?.regionId,
            municipalities: [
              { number: '3020', name: 'Nordre Follo' },
              { number: '3021', name: 'Ås' },
            ],
          },
        },
      });
    }
    if (operationOf(call) === 'RegisterClient') return register(call.body.variables?.input as Record<string, unknown>);
    throw new Error(`Unexpected operation: ${call.body.query}`);
  });
}

const operationOf = (call: GraphQLCall) => /(?:query|mutation) (\w+)/.exec(call.body.query)?.[1];

enableAutoUnmount(afterEach);

type ListVariables = { first: number; offset: number; regionId?: string; search?: string; hasBusiness?: boolean };

/** The client list against a stubbed gateway: each request's variables, answered by `answer` (Follo's 175 by default). */
async function mountList(
  username: DemoUsername,
  answer: (variables: ListVariables) => Response | Promise<Response> = (variables) =>
    jsonResponse({ data: { clients: clientListPage(variables, folloClients) } }),
) {
  const { calls } = stubGraphQL((call) => {
    if (call.body.query.includes('query ClientRegionOptions')) {
      return jsonResponse({
        data: {
          regions: [
            { id: 'halden', name: 'Halden', county: { id: 'ostfold' } },
            { id: 'follo', name: 'Follo', county: { id: 'akershus' } },
            { id: 'asker-og-baerum', name: 'Asker og Bærum', county: { id: 'akershus' } },
          ],
        },
      });
    }
    if (call.body.query.includes('query ClientList')) return answer(call.body.variables as ListVariables);
    throw new Error(`Unexpected operation: ${call.body.query}`);
  });
  const mounted = await mountPage(ClientsView, '/clients', username);
  await flushPromises();
  return {
    ...mounted,
    /** The variables of every page asked for, in order. */
    asked: () =>
      calls.filter((call) => call.body.query.includes('query ClientList')).map((call) => call.body.variables),
  };
}

const rowIds = (wrapper: Awaited<ReturnType<typeof mountList>>['wrapper']) =>
  wrapper.findAll('[data-testid="clients-table"] tbody tr').map((row) => row.attributes('data-testid'));

/** An answer the test lets through when it wants to. */
function deferred() {
  let release!: (response: Response) => void;
  const promise = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

describe('ClientsView', () => {
  it("loads the adviser's region, lists the clients with links and pages forward and back", async () => {
    const { wrapper, asked } = await mountList('follo.adviser');

    expect(asked()).toEqual([{ first: 50, offset: 0, regionId: 'follo' }]);
    const table = wrapper.get('[data-testid="clients-table"]');
    expect(table.findAll('tbody tr')).toHaveLength(50);
    expect(table.get('[data-testid="client-link"]').attributes('href')).toBe('/clients/client-1');
    expect(plain(wrapper.get('[data-testid="clients-showing"]').text())).toBe('Viser 1–50 av 175');
    expect(wrapper.get('[data-testid="clients-previous"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="clients-new"]').text()).toBe('Registrer ny klient');

    await wrapper.get('[data-testid="clients-next"]').trigger('click');
    await flushPromises();
    expect(asked().at(-1)).toEqual({ first: 50, offset: 50, regionId: 'follo' });
    expect(plain(wrapper.get('[data-testid="clients-showing"]').text())).toBe('Viser 51–100 av 175');
    expect(rowIds(wrapper)[0]).toBe('client-row-client-51');

    await wrapper.get('[data-testid="clients-previous"]').trigger('click');
    await flushPromises();
    expect(rowIds(wrapper)[0]).toBe('client-row-client-1');
    expect(plain(wrapper.get('[data-testid="clients-showing"]').text())).toBe('Viser 1–50 av 175');
  });

  it('keeps the page on screen while the next one loads, and shows the newest answer', async () => {
    const secondPage = deferred();
    const { wrapper } = await mountList('follo.adviser', (variables) =>
      variables.offset === 50
        ? secondPage.promise
        : jsonResponse({ data: { clients: clientListPage(variables, folloClients) } }),
    );

    await wrapper.get('[data-testid="clients-next"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="clients-loading"]').attributes('role')).toBe('status');
    expect(rowIds(wrapper)).toHaveLength(50);
    expect(rowIds(wrapper)[0]).toBe('client-row-client-1');
    expect(plain(wrapper.get('[data-testid="clients-showing"]').text())).toBe('Viser 1–50 av 175');

    secondPage.release(jsonResponse({ data: { clients: clientListPage({ first: 50, offset: 50 }, folloClients) } }));
    await flushPromises();
    expect(wrapper.find('[data-testid="clients-loading"]').exists()).toBe(false);
    expect(rowIds(wrapper)[0]).toBe('client-row-client-51');
  });

  it('searches after a pause in typing, and a filter starts again on the first page', async () => {
    vi.useFakeTimers();
    try {
      const { wrapper, asked } = await mountList('county.officer');
      // The county officer sees every region of the county (Akershus), and filters by one of them, by name: not by
      // Halden, whose clients are Østfold's since 2024.
      expect(asked()).toEqual([{ first: 50, offset: 0 }]);
      expect(wrapper.find('[data-testid="clients-new"]').exists()).toBe(false);
      await vi.advanceTimersByTimeAsync(0);
      expect(wrapper.findAll('[data-testid="clients-filter-region"] option').map((option) => option.text())).toEqual([
        'Alle regioner',
        'Asker og Bærum',
        'Follo',
      ]);

      await wrapper.get('[data-testid="clients-next"]').trigger('click');
      await vi.advanceTimersByTimeAsync(0);
      await wrapper.get('[data-testid="clients-search"]').setValue('nad');
      await wrapper.get('[data-testid="clients-search"]').setValue('nadia');
      const before = asked().length;
      await vi.advanceTimersByTimeAsync(300);
      expect(asked()).toHaveLength(before + 1);
      expect(asked().at(-1)).toEqual({ first: 50, offset: 0, search: 'nadia' });

      await wrapper.get('[data-testid="clients-filter-business"]').setValue('true');
      await vi.advanceTimersByTimeAsync(0);
      expect(asked().at(-1)).toEqual({ first: 50, offset: 0, search: 'nadia', hasBusiness: true });

      await wrapper.get('[data-testid="clients-filter-region"]').setValue('asker-og-baerum');
      await vi.advanceTimersByTimeAsync(0);
      expect(asked().at(-1)).toEqual({
        first: 50,
        offset: 0,
        search: 'nadia',
        hasBusiness: true,
        regionId: 'asker-og-baerum',
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when nothing matches', async () => {
    const { wrapper } = await mountList('follo.adviser', () =>
      jsonResponse({ data: { clients: { items: [], totalCount: 0, hasNextPage: false } } }),
    );
    expect(wrapper.get('[data-testid="clients-empty"]').text()).toBe('Ingen klienter passer søket.');
  });

  it('explains a failed load, shows no clients under it, and loads again on "try again"', async () => {
    let refuse = true;
    const { wrapper, asked } = await mountList('follo.adviser', (variables) =>
      refuse
        ? jsonResponse({ errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] })
        : jsonResponse({ data: { clients: clientListPage(variables, folloClients) } }),
    );

    const alert = wrapper.get('[data-testid="clients-error"]');
    expect(alert.attributes('role')).toBe('alert');
    // Why, in words: never the code or the server's English message.
    expect(alert.text()).toContain('Du har ikke tilgang');
    expect(alert.text()).not.toMatch(/FORBIDDEN|No\./);
    expect(wrapper.find('[data-testid="clients-table"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="clients-empty"]').exists()).toBe(false);

    refuse = false;
    await alert.get('button').trigger('click');
    await flushPromises();
    expect(asked()).toHaveLength(2);
    expect(wrapper.find('[data-testid="clients-error"]').exists()).toBe(false);
    expect(rowIds(wrapper)).toHaveLength(50);
  });
});

describe('ClientView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('shows hours beyond the free limit highlighted, and the possible duplicates', async () => {
    const { calls } = stubGraphQL(clientPageAnswers(() => nadia));
    const { wrapper } = await mountPage(ClientView, '/clients/client-7', 'nordrefollo.officer');

    const detail = calls.filter((call) => operationOf(call) === 'ClientDetail');
    expect(detail.map((call) => call.body.variables)).toEqual([{ id: 'client-7', year: new Date().getFullYear() }]);
    expect(wrapper.get('[data-testid="client-name"]').text()).toBe('Nadia Rahman');
    expect(wrapper.get('[data-testid="client-hours"]').classes()).toContain('beyond');
    expect(plain(wrapper.get('[data-testid="hours-beyond"]').text())).toBe('0,5 t');
    expect(wrapper.find('[data-testid="hours-beyond-notice"]').exists()).toBe(true);

    expect(wrapper.get('[data-testid="client-duplicates"] a').attributes('href')).toBe('/clients/client-9');
  });

  it('says plainly when the caller may not see the client', async () => {
    stubGraphQL(() =>
      jsonResponse({ data: { client: null }, errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }] }),
    );
    const { wrapper } = await mountPage(ClientView, '/clients/client-x', 'follo.adviser');
    expect(wrapper.get('[data-testid="client-forbidden"]').text()).toBe('Du har ikke tilgang til å se denne klienten.');
    expect(wrapper.find('[data-testid="client-name"]').exists()).toBe(false);
  });

  it('says so when there is no such client', async () => {
    stubGraphQL(clientPageAnswers(() => null));
    const { wrapper } = await mountPage(ClientView, '/clients/client-gone', 'follo.adviser');
    expect(wrapper.find('[data-testid="client-not-found"]').exists()).toBe(true);
  });
});

describe('ClientNewView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it("loads the region's municipalities and checks the form before sending", async () => {
    const { calls } = intakeAnswers();
    const { wrapper } = await mountPage(ClientNewView, '/clients/new', 'follo.adviser');
    expect(calls.map((call) => [operationOf(call), call.body.variables])).toEqual([
      ['ClientMunicipalities', { regionId: 'follo' }],
    ]);
    expect(wrapper.findAll('[data-testid="intake-municipality"] option').map((option) => option.text())).toContain(
      'Ås',
    );

    await wrapper.get('[data-testid="intake-email"]').setValue('not-an-address');
    await wrapper.get('[data-testid="intake-birth-year"]').setValue('1850');
    await wrapper.get('[data-testid="intake-submit"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-testid="intake-error-name"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="intake-error-municipalityNumber"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="intake-error-email"]').text()).toBe('Skriv en gyldig e-postadresse.');
    expect(wrapper.get('[data-testid="intake-error-birthYear"]').text()).toBe('Skriv et årstall fra 1900 til i år.');
    expect(calls.map(operationOf)).not.toContain('RegisterClient');
  });

  it('shows server field errors at the field', async () => {
    intakeAnswers(() =>
      jsonResponse({
        data: null,
        errors: [{ message: 'input.phone: bad', extensions: { code: 'BAD_USER_INPUT', field: 'input.phone' } }],
      }),
    );
    const { wrapper } = await mountPage(ClientNewView, '/clients/new', 'follo.adviser');
    await wrapper.get('[data-testid="intake-name"]').setValue('Ola Nordmann');
    await wrapper.get('[data-testid="intake-municipality"]').setValue('3021');
    await wrapper.get('[data-testid="intake-phone"]').setValue('+47 912 34 567');
    await wrapper.get('[data-testid="intake-submit"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-testid="intake-error-phone"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
  });

  it('offers the possible duplicates and registers anyway on request, then opens the new client', async () => {
    const { calls } = intakeAnswers((input) =>
      input.confirmedNotDuplicate
        ? jsonResponse({ data: { registerClient: { id: 'client-201' } } })
        : jsonResponse({
            data: null,
            errors: [
              {
                message: 'A client in the region may be the same person.',
                extensions: { code: 'CONFLICT', duplicates: ['client-7'] },
              },
            ],
          }),
    );
    const { wrapper, router } = await mountPage(ClientNewView, '/clients/new', 'follo.adviser');
    const registered = () =>
      calls.filter((call) => operationOf(call) === 'RegisterClient').map((call) => call.body.variables?.input);

    await wrapper.get('[data-testid="intake-name"]').setValue(' Nadia Rahman ');
    await wrapper.get('[data-testid="intake-municipality"]').setValue('3021');
    await wrapper.get('[data-testid="intake-birth-year"]').setValue('1988');
    await wrapper.get('[data-testid="intake-background-YES"]').setValue(true);
    await wrapper.get('[data-testid="intake-submit"]').trigger('click');
    await flushPromises();

    const expected = {
      regionId: 'follo',
      municipalityNumber: '3021',
      name: 'Nadia Rahman',
      birthYear: 1988,
      immigrantBackground: 'YES',
      surveyConsent: false,
    };
    expect(registered()).toEqual([expected]);
    const duplicates = wrapper.get('[data-testid="intake-duplicates"]');
    expect(duplicates.get('[data-testid="intake-duplicate-link"]').attributes('href')).toBe('/clients/client-7');
    expect(router.currentRoute.value.path).toBe('/clients/new');

    const anyway = duplicates.get('[data-testid="intake-register-anyway"]');
    expect(anyway.text()).toBe('Registrer likevel');
    await anyway.trigger('click');
    await flushPromises();
    expect(registered()).toEqual([expected, { ...expected, confirmedNotDuplicate: true }]);
    expect(router.currentRoute.value.path).toBe('/clients/client-201');
  });
});

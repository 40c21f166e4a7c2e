// The CRM pages with a testing store: the list and its pages, the client page's hours beyond the free limit, the intake form and its duplicate check.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { type ClientDetail, useClientStore } from '../src/stores/client';
import { type ClientPage, useClientsStore } from '../src/stores/clients';
import ClientNewView from '../src/views/ClientNewView.vue';
import ClientsView from '../src/views/ClientsView.vue';
import ClientView from '../src/views/ClientView.vue';
import { firstPage, nadia } from './clients-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  forbidNetwork,
  queryLayer,
  testingPinia,
} from './fixtures';

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

async function mountPage(
  component: typeof ClientsView,
  path: string,
  username: DemoUsername,
  state: {
    page?: ClientPage | null;
    client?: ClientDetail | null;
    clientError?: { message: string; codes: string[] } | null;
  } = {},
) {
  const pinia = testingPinia({
    initialState: {
      auth: { accessToken: accessTokenFor(username) },
      clients: { page: state.page ?? null, asked: null, loading: false, error: null },
      client: {
        clientId: state.client ? state.client.id : null,
        year: 2024,
        client: state.client ?? null,
        loading: false,
        error: state.clientError ?? null,
        municipalities: [
          { number: '3020', name: 'Nordre Follo' },
          { number: '3021', name: 'Ås' },
        ],
        municipalitiesError: null,
        saving: false,
        actionError: null,
      },
    },
  });
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
  return { wrapper, router, clientsStore: useClientsStore(pinia), clientStore: useClientStore(pinia) };
}

enableAutoUnmount(afterEach);

describe('ClientsView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it("loads the adviser's region, lists the clients with links and pages forward and back", async () => {
    const { wrapper, clientsStore } = await mountPage(ClientsView, '/clients', 'follo.adviser', { page: firstPage });

    expect(clientsStore.load).toHaveBeenLastCalledWith(
      expect.objectContaining({ regionId: 'follo', search: '', offset: 0 }),
    );
    const table = wrapper.get('[data-testid="clients-table"]');
    expect(table.findAll('tbody tr')).toHaveLength(50);
    expect(table.get('[data-testid="client-link"]').attributes('href')).toBe('/clients/client-1');
    expect(plain(wrapper.get('[data-testid="clients-showing"]').text())).toBe('Viser 1–50 av 175');
    expect(wrapper.get('[data-testid="clients-previous"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="clients-new"]').text()).toBe('Registrer ny klient');

    await wrapper.get('[data-testid="clients-next"]').trigger('click');
    await flushPromises();
    expect(clientsStore.load).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 50 }));
    expect(plain(wrapper.get('[data-testid="clients-showing"]').text())).toBe('Viser 51–100 av 175');

    await wrapper.get('[data-testid="clients-previous"]').trigger('click');
    await flushPromises();
    expect(clientsStore.load).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 0 }));
  });

  it('searches after a pause in typing, and a filter starts again on the first page', async () => {
    vi.useFakeTimers();
    try {
      const { wrapper, clientsStore } = await mountPage(ClientsView, '/clients', 'county.officer', { page: firstPage });
      expect(clientsStore.load).toHaveBeenLastCalledWith(expect.objectContaining({ regionId: null }));
      expect(wrapper.find('[data-testid="clients-new"]').exists()).toBe(false);

      await wrapper.get('[data-testid="clients-next"]').trigger('click');
      await wrapper.get('[data-testid="clients-search"]').setValue('nad');
      await wrapper.get('[data-testid="clients-search"]').setValue('nadia');
      const calls = vi.mocked(clientsStore.load).mock.calls.length;
      await vi.advanceTimersByTimeAsync(300);
      expect(clientsStore.load).toHaveBeenCalledTimes(calls + 1);
      expect(clientsStore.load).toHaveBeenLastCalledWith(expect.objectContaining({ search: 'nadia', offset: 0 }));

      await wrapper.get('[data-testid="clients-filter-business"]').setValue('true');
      await vi.advanceTimersByTimeAsync(0);
      expect(clientsStore.load).toHaveBeenLastCalledWith(expect.objectContaining({ hasBusiness: true, offset: 0 }));
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when nothing matches', async () => {
    const { wrapper } = await mountPage(ClientsView, '/clients', 'follo.adviser', {
      page: { items: [], totalCount: 0, hasNextPage: false },
    });
    expect(wrapper.get('[data-testid="clients-empty"]').text()).toBe('Ingen klienter passer søket.');
  });
});

describe('ClientView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('shows hours beyond the free limit highlighted, and the possible duplicates', async () => {
    const { wrapper, clientStore } = await mountPage(ClientView, '/clients/client-7', 'nordrefollo.officer', {
      client: nadia,
    });

    expect(clientStore.load).toHaveBeenCalledWith('client-7', new Date().getFullYear());
    expect(wrapper.get('[data-testid="client-name"]').text()).toBe('Nadia Rahman');
    expect(wrapper.get('[data-testid="client-hours"]').classes()).toContain('beyond');
    expect(plain(wrapper.get('[data-testid="hours-beyond"]').text())).toBe('0,5 t');
    expect(wrapper.find('[data-testid="hours-beyond-notice"]').exists()).toBe(true);

    expect(wrapper.get('[data-testid="client-duplicates"] a').attributes('href')).toBe('/clients/client-9');
  });

  it('says plainly when the caller may not see the client', async () => {
    const { wrapper } = await mountPage(ClientView, '/clients/client-x', 'follo.adviser', {
      clientError: { message: 'Not yours.', codes: ['FORBIDDEN'] },
    });
    expect(wrapper.get('[data-testid="client-forbidden"]').text()).toBe('Du har ikke tilgang til å se denne klienten.');
  });
});

describe('ClientNewView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it("loads the region's municipalities and checks the form before sending", async () => {
    const { wrapper, clientStore } = await mountPage(ClientNewView, '/clients/new', 'follo.adviser');
    expect(clientStore.loadMunicipalities).toHaveBeenCalledWith('follo');

    await wrapper.get('[data-testid="intake-email"]').setValue('not-an-address');
    await wrapper.get('[data-testid="intake-birth-year"]').setValue('1850');
    await wrapper.get('[data-testid="intake-submit"]').trigger('click');

    expect(wrapper.get('[data-testid="intake-error-name"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="intake-error-municipalityNumber"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="intake-error-email"]').text()).toBe('Skriv en gyldig e-postadresse.');
    expect(wrapper.get('[data-testid="intake-error-birthYear"]').text()).toBe('Skriv et årstall fra 1900 til i år.');
    expect(clientStore.register).not.toHaveBeenCalled();
  });

  it('shows server field errors at the field', async () => {
    const { wrapper, clientStore } = await mountPage(ClientNewView, '/clients/new', 'follo.adviser');
    clientStore.actionError = {
      action: 'register',
      message: 'input.phone: bad',
      codes: ['BAD_USER_INPUT'],
      fieldErrors: { phone: 'Ugyldig telefonnummer.' },
      duplicates: [],
    };
    await flushPromises();
    expect(wrapper.get('[data-testid="intake-error-phone"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
  });

  it('offers the possible duplicates and registers anyway on request, then opens the new client', async () => {
    const { wrapper, clientStore, router } = await mountPage(ClientNewView, '/clients/new', 'follo.adviser');
    vi.mocked(clientStore.register).mockImplementation(async (input) => {
      if (input.confirmedNotDuplicate) return 'client-201';
      clientStore.actionError = {
        action: 'register',
        message: 'A client in the region may be the same person.',
        codes: ['CONFLICT'],
        fieldErrors: {},
        duplicates: ['client-7'],
      };
      return null;
    });

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
    expect(clientStore.register).toHaveBeenLastCalledWith(expected);
    const duplicates = wrapper.get('[data-testid="intake-duplicates"]');
    expect(duplicates.get('[data-testid="intake-duplicate-link"]').attributes('href')).toBe('/clients/client-7');
    expect(router.currentRoute.value.path).toBe('/clients/new');

    const anyway = duplicates.get('[data-testid="intake-register-anyway"]');
    expect(anyway.text()).toBe('Registrer likevel');
    await anyway.trigger('click');
    await flushPromises();
    expect(clientStore.register).toHaveBeenLastCalledWith({ ...expected, confirmedNotDuplicate: true });
    expect(router.currentRoute.value.path).toBe('/clients/client-201');
  });
});

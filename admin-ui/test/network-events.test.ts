// The network events page: a region's events of a year in date order, who may record one, the form's checks,
// the server's field errors beside the fields, focus and Escape, and the new event shown in its own year.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import AppHeader from '../src/components/AppHeader.vue';
import { seesNetworkEvents } from '../src/composables/networkEventAccess';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { type NetworkEventItem, useNetworkEventsStore } from '../src/stores/networkEvents';
import NetworkEventsView from '../src/views/NetworkEventsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  forbidNetwork,
  jsonResponse,
  startSignedIn,
  stubGraphQL,
} from './fixtures';
import { extraTokenFor } from './meetings-fixtures';

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const regions = [
  { id: 'follo', name: 'Follo' },
  { id: 'halden', name: 'Halden' },
];

/** Follo's 2024 events in date order: two held, one planned far ahead. */
const folloEvents: NetworkEventItem[] = [
  { id: 'event-1', title: 'Frokostmøte med næringsforeningen', date: '2024-02-08', participantCount: 34 },
  { id: 'event-2', title: 'Gründerkveld', date: '2024-09-19', participantCount: 1250 },
];

describe('network events store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it("loads a region's events of a year in date order", async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({
        data: { region: { id: 'follo', name: 'Follo', networkEvents: [folloEvents[1], folloEvents[0]] } },
      }),
    );
    const store = useNetworkEventsStore();

    await store.load({ regionId: 'follo', year: 2024 });

    expect(calls[0]?.body.query).toContain('networkEvents(year: $year)');
    expect(calls[0]?.body.variables).toEqual({ regionId: 'follo', year: 2024 });
    expect(store.events.map((event) => event.id)).toEqual(['event-1', 'event-2']);
    expect(store.regionName).toBe('Follo');
    expect(store.shown).toEqual({ regionId: 'follo', year: 2024 });
  });

  it("records an event, and gives the server's field errors by field", async () => {
    const { calls } = stubGraphQL((call) =>
      call.body.variables?.input && (call.body.variables.input as { title: string }).title === 'x'
        ? jsonResponse({
            errors: [
              {
                message: 'input.participantCount: at most 10000',
                extensions: { code: 'BAD_USER_INPUT', field: 'input.participantCount' },
              },
            ],
          })
        : jsonResponse({
            data: { createNetworkEvent: { id: 'event-3', title: 'Messe', date: '2024-11-01', participantCount: 0 } },
          }),
    );
    const store = useNetworkEventsStore();
    const input = { regionId: 'follo', title: 'Messe', date: '2024-11-01', participantCount: 0 };

    expect(await store.create(input)).toEqual({
      id: 'event-3',
      title: 'Messe',
      date: '2024-11-01',
      participantCount: 0,
    });
    expect(calls[0]?.body.query).toContain('createNetworkEvent(input: $input)');
    expect(calls[0]?.body.variables).toEqual({ input });

    expect(await store.create({ ...input, title: 'x', participantCount: 20_000 })).toBeNull();
    expect(store.actionError?.fieldErrors).toEqual({ participantCount: 'at most 10000' });
  });
});

async function mountPage(username: DemoUsername, path = '/network-events?year=2024', events = folloEvents) {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: {
      auth: { accessToken: accessTokenFor(username) },
      networkEvents: {
        regions,
        regionsError: null,
        shown: { regionId: 'follo', year: 2024 },
        regionName: 'Follo',
        events,
        loading: false,
        error: null,
        saving: false,
        actionError: null,
      },
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/network-events', name: 'network-events', component: NetworkEventsView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(NetworkEventsView, {
    global: { plugins: [pinia, router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  return { wrapper, router, store: useNetworkEventsStore(pinia) };
}

enableAutoUnmount(afterEach);

async function visitWith(accessToken: string, path: string) {
  setActivePinia(createPinia());
  startSignedIn(accessToken);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

function navLinks(accessToken: string) {
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { auth: { accessToken } } });
  const router = createAppRouter(createMemoryHistory());
  const wrapper = mount(AppHeader, { global: { plugins: [pinia, router, createStrictI18n('nb')] } });
  return wrapper
    .get('nav')
    .findAll('a')
    .map((link) => link.text());
}

describe('network events access', () => {
  beforeEach(() => {
    forbidNetwork();
    sessionStorage.clear();
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('is for every role the regions subgraph answers', () => {
    for (const role of ['ADVISER', 'MUNICIPALITY_OFFICER', 'COUNTY_OFFICER', 'COORDINATION_MEMBER', 'NAV']) {
      expect(seesNetworkEvents(role)).toBe(true);
    }
    expect(seesNetworkEvents('AUDITOR')).toBe(false);
    expect(seesNetworkEvents(undefined)).toBe(false);
  });

  it('opens the page and shows its link "Nettverksmøter" to those roles, and sends a role it does not know to the start page', async () => {
    expect((await visitWith(accessTokenFor('follo.adviser'), '/network-events')).name).toBe('network-events');
    expect((await visitWith(accessTokenFor('county.officer'), '/network-events')).name).toBe('network-events');
    expect((await visitWith(extraTokenFor('future.role'), '/network-events')).path).toBe('/');

    expect(navLinks(accessTokenFor('follo.adviser'))).toContain('Nettverksmøter');
    expect(navLinks(accessTokenFor('coordination.member'))).toContain('Nettverksmøter');
    expect(navLinks(extraTokenFor('future.role'))).not.toContain('Nettverksmøter');
  });
});

describe('NetworkEventsView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it("loads the caller's own region for the year in the address and lists its events with the participants", async () => {
    const { wrapper, store } = await mountPage('nordrefollo.officer');

    expect(store.load).toHaveBeenCalledWith({ regionId: 'follo', year: 2024 });
    expect(store.loadRegions).toHaveBeenCalled();
    const rows = wrapper.findAll('[data-network-event-row]').map((row) =>
      row
        .findAll('th, td')
        .map((cell) => plain(cell.text()))
        .join(' | '),
    );
    expect(rows).toEqual(['08.02.2024 | Frokostmøte med næringsforeningen | 34', '19.09.2024 | Gründerkveld | 1 250']);
    expect(plain(wrapper.get('[data-testid="network-events-count"]').text())).toBe('2 møter, 1 284 deltakere');
    // The owners of the client list read; only the region's advisers record.
    expect(wrapper.find('[data-testid="network-event-open"]').exists()).toBe(false);
  });

  it('shows a future event without participants as planned', async () => {
    const { wrapper } = await mountPage('follo.adviser', '/network-events?year=2099', [
      { id: 'event-9', title: 'Næringslivsdag', date: '2099-05-05', participantCount: 0 },
    ]);
    expect(plain(wrapper.get('[data-testid="network-event-row-event-9"]').text())).toContain('Planlagt');
  });

  it('says so when the region has no events in the year', async () => {
    const { wrapper } = await mountPage('follo.adviser', '/network-events?year=2024', []);
    expect(wrapper.get('[data-testid="network-events-empty"]').text()).toBe('Follo har ingen nettverksmøter i 2024.');
  });

  it('loads another region or year when chosen, and offers an adviser the form only in their own region', async () => {
    const { wrapper, router, store } = await mountPage('follo.adviser');
    expect(wrapper.find('[data-testid="network-event-open"]').exists()).toBe(true);

    await wrapper.get('[data-testid="network-events-region"]').setValue('halden');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ year: '2024', region: 'halden' });
    expect(store.load).toHaveBeenLastCalledWith({ regionId: 'halden', year: 2024 });
    expect(wrapper.find('[data-testid="network-event-open"]').exists()).toBe(false);
  });

  it('moves the focus into the form, and Escape closes it and gives the focus back', async () => {
    const { wrapper } = await mountPage('follo.adviser');
    await wrapper.get('[data-testid="network-event-open"]').trigger('click');
    await flushPromises();

    expect(document.activeElement?.id).toBe('network-event-title');
    expect(wrapper.get('#network-event-form-title').text()).toBe('Nytt nettverksmøte i Follo');

    await wrapper.get('[data-testid="network-event-title"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();

    expect(wrapper.find('[data-testid="network-event-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="network-event-open"]').element);
  });

  it('checks title, date and participants before sending', async () => {
    const { wrapper, store } = await mountPage('follo.adviser');
    await wrapper.get('[data-testid="network-event-open"]').trigger('click');
    await wrapper.get('[data-testid="network-event-participants"]').setValue('-3');

    await wrapper.get('[data-testid="network-event-form"]').trigger('submit');
    await flushPromises();

    expect(store.create).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="network-event-error-title"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="network-event-error-date"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="network-event-error-participantCount"]').text()).toBe(
      'Skriv et helt tall fra 0 til 10 000.',
    );
    expect(document.activeElement?.id).toBe('network-event-title');
  });

  it("shows the server's field error beside its field", async () => {
    const { wrapper, store } = await mountPage('follo.adviser');
    store.create = vi.fn(async () => {
      store.actionError = {
        message: 'input.title: at most 200 characters',
        codes: ['BAD_USER_INPUT'],
        fieldErrors: { title: 'at most 200 characters' },
      };
      return null;
    }) as typeof store.create;
    await wrapper.get('[data-testid="network-event-open"]').trigger('click');
    await wrapper.get('[data-testid="network-event-title"]').setValue('Gründerkveld');
    await wrapper.get('[data-testid="network-event-date"]').setValue('2024-11-07');
    await wrapper.get('[data-testid="network-event-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="network-event-error-title"]').text()).toBe('Høyst 200 tegn.');
    expect(wrapper.get('[data-testid="network-event-action-error"]').text()).toBe('Rett feltene som er merket.');
    expect(document.activeElement?.id).toBe('network-event-title');
  });

  it('records the event of the region shown, confirms it beside the button and shows it in its own year', async () => {
    const { wrapper, router, store } = await mountPage('follo.adviser');
    store.create = vi.fn(async () => ({
      id: 'event-3',
      title: 'Næringslivsdag',
      date: '2025-03-06',
      participantCount: 0,
    }));
    await wrapper.get('[data-testid="network-event-open"]').trigger('click');
    await wrapper.get('[data-testid="network-event-title"]').setValue(' Næringslivsdag ');
    await wrapper.get('[data-testid="network-event-date"]').setValue('2025-03-06');
    await wrapper.get('[data-testid="network-event-form"]').trigger('submit');
    await flushPromises();

    expect(store.create).toHaveBeenCalledWith({
      regionId: 'follo',
      title: 'Næringslivsdag',
      date: '2025-03-06',
      participantCount: 0,
    });
    expect(router.currentRoute.value.query.year).toBe('2025');
    expect(store.load).toHaveBeenLastCalledWith({ regionId: 'follo', year: 2025 });
    const notice = wrapper.get('[data-testid="network-event-notice"]');
    expect(notice.text()).toBe('«Næringslivsdag» er registrert.');
    expect(document.activeElement).toBe(notice.element);
  });
});

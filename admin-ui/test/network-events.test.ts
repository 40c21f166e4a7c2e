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
import { type NetworkEventItem, useCreateNetworkEvent, useNetworkEvents } from '../src/queries/networkEvents';
import { createAppRouter } from '../src/router';
import NetworkEventsView from '../src/views/NetworkEventsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  forbidNetwork,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  runInComponent,
  startSignedIn,
  stubGraphQL,
  testingPinia,
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

describe('network events queries', () => {
  const withQueryLayer = <Result>(composable: () => Result) => {
    const pinia = createPinia();
    return runInComponent(composable, [pinia, queryLayer(pinia)]).result;
  };

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
    const store = withQueryLayer(() => useNetworkEvents({ regionId: 'follo', year: 2024 }));
    await flushPromises();

    expect(calls[0]?.body.query).toContain('networkEvents(year: $year)');
    expect(calls[0]?.body.variables).toEqual({ regionId: 'follo', year: 2024 });
    expect(store.events.value.map((event) => event.id)).toEqual(['event-1', 'event-2']);
    expect(store.regionName.value).toBe('Follo');
    expect(store.shown.value).toEqual({ regionId: 'follo', year: 2024 });
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
    const store = withQueryLayer(() => useCreateNetworkEvent());
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
    expect(store.actionError.value?.fieldErrors).toEqual({ participantCount: 'at most 10000' });
  });
});

/**
 * The gateway's side of the page as spies: `load` answers a region's events of a year (the region's name and the
 * events given), `loadRegions` the picker's regions, `create` what was recorded, or a refusal.
 */
function gatewayOf(events: NetworkEventItem[]) {
  return {
    load: vi.fn<(asked: { regionId: string; year: number }) => unknown>(({ regionId }) => ({
      region: {
        id: regionId,
        name: regions.find((region) => region.id === regionId)?.name ?? regionId,
        networkEvents: regionId === 'follo' ? events : [],
      },
    })),
    loadRegions: vi.fn(() => ({ regions })),
    create: vi.fn<(input: Record<string, unknown>) => unknown>((input) => ({ id: 'event-3', ...input })),
  };
}

const operationOf = (call: GraphQLCall) => /\b(?:query|mutation) (\w+)/.exec(call.body.query)?.[1];

async function mountPage(username: DemoUsername, path = '/network-events?year=2024', events = folloEvents) {
  const gateway = gatewayOf(events);
  stubGraphQL(async (call) => {
    const variables = call.body.variables as { regionId: string; year: number; input: Record<string, unknown> };
    const answered = (value: unknown) =>
      jsonResponse(typeof value === 'object' && value !== null && 'errors' in value ? value : { data: value });
    switch (operationOf(call)) {
      case 'NetworkEventRegions':
        return answered(gateway.loadRegions());
      case 'RegionNetworkEvents':
        return answered(gateway.load({ regionId: variables.regionId, year: variables.year }));
      case 'CreateNetworkEvent': {
        const created = await gateway.create(variables.input);
        return answered(
          typeof created === 'object' && created !== null && 'errors' in created
            ? created
            : { createNetworkEvent: created },
        );
      }
      default:
        throw new Error(`No answer for ${operationOf(call)} in this test`);
    }
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/network-events', name: 'network-events', component: NetworkEventsView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(NetworkEventsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, store: gateway };
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
  it("loads the caller's own region for the year in the address and lists its events with the participants", async () => {
    const { wrapper, store } = await mountPage('nordrefollo.officer');

    expect(store.load).toHaveBeenCalledWith({ regionId: 'follo', year: 2024 });
    expect(store.loadRegions).toHaveBeenCalledTimes(1);
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
    store.create.mockReturnValue({
      errors: [
        {
          message: 'input.title: at most 200 characters',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.title' },
        },
      ],
    });
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
    await flushPromises();
    expect(store.load).toHaveBeenLastCalledWith({ regionId: 'follo', year: 2025 });
    const notice = wrapper.get('[data-testid="network-event-notice"]');
    expect(notice.text()).toBe('«Næringslivsdag» er registrert.');
    expect(document.activeElement).toBe(notice.element);
  });

  it('asks for the year on screen again once an event of that year is recorded', async () => {
    const { wrapper, store } = await mountPage('follo.adviser');
    expect(store.load).toHaveBeenCalledTimes(1);
    await wrapper.get('[data-testid="network-event-open"]').trigger('click');
    await wrapper.get('[data-testid="network-event-title"]').setValue('Gründerkveld 2');
    await wrapper.get('[data-testid="network-event-date"]').setValue('2024-11-07');
    await wrapper.get('[data-testid="network-event-form"]').trigger('submit');
    await flushPromises();

    expect(store.load).toHaveBeenCalledTimes(2);
    expect(store.load).toHaveBeenLastCalledWith({ regionId: 'follo', year: 2024 });
  });

  it('says when the events could not be loaded, and shows them once a retry succeeds', async () => {
    const { wrapper, store } = await mountPage('follo.adviser');
    store.load.mockReturnValueOnce({ errors: [{ message: 'Failed.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    await wrapper.get('[data-testid="network-events-year"]').setValue('2023');
    await flushPromises();
    const alert = wrapper.get('[data-testid="network-events-error"]');
    expect(wrapper.findAll('[data-network-event-row]')).toHaveLength(0);

    await alert.get('button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="network-events-error"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-network-event-row]')).toHaveLength(2);
  });
});

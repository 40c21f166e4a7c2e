// The regions page with a testing store: rows, the approximate-figures note, and the empty, loading and error states.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { SupportedLocale } from '../src/i18n';
import { type LoadError, type RegionOverview, useRegionsStore } from '../src/stores/regions';
import RegionsView from '../src/views/RegionsView.vue';
import { createStrictI18n, follo, forbidNetwork, halden } from './fixtures';

interface StoreState {
  regions?: RegionOverview[];
  loading?: boolean;
  error?: LoadError | null;
}

function mountView(state: StoreState = {}, locale: SupportedLocale = 'nb') {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: { regions: { regions: [], loading: false, error: null, ...state } },
  });
  // The region names link to the region page, so the table needs a router that knows the route.
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/regions', name: 'regions', component: RegionsView },
      { path: '/regions/:id', name: 'region', component: RegionsView },
    ],
  });
  const wrapper = mount(RegionsView, {
    global: { plugins: [pinia, router, createStrictI18n(locale)] },
    attachTo: document.body,
  });
  return { wrapper, store: useRegionsStore(pinia) };
}

/** Text with Intl's non-breaking spaces made plain, so expectations read like the page. */
const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

enableAutoUnmount(afterEach);

describe('RegionsView', () => {
  beforeEach(() => {
    // The store's actions are stubbed; the page itself must never reach for the network.
    forbidNetwork();
  });

  it('asks the store to load the regions when it opens', () => {
    const { store } = mountView();
    expect(store.load).toHaveBeenCalledTimes(1);
  });

  it('shows one row per region with contract municipality, municipality count and total population', () => {
    const { wrapper } = mountView({ regions: [follo, halden] });

    const table = wrapper.get('[data-testid="regions-table"]');
    expect(table.get('caption').text()).toBe('Regioner i etablerertjenesten');
    expect(table.findAll('.regions > thead th').map((th) => th.attributes('scope'))).toEqual([
      'col',
      'col',
      'col',
      'col',
    ]);

    const folloRow = table.get('[data-region-id="follo"] tr.summary');
    expect(folloRow.get('th[scope="row"]').text()).toBe('Follo');
    expect(folloRow.get('th[scope="row"] a').attributes('href')).toBe('/regions/follo');
    expect(folloRow.findAll('td').map((td) => plain(td.text()))).toEqual(['Nordre Follo', '5', 'ca. 129 000']);

    const haldenRow = table.get('[data-region-id="halden"] tr.summary');
    expect(haldenRow.findAll('td').map((td) => plain(td.text()))).toEqual(['Halden', '2', '32 708']);
  });

  it('opens a region to list its municipalities with number, name and population', async () => {
    const { wrapper } = mountView({ regions: [follo] });

    const toggle = wrapper.get('[data-region-id="follo"] button[aria-expanded]');
    const details = wrapper.get('#region-follo-municipalities');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(toggle.attributes('aria-controls')).toBe('region-follo-municipalities');
    expect(details.attributes('hidden')).toBeDefined();

    await toggle.trigger('click');

    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(details.attributes('hidden')).toBeUndefined();
    expect(plain(details.get('caption').text())).toBe('Kommuner i Follo');
    const rows = details.findAll('tbody tr').map((tr) => tr.findAll('td, th').map((cell) => plain(cell.text())));
    expect(rows[0]).toEqual(['3020', 'Nordre Follo kontraktskommune', 'ca. 61 200']);
    expect(rows.map((row) => row[1])).toEqual(['Nordre Follo kontraktskommune', 'Ås', 'Frogn', 'Nesodden', 'Enebakk']);
  });

  it('says clearly that demo figures are approximate and not official SSB figures', () => {
    const { wrapper } = mountView({ regions: [follo, halden] });

    const note = wrapper.get('[data-testid="approximate-figures-note"]');
    expect(note.attributes('role')).toBe('note');
    expect(note.text()).toContain('Omtrentlige demotall');
    expect(note.text()).toContain('ikke offisielle tall fra Statistisk sentralbyrå (SSB)');
    expect(wrapper.get('[data-testid="regions-table"]').attributes('aria-describedby')).toBe(note.attributes('id'));
  });

  it('shows no approximate-figures note when every figure is from SSB', () => {
    const { wrapper } = mountView({ regions: [halden] });

    expect(wrapper.find('[data-testid="approximate-figures-note"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Statistisk sentralbyrå (SSB), tabell 01222');
  });

  it('marks a missing figure instead of counting it as zero', () => {
    const withGap: RegionOverview = {
      ...halden,
      municipalities: [
        halden.municipalities[0] as RegionOverview['municipalities'][number],
        { number: '3012', name: 'Aremark', population: null, populationSource: null },
      ],
    };
    const { wrapper } = mountView({ regions: [withGap] });

    expect(wrapper.get('[data-region-id="halden"] tr.summary td:last-child').text()).toBe('mangler');
  });

  it('shows the empty state when the gateway has no regions', () => {
    const { wrapper } = mountView({ regions: [] });

    expect(wrapper.get('[data-testid="regions-empty"]').text()).toBe('Ingen regioner er registrert ennå.');
    expect(wrapper.find('[data-testid="regions-table"]').exists()).toBe(false);
  });

  it('shows the loading state while the first load runs', () => {
    const { wrapper } = mountView({ loading: true });

    expect(wrapper.get('[data-testid="regions-loading"]').attributes('role')).toBe('status');
    expect(wrapper.find('[data-testid="regions-empty"]').exists()).toBe(false);
  });

  it('shows the error with its code and retries on request', async () => {
    const { wrapper, store } = mountView({
      error: { message: 'Internal server error.', codes: ['INTERNAL_SERVER_ERROR'] },
    });

    const alert = wrapper.get('[data-testid="regions-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('Kunne ikke hente regionene');
    expect(alert.text()).toContain('Feilkode: INTERNAL_SERVER_ERROR');
    expect(wrapper.find('[data-testid="regions-empty"]').exists()).toBe(false);

    vi.mocked(store.load).mockClear();
    await alert.get('button').trigger('click');
    expect(store.load).toHaveBeenCalledTimes(1);
  });

  it('tells a user who is not signed in so, rather than to try again later', () => {
    const { wrapper } = mountView({ error: { message: 'Sign in first.', codes: ['UNAUTHENTICATED'] } });

    expect(wrapper.get('[data-testid="regions-error"]').text()).toContain('Du må være logget inn for å se regionene.');
  });

  it('speaks English when asked, with English number formatting', () => {
    const { wrapper } = mountView({ regions: [follo] }, 'en');

    expect(wrapper.get('h1').text()).toBe('Regions');
    expect(wrapper.get('caption').text()).toBe('Regions of the entrepreneur service');
    expect(wrapper.get('[data-region-id="follo"] tr.summary td:last-child').text()).toBe('approx. 129,000');
    expect(wrapper.get('[data-testid="approximate-figures-note"]').text()).toContain('not official figures');
  });
});

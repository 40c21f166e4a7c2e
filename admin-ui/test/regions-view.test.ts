// The regions page against a stubbed gateway: rows, sorting and the filter, municipalities on demand, the
// approximate-figures note, and the empty, loading and error states with their retry. (The figures of a county
// service that did not answer: service-status.test.ts.)
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { SupportedLocale } from '../src/i18n';
import type { RegionOverview } from '../src/queries/regions';
import RegionsView from '../src/views/RegionsView.vue';
import { createStrictI18n, follo, halden, jsonResponse, queryLayer, stubGraphQL, testingPinia } from './fixtures';

/** What the stubbed gateway answers: the regions, an error, or nothing yet. */
type Answer =
  | { regions: RegionOverview[]; errors?: unknown[] }
  | { error: { message: string; code: string } }
  | 'pending';

async function mountView(answer: Answer | (() => Answer), locale: SupportedLocale = 'nb') {
  const { calls } = stubGraphQL(() => {
    const current = typeof answer === 'function' ? answer() : answer;
    if (current === 'pending') return new Promise<Response>(() => {});
    if ('error' in current) {
      return jsonResponse({ errors: [{ message: current.error.message, extensions: { code: current.error.code } }] });
    }
    return jsonResponse({ data: { regions: current.regions }, ...(current.errors ? { errors: current.errors } : {}) });
  });
  const pinia = testingPinia();
  // The region names link to the region page, so the table needs a router that knows the route.
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/regions', name: 'regions', component: RegionsView },
      { path: '/regions/:id', name: 'region', component: RegionsView },
    ],
  });
  await router.push('/regions');
  await router.isReady();
  const wrapper = mount(RegionsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n(locale)] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, calls };
}

/** Text with Intl's non-breaking spaces made plain, so expectations read like the page. */
const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

type Wrapper = Awaited<ReturnType<typeof mountView>>['wrapper'];
const row = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="regions-table"] tr[data-region-id="${id}"]`);
const cells = (wrapper: Wrapper, id: string) =>
  row(wrapper, id)
    .findAll('td')
    .map((td) => plain(td.text()));

enableAutoUnmount(afterEach);

describe('RegionsView', () => {
  it('asks the gateway for the regions once when it opens', async () => {
    const { calls } = await mountView({ regions: [follo] });
    expect(calls.map((call) => call.body.operationName ?? call.body.query.match(/query (\w+)/)?.[1])).toEqual([
      'RegionsOverview',
    ]);
  });

  it('shows one row per region with contract municipality, municipality count and total population', async () => {
    const { wrapper } = await mountView({ regions: [halden, follo] });

    const table = wrapper.get('[data-testid="regions-table"] table');
    expect(table.get('caption').text()).toBe('Regioner i etablerertjenesten');
    expect(table.findAll('thead th').map((th) => th.attributes('scope'))).toEqual(['col', 'col', 'col', 'col']);
    // Sorted by name, whatever order the gateway answered in.
    expect(table.findAll('tbody tr[data-region-id]').map((tr) => tr.attributes('data-region-id'))).toEqual([
      'follo',
      'halden',
    ]);

    expect(row(wrapper, 'follo').get('th[scope="row"]').text()).toContain('Follo');
    expect(row(wrapper, 'follo').get('th[scope="row"] a').attributes('href')).toBe('/regions/follo');
    expect(cells(wrapper, 'follo')).toEqual(['Nordre Follo', '5', 'ca. 129 000']);
    expect(cells(wrapper, 'halden')).toEqual(['Halden', '2', '32 708']);
  });

  it('sorts by population and finds a region by one of its municipalities', async () => {
    const { wrapper } = await mountView({ regions: [follo, halden] });

    const population = wrapper.get('th[data-column="population"] button');
    await population.trigger('click');
    await population.trigger('click');
    expect(wrapper.findAll('tbody tr[data-region-id]').map((tr) => tr.attributes('data-region-id'))).toEqual([
      'follo',
      'halden',
    ]);
    expect(wrapper.get('th[data-column="population"]').attributes('aria-sort')).toBe('descending');

    await wrapper.get('[data-testid="regions-table-filter"]').setValue('aremark');
    expect(wrapper.findAll('tbody tr[data-region-id]').map((tr) => tr.attributes('data-region-id'))).toEqual([
      'halden',
    ]);
  });

  it('opens a region to list its municipalities with name, number and population', async () => {
    const { wrapper } = await mountView({ regions: [follo] });

    const toggle = row(wrapper, 'follo').get('[data-testid="row-details-toggle"]');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(toggle.attributes('aria-label')).toBe('Vis detaljer for Follo');
    expect(wrapper.find('[data-municipalities-of="follo"]').exists()).toBe(false);

    await toggle.trigger('click');

    expect(toggle.attributes('aria-expanded')).toBe('true');
    const details = wrapper.get('[data-municipalities-of="follo"]');
    expect(details.element.closest('tr')?.id).toBe(toggle.attributes('aria-controls'));
    expect(plain(details.get('caption').text())).toBe('Kommuner i Follo');
    const rows = details.findAll('tbody tr').map((tr) => tr.findAll('td, th').map((cell) => plain(cell.text())));
    expect(rows[0]).toEqual(['Nordre Follo kontraktskommune', '3020', 'ca. 61 200']);
    expect(rows.map((municipality) => municipality[0])).toEqual([
      'Nordre Follo kontraktskommune',
      'Ås',
      'Frogn',
      'Nesodden',
      'Enebakk',
    ]);
  });

  it('says clearly that demo figures are approximate and not official SSB figures', async () => {
    const { wrapper } = await mountView({ regions: [follo, halden] });

    const note = wrapper.get('[data-testid="approximate-figures-note"]');
    expect(note.attributes('role')).toBe('note');
    expect(note.text()).toContain('Omtrentlige demotall');
    expect(note.text()).toContain('ikke offisielle tall fra Statistisk sentralbyrå (SSB)');
    expect(wrapper.get('[data-testid="regions-table"] table').attributes('aria-describedby')).toBe(
      note.attributes('id'),
    );
  });

  it('shows no approximate-figures note when every figure is from SSB', async () => {
    const { wrapper } = await mountView({ regions: [halden] });

    expect(wrapper.find('[data-testid="approximate-figures-note"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Statistisk sentralbyrå (SSB), tabell 01222');
  });

  it('marks a missing figure instead of counting it as zero', async () => {
    const withGap: RegionOverview = {
      ...halden,
      municipalities: [
        halden.municipalities[0] as RegionOverview['municipalities'][number],
        { number: '3012', name: 'Aremark', population: null, populationSource: null },
      ],
    };
    const { wrapper } = await mountView({ regions: [withGap] });

    expect(cells(wrapper, 'halden')[2]).toBe('mangler');
  });

  it('shows the empty state when the gateway has no regions', async () => {
    const { wrapper } = await mountView({ regions: [] });

    expect(wrapper.get('[data-testid="regions-empty"]').text()).toBe('Ingen regioner er registrert ennå.');
    expect(wrapper.find('[data-testid="regions-table"]').exists()).toBe(false);
  });

  it('shows the loading state while the first load runs', async () => {
    const { wrapper } = await mountView('pending');

    expect(wrapper.get('[data-testid="regions-loading"]').attributes('role')).toBe('status');
    expect(wrapper.find('[data-testid="regions-empty"]').exists()).toBe(false);
  });

  it('shows the error in words, without its code, and shows the regions once a retry succeeds', async () => {
    let answer: Answer = { error: { message: 'Internal server error.', code: 'INTERNAL_SERVER_ERROR' } };
    const { wrapper, calls } = await mountView(() => answer);

    const alert = wrapper.get('[data-testid="regions-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('Kunne ikke hente regionene');
    // What went wrong in words, never the code or the server's English message.
    expect(alert.text()).toContain('Noe gikk galt hos oss. Prøv igjen om litt.');
    expect(alert.text()).not.toMatch(/INTERNAL_SERVER_ERROR|Internal server error/);
    expect(wrapper.find('[data-testid="regions-empty"]').exists()).toBe(false);

    answer = { regions: [halden] };
    await alert.get('button').trigger('click');
    await flushPromises();

    expect(calls).toHaveLength(2);
    expect(wrapper.find('[data-testid="regions-error"]').exists()).toBe(false);
    expect(cells(wrapper, 'halden')[0]).toBe('Halden');
  });

  it('tells a user who is not signed in so, rather than to try again later', async () => {
    const { wrapper } = await mountView({ error: { message: 'Sign in first.', code: 'UNAUTHENTICATED' } });

    expect(wrapper.get('[data-testid="regions-error"]').text()).toContain('Du må være logget inn for å se regionene.');
  });

  it('speaks English when asked, with English number formatting', async () => {
    const { wrapper } = await mountView({ regions: [follo] }, 'en');

    expect(wrapper.get('h1').text()).toBe('Regions');
    expect(wrapper.get('caption').text()).toBe('Regions of the entrepreneur service');
    expect(cells(wrapper, 'follo')[2]).toBe('approx. 129,000');
    expect(wrapper.get('[data-testid="approximate-figures-note"]').text()).toContain('not official figures');
  });
});

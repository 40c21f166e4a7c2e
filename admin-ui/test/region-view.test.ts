// The region page with a testing store: its sections from a fixture, the not-found state, suppressed figures and the CSV.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { type LoadError, type RegionPage, useRegionStore } from '../src/stores/region';
import { useRegionKeyFiguresStore } from '../src/stores/regionKeyFigures';
import RegionView from '../src/views/RegionView.vue';
import { createStrictI18n, forbidNetwork } from './fixtures';
import { folloKeyFigures, folloPage } from './region-fixtures';

// happy-dom has no canvas to draw on; the stub keeps the canvas's role and accessible name.
vi.mock('vue-chartjs', () => ({
  Bar: defineComponent({
    props: { data: Object, options: Object, ariaLabel: String, ariaDescribedby: String },
    setup: (props) => () =>
      h('canvas', { role: 'img', 'aria-label': props.ariaLabel, 'aria-describedby': props.ariaDescribedby }),
  }),
}));

interface StoreState {
  region?: RegionPage | null;
  regionId?: string | null;
  year?: number | null;
  notFound?: boolean;
  populationUnavailable?: boolean;
  loading?: boolean;
  error?: LoadError | null;
}

async function mountView(state: StoreState = {}, path = '/regions/follo?year=2024') {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: {
      region: {
        region: folloPage,
        regionId: 'follo',
        year: 2024,
        notFound: false,
        populationUnavailable: false,
        loading: false,
        error: null,
        ...state,
      },
      years: { years: [2022, 2023, 2024, 2025, 2026] },
      regionKeyFigures: { figures: folloKeyFigures, regionId: 'follo' },
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/regions', name: 'regions', component: { render: () => null } },
      { path: '/regions/:id', name: 'region', component: RegionView },
    ],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(RegionView, {
    global: { plugins: [pinia, router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  return { wrapper, router, store: useRegionStore(pinia), keyFiguresStore: useRegionKeyFiguresStore(pinia) };
}

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

enableAutoUnmount(afterEach);

describe('RegionView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('loads the region of the address for the year in the address, this year when none is given', async () => {
    const { store } = await mountView({}, '/regions/follo?year=2023');
    expect(store.load).toHaveBeenCalledWith('follo', 2023);

    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-03-01T12:00:00Z') });
    try {
      const other = await mountView({}, '/regions/follo');
      expect(other.store.load).toHaveBeenCalledWith('follo', 2025);
      // A year the graph does not offer falls back the same way.
      const outside = await mountView({}, '/regions/follo?year=2031');
      expect(outside.store.load).toHaveBeenCalledWith('follo', 2025);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers the years the graph gives, and loads key figures for those up to this year', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-03-01T12:00:00Z') });
    try {
      const { wrapper, keyFiguresStore } = await mountView();
      const options = wrapper.get('[data-testid="region-year"]').findAll('option');
      expect(options.map((option) => option.text())).toEqual(['2022', '2023', '2024', '2025', '2026']);
      expect(keyFiguresStore.load).toHaveBeenCalledWith('follo', [2022, 2023, 2024, 2025]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('names the source of every population figure', async () => {
    const imported = {
      date: '2021-07-01',
      source: 'SSB' as const,
      sourceTable: '01222',
      sourceUpdatedAt: '2021-08-19T06:00:00.000Z',
      importedBy: 'Kari Nordmann (Viken fylkeskommune)',
      recordedAt: '2026-12-07T09:15:00.000Z',
    };
    const { wrapper } = await mountView({
      region: {
        ...folloPage,
        municipalities: folloPage.municipalities.map((municipality) =>
          municipality.number === '3020'
            ? { ...municipality, population: 60844, populationSource: 'SSB', populationFigure: imported }
            : municipality,
        ),
      },
    });
    const sources = wrapper
      .get('[data-testid="region-population-sources"]')
      .findAll('li')
      .map((item) => plain(item.text()));
    expect(sources).toEqual([
      'Nordre Follo: SSB tabell 01222, oppdatert 19. august 2021; importert 7. desember 2026 av Kari Nordmann (Viken fylkeskommune)',
      'Ås: Omtrentlig demotall, ikke offisiell statistikk',
    ]);
  });

  it('shows the municipalities with approximate population and their share of the funding', async () => {
    const { wrapper } = await mountView();

    expect(wrapper.get('[data-testid="region-title"]').text()).toBe('Follo');
    const table = wrapper.get('[data-testid="region-municipalities-table"]');
    const rows = table.findAll('tbody tr').map((row) => row.findAll('td, th').map((cell) => plain(cell.text())));
    expect(rows[0]).toEqual(['3020', 'Nordre Follo kontraktskommune', 'ca. 60 000', '300 000,00 kr (75 %)']);
    expect(rows[1]).toEqual(['3021', 'Ås', 'ca. 20 000', '100 000,00 kr (25 %)']);
    expect(wrapper.text()).toContain('Omtrentlige demotall');
  });

  it('falls back to the population share when no agreement covers the year', async () => {
    const { wrapper } = await mountView({ region: { ...folloPage, funding: null } });

    const cells = wrapper.findAll('[data-testid="region-municipalities-table"] [data-figure="share"]');
    expect(cells.map((cell) => plain(cell.text()))).toEqual(['75 %', '25 %']);
    expect(wrapper.text()).toContain('Ingen avtale dekker 2024');
  });

  it('shows the agreement with the county party before and after 1 January 2024', async () => {
    const { wrapper } = await mountView();

    const agreement = wrapper.get('[data-testid="region-agreement"]');
    expect(agreement.get('[data-testid="region-agreement-status"]').text()).toBe('Aktiv');
    const succession = agreement.findAll('[data-testid="region-county-parties"] li').map((li) => plain(li.text()));
    expect(succession).toEqual([
      'Viken fylkeskommune: 1. januar 2022 – 31. desember 2023',
      'Akershus fylkeskommune: 1. januar 2024 – avtalens slutt',
    ]);
    const akershus = agreement
      .findAll('[data-testid="region-parties-table"] tbody tr')
      .find((row) => row.text().includes('Akershus'));
    expect(akershus?.text()).toContain('Viken fylkeskommune');
    expect(agreement.get('[data-testid="region-amendments-table"]').text()).toContain('overtar som part');
    expect(agreement.text()).toContain('Avtalen er ikke forlenget.');
    expect(agreement.text()).toContain('Ingen part har sagt opp avtalen.');
  });

  it('shows the operator, advisers and offices, and the payments and late submissions in words', async () => {
    const { wrapper } = await mountView();

    const people = wrapper.get('[data-testid="region-people"]');
    expect(people.text()).toContain('Follo etablerersenter');
    expect(people.get('[data-testid="region-advisers"] a').attributes('href')).toBe('mailto:kari@example.no');
    expect(people.get('[data-testid="region-offices"]').text()).toContain('samlokalisert med NAV Nordre Follo');

    const payments = wrapper.findAll('[data-testid="region-payments-table"] tbody tr').map((row) => plain(row.text()));
    expect(payments[0]).toContain('Utbetalt');
    const late = wrapper.get('[data-testid="region-submissions-table"] tr[data-late="true"]');
    expect(late.attributes('data-kind')).toBe('ACCOUNTS');
    expect(late.text()).toContain('For sent');
  });

  it('marks an instalment not paid by its due date as overdue', async () => {
    const region = {
      ...folloPage,
      payments: (folloPage.payments ?? []).map((payment) =>
        payment.instalment === 'AUGUST' ? { ...payment, status: 'OVERDUE' as const } : payment,
      ),
    };
    const { wrapper } = await mountView({ region });
    const august = wrapper.get('[data-testid="region-payments-table"] tr[data-instalment="AUGUST"] td[data-status]');
    expect(august.attributes('data-status')).toBe('OVERDUE');
    expect(august.classes()).toContain('overdue');
    expect(plain(august.text())).toBe('Forfalt');
  });

  it('shows key figures per year with suppressed ones as a dash and the reason', async () => {
    const { wrapper } = await mountView();

    const table = wrapper.get('[data-testid="region-key-figures-table"]');
    expect(table.findAll('tbody tr').map((row) => row.attributes('data-year'))).toEqual([
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    const suppressed = table.get('tr[data-year="2023"] [data-figure="immigrantBackground"] [data-suppressed="true"]');
    expect(suppressed.text()).toContain('–');
    expect(suppressed.text()).toContain('skjult, færre enn 5 personer');
    const note = wrapper.get('[data-testid="region-suppressed-note"]');
    expect(note.text()).toContain('2023: skjult, færre enn 5 personer');
    expect(note.text()).not.toContain('Fewer');
    expect(table.attributes('aria-describedby')).toBe(note.attributes('id'));

    const chart = wrapper.get('[data-chart="region-chart-new-clients"]');
    expect(chart.get('canvas').attributes('aria-label')).toBe('Nye klienter per år i Follo');
    expect(
      chart.findAll('table tbody tr').map((row) => row.findAll('th, td').map((cell) => plain(cell.text()))),
    ).toEqual([
      ['2022', '100'],
      ['2023', '110'],
      ['2024', '120'],
      ['2025', '130'],
    ]);
  });

  it('downloads the key figures as CSV with "–" for suppressed figures', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:region';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const { wrapper } = await mountView();

    await wrapper.get('[data-testid="region-download-csv"]').trigger('click');

    expect(downloads).toEqual(['region-follo-nokkeltall.csv']);
    const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
    const lines = new TextDecoder('utf-8').decode(bytes).split('\r\n');
    expect(lines).toEqual([
      'År;Nye klienter;Med innvandrerbakgrunn;Andel med innvandrerbakgrunn (%);Veiledningstimer;Kurs holdt;Kursdeltakere;Foretak startet;Hvorfor tall er skjult',
      '2022;100;30;"30,0";"250,5";10;80;25;',
      '2023;110;–;–;"250,5";10;80;25;"skjult, færre enn 5 personer"',
      '2024;120;30;"30,0";"250,5";10;80;25;',
      '2025;130;30;"30,0";"250,5";10;80;25;',
    ]);
  });

  it('says clearly when there is no such region, with a link back', async () => {
    const { wrapper } = await mountView({ region: null, regionId: 'atlantis', notFound: true }, '/regions/atlantis');

    expect(wrapper.get('[data-testid="region-title"]').text()).toBe('Fant ikke regionen');
    const notFound = wrapper.get('[data-testid="region-not-found"]');
    expect(notFound.text()).toContain('Det finnes ingen region med id «atlantis»');
    expect(notFound.get('a').attributes('href')).toBe('/regions');
    expect(wrapper.find('[data-testid="region-municipalities-table"]').exists()).toBe(false);
  });

  it('shows the loading state and never another region while the asked one loads', async () => {
    const { wrapper } = await mountView({ loading: true }, '/regions/halden');

    expect(wrapper.get('[data-testid="region-loading"]').attributes('role')).toBe('status');
    expect(wrapper.find('[data-testid="region-municipalities-table"]').exists()).toBe(false);
  });

  it('shows the error with its code and retries on request', async () => {
    const { wrapper, store } = await mountView({
      region: null,
      regionId: null,
      error: { message: 'Internal server error.', codes: ['INTERNAL_SERVER_ERROR'] },
    });

    const alert = wrapper.get('[data-testid="region-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('Feilkode: INTERNAL_SERVER_ERROR');
    vi.mocked(store.load).mockClear();
    await alert.get('button').trigger('click');
    expect(store.load).toHaveBeenCalledWith('follo', 2024);
  });

  it('puts the chosen year in the address', async () => {
    const { wrapper, router } = await mountView();

    await wrapper.get('[data-testid="region-year"]').setValue('2025');
    await vi.waitFor(() => expect(router.currentRoute.value.query.year).toBe('2025'), { timeout: 30_000 });
  });

  it('marks population and shares as unavailable, not missing, when the county service did not answer', async () => {
    // Funding and population both come from the county service.
    const withoutCounty: RegionPage = {
      ...folloPage,
      funding: null,
      municipalities: folloPage.municipalities.map((municipality) => ({
        ...municipality,
        population: null,
        populationSource: null,
      })),
    };
    const { wrapper } = await mountView({ region: withoutCounty, populationUnavailable: true });
    const rows = wrapper.findAll('tr[data-municipality]');
    expect(rows.length).toBe(folloPage.municipalities.length);
    for (const row of rows) {
      expect(row.get('[data-unavailable="population"]').text()).toContain('ikke tilgjengelig akkurat nå');
      expect(row.find('[data-figure="share"] [data-unavailable="share"]').exists()).toBe(true);
      expect(row.text()).not.toContain('mangler');
    }
  });
});

// The region page against a stubbed gateway: its sections, the year and region in the address, the not-found state,
// suppressed figures, the CSV, and the loading and error states with their retry; the newest region and year win.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { RegionKeyFigures, RegionPage } from '../src/queries/region';
import RegionView from '../src/views/RegionView.vue';
import { createStrictI18n, type GraphQLCall, jsonResponse, queryLayer, stubGraphQL, testingPinia } from './fixtures';
import { folloKeyFigures, folloPage } from './region-fixtures';

// happy-dom has no canvas to draw on; the stub keeps the canvas's role and accessible name.
vi.mock('vue-chartjs', () => ({
  Bar: defineComponent({
    props: { data: Object, options: Object, ariaLabel: String, ariaDescribedby: String },
    setup: (props) => () =>
      h('canvas', { role: 'img', 'aria-label': props.ariaLabel, 'aria-describedby': props.ariaDescribedby }),
  }),
}));

const operationOf = (call: GraphQLCall) => /\b(?:query|mutation) (\w+)/.exec(call.body.query)?.[1];

/** What the stubbed gateway answers for the region page (by region and year), or a held answer, or an error. */
type PageAnswer = { region: RegionPage | null; errors?: unknown[] } | { error: string } | 'pending';
interface Gateway {
  page?: (variables: { id: string; year: number }) => PageAnswer | Promise<PageAnswer>;
  keyFigures?: (year: number) => RegionKeyFigures | { error: string } | undefined;
}

function answer(result: PageAnswer | { region: { id: string; statistics: RegionKeyFigures } | null }) {
  if (result === 'pending') return new Promise<Response>(() => {});
  if ('error' in result) return jsonResponse({ errors: [{ message: 'Failed.', extensions: { code: result.error } }] });
  const { errors, ...data } = result as { errors?: unknown[] };
  return jsonResponse({ data, ...(errors ? { errors } : {}) });
}

async function mountView(
  gateway: Gateway = {},
  path = '/regions/follo?year=2024',
  years: number[] = [2022, 2023, 2024, 2025, 2026],
) {
  const { page = () => ({ region: folloPage }), keyFigures = (year) => folloKeyFigures.find((f) => f.year === year) } =
    gateway;
  const { calls } = stubGraphQL(async (call) => {
    const variables = call.body.variables as { id: string; year: number };
    if (operationOf(call) === 'RegionPage') return answer(await page(variables));
    if (operationOf(call) === 'RegionKeyFigures') {
      const statistics = keyFigures(variables.year);
      if (statistics && 'error' in statistics) return answer(statistics);
      return answer({ region: statistics ? { id: variables.id, statistics } : null });
    }
    throw new Error(`No answer for ${operationOf(call)} in this test`);
  });
  const pinia = testingPinia({ initialState: { years: { years } } });
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
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  const asked = (operation: string) =>
    calls.filter((call) => operationOf(call) === operation).map((call) => call.body.variables);
  return { wrapper, router, asked };
}

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

enableAutoUnmount(afterEach);

describe('RegionView', () => {
  it('loads the region of the address for the year in the address, this year when none is given', async () => {
    const { asked } = await mountView({}, '/regions/follo?year=2023');
    expect(asked('RegionPage')).toEqual([{ id: 'follo', year: 2023 }]);

    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-03-01T12:00:00Z') });
    try {
      const other = await mountView({}, '/regions/follo');
      expect(other.asked('RegionPage')).toEqual([{ id: 'follo', year: 2025 }]);
      // A year the graph does not offer falls back the same way.
      const outside = await mountView({}, '/regions/follo?year=2031');
      expect(outside.asked('RegionPage')).toEqual([{ id: 'follo', year: 2025 }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers the years the graph gives, and loads key figures for those up to this year', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-03-01T12:00:00Z') });
    try {
      const { wrapper, asked } = await mountView();
      const options = wrapper.get('[data-testid="region-year"]').findAll('option');
      expect(options.map((option) => option.text())).toEqual(['2022', '2023', '2024', '2025', '2026']);
      expect(asked('RegionKeyFigures')).toEqual([2022, 2023, 2024, 2025].map((year) => ({ id: 'follo', year })));
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
    const region: RegionPage = {
      ...folloPage,
      municipalities: folloPage.municipalities.map((municipality) =>
        municipality.number === '3020'
          ? { ...municipality, population: 60844, populationSource: 'SSB', populationFigure: imported }
          : municipality,
      ),
    };
    const { wrapper } = await mountView({ page: () => ({ region }) });
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
    expect(rows[0]).toEqual(['Nordre Follo kontraktskommune', '3020', 'ca. 60 000', '300 000,00 kr (75 %)']);
    expect(rows[1]).toEqual(['Ås', '3021', 'ca. 20 000', '100 000,00 kr (25 %)']);
    expect(wrapper.text()).toContain('Omtrentlige demotall');
    expect(table.get('table').attributes('aria-describedby')).toBe('region-approximate-note');
  });

  it('falls back to the population share when no agreement covers the year', async () => {
    const { wrapper } = await mountView({ page: () => ({ region: { ...folloPage, funding: null } }) });

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
    const { wrapper } = await mountView({ page: () => ({ region }) });
    const august = wrapper.get('[data-testid="region-payments-table"] tr[data-instalment="AUGUST"] [data-status]');
    expect(august.attributes('data-status')).toBe('OVERDUE');
    expect(august.classes()).toContain('overdue');
    expect(plain(august.text())).toBe('Forfalt');
  });

  it('shows key figures per year with suppressed ones as a dash and the reason in bokmål', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-03-01T12:00:00Z') });
    try {
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
      // Never the server's English reason, nor its "(anonymised)".
      expect(wrapper.text()).not.toContain('Fewer');
      expect(wrapper.text()).not.toContain('anonymised');
      expect(table.get('table').attributes('aria-describedby')).toBe(note.attributes('id'));

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
    } finally {
      vi.useRealTimers();
    }
  });

  it('downloads the key figures as CSV with "–" for suppressed figures', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-03-01T12:00:00Z') });
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
    try {
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
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when the key figures could not be loaded, and shows them once a retry succeeds', async () => {
    let fail = true;
    const { wrapper } = await mountView({
      keyFigures: (year) =>
        fail ? { error: 'INTERNAL_SERVER_ERROR' } : folloKeyFigures.find((figures) => figures.year === year),
    });
    // The rest of the page is there; only the key figures say they are missing.
    expect(wrapper.get('[data-testid="region-title"]').text()).toBe('Follo');
    const alert = wrapper.get('[data-testid="region-key-figures-error"]');
    expect(alert.text()).toContain('Kunne ikke hente nøkkeltallene');
    expect(wrapper.find('[data-testid="region-key-figures-table"]').exists()).toBe(false);

    fail = false;
    await alert.get('button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="region-key-figures-error"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="region-key-figures-table"] tr[data-year="2022"]').exists()).toBe(true);
  });

  it('says clearly when there is no such region, with a link back', async () => {
    const { wrapper } = await mountView({ page: () => ({ region: null }) }, '/regions/atlantis');

    expect(wrapper.get('[data-testid="region-title"]').text()).toBe('Fant ikke regionen');
    const notFound = wrapper.get('[data-testid="region-not-found"]');
    expect(notFound.text()).toContain('Det finnes ingen region med id «atlantis»');
    expect(notFound.get('a').attributes('href')).toBe('/regions');
    expect(wrapper.find('[data-testid="region-municipalities-table"]').exists()).toBe(false);
  });

  it('shows the loading state and never another region while the asked one loads', async () => {
    const { wrapper, router } = await mountView({
      page: ({ id }) => (id === 'follo' ? { region: folloPage } : 'pending'),
    });
    expect(wrapper.get('[data-testid="region-title"]').text()).toBe('Follo');

    await router.push('/regions/halden?year=2024');
    await flushPromises();

    expect(wrapper.get('[data-testid="region-loading"]').attributes('role')).toBe('status');
    expect(wrapper.get('[data-testid="region-title"]').text()).toBe('Region');
    expect(wrapper.find('[data-testid="region-municipalities-table"]').exists()).toBe(false);
  });

  it('keeps the year on screen while the next loads, and shows the newest year asked even when an older answers last', async () => {
    const held: Record<number, (answer: PageAnswer) => void> = {};
    const { wrapper, router } = await mountView({
      page: ({ year }) =>
        year === 2024
          ? { region: folloPage }
          : new Promise<PageAnswer>((resolve) => {
              held[year] = resolve;
            }),
    });
    await router.push('/regions/follo?year=2023');
    await flushPromises();
    // The 2024 page stays, named as 2024, while 2023 loads.
    expect(wrapper.get('#region-payments-title').text()).toContain('2024');

    await router.push('/regions/follo?year=2025');
    await flushPromises();
    held[2025]?.({ region: { ...folloPage, payments: [] } });
    await flushPromises();
    held[2023]?.({ region: { ...folloPage, name: 'Follo 2023' } });
    await flushPromises();

    expect(wrapper.get('#region-payments-title').text()).toContain('2025');
    expect(wrapper.get('[data-testid="region-title"]').text()).toBe('Follo');
  });

  it('shows the error in words, without its code, and shows the region once a retry succeeds', async () => {
    let fail = true;
    const { wrapper, asked } = await mountView({
      page: () => (fail ? { error: 'INTERNAL_SERVER_ERROR' } : { region: folloPage }),
    });

    const alert = wrapper.get('[data-testid="region-error"]');
    expect(alert.attributes('role')).toBe('alert');
    // What went wrong in words, never the code or the server's English message.
    expect(alert.text()).toContain('Noe gikk galt hos oss. Prøv igjen om litt.');
    expect(alert.text()).not.toMatch(/INTERNAL_SERVER_ERROR|Internal server error/);
    fail = false;
    await alert.get('button').trigger('click');
    await flushPromises();

    expect(asked('RegionPage')).toEqual([
      { id: 'follo', year: 2024 },
      { id: 'follo', year: 2024 },
    ]);
    expect(wrapper.find('[data-testid="region-error"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="region-title"]').text()).toBe('Follo');
  });

  it('puts the chosen year in the address and loads it', async () => {
    const { wrapper, router, asked } = await mountView();

    await wrapper.get('[data-testid="region-year"]').setValue('2025');
    await vi.waitFor(() => expect(router.currentRoute.value.query.year).toBe('2025'), { timeout: 30_000 });
    await flushPromises();
    expect(asked('RegionPage')).toEqual([
      { id: 'follo', year: 2024 },
      { id: 'follo', year: 2025 },
    ]);
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
    const { wrapper } = await mountView({
      page: () => ({
        region: withoutCounty,
        errors: [
          {
            message: 'The county service is unavailable; its fields in this answer are null.',
            extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'county' },
          },
        ],
      }),
    });
    const rows = wrapper.findAll('tr[data-municipality]');
    expect(rows.length).toBe(folloPage.municipalities.length);
    for (const row of rows) {
      expect(row.get('[data-unavailable="population"]').text()).toContain('ikke tilgjengelig akkurat nå');
      expect(row.find('[data-figure="share"] [data-unavailable="share"]').exists()).toBe(true);
      expect(row.text()).not.toContain('mangler');
    }
  });
});

// Importing SSB population figures in the console: the store previews and then imports the same file
// through the graph, refuses a too-large file before sending it, and the page shows what the file
// gives per date, which rows are skipped and why, and every municipality's figure with its source.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importsPopulation } from '../src/composables/populationAccess';
import {
  largestPopulationFile,
  type MunicipalityFigure,
  type PopulationImport,
  usePopulationImportStore,
} from '../src/stores/populationImport';
import PopulationView from '../src/views/PopulationView.vue';
import { createStrictI18n, forbidNetwork, jsonResponse, stubGraphQL } from './fixtures';

const previewOf2021: PopulationImport = {
  applied: false,
  table: '01222',
  sourceUpdatedAt: '2021-08-19T06:00:00.000Z',
  figureCount: 2,
  dates: [{ date: '2021-07-01', figureCount: 2 }],
  figures: [
    {
      municipalityNumber: '3001',
      regionCode: 'K-3101',
      date: '2021-07-01',
      population: 31444,
      previousPopulation: 31400,
      previousSource: 'DEMO_APPROXIMATION',
    },
    {
      municipalityNumber: '3020',
      regionCode: 'K-3207',
      date: '2021-07-01',
      population: 60844,
      previousPopulation: null,
      previousSource: null,
    },
  ],
  skipped: [
    {
      regionCode: 'F-31',
      label: 'Østfold',
      period: null,
      reason: 'NOT_A_MUNICIPALITY',
      message: 'a county or the country, not a municipality',
    },
    {
      regionCode: '3101',
      label: 'Halden',
      period: '2021K2',
      reason: 'NO_FIGURE',
      message: 'no figure (SSB marks it "..")',
    },
  ],
};

const halden: MunicipalityFigure = {
  number: '3001',
  name: 'Halden',
  region: { id: 'halden', name: 'Halden' },
  populationFigure: {
    date: '2021-07-01',
    population: 31444,
    source: 'SSB',
    sourceTable: '01222',
    sourceUpdatedAt: '2021-08-19T06:00:00.000Z',
    importedBy: 'Kari Nordmann (Viken fylkeskommune)',
    recordedAt: '2026-12-07T09:15:00.000Z',
  },
};
const aremark: MunicipalityFigure = {
  number: '3012',
  name: 'Aremark',
  region: { id: 'halden', name: 'Halden' },
  populationFigure: {
    date: '2021-07-01',
    population: 1300,
    source: 'DEMO_APPROXIMATION',
    sourceTable: null,
    sourceUpdatedAt: null,
    importedBy: null,
    recordedAt: '2026-11-26T21:38:42.000Z',
  },
};

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('who imports', () => {
  it('is the county officers', () => {
    expect(importsPopulation('COUNTY_OFFICER')).toBe(true);
    for (const role of [
      'COORDINATION_MEMBER',
      'MUNICIPALITY_OFFICER',
      'ADVISER',
      'NAV',
      'INNOVASJON_NORGE',
      undefined,
    ]) {
      expect(importsPopulation(role)).toBe(false);
    }
  });
});

describe('population import store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('previews the file, then imports the same content and reloads the figures', async () => {
    const { calls } = stubGraphQL((call) => {
      if (call.body.query.includes('mutation ImportPopulationFigures')) {
        const { preview } = (call.body.variables as { input: { preview: boolean } }).input;
        return jsonResponse({ data: { importPopulationFigures: { ...previewOf2021, applied: !preview } } });
      }
      return jsonResponse({ data: { municipalities: [halden, aremark] } });
    });
    const store = usePopulationImportStore();

    expect(await store.preview('01222.json', '{"class":"dataset"}')).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.variables).toEqual({ input: { content: '{"class":"dataset"}', preview: true } });
    expect(store.result?.applied).toBe(false);
    expect(store.fileName).toBe('01222.json');

    expect(await store.apply()).toBe(true);
    expect(calls[1]?.body.variables).toEqual({ input: { content: '{"class":"dataset"}', preview: false } });
    expect(calls[2]?.body.query).toContain('query PopulationFigures');
    expect(store.result?.applied).toBe(true);
    expect(store.municipalities.map((municipality) => municipality.number)).toEqual(['3001', '3012']);
  });

  it('refuses a file over the limit without sending it', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: {} }));
    const store = usePopulationImportStore();
    expect(await store.preview('big.json', 'x'.repeat(largestPopulationFile + 1))).toBe(false);
    expect(calls).toHaveLength(0);
    expect(store.importError?.codes).toEqual(['TOO_LARGE']);
    expect(store.content).toBeNull();
    // Under the limit in characters, but over the gateway's 64 kB once escaped into the request.
    expect(await store.preview('quotes.json', '"'.repeat(30_001))).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it("keeps the graph's reason when it refuses the file", async () => {
    stubGraphQL(() =>
      jsonResponse({
        errors: [
          {
            message: 'input.content: This is SSB table 07459; the population is read from table 01222',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.content' },
          },
        ],
      }),
    );
    const store = usePopulationImportStore();
    expect(await store.preview('07459.json', '{}')).toBe(false);
    expect(store.importError).toEqual({
      message: 'input.content: This is SSB table 07459; the population is read from table 01222',
      codes: ['BAD_USER_INPUT'],
    });
    expect(store.result).toBeNull();
  });
});

enableAutoUnmount(afterEach);

describe('PopulationView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  function mountView(state: Record<string, unknown> = {}) {
    const pinia = createTestingPinia({
      createSpy: vi.fn,
      stubActions: true,
      initialState: {
        populationImport: { municipalities: [halden, aremark], loading: false, error: null, ...state },
      },
    });
    const wrapper = mount(PopulationView, { global: { plugins: [pinia, createStrictI18n('nb')] } });
    // The page starts afresh: reset is stubbed, so the state given stays for the test.
    return { wrapper, store: usePopulationImportStore(pinia) };
  }

  it('shows every municipality with its figure and where it comes from', () => {
    const { wrapper, store } = mountView();
    expect(store.load).toHaveBeenCalled();
    const rows = wrapper
      .findAll('[data-testid="population-figures"] tbody tr')
      .map((row) => row.findAll('td, th').map((cell) => plain(cell.text())));
    expect(rows).toEqual([
      [
        '3001',
        'Halden',
        'Halden',
        '31 444',
        'SSB tabell 01222, oppdatert 19. august 2021; importert 7. desember 2026 av Kari Nordmann (Viken fylkeskommune)',
      ],
      ['3012', 'Aremark', 'Halden', 'ca. 1 300', 'Omtrentlig demotall, ikke offisiell statistikk'],
    ]);
  });

  it('previews a chosen file: the figures per date, what they replace, and the skipped rows with why', async () => {
    const { wrapper, store } = mountView();
    const input = wrapper.get<HTMLInputElement>('[data-testid="population-file"]');
    const file = new File(['{"class":"dataset"}'], '01222-2021K2.json', { type: 'application/json' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await flushPromises();
    expect(store.preview).toHaveBeenCalledWith('01222-2021K2.json', '{"class":"dataset"}');

    store.fileName = '01222-2021K2.json';
    store.result = previewOf2021;
    await flushPromises();
    expect(plain(wrapper.get('[data-testid="population-summary"]').text())).toBe(
      'SSB-tabell 01222, oppdatert 19. august 2021: 2 tall for fylkets kommuner. Ingenting er lagret ennå.',
    );
    expect(
      wrapper
        .findAll('[data-testid="population-dates"] tbody tr')
        .map((row) => row.findAll('td, th').map((cell) => plain(cell.text()))),
    ).toEqual([['1. juli 2021', '2']]);
    expect(
      wrapper
        .findAll('[data-testid="population-skipped"] tbody tr')
        .map((row) => row.findAll('td, th').map((cell) => plain(cell.text()))),
    ).toEqual([
      ['F-31 Østfold', 'alle', 'Fylke eller hele landet, ikke en kommune'],
      ['3101 Halden', '2021K2', 'SSB har ikke tall (nummeret var ikke i bruk det kvartalet)'],
    ]);
    expect(
      wrapper
        .findAll('[data-testid="population-result-figures"] tbody tr')
        .map((row) => row.findAll('td, th').map((cell) => plain(cell.text()))),
    ).toEqual([
      ['3001', 'K-3101', '1. juli 2021', '31 444', 'ca. 31 400'],
      ['3020', 'K-3207', '1. juli 2021', '60 844', 'ingen'],
    ]);

    await wrapper.get('[data-testid="population-import"]').trigger('click');
    expect(store.apply).toHaveBeenCalled();
  });

  it('says why a file was refused, and that nothing changed', () => {
    const tooLarge = mountView({ importError: { message: 'tooLarge', codes: ['TOO_LARGE'] } });
    expect(
      tooLarge.wrapper.findAll('[data-testid="population-import-error"] > *').map((part) => plain(part.text())),
    ).toEqual([
      'Filen ble ikke importert',
      'Filen er større enn 40 000 tegn. Velg bare fylkets kommuner og kvartalene du trenger.',
      'Ingenting er endret.',
    ]);
    const refused = mountView({
      importError: {
        message: 'input.content: This is SSB table 07459; the population is read from table 01222',
        codes: ['BAD_USER_INPUT'],
      },
    });
    expect(refused.wrapper.get('[data-testid="population-import-error"]').text()).toContain(
      'This is SSB table 07459; the population is read from table 01222',
    );
  });
});

// CSV exports of the whole filtered client list and of the submissions page: the same columns and texts as on screen, nothing more.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { ClientListItem, ClientPage } from '../src/queries/clients';
import type { RegionSubmissions } from '../src/queries/submissions';
import ClientsView from '../src/views/ClientsView.vue';
import SubmissionsView from '../src/views/SubmissionsView.vue';
import { clientListPage, firstPage, listItem } from './clients-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  follo,
  forbidNetwork,
  halden,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';
import { folloSubmissions2024 } from './submissions-fixtures';

/** Catches what `downloadCsv` hands the browser: file names and the decoded text of each file. */
function catchDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:csv';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  async function lines(index = 0): Promise<string[]> {
    const bytes = new Uint8Array(await (blobs[index] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return new TextDecoder('utf-8').decode(bytes).split('\r\n');
  }
  return { names, lines };
}

/**
 * The client list against a stubbed gateway: `page` for the table (or an error), and pages of 200 of `whole` for the
 * file (or an error); `asked` gives the variables of each list request, `exports` those of the file's.
 */
async function mountList(
  username: DemoUsername,
  page: ClientPage = firstPage,
  whole: ClientListItem[] | 'error' = Array.from({ length: 175 }, (_, index) => listItem(index + 1)),
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
    const variables = call.body.variables as { first: number; offset: number };
    if (variables.first < 200) return jsonResponse({ data: { clients: page } });
    if (whole === 'error') return jsonResponse({ errors: [{ message: 'Gatewayen svarte ikke' }] });
    return jsonResponse({ data: { clients: clientListPage(variables, whole) } });
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/clients', name: 'clients', component: ClientsView },
      { path: '/clients/new', name: 'client-new', component: { template: '<p />' } },
      { path: '/clients/:id', name: 'client', component: { template: '<p />' } },
    ],
  });
  await router.push('/clients');
  await router.isReady();
  const wrapper = mount(ClientsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  const listCalls = () => calls.filter((call) => call.body.query.includes('query ClientList'));
  return Object.assign(wrapper, {
    asked: () =>
      listCalls()
        .filter((call) => (call.body.variables?.first as number) < 200)
        .map((call) => call.body.variables),
    exports: () =>
      listCalls()
        .filter((call) => call.body.variables?.first === 200)
        .map((call) => call.body.variables),
  });
}

async function mountSubmissions(username: DemoUsername, region: RegionSubmissions = folloSubmissions2024) {
  // The region's year, the regions to choose from and the county's queue (empty here), through the query layer.
  stubGraphQL((call) => {
    if (call.body.query.includes('query SubmissionsAwaitingDecision')) return jsonResponse({ data: { regions: [] } });
    if (call.body.query.includes('query RegionsOverview')) return jsonResponse({ data: { regions: [follo, halden] } });
    if (call.body.query.includes('query SubmissionsWorkflow')) return jsonResponse({ data: { region } });
    throw new Error('Only the page and its queue are asked here');
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/submissions', name: 'submissions', component: SubmissionsView }],
  });
  await router.push('/submissions?year=2024&region=follo');
  await router.isReady();
  const wrapper = mount(SubmissionsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

enableAutoUnmount(afterEach);

describe('client list CSV', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('exports the whole filtered list, not the page on screen, with the table’s columns', async () => {
    const downloads = catchDownloads();
    const wrapper = await mountList('nordrefollo.officer');

    const button = wrapper.get('[data-testid="clients-download-csv"]');
    expect(button.text()).toBe('Last ned listen som CSV');
    const description = document.getElementById(button.attributes('aria-describedby') ?? '')?.textContent ?? '';
    expect(description).toContain('alle 175 klientene som passer filteret');
    expect(button.attributes('title')).toBe(description);
    await button.trigger('click');
    await flushPromises();

    expect(wrapper.exports()).toEqual([{ first: 200, offset: 0, regionId: 'follo' }]);
    expect(downloads.names).toEqual(['klienter.csv']);
    const lines = await downloads.lines();
    expect(lines).toHaveLength(176);
    expect(lines[0]).toBe('Navn;Kommune;Registrert;Innvandrerbakgrunn;Foretak');
    expect(lines[1]).toBe('Klient 1;Ås;01.03.2024;Nei;0');
    expect(lines[175]).toBe('Klient 175;Ås;01.03.2024;Nei;0');
    // Each row of the page on screen is in the file as the table shows it, cell for cell.
    const cells = wrapper
      .findAll('[data-testid="clients-table"] tbody tr')
      .map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(lines.slice(1, 51).map((line) => line.split(';'))).toEqual(cells);
  });

  it('gives the county officer the region column, in the table and the file, and filters by region', async () => {
    const downloads = catchDownloads();
    const wrapper = await mountList('county.officer');
    expect(wrapper.findAll('[data-testid="clients-table"] thead th').map((cell) => cell.text())).toEqual([
      'Navn',
      'Region',
      'Kommune',
      'Registrert',
      'Innvandrerbakgrunn',
      'Foretak',
    ]);

    await wrapper.get('[data-testid="clients-filter-region"]').setValue('asker-og-baerum');
    await flushPromises();
    expect(wrapper.asked().at(-1)).toEqual({ first: 50, offset: 0, regionId: 'asker-og-baerum' });

    await wrapper.get('[data-testid="clients-download-csv"]').trigger('click');
    await flushPromises();
    expect(wrapper.exports()).toEqual([{ first: 200, offset: 0, regionId: 'asker-og-baerum' }]);
    const lines = await downloads.lines();
    expect(lines[0]).toBe('Navn;Region;Kommune;Registrert;Innvandrerbakgrunn;Foretak');
    expect(lines[1]).toBe('Klient 1;Follo;Ås;01.03.2024;Nei;0');
  });

  it('downloads nothing when the whole list could not be fetched, and says so', async () => {
    const downloads = catchDownloads();
    const wrapper = await mountList('nordrefollo.officer', firstPage, 'error');
    await wrapper.get('[data-testid="clients-download-csv"]').trigger('click');
    await flushPromises();
    expect(downloads.names).toEqual([]);
    expect(wrapper.get('[data-testid="clients-csv-error"]').text()).toContain('Gatewayen svarte ikke');
  });

  it('never puts contact details in the file, even for an adviser, as the list does not show them', async () => {
    const downloads = catchDownloads();
    const withContact = { ...listItem(1), email: 'klient1@example.org', phone: '+47 900 00 001' };
    const wrapper = await mountList('follo.adviser', { items: [withContact], totalCount: 1, hasNextPage: false }, [
      withContact,
    ]);

    await wrapper.get('[data-testid="clients-download-csv"]').trigger('click');
    await flushPromises();
    const text = (await downloads.lines()).join('\n');
    expect(text).not.toContain('example.org');
    expect(text).not.toContain('900');
  });

  it('offers no export when the list is empty', async () => {
    const wrapper = await mountList('county.officer', { items: [], totalCount: 0, hasNextPage: false });
    expect(wrapper.find('[data-testid="clients-download-csv"]').exists()).toBe(false);
  });
});

describe('submissions CSV', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('exports the submissions with status, Norwegian dates and the amount with a decimal comma', async () => {
    const downloads = catchDownloads();
    const wrapper = await mountSubmissions('county.officer');

    const button = wrapper.get('[data-testid="submissions-download-csv"]');
    expect(button.text()).toBe('Last ned leveransene som CSV');
    await button.trigger('click');

    expect(downloads.names).toEqual(['rapportering-follo-2024.csv']);
    expect(await downloads.lines()).toEqual([
      'Leveranse;Gjelder år;Frist;Status;Levert etter fristen;Levert;Levert av;Dokumentreferanse;Totalbeløp (NOK);Fylkeskommunens kommentar',
      'Årsrapport;2023;01.05.2024;Forfalt – ikke levert;Ja;;;;;',
      'Regnskap;2023;01.05.2024;Avvist – må sendes inn på nytt;Nei;20.04.2024;Amira Haddad (Etablerertjenesten i Follo);ARK-2024/17;"1234,50";Revisorens beretning mangler.',
      'Aktivitetsplan;2025;01.12.2024;Til behandling;Nei;20.11.2024;Amira Haddad (Etablerertjenesten i Follo);ARK-2024/90;;',
    ]);
  });

  it('exports the payments of the year and the next in one file', async () => {
    const downloads = catchDownloads();
    const wrapper = await mountSubmissions('follo.adviser');

    const button = wrapper.get('[data-testid="payments-download-csv"]');
    expect(button.text()).toBe('Last ned utbetalingene som CSV');
    await button.trigger('click');

    expect(downloads.names).toEqual(['utbetalinger-follo-2024.csv']);
    expect(await downloads.lines()).toEqual([
      'År;Termin;Forfall;Beløp (NOK);Status;Utbetalt dato',
      '2024;Januar;31.01.2024;"329587,75";Utbetalt;15.01.2024',
      '2024;August;31.08.2024;"329587,75";Kan utbetales;',
      '2025;Januar;31.01.2025;"329587,75";Venter – aktivitetsplan og budsjett er ikke godkjent;',
      '2025;August;31.08.2025;"329587,75";Venter – aktivitetsplan og budsjett er ikke godkjent;',
    ]);
  });

  it('offers no export of what is not there', async () => {
    const wrapper = await mountSubmissions('county.officer', {
      ...folloSubmissions2024,
      submissions: [],
      payments: [],
      nextYearPayments: [],
    });
    expect(wrapper.find('[data-testid="submissions-download-csv"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="payments-download-csv"]').exists()).toBe(false);
  });
});

// The referral inbox as CSV: every page fetched for the file, and the file in the page's words and Norwegian dates.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { exportPageSize, type ReferralItem, useReferralExport } from '../src/queries/referrals';
import ReferralsView from '../src/views/ReferralsView.vue';
import { createStrictI18n, type GraphQLCall, jsonResponse, queryLayer, stubGraphQL, testingPinia } from './fixtures';
import { partnerTokenFor, referralItems } from './partners-fixtures';

describe('referral export', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('fetches page after page of the largest size until there are no more, each referral once', async () => {
    const { calls } = stubGraphQL(({ body }) => {
      const offset = body.variables?.offset as number;
      // The second page repeats the last referral of the first, as when one was sent in between.
      const items = offset === 0 ? referralItems.slice(0, 3) : referralItems.slice(2);
      return jsonResponse({ data: { referrals: { totalCount: 4, hasNextPage: offset === 0, items } } });
    });
    const exporter = useReferralExport();

    const all = await exporter.fetchAll();

    expect(calls.map((call) => call.body.variables)).toEqual([
      { first: exportPageSize, offset: 0 },
      { first: exportPageSize, offset: exportPageSize },
    ]);
    expect(all?.map((item) => item.id)).toEqual(['ref-in', 'ref-nav', 'ref-from-nav', 'ref-declined']);
    expect(exporter.exporting.value).toBe(false);
  });

  it('fetches only what the filter matches', async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({ data: { referrals: { totalCount: 1, hasNextPage: false, items: referralItems.slice(0, 1) } } }),
    );
    await useReferralExport().fetchAll({ status: 'DECLINED', direction: 'TO_NAV' });
    expect(calls.map((call) => call.body.variables)).toEqual([
      { first: exportPageSize, offset: 0, status: 'DECLINED', direction: 'TO_NAV' },
    ]);
  });

  it('reports a failure and gives nothing', async () => {
    stubGraphQL(() => jsonResponse({ errors: [{ message: 'Down.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    const exporter = useReferralExport();

    expect(await exporter.fetchAll()).toBeNull();
    expect(exporter.error.value).toEqual({ message: 'Down.', codes: ['INTERNAL_SERVER_ERROR'] });
  });
});

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
 * The inbox against a stubbed gateway: its page of twenty (`items`, 24 in all) and, for the file, pages of the
 * largest size answered by `exported` (every referral, or an error).
 */
async function mountView(items: ReferralItem[] = referralItems, exported: ReferralItem[] | 'error' = referralItems) {
  const { calls } = stubGraphQL(({ body }) => {
    const variables = body.variables as { first: number };
    if (variables.first < exportPageSize) {
      return jsonResponse({
        data: { referrals: { items, totalCount: items.length === 0 ? 0 : 24, hasNextPage: true } },
      });
    }
    return exported === 'error'
      ? jsonResponse({ errors: [{ message: 'Down.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
      : jsonResponse({ data: { referrals: { items: exported, totalCount: exported.length, hasNextPage: false } } });
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken: partnerTokenFor('nav.follo') } } });
  const wrapper = mount(ReferralsView, {
    global: { plugins: [pinia, queryLayer(pinia), createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  const exportCalls = () =>
    calls.filter((call: GraphQLCall) => (call.body.variables?.first as number) === exportPageSize);
  return { wrapper, exportCalls };
}

enableAutoUnmount(afterEach);

describe('ReferralsView CSV', () => {
  it('downloads every referral, not only the page, in words and Norwegian dates', async () => {
    const downloads = catchDownloads();
    const extra: ReferralItem = {
      ...(referralItems[0] as ReferralItem),
      id: 'ref-other',
      direction: 'TO_OTHER_ACTOR',
      programme: 'OTHER',
      otherActor: 'Gründerhuset; Ski',
      sharedClientData: { name: 'Per "Pelle" Dahl', email: null, phone: null },
      note: 'Linje 1\nLinje 2',
    };
    const { wrapper, exportCalls } = await mountView(referralItems, [...referralItems, extra]);
    const button = wrapper.get('[data-testid="referrals-download-csv"]');
    expect(button.text()).toBe('Last ned alle som CSV');
    expect(wrapper.get(`#${button.attributes('aria-describedby')}`).text()).toContain('Alle de 24 henvisningene');

    await button.trigger('click');
    await flushPromises();

    expect(downloads.names).toEqual(['henvisninger.csv']);
    // The list as filtered on screen, every page of it.
    expect(exportCalls().map((call) => call.body.variables)).toEqual([{ first: exportPageSize, offset: 0 }]);
    const text = (await downloads.lines()).join('\r\n');
    const [header, first, second] = text.split('\r\n');
    expect(header).toBe(
      'Sendt;Klient;E-post;Telefon;Retning;Ordning;Annen aktør;Region;NAV-kontor;Samtykke gitt;Status;Status endret;Begrunnelse;Merknad',
    );
    expect(first).toBe(
      '12.09.2024;Nora Berg;nora@example.no;+47 400 00 001;Til Innovasjon Norge;Etablerertilskudd fase 1 (markedsavklaring);;Follo;;10.09.2024;Sendt;12.09.2024;;',
    );
    expect(second).toBe(
      '01.09.2024;Ali Khan;;;Til NAV;Dagpenger under etablering;;Follo;NAV Nordre Follo;30.08.2024;Mottatt;05.09.2024;;',
    );
    // Separators, quotes and line breaks inside a field are quoted as RFC 4180 asks.
    expect(text).toContain('"Per ""Pelle"" Dahl"');
    expect(text).toContain('"Gründerhuset; Ski"');
    expect(text).toContain('"Linje 1\nLinje 2"');
    expect(wrapper.get('[data-testid="referrals-csv-notice"]').text()).toBe('5 henvisninger er lastet ned.');
  });

  it('downloads nothing when fetching fails, and says so', async () => {
    const downloads = catchDownloads();
    const { wrapper } = await mountView(referralItems, 'error');

    await wrapper.get('[data-testid="referrals-download-csv"]').trigger('click');
    await flushPromises();

    expect(downloads.names).toEqual([]);
    expect(wrapper.get('[data-testid="referrals-csv-error"]').attributes('role')).toBe('alert');
    expect(wrapper.get('[data-testid="referrals-csv-error"]').text()).toBe(
      'Kunne ikke hente henvisningene til CSV-filen: Noe gikk galt hos oss. Prøv igjen om litt.',
    );
  });

  it('offers no file when there are no referrals', async () => {
    const { wrapper } = await mountView([]);
    expect(wrapper.find('[data-testid="referrals-download-csv"]').exists()).toBe(false);
  });
});

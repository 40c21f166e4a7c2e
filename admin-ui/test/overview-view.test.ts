// The overview page with a testing store: rows, sorting, late reporting, suppressed figures, charts, CSV and the states.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { SupportedLocale } from '../src/i18n';
import type { GatheringOfYear, RegionYear } from '../src/queries/overview';
import OverviewView from '../src/views/OverviewView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';
import { folloYear, gatherings2024, haldenYear } from './overview-fixtures';

// happy-dom has no canvas to draw on; the stub keeps what the page controls: the canvas's role and accessible name.
vi.mock('vue-chartjs', () => ({
  Bar: defineComponent({
    props: { data: Object, options: Object, ariaLabel: String, ariaDescribedby: String },
    setup: (props) => () =>
      h('canvas', { role: 'img', 'aria-label': props.ariaLabel, 'aria-describedby': props.ariaDescribedby }),
  }),
}));

/** What the stubbed gateway answers for the overview: the year's data, an error, or nothing yet. */
type Answer =
  | { regions?: RegionYear[]; gatherings?: GatheringOfYear[] | null }
  | { error: { message: string; code: string } }
  | 'pending';

async function mountView(answer: Answer = {}, { path = '/overview?year=2024', locale = 'nb' as SupportedLocale } = {}) {
  const { calls } = stubGraphQL(() => {
    if (answer === 'pending') return new Promise<Response>(() => {});
    if ('error' in answer) {
      return jsonResponse({ errors: [{ message: answer.error.message, extensions: { code: answer.error.code } }] });
    }
    return jsonResponse({ data: { regions: answer.regions ?? [], gatherings: answer.gatherings ?? [] } });
  });
  const pinia = testingPinia({ initialState: { years: { years: [2022, 2023, 2024, 2025, 2026] } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/overview', name: 'overview', component: OverviewView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(OverviewView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n(locale)] },
    attachTo: document.body,
  });
  await flushPromises();
  /** The years the page asked the gateway for, in order. */
  const askedYears = () => calls.map((call) => call.body.variables?.year);
  return { wrapper, router, askedYears };
}

/** Text with Intl's non-breaking spaces made plain, so expectations read like the page. */
const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Opens a region's details row and returns it: payments, submissions and the finer figures are shown on demand. */
async function details(wrapper: Awaited<ReturnType<typeof mountView>>['wrapper'], regionId: string) {
  const toggle = wrapper.get(`tr[data-region-id="${regionId}"] [data-testid="row-details-toggle"]`);
  if (toggle.attributes('aria-expanded') !== 'true') await toggle.trigger('click');
  return wrapper.get(`[data-details-for="${regionId}"]`);
}

const rowOrder = (wrapper: Awaited<ReturnType<typeof mountView>>['wrapper']) =>
  wrapper
    .findAll('[data-testid="overview-table"] tbody tr[data-region-id]')
    .map((row) => row.attributes('data-region-id'));

enableAutoUnmount(afterEach);

describe('OverviewView', () => {
  it('loads the year in the address, and the new year when another is chosen', async () => {
    const { wrapper, askedYears, router } = await mountView();
    expect(askedYears()).toEqual([2024]);

    const select = wrapper.get<HTMLSelectElement>('select#overview-year');
    expect(wrapper.get('label[for="overview-year"]').text()).toBe('År');
    expect(select.findAll('option').map((option) => option.text())).toEqual(['2022', '2023', '2024', '2025', '2026']);
    expect(select.element.value).toBe('2024');

    await select.setValue('2023');
    await flushPromises();

    expect(router.currentRoute.value.query.year).toBe('2023');
    expect(askedYears()).toEqual([2024, 2023]);
  });

  it('falls back to the offered year nearest today for a year the graph does not offer', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-03-01T12:00:00Z') });
    try {
      const { askedYears } = await mountView({}, { path: '/overview?year=1999' });
      expect(askedYears()).toEqual([2026]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows one row per region with agreement, funding, what needs follow-up and key figures, the rest in details', async () => {
    const { wrapper } = await mountView({ regions: [folloYear, haldenYear], gatherings: gatherings2024 });

    const table = wrapper.get('[data-testid="overview-table"]');
    expect(table.get('caption').text()).toBe('Regionene i 2024');
    const follo = table.get('tr[data-region-id="follo"]');
    // The contract municipality's number valid in the year shown (Nordre Follo is 3207 from 2024), and the region's county.
    expect(plain(follo.get('th[scope="row"]').text())).toBe('+Follo Nordre Follo 3207 – Akershus fylkeskommune');
    const cells = follo.findAll('td').map((cell) => plain(cell.text()));
    expect(cells.slice(0, 3)).toEqual(['Aktiv', '1 096 500,00 kr', '!1 å følge opp']);
    expect(follo.get('[data-figure="newClients"]').text()).toBe('120');
    expect(plain(follo.get('[data-figure="counsellingHours"]').text())).toBe('310,5');
    expect(follo.get('[data-figure="businessesStarted"]').text()).toBe('37');
    expect(follo.get('[data-figure="referrals"]').text()).toBe('27');

    const toggle = follo.get('[data-testid="row-details-toggle"]');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(toggle.attributes('aria-label')).toBe('Vis detaljer for Follo');
    const shown = await details(wrapper, 'follo');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(shown.element.closest('tr')?.id).toBe(toggle.attributes('aria-controls'));
    expect(plain(shown.get('[data-testid="payers"]').text())).toBe('Betales av Akershus fylkeskommune: 767 800,00 kr');
    expect(shown.findAll('li[data-instalment]').map((item) => plain(item.text()))).toEqual([
      'Januar: Utbetalt',
      'August: Til utbetaling',
    ]);
    expect(plain(shown.get('[data-figure="immigrantBackground"] dd').text())).toBe('42 (35 %)');
    expect(shown.get('[data-figure="coursesHeld"] dd').text()).toBe('14');
    const referrals = shown.findAll('[data-figure="referrals"] dl > div');
    expect(referrals.map((pair) => [pair.get('dt').text(), pair.get('dd').text()])).toEqual([
      ['Til Innovasjon Norge', '12'],
      ['Til NAV', '6'],
      ['Fra NAV', '9'],
    ]);
  });

  it('sorts by a column header, both ways, with aria-sort telling which', async () => {
    const { wrapper } = await mountView({ regions: [haldenYear, folloYear] });
    const header = (column: string) => wrapper.get(`th[data-column="${column}"]`);

    expect(rowOrder(wrapper)).toEqual(['follo', 'halden']);
    expect(header('region').attributes('aria-sort')).toBe('ascending');
    expect(header('funding').attributes('aria-sort')).toBe('none');

    await header('funding').get('button').trigger('click');
    expect(rowOrder(wrapper)).toEqual(['halden', 'follo']);
    expect(header('funding').attributes('aria-sort')).toBe('ascending');
    expect(header('region').attributes('aria-sort')).toBe('none');

    await header('funding').get('button').trigger('click');
    expect(rowOrder(wrapper)).toEqual(['follo', 'halden']);
    expect(header('funding').attributes('aria-sort')).toBe('descending');
  });

  it('puts suppressed figures last whichever way a column is sorted', async () => {
    const { wrapper } = await mountView({ regions: [haldenYear, folloYear] });
    const button = wrapper.get('th[data-column="referrals"] button');

    await button.trigger('click');
    expect(rowOrder(wrapper)).toEqual(['follo', 'halden']);
    await button.trigger('click');
    expect(rowOrder(wrapper)).toEqual(['follo', 'halden']);
  });

  it('makes late, rejected and missing-after-due reporting stand out in words', async () => {
    const { wrapper } = await mountView({ regions: [folloYear, haldenYear] });

    const accounts = (await details(wrapper, 'follo')).get('li[data-kind="ACCOUNTS"]');
    expect(accounts.attributes('data-attention')).toBe('true');
    expect(plain(accounts.text())).toBe('! Regnskap 2023: Forsinket, krever oppfølging');
    expect(accounts.get('.visually-hidden').text()).toContain('krever oppfølging');

    // Missing before its due date is not late yet.
    const plan = (await details(wrapper, 'follo')).get('li[data-kind="ACTIVITY_PLAN"]');
    expect(plan.attributes('data-attention')).toBeUndefined();
    expect(plain(plan.text())).toBe('Aktivitetsplan 2025: Mangler');

    const halden = await details(wrapper, 'halden');
    expect(halden.get('li[data-kind="ANNUAL_REPORT"]').attributes('data-attention')).toBe('true');
    expect(halden.get('li[data-kind="ACCOUNTS"]').attributes('data-attention')).toBe('true');
    expect(plain(halden.get('li[data-kind="ACCOUNTS"]').text())).toContain('Avvist');
  });

  it('flags an instalment not paid by its due date as overdue, in words', async () => {
    const overdue: RegionYear = {
      ...haldenYear,
      payments: (haldenYear.payments ?? []).map((payment) =>
        payment.instalment === 'AUGUST' ? { ...payment, status: 'OVERDUE' } : payment,
      ),
    };
    const { wrapper } = await mountView({ regions: [folloYear, overdue] });
    const halden = await details(wrapper, 'halden');
    const august = halden.get('li[data-instalment="AUGUST"]');
    expect(august.attributes('data-attention')).toBe('true');
    expect(plain(august.text())).toBe('! August: Forfalt, krever oppfølging');
    const january = halden.get('li[data-instalment="JANUARY"]');
    expect(january.attributes('data-attention')).toBeUndefined();
  });

  it('shows suppressed figures as "–" that say why to screen readers', async () => {
    const { wrapper } = await mountView({ regions: [folloYear, haldenYear] });

    const cell = (await details(wrapper, 'halden')).get('[data-figure="immigrantBackground"]');
    const suppressed = cell.get('[data-suppressed="true"]');
    expect(suppressed.get('[aria-hidden="true"]').text()).toBe('–');
    expect(suppressed.get('.visually-hidden').text()).toBe('skjult, færre enn 5 personer');
    const note = wrapper.get('[data-testid="overview-suppressed-note"]');
    expect(note.text()).toContain('færre enn 5 personer');
    expect(wrapper.get('[data-testid="overview-table"] table').attributes('aria-describedby')).toBe(
      note.attributes('id'),
    );
  });

  it('draws the charts with captions and the figures as text', async () => {
    const { wrapper } = await mountView({ regions: [folloYear, haldenYear] });

    const canvases = wrapper.findAll('canvas[role="img"]');
    expect(canvases.map((canvas) => canvas.attributes('aria-label'))).toEqual([
      'Nye klienter per region i 2024',
      'Andel av nye klienter med innvandrerbakgrunn per region i 2024',
      'Veiledningstimer per region i 2024',
    ]);
    const share = wrapper.get('[data-chart="overview-chart-immigrant-share"]');
    expect(share.get('figcaption').text()).toBe('Andel av nye klienter med innvandrerbakgrunn per region i 2024');
    const rows = share.findAll('table tbody tr').map((row) => row.findAll('th, td').map((cell) => plain(cell.text())));
    expect(rows).toEqual([
      ['Follo', '35 %'],
      ['Halden', '–skjult, færre enn 5 personer'],
    ]);
  });

  it('counts the gatherings held against the minimum of two', async () => {
    const { wrapper } = await mountView({ regions: [folloYear], gatherings: gatherings2024 });

    const gatherings = wrapper.get('[data-testid="overview-gatherings"]');
    expect(gatherings.get('h2').text()).toBe('Fagsamlinger i 2024');
    expect(plain(gatherings.text())).toContain('1 av minst 2 holdt');
    expect(plain(gatherings.get('[data-testid="overview-gatherings-verdict"]').text())).toBe(
      '! Under kravet om minst 2 fagsamlinger.',
    );
    expect(plain(gatherings.get('li').text())).toBe('14. mars 2024: Fagsamling vår 2024: finansiering (23 deltakere)');
  });

  it('downloads the table as a semicolon-separated CSV with a BOM, named after the year', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:overview';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const { wrapper } = await mountView({ regions: [folloYear, haldenYear] });

    const button = wrapper.get('[data-testid="overview-download-csv"]');
    expect(button.text()).toBe('Last ned CSV');
    await button.trigger('click');

    expect(downloads).toEqual(['oversikt-2024.csv']);
    const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).split('\r\n');
    expect(lines).toEqual([
      'Region;Kontraktskommune;Avtale;Finansiering totalt (NOK);Utbetalinger Januar;Utbetalinger August;Årsrapport;Regnskap;Aktivitetsplan;Budsjett;Nye klienter;Med innvandrerbakgrunn;Andel med innvandrerbakgrunn (%);Veiledningstimer;Kurs holdt;Foretak startet;Henvisninger: Til Innovasjon Norge;Henvisninger: Til NAV;Henvisninger: Fra NAV;Fylke;Betalere (NOK);Kommunenummer 2024',
      // Fields with a comma are quoted (RFC 4180); Excel still reads them as numbers.
      'Follo;Nordre Follo;Aktiv;"1096500,00";Utbetalt;Til utbetaling;Godkjent (2023);Forsinket (2023) – krever oppfølging;Mangler (2025);Levert (2025);120;42;"35,0";"310,5";14;37;12;6;9;Akershus fylkeskommune;"Akershus fylkeskommune 767800,00";3207',
      'Halden;Halden;Forlenget;"261662,00";Utbetalt;Sperret;Mangler (2023) – krever oppfølging;Avvist (2023) – krever oppfølging;;;18;–;–;44;3;6;–;5;7;Østfold fylkeskommune;"Østfold fylkeskommune 179892,00";3101',
    ]);
  });

  it('shows the empty state when the gateway has no regions', async () => {
    const { wrapper } = await mountView({ regions: [] });

    expect(wrapper.get('[data-testid="overview-empty"]').text()).toBe('Ingen regioner er registrert ennå.');
    expect(wrapper.find('[data-testid="overview-table"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="overview-download-csv"]').exists()).toBe(false);
  });

  it('shows the loading state while a year loads', async () => {
    const { wrapper } = await mountView('pending');

    const status = wrapper.get('[data-testid="overview-loading"]');
    expect(status.attributes('role')).toBe('status');
    expect(status.text()).toBe('Henter oversikten for 2024 …');
    expect(wrapper.find('[data-testid="overview-empty"]').exists()).toBe(false);
  });

  it('shows the error in words, without its code, and retries the same year on request', async () => {
    const { wrapper, askedYears } = await mountView({
      error: { message: 'Internal server error.', code: 'INTERNAL_SERVER_ERROR' },
    });

    const alert = wrapper.get('[data-testid="overview-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('Kunne ikke hente oversikten');
    // What went wrong in words, never the code or the server's English message.
    expect(alert.text()).toContain('Noe gikk galt hos oss. Prøv igjen om litt.');
    expect(alert.text()).not.toMatch(/INTERNAL_SERVER_ERROR|Internal server error/);
    expect(wrapper.find('[data-testid="overview-empty"]').exists()).toBe(false);

    await alert.get('button').trigger('click');
    await flushPromises();
    expect(askedYears()).toEqual([2024, 2024]);
  });

  it('speaks English when asked, with English money formatting', async () => {
    const { wrapper } = await mountView({ regions: [folloYear] }, { locale: 'en' });

    expect(wrapper.get('h1').text()).toBe('Overview');
    expect(wrapper.get('caption').text()).toBe('The regions in 2024');
    expect(plain(wrapper.get('tr[data-region-id="follo"] td:nth-of-type(2)').text())).toBe('NOK 1,096,500.00');
    expect(plain((await details(wrapper, 'follo')).get('[data-testid="payers"]').text())).toBe(
      'Paid by Akershus fylkeskommune: NOK 767,800.00',
    );
    expect(wrapper.get('[data-testid="overview-download-csv"]').text()).toBe('Download CSV');
  });

  describe("the county's queue", () => {
    /** The overview for a signed-in user, the gateway answering the overview and the county's queue by name. */
    async function mountSignedIn(username: DemoUsername, queue: unknown[] | { error: string }) {
      const { calls } = stubGraphQL((call) => {
        if (call.body.query.includes('query SubmissionsAwaitingDecision')) {
          return 'error' in queue
            ? jsonResponse({ errors: [{ message: 'Failed.', extensions: { code: queue.error } }] })
            : jsonResponse({ data: { regions: queue } });
        }
        return jsonResponse({ data: { regions: [folloYear], gatherings: [] } });
      });
      const pinia = testingPinia({
        initialState: {
          years: { years: [2023, 2024, 2025] },
          auth: { accessToken: accessTokenFor(username) },
        },
      });
      const router = createRouter({
        history: createMemoryHistory(),
        routes: [
          { path: '/overview', name: 'overview', component: OverviewView },
          { path: '/submissions', name: 'submissions', component: { render: () => null } },
        ],
      });
      await router.push('/overview?year=2024');
      await router.isReady();
      const wrapper = mount(OverviewView, {
        global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
        attachTo: document.body,
      });
      await flushPromises();
      const queueAsked = () => calls.filter((call) => call.body.query.includes('SubmissionsAwaitingDecision')).length;
      return { wrapper, router, queueAsked };
    }

    const waiting = (id: string, county: string, dueDates: string[]) => ({
      id,
      name: id,
      county: { id: county },
      submissionsAwaitingDecision: dueDates.map((dueDate, index) => ({
        id: `${id}-${index}`,
        kind: 'BUDGET',
        coversYear: Number(dueDate.slice(0, 4)) + 1,
        dueDate,
        status: 'SUBMITTED',
        submittedOn: dueDate,
      })),
    });

    it("counts what waits for the officer's county in any year, and links to the queue", async () => {
      const { wrapper, router } = await mountSignedIn('county.officer', [
        waiting('follo', 'akershus', ['2019-12-01', '2024-12-01']),
        waiting('halden', 'ostfold', ['2024-12-01']),
      ]);

      const awaiting = wrapper.get('[data-testid="overview-awaiting"]');
      expect(awaiting.get('strong').text()).toBe('2 leveranser venter på fylkets avgjørelse');
      const link = awaiting.get('[data-testid="overview-awaiting-link"]');
      expect(link.text()).toBe('Gå til køen');
      await link.trigger('click');
      await flushPromises();
      expect(router.currentRoute.value.name).toBe('submissions');
    });

    it('says when nothing waits, with no link, and says so when the queue could not be loaded', async () => {
      const { wrapper } = await mountSignedIn('county.officer', []);
      expect(wrapper.get('[data-testid="overview-awaiting"]').text()).toBe(
        'Ingen leveranser venter på fylkets avgjørelse',
      );
      expect(wrapper.find('[data-testid="overview-awaiting-link"]').exists()).toBe(false);

      const failed = await mountSignedIn('county.officer', { error: 'INTERNAL_SERVER_ERROR' });
      expect(failed.wrapper.get('[data-testid="overview-awaiting"]').text()).toBe(
        'Kunne ikke hente leveransene som venter på fylkets avgjørelse.',
      );
    });

    it('neither asks nor shows the queue to the coordination group, which does not decide', async () => {
      const { wrapper, queueAsked } = await mountSignedIn('coordination.member', []);
      expect(queueAsked()).toBe(0);
      expect(wrapper.find('[data-testid="overview-awaiting"]').exists()).toBe(false);
    });
  });
});

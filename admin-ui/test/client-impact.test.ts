// Impact on the client page and the impact report (issue 22): advisers see a client's figures with their
// confirmation, record one (focus moves into the form, Escape closes it, the server's field errors show at the
// field), confirm it or ask the client by e-mail; the report shows a region's figures beside the plan's
// targets, suppressed figures as suppressed with the reason.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import ClientImpact from '../src/components/ClientImpact.vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import ImpactReportView from '../src/views/ImpactReportView.vue';
import { createStrictI18n, type GraphQLCall, jsonResponse, queryLayer, stubGraphQL } from './fixtures';

enableAutoUnmount(afterEach);

beforeEach(() => {
  setActivePinia(createPinia());
});

afterEach(() => {
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
});

const operation = (call: GraphQLCall) => /(?:query|mutation) (\w+)/.exec(call.body.query)?.[1] ?? '';

const adviser = { id: 'adviser-1', name: 'Amira Haddad' };
const jobs = {
  id: 'impact-1',
  kind: 'JOBS_CREATED',
  recordedFor: '2026-03-01',
  fte: 2.5,
  amount: null,
  capitalSource: null,
  note: 'To deltidsansatte',
  recordedAt: '2026-03-02T10:00:00.000Z',
  confirmedAt: null,
  confirmedVia: null,
  confirmationRequestedAt: null,
  version: 1,
  adviser,
};
const capital = {
  ...jobs,
  id: 'impact-2',
  kind: 'CAPITAL_RAISED',
  fte: null,
  amount: '250000.00',
  capitalSource: 'GRANT',
  note: null,
  confirmedAt: '2026-04-02T10:00:00.000Z',
  confirmedVia: 'SIGNED_FORM',
};

function stubImpact(mutations: Record<string, (call: GraphQLCall) => Response> = {}) {
  return stubGraphQL((call) => {
    const name = operation(call);
    if (name === 'ClientImpact') {
      return jsonResponse({
        data: { client: { id: 'client-7', email: 'nadia@example.no', impactRecords: [jobs, capital] } },
      });
    }
    const answer = mutations[name];
    if (!answer) throw new Error(`unexpected ${name}`);
    return answer(call);
  });
}

async function mountImpact(counsels = true) {
  const pinia = createPinia();
  const wrapper = mount(ClientImpact, {
    props: { clientId: 'client-7', counsels },
    global: { plugins: [pinia, queryLayer(pinia), createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

describe('the client page’s impact section', () => {
  it('lists each figure with its value and whether the client confirmed it', async () => {
    stubImpact();
    const wrapper = await mountImpact();
    const first = wrapper.get('[data-testid="impact-row-impact-1"]');
    expect(first.get('th').text()).toBe('Arbeidsplasser skapt');
    expect(first.get('[data-testid="impact-value"]').text()).toContain('2,5 årsverk');
    expect(first.get('[data-testid="impact-status"]').text()).toBe('Ikke bekreftet');
    const second = wrapper.get('[data-testid="impact-row-impact-2"]');
    expect(second.get('[data-testid="impact-value"]').text()).toMatch(/250\s000,00.*\(Tilskudd\)/);
    expect(second.get('[data-testid="impact-status"]').text()).toBe('Bekreftet 02.04.2026 (Signert skjema)');
    // A confirmed figure no longer changes: no actions on its row.
    expect(second.find('[data-testid="impact-correct"]').exists()).toBe(false);
  });

  it('shows no actions to those who do not counsel the client', async () => {
    stubImpact();
    const wrapper = await mountImpact(false);
    expect(wrapper.find('[data-testid="impact-add"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="impact-correct"]').exists()).toBe(false);
  });

  it('records a figure from the form with focus inside it, and shows the server’s field error at the field', async () => {
    let attempt = 0;
    const { calls } = stubImpact({
      RecordImpact: () =>
        ++attempt === 1
          ? jsonResponse({
              errors: [
                { message: 'input.amount: above 0', extensions: { code: 'BAD_USER_INPUT', field: 'input.amount' } },
              ],
            })
          : jsonResponse({ data: { recordImpact: { id: 'impact-3' } } }),
    });
    const wrapper = await mountImpact();
    await wrapper.get('[data-testid="impact-add"]').trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get('[data-testid="impact-kind"]').element);

    await wrapper.get('[data-testid="impact-kind"]').setValue('CAPITAL_RAISED');
    await wrapper.get('[data-testid="impact-date"]').setValue('2026-05-01');
    await wrapper.get('[data-testid="impact-amount"]').setValue('1 500 000');
    await wrapper.get('[data-testid="impact-source"]').setValue('LOAN');
    await wrapper.get('[data-testid="impact-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="impact-error-amount"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );

    await wrapper.get('[data-testid="impact-form"]').trigger('submit');
    await flushPromises();
    const sent = calls.filter((call) => operation(call) === 'RecordImpact');
    expect(sent[1]?.body.variables).toEqual({
      input: {
        clientId: 'client-7',
        kind: 'CAPITAL_RAISED',
        recordedFor: '2026-05-01',
        fte: null,
        amount: '1500000.00',
        capitalSource: 'LOAN',
        note: null,
      },
    });
    expect(wrapper.find('[data-testid="impact-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="impact-notice"]').text()).toBe('Effekttallet er registrert.');
    // The list is loaded again after the change.
    expect(calls.filter((call) => operation(call) === 'ClientImpact')).toHaveLength(2);
  });

  it('closes the form with Escape and gives focus back to its button', async () => {
    stubImpact();
    const wrapper = await mountImpact();
    await wrapper.get('[data-testid="impact-add"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="impact-form"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="impact-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="impact-add"]').element);
  });

  it('records a confirmation in person, and asks the client by e-mail', async () => {
    const { calls } = stubImpact({
      RecordImpactConfirmation: () => jsonResponse({ data: { recordImpactConfirmation: { id: 'impact-1' } } }),
      RequestImpactConfirmation: () => jsonResponse({ data: { requestImpactConfirmation: { id: 'impact-1' } } }),
    });
    const wrapper = await mountImpact();
    await wrapper.get('[data-testid="impact-confirm-in-person"]').trigger('click');
    await flushPromises();
    expect(calls.find((call) => operation(call) === 'RecordImpactConfirmation')?.body.variables).toEqual({
      id: 'impact-1',
      via: 'IN_PERSON',
    });
    expect(wrapper.get('[data-testid="impact-notice"]').text()).toBe('Bekreftelsen er registrert.');
    await wrapper.get('[data-testid="impact-request"]').trigger('click');
    await flushPromises();
    expect(calls.find((call) => operation(call) === 'RequestImpactConfirmation')?.body.variables).toEqual({
      id: 'impact-1',
    });
    expect(wrapper.get('[data-testid="impact-notice"]').text()).toBe(
      'Klienten har fått en e-post med lenke for å bekrefte.',
    );
  });

  it('says so when the figure was confirmed or changed meanwhile', async () => {
    stubImpact({
      DeleteImpact: () =>
        jsonResponse({
          errors: [{ message: 'The client has confirmed this figure.', extensions: { code: 'CONFLICT' } }],
        }),
    });
    const wrapper = await mountImpact();
    await wrapper.get('[data-testid="impact-delete"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="impact-row-error"]').text()).toBe(
      'Tallet er endret eller bekreftet i mellomtiden: last siden på nytt.',
    );
  });
});

describe('the impact report', () => {
  const figures = {
    year: 2025,
    newClients: 120,
    clientsWithImmigrantBackground: 30,
    immigrantBackgroundShare: 0.25,
    clientsCounselled: 90,
    counsellingHours: 310.5,
    coursesHeld: 6,
    courseParticipants: 70,
    businessesStarted: 40,
    businessesStartedYearBefore: 35,
    stillActiveAfterOneYear: 30,
    businessesStartedTwoYearsBefore: 33,
    stillActiveAfterTwoYears: 26,
    businessesStartedThreeYearsBefore: 4,
    stillActiveAfterThreeYears: null,
    clientsWithImpact: 12,
    jobsCreated: 14.5,
    jobsRetained: null,
    capitalRaised: '3200000.00',
    capitalRaisedBySource: [
      { source: 'LOAN', amount: '2000000.00' },
      { source: 'EQUITY', amount: null },
      { source: 'GRANT', amount: null },
      { source: 'OWN_FUNDS', amount: '700000.00' },
    ],
    revenueReported: '9000000.00',
    suppressed: ['jobsRetained', 'capitalRaisedBySource.EQUITY', 'capitalRaisedBySource.GRANT'],
    suppressionReason: 'Fewer than 5 persons.',
  };

  it('shows a region’s figures beside the activity plan’s targets, suppressed ones as suppressed', async () => {
    const { calls } = stubGraphQL((call) => {
      const name = operation(call);
      if (name === 'RegionsOverview') return jsonResponse({ data: { regions: [] } });
      if (name === 'AgreementYears') return jsonResponse({ data: { agreementYears: [2024, 2025, 2026] } });
      if (name === 'ImpactReportRegion') {
        return jsonResponse({ data: { region: { id: 'follo', name: 'Follo', statistics: figures } } });
      }
      if (name === 'ImpactReportTargets') {
        return jsonResponse({
          data: {
            region: {
              id: 'follo',
              submissions: [
                {
                  kind: 'ACTIVITY_PLAN',
                  coversYear: 2025,
                  status: 'APPROVED',
                  targets: {
                    newClients: 100,
                    clientsWithImmigrantBackground: 25,
                    coursesHeld: 5,
                    counsellingHours: 300,
                    businessesStarted: 35,
                  },
                },
              ],
            },
          },
        });
      }
      throw new Error(`unexpected ${name}`);
    });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/impact', name: 'impact', component: ImpactReportView }],
    });
    await router.push('/impact?region=follo&year=2025');
    const pinia = createPinia();
    const wrapper = mount(ImpactReportView, {
      global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    });
    await flushPromises();

    expect(calls.find((call) => operation(call) === 'ImpactReportTargets')?.body.variables).toEqual({
      id: 'follo',
      planYear: 2024,
    });
    expect(wrapper.get('[data-testid="impact-report-heading"]').text()).toBe('Effektrapport 2025: Follo');
    const row = (key: string) => wrapper.get(`[data-testid="impact-report-row-${key}"]`);
    expect(row('newClients').get('[data-testid="impact-report-value"]').text()).toBe('120');
    expect(row('newClients').get('[data-testid="impact-report-target"]').text()).toBe('100');
    expect(row('jobsCreated').get('[data-testid="impact-report-value"]').text()).toBe('14,5');
    expect(row('jobsRetained').get('[data-testid="impact-report-value"]').text()).toBe('Skjult');
    expect(row('capitalRaisedBySource.GRANT').get('[data-testid="impact-report-value"]').text()).toBe('Skjult');
    expect(row('survivalOneYear').get('[data-testid="impact-report-value"]').text()).toBe('30 av 35');
    expect(row('survivalTwoYears').get('[data-testid="impact-report-value"]').text()).toBe('26 av 33');
    expect(row('survivalThreeYears').get('[data-testid="impact-report-value"]').text()).toBe('Skjult');
    // In the console's words, never the server's English.
    expect(wrapper.get('[data-testid="impact-report-suppressed-note"]').text()).toMatch(
      /^Skjult: tall som gjelder færre enn 5 personer/,
    );

    // The CSV file is the table as shown, suppressed figures named as such; printing is the browser's.
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
    await wrapper.get('[data-testid="impact-report-csv"]').trigger('click');
    expect(names).toEqual(['impact-follo-2025.csv']);
    const text = new TextDecoder('utf-8').decode(new Uint8Array(await (blobs[0] as Blob).arrayBuffer()));
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Nøkkeltall;Resultat;Mål i aktivitetsplanen');
    expect(lines[1]).toBe('Nye klienter;120;100');
    expect(lines).toContain('Arbeidsplasser opprettholdt (årsverk);Skjult;');
    const print = vi.fn();
    vi.stubGlobal('print', print);
    await wrapper.get('[data-testid="impact-report-print"]').trigger('click');
    expect(print).toHaveBeenCalledOnce();
  });

  it('reports the whole county without asking for a plan, and says when the figures could not be loaded', async () => {
    let fail = false;
    const { calls } = stubGraphQL((call) => {
      const name = operation(call);
      if (name === 'RegionsOverview') return jsonResponse({ data: { regions: [] } });
      if (name === 'AgreementYears') return jsonResponse({ data: { agreementYears: [2024, 2025, 2026] } });
      if (name === 'ImpactReportCounty') {
        return fail
          ? jsonResponse({ errors: [{ message: 'Failed.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
          : jsonResponse({ data: { countyStatistics: figures } });
      }
      throw new Error(`unexpected ${name}`);
    });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/impact', name: 'impact', component: ImpactReportView }],
    });
    await router.push('/impact?year=2025');
    const pinia = createPinia();
    const wrapper = mount(ImpactReportView, {
      global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    });
    await flushPromises();

    const report = ['ImpactReportRegion', 'ImpactReportCounty', 'ImpactReportTargets'];
    expect(calls.map(operation).filter((name) => report.includes(name))).toEqual(['ImpactReportCounty']);
    expect(calls.find((call) => operation(call) === 'ImpactReportCounty')?.body.variables).toEqual({
      year: 2025,
      countyId: null,
    });
    expect(wrapper.get('[data-testid="impact-report-heading"]').text()).toBe('Effektrapport 2025: Hele fylket');
    expect(wrapper.find('[data-testid="impact-report-no-plan"]').exists()).toBe(false);

    fail = true;
    await router.push('/impact?year=2024');
    await flushPromises();
    expect(wrapper.find('[data-testid="impact-report-error"]').exists()).toBe(true);
    // Never the year before's figures under the year that failed.
    expect(wrapper.find('[data-testid="impact-report-table"]').exists()).toBe(false);
  });
});

// A service down: the client keeps an answer whose only errors say a service is unavailable, the
// stores keep what came, and the layout's banner says which service is missing until a new page.
// The pages: the overview, the regions, the referral inbox and the website requests.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import App from '../src/App.vue';
import {
  GraphQLRequestError,
  request,
  setAccessTokenSource,
  setUnauthenticatedHandler,
  unavailableServicesOf,
} from '../src/graphql/client';
import { UpdateClientDocument } from '../src/queries/client';
import { CoordinationOverviewDocument, useCoordinationOverview } from '../src/queries/overview';
import type { RegionOverview } from '../src/queries/regions';
import { useWebsiteRequestList } from '../src/queries/websiteRequests';
import { createAppRouter } from '../src/router';
import { useServiceStatusStore } from '../src/stores/serviceStatus';
import { useWebsiteRequestsStore } from '../src/stores/websiteRequests';
import {
  accessTokenFor,
  createStrictI18n,
  follo,
  forbidNetwork,
  halden,
  jsonResponse,
  queryLayer,
  runInComponent,
  startSignedIn,
  stubGateway,
  stubGraphQL,
} from './fixtures';
import { folloYear, gatherings2024, haldenYear } from './overview-fixtures';
import { partnerTokenFor } from './partners-fixtures';
import { pendingPage } from './website-requests-fixtures';

/** The gateway's error for a service that did not answer; its fields in the answer are null. */
const down = (service: 'county' | 'regions' | 'partners') => ({
  message: `The ${service} service is unavailable; its fields in this answer are null.`,
  extensions: { code: 'SUBGRAPH_UNAVAILABLE', service },
});
const partnersDown = down('partners');
const withoutPartners = {
  data: {
    regions: [
      { ...folloYear, referrals: null },
      { ...haldenYear, referrals: null },
    ],
    gatherings: null,
  },
  errors: [partnersDown],
};

/** Mounts the whole console at `path`, signed in with `accessToken`; the test stubs the gateway first. */
async function mountAt(path: string, accessToken = accessTokenFor('coordination.member')) {
  const pinia = createPinia();
  setActivePinia(pinia);
  startSignedIn(accessToken);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}

enableAutoUnmount(afterEach);

describe('the client with a service down', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('returns the rest of an answer whose only errors are an unavailable service, and says which', async () => {
    stubGraphQL(() => jsonResponse(withoutPartners));
    const data = await request(CoordinationOverviewDocument, { year: 2024 });
    expect(data).toEqual(withoutPartners.data);
    expect(unavailableServicesOf(data)).toEqual(['partners']);
  });

  it('still fails an answer with any other error beside it', async () => {
    stubGraphQL(() =>
      jsonResponse({
        ...withoutPartners,
        errors: [partnersDown, { message: 'No.', extensions: { code: 'FORBIDDEN' } }],
      }),
    );
    const failure = await request(CoordinationOverviewDocument, { year: 2024 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphQLRequestError);
    expect((failure as GraphQLRequestError).codes).toEqual(['SUBGRAPH_UNAVAILABLE', 'FORBIDDEN']);
  });

  it('fails an answer with no data at all, naming the service in the error', async () => {
    stubGraphQL(() => jsonResponse({ data: null, errors: [partnersDown] }));
    const failure = (await request(CoordinationOverviewDocument, { year: 2024 }).catch((error: unknown) => error)) as
      | GraphQLRequestError
      | undefined;
    expect(failure?.errors[0]?.service).toBe('partners');
  });

  it('never passes off a mutation whose result is missing as done', async () => {
    stubGraphQL(() => jsonResponse({ data: { updateClient: null }, errors: [partnersDown] }));
    const update = request(UpdateClientDocument, { id: 'c1', version: 1, input: {} });
    await expect(update).rejects.toBeInstanceOf(GraphQLRequestError);
  });
});

describe('the overview with the partners service down', () => {
  function overview() {
    const pinia = createPinia();
    setActivePinia(pinia);
    const { result } = runInComponent(() => useCoordinationOverview(2024), [pinia, queryLayer(pinia)]);
    return { overview: result, status: useServiceStatusStore(pinia) };
  }

  it('keeps the regions, leaves the gatherings unknown and tells the banner, until an answer comes complete', async () => {
    let answer: unknown = withoutPartners;
    stubGraphQL(() => jsonResponse(answer));
    const { overview: shown, status } = overview();
    await flushPromises();

    expect(shown.error.value).toBeNull();
    expect(shown.regions.value.map((region) => [region.name, region.funding?.total, region.referrals])).toEqual([
      ['Follo', folloYear.funding?.total, null],
      ['Halden', haldenYear.funding?.total, null],
    ]);
    expect(shown.gatherings.value).toBeNull();
    expect(status.unavailableServices).toEqual(['partners']);

    answer = { data: { regions: [folloYear, haldenYear], gatherings: gatherings2024 } };
    await shown.refetch();
    await flushPromises();
    expect(shown.gatherings.value).toEqual(gatherings2024);
    expect(status.unavailableServices).toEqual([]);
  });

  it('names the service when the answer failed because of it', async () => {
    stubGraphQL(() => jsonResponse({ data: null, errors: [partnersDown] }));
    const { overview: shown, status } = overview();
    await flushPromises();
    expect(shown.error.value?.codes).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(status.unavailableServices).toEqual(['partners']);
  });
});

/** A region as the gateway answers it without the county service: its population figures are null. */
const withoutCounty = (region: RegionOverview): RegionOverview => ({
  ...region,
  municipalities: region.municipalities.map((municipality) => ({
    ...municipality,
    population: null,
    populationSource: null,
  })),
});

/** RegionsOverview with the county service down: the regions are there, their population is not. */
const regionsWithoutCounty = {
  data: { regions: [withoutCounty(follo), withoutCounty(halden)] },
  errors: [down('county')],
};

/**
 * What the gateway answers a query whose every field needs the regions service when it is down:
 * the inbox's region names and the website requests come from it, and their non-null fields null
 * the whole answer.
 */
const regionsDown = { data: null, errors: [down('regions')] };

const operationName = (query: string) => /^\s*query (\w+)/.exec(query)?.[1] ?? 'unnamed';

describe('the website requests with a service down', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('names the regions service for the list and for the pending count, and forgets it once they answer', async () => {
    let answer: unknown = regionsDown;
    stubGraphQL(() => jsonResponse(answer));
    const pinia = createPinia();
    setActivePinia(pinia);
    const store = useWebsiteRequestsStore();
    const status = useServiceStatusStore();

    await store.loadPendingCount();
    expect(store.pendingCount).toBeNull();
    expect(status.unavailableServices).toEqual(['regions']);

    const regionId = ref<string | null>(null);
    const { result: list } = runInComponent(
      () => useWebsiteRequestList(() => ({ regionId: regionId.value, status: 'PENDING', offset: 0 })),
      [pinia, queryLayer(pinia)],
    );
    await flushPromises();
    expect(list.error.value?.codes).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(list.page.value).toBeNull();

    // The list answering again is not enough: the count still says the service was missing.
    answer = { data: { websiteRequests: pendingPage } };
    regionId.value = 'follo';
    await flushPromises();
    expect(list.page.value).toEqual(pendingPage);
    expect(status.unavailableServices).toEqual(['regions']);

    answer = { data: { websiteRequests: { totalCount: 2 } } };
    await store.loadPendingCount();
    expect(store.pendingCount).toBe(2);
    expect(status.unavailableServices).toEqual([]);
  });
});

describe('the console with a service down', () => {
  beforeEach(() => {
    forbidNetwork();
    sessionStorage.clear();
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('shows the overview it has with a banner naming the partners service, and drops the banner on the next page', async () => {
    stubGateway({
      graphql: ({ body }) =>
        jsonResponse(
          body.query.includes('query CoordinationOverview') ? withoutPartners : { data: { regions: [follo] } },
        ),
    });
    const { wrapper, router } = await mountAt('/?year=2024');

    const banner = wrapper.get('[data-testid="service-status"]');
    expect(banner.attributes('role')).toBe('status');
    expect(banner.text()).toContain(
      'Partnertjenesten (Innovasjon Norge og NAV) svarer ikke akkurat nå. Det som kommer derfra mangler; resten er oppdatert.',
    );
    expect(wrapper.find('[data-testid="overview-error"]').exists()).toBe(false);
    // The regions' own figures are there; their referrals are marked unavailable, not suppressed.
    const rows = wrapper.findAll('[data-testid="overview-table"] tbody tr');
    expect(rows.map((row) => row.attributes('data-region-id'))).toEqual(['follo', 'halden']);
    expect(rows[0]?.text()).toContain('Nordre Follo');
    expect(rows[0]?.find('[data-unavailable="referrals"]').text()).toContain('ikke tilgjengelig akkurat nå');
    expect(rows[0]?.find('[data-figure="referrals"] [data-suppressed]').exists()).toBe(false);
    // No count of gatherings that would claim none were held.
    const gatheringsSection = wrapper.get('[data-testid="overview-gatherings"]');
    expect(gatheringsSection.get('[data-testid="overview-gatherings-unavailable"]').text()).toContain(
      'partnertjenesten ikke svarer',
    );
    expect(gatheringsSection.find('[data-testid="overview-gatherings-verdict"]').exists()).toBe(false);

    await router.push('/regions');
    await flushPromises();
    expect(wrapper.get('[data-testid="service-status"]').text()).toBe('');
  });

  /** Stubs the gateway to answer each query by its operation name; returns the names asked for. */
  function answerByOperation(answers: Record<string, unknown>): string[] {
    const asked: string[] = [];
    stubGateway({
      graphql: (call) => {
        const name = operationName(call.body.query);
        asked.push(name);
        if (!(name in answers)) throw new Error(`No answer for ${name} in this test`);
        return jsonResponse(answers[name]);
      },
    });
    return asked;
  }

  const bannerText = (wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper']) =>
    wrapper.get('[data-testid="service-status"]').text();

  it('shows the regions without their population, marked unavailable, under a banner naming the county service', async () => {
    answerByOperation({ RegionsOverview: regionsWithoutCounty });
    const { wrapper } = await mountAt('/regions', accessTokenFor('county.officer'));

    expect(bannerText(wrapper)).toContain(
      'Fylkeskommunens tjeneste (avtaler, finansiering, utbetalinger og rapportering) svarer ikke akkurat nå.',
    );
    expect(wrapper.find('[data-testid="regions-error"]').exists()).toBe(false);
    const rows = wrapper.findAll('[data-testid="regions-table"] tbody tr[data-region-id]');
    expect(rows.map((row) => row.attributes('data-region-id'))).toEqual(['follo', 'halden']);
    const folloSummary = rows[0];
    expect(folloSummary?.get('th[scope="row"]').text()).toContain('Follo');
    expect(folloSummary?.text()).toContain('Nordre Follo');
    // Unknown, not "no figure in the county's records", for the region and each of its municipalities.
    expect(folloSummary?.get('[data-unavailable="population"]').text()).toContain('ikke tilgjengelig akkurat nå');
    await folloSummary?.get('[data-testid="row-details-toggle"]').trigger('click');
    expect(wrapper.findAll('[data-municipalities-of="follo"] [data-unavailable="population"]')).toHaveLength(5);
    expect(wrapper.get('[data-testid="regions-table"]').text()).not.toContain('mangler');
    // No claim about the figures' source when there are no figures.
    expect(wrapper.text()).not.toContain(createStrictI18n('nb').global.t('regions.officialSource'));
    expect(wrapper.find('[data-testid="approximate-figures-note"]').exists()).toBe(false);
  });

  it('shows why the referral inbox is missing and names the regions service in the banner', async () => {
    answerByOperation({ ReferralInbox: regionsDown });
    const { wrapper } = await mountAt('/referrals', partnerTokenFor('innovasjon.norge'));

    expect(wrapper.get('[data-testid="referrals-error"]').text()).toContain(
      'En del av tjenesten svarer ikke akkurat nå.',
    );
    expect(wrapper.find('[data-testid="referrals-empty"]').exists()).toBe(false);
    expect(bannerText(wrapper)).toContain(
      'Regionenes tjeneste (regioner, kommuner, veiledere, klienter og kurs) svarer ikke akkurat nå.',
    );
  });

  it('lists the website requests with the region filter it has, under a banner naming the county service', async () => {
    answerByOperation({
      WebsiteRequestList: { data: { websiteRequests: pendingPage } },
      // Without the county service nobody knows a region's county: every region is offered.
      ClientRegionOptions: regionsWithoutCounty,
    });
    const { wrapper } = await mountAt('/website-requests', accessTokenFor('county.officer'));

    expect(wrapper.find('[data-testid="website-requests-error"]').exists()).toBe(false);
    const rows = wrapper.findAll('[data-testid="website-requests-table"] tbody tr');
    expect(rows).toHaveLength(pendingPage.items.length);
    expect(rows[0]?.text()).toContain(pendingPage.items[0]?.reference);
    expect(wrapper.findAll('[data-testid="website-requests-region"] option').map((option) => option.text())).toEqual([
      'Alle regioner',
      'Follo',
      'Halden',
    ]);
    expect(bannerText(wrapper)).toContain('Fylkeskommunens tjeneste');
  });

  it('shows why the website requests are missing, drops the header count and names the regions service', async () => {
    const asked = answerByOperation({ WebsiteRequestList: regionsDown, PendingWebsiteRequestCount: regionsDown });
    const { wrapper } = await mountAt('/website-requests', accessTokenFor('follo.adviser'));

    expect(asked).toContain('PendingWebsiteRequestCount');
    expect(wrapper.get('[data-testid="website-requests-error"]').text()).toContain(
      'En del av tjenesten svarer ikke akkurat nå.',
    );
    expect(wrapper.find('[data-testid="nav-website-requests-count"]').exists()).toBe(false);
    expect(
      wrapper.findAll('[data-testid="service-status"] [data-service]').map((p) => p.attributes('data-service')),
    ).toEqual(['regions']);
  });
});

// A service down: the client keeps an answer whose only errors say a service is unavailable, the
// stores keep what came, and the layout's banner says which service is missing until a new page.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../src/App.vue';
import { GraphQLRequestError, request, setAccessTokenSource, unavailableServicesOf } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { UpdateClientDocument } from '../src/stores/clientEdit';
import { CoordinationOverviewDocument, useOverviewStore } from '../src/stores/overview';
import { useServiceStatusStore } from '../src/stores/serviceStatus';
import {
  accessTokenFor,
  accessTokenStorageKey,
  createStrictI18n,
  follo,
  forbidNetwork,
  jsonResponse,
  stubGateway,
  stubGraphQL,
} from './fixtures';
import { folloYear, gatherings2024, haldenYear } from './overview-fixtures';

const partnersDown = {
  message: 'The partners service is unavailable; its fields in this answer are null.',
  extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'partners' },
};
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

describe('the overview store with the partners service down', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the regions, leaves the gatherings unknown and tells the banner, until an answer comes complete', async () => {
    let answer: unknown = withoutPartners;
    stubGraphQL(() => jsonResponse(answer));
    const store = useOverviewStore();
    const status = useServiceStatusStore();

    await store.load(2024);
    expect(store.error).toBeNull();
    expect(store.regions.map((region) => [region.name, region.funding?.total, region.referrals])).toEqual([
      ['Follo', folloYear.funding?.total, null],
      ['Halden', haldenYear.funding?.total, null],
    ]);
    expect(store.gatherings).toBeNull();
    expect(status.unavailableServices).toEqual(['partners']);

    answer = { data: { regions: [folloYear, haldenYear], gatherings: gatherings2024 } };
    await store.load(2024);
    expect(store.gatherings).toEqual(gatherings2024);
    expect(status.unavailableServices).toEqual([]);
  });

  it('names the service when the answer failed because of it', async () => {
    stubGraphQL(() => jsonResponse({ data: null, errors: [partnersDown] }));
    const store = useOverviewStore();
    await store.load(2024);
    expect(store.error?.codes).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(useServiceStatusStore().unavailableServices).toEqual(['partners']);
  });
});

describe('the console with the partners service down', () => {
  beforeEach(() => {
    forbidNetwork();
    sessionStorage.clear();
  });

  afterEach(() => setAccessTokenSource(undefined));

  async function mountAt(path: string) {
    sessionStorage.setItem(accessTokenStorageKey, accessTokenFor('coordination.member'));
    const pinia = createPinia();
    setActivePinia(pinia);
    const router = createAppRouter(createMemoryHistory());
    await router.push(path);
    await router.isReady();
    const wrapper = mount(App, {
      global: { plugins: [pinia, router, createStrictI18n('nb')] },
      attachTo: document.body,
    });
    await flushPromises();
    return { wrapper, router };
  }

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
});

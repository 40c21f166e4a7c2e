// The gatherings of a year through the query layer against a stubbed gateway, and the gatherings page: the minimum
// stands out.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { type GatheringYearSummary, useGatheringYear } from '../src/queries/gatherings';
import GatheringsView from '../src/views/GatheringsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  jsonResponse,
  queryLayer,
  runInComponent,
  stubGraphQL,
  testingPinia,
} from './fixtures';
import { gatherings2024, gatheringYear2024 } from './partners-fixtures';

describe('the gatherings of a year', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  const withQueryLayer = <Result>(composable: () => Result) => {
    const pinia = createPinia();
    return runInComponent(composable, [pinia, queryLayer(pinia)]).result;
  };

  it("loads a year's gatherings and its summary in one query, the year as a variable", async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({ data: { gatherings: gatherings2024, gatheringYear: gatheringYear2024 } }),
    );
    const year = withQueryLayer(() => useGatheringYear(2024));
    await flushPromises();

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.query).toContain('gatherings(year: $year)');
    expect(calls[0]?.body.query).toContain('gatheringYear(year: $year)');
    expect(calls[0]?.body.query).not.toContain('2024');
    expect(calls[0]?.body.variables).toEqual({ year: 2024 });
    expect(year.gatherings.value).toHaveLength(1);
    expect(year.summary.value?.meetsMinimum).toBe(false);
    expect(year.year.value).toBe(2024);
  });

  it('reports a failed load and drops what was shown', async () => {
    stubGraphQL(({ body }) =>
      (body.variables as { year: number }).year === 2023
        ? jsonResponse({ errors: [{ message: 'Down.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
        : jsonResponse({ data: { gatherings: gatherings2024, gatheringYear: gatheringYear2024 } }),
    );
    const asked = ref(2024);
    const year = withQueryLayer(() => useGatheringYear(asked));
    await flushPromises();
    expect(year.gatherings.value).toHaveLength(1);
    asked.value = 2023;
    await flushPromises();

    expect(year.error.value).toEqual({ message: 'Down.', codes: ['INTERNAL_SERVER_ERROR'] });
    expect(year.gatherings.value).toEqual([]);
    expect(year.summary.value).toBeNull();
  });
});

async function mountView(summary: GatheringYearSummary, path = '/gatherings?year=2024') {
  const { calls } = stubGraphQL(({ body }) =>
    jsonResponse({
      data: {
        gatherings: gatherings2024,
        gatheringYear: { ...summary, year: (body.variables as { year: number }).year },
      },
    }),
  );
  const pinia = testingPinia({
    initialState: {
      auth: { accessToken: accessTokenFor('coordination.member') },
      years: { years: [2022, 2023, 2024, 2025, 2026] },
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/gatherings', name: 'gatherings', component: GatheringsView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(GatheringsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  /** The years asked for, in order. */
  const asked = () => calls.map((call) => (call.body.variables as { year: number }).year);
  return { wrapper, router, asked };
}

enableAutoUnmount(afterEach);

describe('GatheringsView', () => {
  it('loads the year in the address and makes a year below the minimum stand out', async () => {
    const { wrapper, asked } = await mountView(gatheringYear2024);

    expect(asked()).toEqual([2024]);
    const count = wrapper.get('[data-testid="gatherings-count"]');
    expect(count.attributes('data-meets-minimum')).toBe('false');
    expect(count.classes()).toContain('below');
    expect(count.text()).toContain('1 av minst 2 fagsamlinger i 2024');
    expect(wrapper.get('[data-testid="gatherings-minimum"] strong').text()).toBe(
      'Under minstekravet på 2 fagsamlinger i året.',
    );
  });

  it('lists the gatherings with date, place, online, organisers, registered and attended, and who attended none', async () => {
    const { wrapper } = await mountView(gatheringYear2024);

    const row = wrapper.get('[data-testid="gathering-g-1"]');
    expect(row.get('th').text()).toBe('Fagsamling vår 2024: finansiering');
    const cells = row.findAll('td').map((cell) => cell.text());
    expect(cells).toEqual([
      '18.04.2024',
      'Lillestrøm',
      'Ja',
      'Innovasjon Norge, Viken fylkeskommune',
      '2',
      '1',
      // The coordination group only looks: no registering or recording for them.
      'Vis påmeldte',
    ]);
    expect(wrapper.get('[data-testid="gatherings-absent-regions"]').text()).toBe('Halden');
    expect(wrapper.get('[data-testid="gatherings-absent-advisers"]').text()).toBe('Jonas Vik');
  });

  it('does not single out a year that meets the minimum', async () => {
    const { wrapper } = await mountView({
      ...gatheringYear2024,
      count: 2,
      meetsMinimum: true,
      regionsWithoutAttendance: [],
      advisersWithoutAttendance: [],
    });

    const count = wrapper.get('[data-testid="gatherings-count"]');
    expect(count.attributes('data-meets-minimum')).toBe('true');
    expect(count.classes()).not.toContain('below');
    expect(wrapper.get('[data-testid="gatherings-minimum"]').text()).toBe('Minstekravet er oppfylt.');
    expect(wrapper.text()).toContain('Alle regionene deltok.');
  });

  it('changes the year through the address', async () => {
    const { wrapper, router, asked } = await mountView(gatheringYear2024);

    expect(wrapper.get('label[for="gatherings-year"]').text()).toBe('År');
    await wrapper.get('#gatherings-year').setValue('2023');
    await vi.waitFor(() => expect(router.currentRoute.value.query.year).toBe('2023'), { timeout: 30_000 });
    await flushPromises();
    expect(asked()).toEqual([2024, 2023]);
    expect(wrapper.get('[data-testid="gatherings-count"]').text()).toContain('2023');
  });
});

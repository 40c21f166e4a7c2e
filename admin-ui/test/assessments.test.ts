// Business assessments: the page query against a stubbed gateway, the NOK input, and the page through the query
// layer: the server's filters, count and pages, the empty state, and the region's adviser delivering one.
import { assessmentTextMaxLength } from '@etablerer/partners/input-limits';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { parseNokInput } from '../src/composables/nokInput';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import {
  type AssessmentItem,
  assessmentPageSize,
  useAssessmentPage,
  useDeliverAssessment,
} from '../src/queries/assessments';
import AssessmentsView from '../src/views/AssessmentsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  runInComponent,
  stubGraphQL,
  testingPinia,
} from './fixtures';
import { assessmentItems, partnerTokenFor } from './partners-fixtures';

const isPage = (call: GraphQLCall) => call.body.query.includes('query BusinessAssessmentPage');
const isDeliver = (call: GraphQLCall) => call.body.query.includes('mutation DeliverBusinessAssessment');

interface Variables {
  status?: string;
  regionId?: string;
  search?: string;
  first: number;
  offset: number;
}

/** The partners subgraph's answer to a page of `items` as it filters, counts and pages them. */
function pageOf(items: AssessmentItem[], variables: Variables) {
  const search = variables.search?.toLocaleLowerCase('nb');
  const matching = items.filter(
    (item) =>
      (!variables.status || item.status === variables.status) &&
      (!variables.regionId || item.region.id === variables.regionId) &&
      (!search || `${item.sharedClientData.name} ${item.navOffice.name}`.toLocaleLowerCase('nb').includes(search)),
  );
  const regions = [
    ...new Map(
      items
        .filter((item) => !variables.status || item.status === variables.status)
        .map((item) => [item.region.id, item.region]),
    ).values(),
  ];
  return jsonResponse({
    data: {
      businessAssessmentPage: {
        items: matching.slice(variables.offset, variables.offset + variables.first),
        totalCount: matching.length,
        regions,
      },
    },
  });
}

describe('parseNokInput', () => {
  it('reads kroner with at most two decimals into an exact decimal string', () => {
    expect(parseNokInput('1500')).toBe('1500.00');
    expect(parseNokInput('1 500,5')).toBe('1500.50');
    expect(parseNokInput('1500.25')).toBe('1500.25');
    expect(parseNokInput('0')).toBe('0.00');
    expect(parseNokInput('1500,255')).toBeNull();
    expect(parseNokInput('-5')).toBeNull();
    expect(parseNokInput('kr 5')).toBeNull();
  });
});

describe('assessments queries', () => {
  const withQueryLayer = <Result>(composable: () => Result) => {
    const pinia = createPinia();
    return runInComponent(composable, [pinia, queryLayer(pinia)]).result;
  };

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('asks for one page with the filters set as variables, and gives the total and the regions by name', async () => {
    const halden = { id: 'halden', name: 'Halden' };
    const items = [...assessmentItems, { ...(assessmentItems[0] as AssessmentItem), id: 'ba-3', region: halden }];
    const { calls } = stubGraphQL((call) => pageOf(items, call.body.variables as unknown as Variables));
    const page = withQueryLayer(() =>
      useAssessmentPage({ status: 'REQUESTED', regionId: '', search: '  ali  ' }, assessmentPageSize),
    );
    await flushPromises();

    expect(calls[0]?.body.query.replace(/\s+/g, ' ')).toContain(
      'businessAssessmentPage( status: $status regionId: $regionId search: $search first: $first offset: $offset )',
    );
    // Blank conditions are left out, so the graph applies none; the search goes trimmed.
    expect(calls[0]?.body.variables).toEqual({ status: 'REQUESTED', search: 'ali', first: 20, offset: 20 });
    expect(page.totalCount.value).toBe(2);
    expect(page.regions.value).toEqual([{ id: 'follo', name: 'Follo' }, halden]);
  });

  it('delivers with the input as a variable and asks for the page again; keeps field errors and conflicts', async () => {
    let answer: 'ok' | 'field' | 'conflict' = 'ok';
    const { calls } = stubGraphQL((call) => {
      if (isPage(call)) return pageOf(assessmentItems, call.body.variables as unknown as Variables);
      if (answer === 'field') {
        return jsonResponse({
          errors: [
            { message: 'input.fee: at most two decimals', extensions: { code: 'BAD_USER_INPUT', field: 'input.fee' } },
          ],
        });
      }
      if (answer === 'conflict')
        return jsonResponse({ errors: [{ message: 'Stale.', extensions: { code: 'CONFLICT' } }] });
      return jsonResponse({ data: { deliverBusinessAssessment: { id: 'ba-1', version: 2, status: 'DELIVERED' } } });
    });
    const { delivery } = withQueryLayer(() => ({
      page: useAssessmentPage({ status: null, regionId: '', search: '' }, 0),
      delivery: useDeliverAssessment(),
    }));
    await flushPromises();
    const input = { conclusion: 'VIABLE' as const, assessment: 'God plan.', fee: '1500.00' };

    expect(await delivery.deliver('ba-1', 1, input)).toBe(true);
    await flushPromises();
    expect(calls.filter(isDeliver)[0]?.body.variables).toEqual({ id: 'ba-1', version: 1, input });
    expect(calls.filter(isPage)).toHaveLength(2);

    answer = 'field';
    expect(await delivery.deliver('ba-1', 1, input)).toBe(false);
    expect(delivery.actionError.value?.fieldErrors).toEqual({ fee: 'at most two decimals' });

    answer = 'conflict';
    expect(await delivery.deliver('ba-1', 1, input)).toBe(false);
    expect(delivery.conflict.value).toBe(true);
  });
});

async function mountView(accessToken: string, path = '/assessments', items = assessmentItems) {
  const { calls } = stubGraphQL((call) => {
    if (isPage(call)) return pageOf(items, call.body.variables as unknown as Variables);
    if (isDeliver(call)) {
      const { id } = call.body.variables as { id: string };
      return jsonResponse({ data: { deliverBusinessAssessment: { id, version: 2, status: 'DELIVERED' } } });
    }
    throw new Error(`Unexpected operation: ${call.body.query}`);
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/assessments', name: 'assessments', component: AssessmentsView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(AssessmentsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return {
    wrapper,
    router,
    /** The variables of every page asked for, in order. */
    asked: () => calls.filter(isPage).map((call) => call.body.variables),
    delivered: () => calls.filter(isDeliver).map((call) => call.body.variables),
  };
}

enableAutoUnmount(afterEach);

describe('AssessmentsView', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows twenty at a time of what the server counts, and finds one by client, office or region there', async () => {
    const base = assessmentItems[0] as AssessmentItem;
    const many = Array.from({ length: 45 }, (_, index) => ({
      ...base,
      id: `ba-${index + 1}`,
      sharedClientData: { ...base.sharedClientData, name: `Klient ${index + 1}` },
      region: index % 3 === 0 ? { id: 'halden', name: 'Halden' } : { id: 'follo', name: 'Follo' },
    }));
    const { wrapper, asked } = await mountView(partnerTokenFor('nav.follo'), '/assessments', many);
    const shown = () =>
      wrapper.findAll('[data-testid^="assessment-ba-"]').map((item) => item.attributes('data-testid'));

    expect(asked()).toEqual([{ first: 20, offset: 0 }]);
    expect(shown()).toHaveLength(20);
    expect(wrapper.get('[data-testid="assessments-pager-showing"]').text()).toBe('Viser 1–20 av 45');
    await wrapper.get('[data-testid="assessments-pager-next"]').trigger('click');
    await flushPromises();
    expect(asked().at(-1)).toEqual({ first: 20, offset: 20 });
    expect(shown()[0]).toBe('assessment-ba-21');

    const regions = wrapper.get('[data-testid="assessments-region"]');
    expect(regions.findAll('option').map((option) => option.text())).toEqual(['Alle regioner', 'Follo', 'Halden']);
    await regions.setValue('halden');
    await flushPromises();
    // A new filter starts on the first page.
    expect(asked().at(-1)).toEqual({ regionId: 'halden', first: 20, offset: 0 });
    expect(shown()).toHaveLength(15);
    expect(shown()[0]).toBe('assessment-ba-1');

    // The search goes when submitted, not at every key.
    await wrapper.get('[data-testid="assessments-search"]').setValue('klient 4');
    await flushPromises();
    expect(asked().at(-1)).toEqual({ regionId: 'halden', first: 20, offset: 0 });
    await wrapper.get('[data-testid="assessments-filters"]').trigger('submit');
    await flushPromises();
    expect(asked().at(-1)).toEqual({ regionId: 'halden', search: 'klient 4', first: 20, offset: 0 });
    // Halden's are every third from the first: 4, 40 and 43 of those matching "klient 4".
    expect(shown()).toEqual(['assessment-ba-4', 'assessment-ba-40', 'assessment-ba-43']);
    expect(wrapper.find('[data-testid="assessments-pager"]').exists()).toBe(false);

    await wrapper.get('[data-testid="assessments-search"]').setValue('ingen slik');
    await wrapper.get('[data-testid="assessments-filters"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="assessments-no-match"]').text()).toBe('Ingen passer søket eller filteret.');
    expect(wrapper.find('[data-testid="assessments-empty"]').exists()).toBe(false);
  });

  it('says there are none when the caller may see none, with no filters to narrow nothing', async () => {
    const { wrapper } = await mountView(partnerTokenFor('nav.follo'), '/assessments', []);

    expect(wrapper.get('[data-testid="assessments-empty"]').text()).toBe('Ingen vurderinger å vise.');
    expect(wrapper.find('[data-testid="assessments-filters"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="assessments-pager"]').exists()).toBe(false);
  });

  it('names an erased client "Anonymisert", never by the services\' English placeholder', async () => {
    const erased = assessmentItems.map((item) => ({ ...item, sharedClientData: { name: '(anonymised)' } }));
    const { wrapper } = await mountView(accessTokenFor('follo.adviser'), '/assessments', erased);

    expect(wrapper.get('[data-testid="assessment-ba-1"] h2').text()).toBe('Anonymisert – Dagpenger under etablering');
    expect(wrapper.get('[data-testid="assessment-deliver-ba-1"]').attributes('aria-label')).toContain('Anonymisert');
    expect(wrapper.text()).not.toContain('(anonymised)');
  });

  it('loads by the status in the address and lists the assessments in words', async () => {
    const { wrapper, asked } = await mountView(partnerTokenFor('nav.follo'), '/assessments?status=DELIVERED');

    expect(asked()).toEqual([{ status: 'DELIVERED', first: 20, offset: 0 }]);
    expect(wrapper.get<HTMLSelectElement>('#assessments-status').element.value).toBe('DELIVERED');
    const delivered = wrapper.get('[data-testid="assessment-ba-2"]');
    expect(delivered.get('h2').text()).toBe('Eva Lie – Arbeidsavklaringspenger under etablering');
    expect(wrapper.get('[data-testid="assessment-conclusion-ba-2"]').text()).toBe('Levedyktig på vilkår');
    // NAV reads; only the region's adviser delivers.
    expect(wrapper.find('[data-testid^="assessment-deliver-"]').exists()).toBe(false);
  });

  it("offers the deliver form to the region's adviser on a requested assessment only", async () => {
    const own = await mountView(accessTokenFor('follo.adviser'));
    expect(own.wrapper.find('[data-testid="assessment-deliver-ba-1"]').exists()).toBe(true);
    expect(own.wrapper.find('[data-testid="assessment-deliver-ba-2"]').exists()).toBe(false);
    own.wrapper.unmount();

    const other = await mountView(partnerTokenFor('halden.adviser'));
    expect(other.wrapper.find('[data-testid^="assessment-deliver-"]').exists()).toBe(false);
  });

  it('validates the deliver form, stops the text where the server does, and sends the fee as an exact decimal', async () => {
    const { wrapper, delivered, asked } = await mountView(accessTokenFor('follo.adviser'));
    await wrapper.get('[data-testid="assessment-deliver-ba-1"]').trigger('click');
    const form = wrapper.get('[data-testid="assessment-deliver-form-ba-1"]');
    expect(form.get('label[for="deliver-assessment-ba-1"]').text()).toBe('Vurdering');
    // The partners subgraph's own limit, imported rather than copied.
    expect(form.get('#deliver-assessment-ba-1').attributes('maxlength')).toBe(String(assessmentTextMaxLength));

    await form.trigger('submit');
    await flushPromises();
    expect(delivered()).toEqual([]);
    expect(form.get('[data-testid="deliver-error-conclusion"]').text()).toBe('Må fylles ut.');
    expect(form.get('[data-testid="deliver-error-assessment"]').text()).toBe('Må fylles ut.');
    expect(document.activeElement?.id).toBe('deliver-conclusion-ba-1');

    await form.get('#deliver-conclusion-ba-1').setValue('VIABLE');
    await form.get('#deliver-assessment-ba-1').setValue('  Planen er realistisk.  ');
    await form.get('#deliver-fee-ba-1').setValue('1500,255');
    await form.trigger('submit');
    await flushPromises();
    expect(delivered()).toEqual([]);
    expect(form.get('[data-testid="deliver-error-fee"]').text()).toBe(
      'Skriv et beløp i kroner med inntil to desimaler.',
    );
    expect(form.get('#deliver-fee-ba-1').attributes('aria-invalid')).toBe('true');

    await form.get('#deliver-fee-ba-1').setValue('1 500');
    await form.trigger('submit');
    await flushPromises();
    expect(delivered()).toEqual([
      { id: 'ba-1', version: 1, input: { conclusion: 'VIABLE', assessment: 'Planen er realistisk.', fee: '1500.00' } },
    ]);
    // Delivered: the form closes, the page says so and the list is asked for again.
    expect(wrapper.find('[data-testid="assessment-deliver-form-ba-1"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="assessments-notice"]').text()).not.toBe('');
    expect(asked()).toHaveLength(2);
  });

  it('filters by status through the address', async () => {
    const { wrapper, router, asked } = await mountView(partnerTokenFor('nav.follo'));
    expect(asked()).toEqual([{ first: 20, offset: 0 }]);
    await wrapper.get('#assessments-status').setValue('REQUESTED');
    await vi.waitFor(() => expect(router.currentRoute.value.query.status).toBe('REQUESTED'), { timeout: 30_000 });
    await flushPromises();
    expect(asked().at(-1)).toEqual({ status: 'REQUESTED', first: 20, offset: 0 });
    expect(wrapper.findAll('[data-testid^="assessment-ba-"]').map((item) => item.attributes('data-status'))).toEqual([
      'REQUESTED',
    ]);
  });
});

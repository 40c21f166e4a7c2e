// Business assessments: the store against a stubbed gateway, the NOK input, and the page's deliver form with a testing store.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { parseNokInput } from '../src/composables/nokInput';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { useAssessmentsStore } from '../src/stores/assessments';
import AssessmentsView from '../src/views/AssessmentsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  forbidNetwork,
  type GraphQLCall,
  jsonResponse,
  stubGraphQL,
} from './fixtures';
import { assessmentItems, partnerTokenFor } from './partners-fixtures';

const isQuery = (call: GraphQLCall) => call.body.query.includes('query BusinessAssessments');

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

describe('assessments store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads with the status filter as a variable', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { businessAssessments: assessmentItems } }));
    const store = useAssessmentsStore();

    await store.load('REQUESTED');

    expect(calls[0]?.body.query).toContain('businessAssessments(status: $status, first: $first, offset: $offset)');
    expect(calls[0]?.body.variables).toEqual({ status: 'REQUESTED', first: 200, offset: 0 });
    expect(store.items).toHaveLength(2);
    expect(store.status).toBe('REQUESTED');
  });

  it('loads every page of the graph, 200 at a time, each assessment once', async () => {
    const many = Array.from({ length: 450 }, (_, index) => ({ ...assessmentItems[0], id: `ba-${index + 1}` }));
    const { calls } = stubGraphQL((call) => {
      const { first, offset } = call.body.variables as { first: number; offset: number };
      return jsonResponse({ data: { businessAssessments: many.slice(offset, offset + first) } });
    });
    const store = useAssessmentsStore();

    await store.load(null);

    expect(calls.map((call) => call.body.variables)).toEqual([
      { status: null, first: 200, offset: 0 },
      { status: null, first: 200, offset: 200 },
      { status: null, first: 200, offset: 400 },
    ]);
    expect(store.items.map((item) => item.id)).toEqual(many.map((item) => item.id));
  });

  it('delivers with the input as a variable and reloads; keeps field errors and conflicts', async () => {
    let answer: 'ok' | 'field' | 'conflict' = 'ok';
    const { calls } = stubGraphQL((call) => {
      if (isQuery(call)) return jsonResponse({ data: { businessAssessments: assessmentItems } });
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
    const store = useAssessmentsStore();
    await store.load(null);
    const input = { conclusion: 'VIABLE' as const, assessment: 'God plan.', fee: '1500.00' };

    expect(await store.deliver('ba-1', 1, input)).toBe(true);
    expect(calls[1]?.body.variables).toEqual({ id: 'ba-1', version: 1, input });
    expect(isQuery(calls[2] as GraphQLCall)).toBe(true);

    answer = 'field';
    expect(await store.deliver('ba-1', 1, input)).toBe(false);
    expect(store.actionError?.fieldErrors).toEqual({ fee: 'at most two decimals' });

    answer = 'conflict';
    expect(await store.deliver('ba-1', 1, input)).toBe(false);
    expect(store.conflict).toBe(true);
  });
});

async function mountView(accessToken: string, path = '/assessments', items = assessmentItems) {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: {
      auth: { accessToken },
      assessments: {
        items,
        status: null,
        loading: false,
        error: null,
        saving: false,
        actionError: null,
      },
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/assessments', name: 'assessments', component: AssessmentsView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(AssessmentsView, {
    global: { plugins: [pinia, router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  return { wrapper, router, store: useAssessmentsStore(pinia) };
}

enableAutoUnmount(afterEach);

describe('AssessmentsView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('shows twenty at a time, and finds one by client or region from the first page', async () => {
    const base = assessmentItems[0] as (typeof assessmentItems)[number];
    const many = Array.from({ length: 45 }, (_, index) => ({
      ...base,
      id: `ba-${index + 1}`,
      sharedClientData: { ...base.sharedClientData, name: `Klient ${index + 1}` },
      region: index % 3 === 0 ? { id: 'halden', name: 'Halden' } : { id: 'follo', name: 'Follo' },
    }));
    const { wrapper } = await mountView(partnerTokenFor('nav.follo'), '/assessments', many);
    const shown = () =>
      wrapper.findAll('[data-testid^="assessment-ba-"]').map((item) => item.attributes('data-testid'));

    expect(shown()).toHaveLength(20);
    expect(wrapper.get('[data-testid="assessments-pager-showing"]').text()).toBe('Viser 1–20 av 45');
    await wrapper.get('[data-testid="assessments-pager-next"]').trigger('click');
    expect(shown()[0]).toBe('assessment-ba-21');

    const regions = wrapper.get('[data-testid="assessments-region"]');
    expect(regions.findAll('option').map((option) => option.text())).toEqual(['Alle regioner', 'Follo', 'Halden']);
    await regions.setValue('halden');
    expect(shown()).toHaveLength(15);
    expect(shown()[0]).toBe('assessment-ba-1');

    await wrapper.get('[data-testid="assessments-search"]').setValue('klient 4');
    // Halden's are every third from the first: 4, 40 and 43 of those matching "klient 4".
    expect(shown()).toEqual(['assessment-ba-4', 'assessment-ba-40', 'assessment-ba-43']);
    expect(wrapper.find('[data-testid="assessments-pager"]').exists()).toBe(false);

    await wrapper.get('[data-testid="assessments-search"]').setValue('ingen slik');
    expect(wrapper.get('[data-testid="assessments-no-match"]').text()).toBe('Ingen passer søket eller filteret.');
  });

  it('names an erased client "Anonymisert", never by the services\' English placeholder, and finds it so', async () => {
    const erased = assessmentItems.map((item) => ({ ...item, sharedClientData: { name: '(anonymised)' } }));
    const { wrapper } = await mountView(accessTokenFor('follo.adviser'), '/assessments', erased);

    expect(wrapper.get('[data-testid="assessment-ba-1"] h2').text()).toBe('Anonymisert – Dagpenger under etablering');
    expect(wrapper.get('[data-testid="assessment-deliver-ba-1"]').attributes('aria-label')).toContain('Anonymisert');
    expect(wrapper.text()).not.toContain('(anonymised)');
    await wrapper.get('[data-testid="assessments-search"]').setValue('anonymisert');
    expect(wrapper.findAll('[data-testid^="assessment-ba-"]')).toHaveLength(2);
  });

  it('loads by the status in the address and lists the assessments in words', async () => {
    const { wrapper, store } = await mountView(partnerTokenFor('nav.follo'), '/assessments?status=DELIVERED');

    expect(store.load).toHaveBeenCalledWith('DELIVERED');
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

  it('validates the deliver form and sends the fee as an exact decimal string', async () => {
    const { wrapper, store } = await mountView(accessTokenFor('follo.adviser'));
    await wrapper.get('[data-testid="assessment-deliver-ba-1"]').trigger('click');
    const form = wrapper.get('[data-testid="assessment-deliver-form-ba-1"]');
    expect(form.get('label[for="deliver-assessment-ba-1"]').text()).toBe('Vurdering');

    await form.trigger('submit');
    expect(store.deliver).not.toHaveBeenCalled();
    expect(form.get('[data-testid="deliver-error-conclusion"]').text()).toBe('Må fylles ut.');
    expect(form.get('[data-testid="deliver-error-assessment"]').text()).toBe('Må fylles ut.');
    expect(document.activeElement?.id).toBe('deliver-conclusion-ba-1');

    await form.get('#deliver-conclusion-ba-1').setValue('VIABLE');
    await form.get('#deliver-assessment-ba-1').setValue('  Planen er realistisk.  ');
    await form.get('#deliver-fee-ba-1').setValue('1500,255');
    await form.trigger('submit');
    expect(store.deliver).not.toHaveBeenCalled();
    expect(form.get('[data-testid="deliver-error-fee"]').text()).toBe(
      'Skriv et beløp i kroner med inntil to desimaler.',
    );
    expect(form.get('#deliver-fee-ba-1').attributes('aria-invalid')).toBe('true');

    await form.get('#deliver-fee-ba-1').setValue('1 500');
    await form.trigger('submit');
    expect(store.deliver).toHaveBeenCalledWith('ba-1', 1, {
      conclusion: 'VIABLE',
      assessment: 'Planen er realistisk.',
      fee: '1500.00',
    });
  });

  it('filters by status through the address', async () => {
    const { wrapper, router, store } = await mountView(partnerTokenFor('nav.follo'));
    expect(store.load).toHaveBeenCalledWith(null);
    await wrapper.get('#assessments-status').setValue('REQUESTED');
    await vi.waitFor(() => expect(router.currentRoute.value.query.status).toBe('REQUESTED'), { timeout: 30_000 });
    await vi.waitFor(() => expect(store.load).toHaveBeenLastCalledWith('REQUESTED'), { timeout: 30_000 });
  });
});

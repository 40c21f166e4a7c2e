// The evaluations page against a stubbed gateway: the evaluations in words, the empty, loading and error states, who may record, the form's checks and the server's answers.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { EvaluationItem } from '../src/queries/evaluations';
import EvaluationsView from '../src/views/EvaluationsView.vue';
import { evaluations, officerTokenFor } from './evaluations-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';

const [midterm, viken2018] = evaluations as [EvaluationItem, EvaluationItem];

/** The gateway's side as spies: `load` answers the list (or a refusal, or nothing yet), `record` what was saved. */
function gatewayOf(items: EvaluationItem[]) {
  return {
    load: vi.fn<() => unknown>(() => ({ evaluations: items })),
    record: vi.fn<(input: Record<string, unknown>) => unknown>((input) => ({
      id: 'new-evaluation',
      title: input.title,
      publishedOn: input.publishedOn,
    })),
  };
}

const refusal = (message: string, code: string, field?: string) => ({
  errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }],
});

async function mountView(
  who: DemoUsername | { token: string },
  { items = evaluations, locale = 'nb' }: { items?: EvaluationItem[]; locale?: 'nb' | 'en' } = {},
  gateway = gatewayOf(items),
) {
  stubGraphQL(async (call) => {
    const isRecord = call.body.query.includes('mutation RecordEvaluation');
    const result = await (isRecord
      ? gateway.record((call.body.variables as { input: Record<string, unknown> }).input)
      : gateway.load());
    if (typeof result === 'object' && result !== null && 'errors' in result) return jsonResponse(result);
    return jsonResponse({ data: isRecord ? { recordEvaluation: result } : result });
  });
  const pinia = testingPinia({
    initialState: { auth: { accessToken: typeof who === 'string' ? accessTokenFor(who) : who.token } },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/evaluations', name: 'evaluations', component: EvaluationsView }],
  });
  await router.push('/evaluations');
  await router.isReady();
  const wrapper = mount(EvaluationsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n(locale)] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, store: gateway };
}

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Fills the form with a valid evaluation. */
async function fillForm(form: ReturnType<Awaited<ReturnType<typeof mountView>>['wrapper']['get']>) {
  await form.get('[data-testid="evaluation-title"]').setValue('Sluttevaluering av samarbeidsavtalene 2022–2025');
  await form.get('[data-testid="evaluation-period-from"]').setValue('2022-01-01');
  await form.get('[data-testid="evaluation-period-to"]').setValue('2025-12-31');
  await form.get('[data-testid="evaluation-author"]').setValue(' Ekstern evaluator ');
  await form.get('[data-testid="evaluation-published-on"]').setValue('2026-03-31');
  await form.get('[data-testid="evaluation-findings"]').setValue('Flere etablerere får veiledning.\nMåltallene nås.');
}

enableAutoUnmount(afterEach);

describe('EvaluationsView', () => {
  it('loads the evaluations when it opens', async () => {
    const { store } = await mountView('coordination.member');
    expect(store.load).toHaveBeenCalledTimes(1);
  });

  it('lists the evaluations newest first with title, period, author, published date, findings and document', async () => {
    const { wrapper } = await mountView('coordination.member');

    const list = wrapper.get('ol.evaluations');
    expect(list.attributes('aria-label')).toBe('Evalueringer, nyeste først');
    expect(list.findAll('h2').map((heading) => heading.text())).toEqual([midterm.title, viken2018.title]);

    expect(plain(wrapper.get(`[data-testid="evaluation-period-${midterm.id}"]`).text())).toBe('01.01.2022–31.12.2023');
    expect(wrapper.get(`[data-testid="evaluation-author-${midterm.id}"]`).text()).toBe('Ekstern evaluator');
    const published = wrapper.get(`[data-testid="evaluation-published-${midterm.id}"] time`);
    expect(published.text()).toBe('30.04.2024');
    expect(published.attributes('datetime')).toBe('2024-04-30');
    expect(wrapper.get(`[data-testid="evaluation-findings-${midterm.id}"]`).text()).toBe(midterm.findings);
    // A web address opens as a link.
    const link = wrapper.get(`[data-testid="evaluation-document-${midterm.id}"] a`);
    expect(link.attributes('href')).toBe('https://example.org/midtveisevaluering-2024.pdf');
    expect(link.attributes('rel')).toBe('noopener noreferrer');

    expect(plain(wrapper.get(`[data-testid="evaluation-period-${viken2018.id}"]`).text())).toBe(
      '01.01.2018–30.06.2021',
    );
    expect(wrapper.get(`[data-testid="evaluation-document-${viken2018.id}"]`).text()).toBe('Ikke oppgitt.');
    expect(wrapper.find(`[data-testid="evaluation-document-${viken2018.id}"] a`).exists()).toBe(false);
  });

  it('shows a reference that is not a web address as text', async () => {
    const archived = { ...viken2018, documentReference: 'javascript:alert(1)' };
    const { wrapper } = await mountView('coordination.member', { items: [archived] });
    const reference = wrapper.get(`[data-testid="evaluation-document-${archived.id}"]`);
    expect(reference.text()).toBe('javascript:alert(1)');
    expect(reference.find('a').exists()).toBe(false);
  });

  it('speaks English on request, with Norwegian dates', async () => {
    const { wrapper } = await mountView('county.officer', { locale: 'en' });
    expect(wrapper.get('h1').text()).toBe('Evaluations');
    expect(wrapper.get(`[data-testid="evaluation-published-${midterm.id}"]`).text()).toBe('30.04.2024');
    expect(wrapper.get('[data-testid="evaluations-record"]').text()).toBe('Record an evaluation');
    expect(wrapper.get(`[data-testid="evaluation-document-${viken2018.id}"]`).text()).toBe('Not given.');
  });

  it('says so when no evaluations are recorded', async () => {
    const { wrapper } = await mountView('coordination.member', { items: [] });
    expect(wrapper.get('[data-testid="evaluations-empty"]').text()).toBe('Ingen evalueringer er registrert ennå.');
    expect(wrapper.find('ol.evaluations').exists()).toBe(false);
  });

  it('shows the loading and error states, and the list once a retry succeeds', async () => {
    const pendingGateway = gatewayOf(evaluations);
    pendingGateway.load.mockImplementation(() => new Promise(() => {}));
    const pending = await mountView('coordination.member', {}, pendingGateway);
    expect(pending.wrapper.get('[data-testid="evaluations-loading"]').attributes('role')).toBe('status');
    expect(pending.wrapper.get('[data-testid="evaluations-loading"]').text()).toBe('Henter evalueringene …');
    pending.wrapper.unmount();

    const gateway = gatewayOf(evaluations);
    gateway.load.mockReturnValueOnce(refusal('No scope.', 'FORBIDDEN'));
    const { wrapper, store } = await mountView('coordination.member', {}, gateway);
    const error = wrapper.get('[data-testid="evaluations-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toContain('Du har ikke tilgang til evalueringene.');
    // The page explains a refusal itself; no code is shown.
    expect(error.text()).not.toContain('FORBIDDEN');
    // No empty-state claim while nothing was loaded.
    expect(wrapper.find('[data-testid="evaluations-empty"]').exists()).toBe(false);

    store.load.mockReturnValueOnce(refusal('Failed to fetch', 'INTERNAL_SERVER_ERROR'));
    await error.get('button').trigger('click');
    await flushPromises();
    expect(store.load).toHaveBeenCalledTimes(2);
    expect(wrapper.get('[data-testid="evaluations-error"]').text()).toContain('Tjenesten svarte ikke som forventet.');

    await wrapper.get('[data-testid="evaluations-error"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="evaluations-error"]').exists()).toBe(false);
    expect(wrapper.find(`[data-testid="evaluation-${midterm.id}"]`).exists()).toBe(true);
  });

  it("offers recording to the officers of today's counties only", async () => {
    for (const who of ['coordination.member', 'follo.adviser', 'nordrefollo.officer'] as const) {
      const { wrapper } = await mountView(who);
      expect(wrapper.find('[data-testid="evaluations-record"]').exists()).toBe(false);
      wrapper.unmount();
    }
    const viken = await mountView({ token: officerTokenFor('viken.officer') });
    expect(viken.wrapper.find('[data-testid="evaluations-record"]').exists()).toBe(false);
    viken.wrapper.unmount();

    const buskerud = await mountView({ token: officerTokenFor('buskerud.officer') });
    expect(buskerud.wrapper.get('[data-testid="evaluations-record"]').text()).toBe('Registrer evaluering');
    buskerud.wrapper.unmount();

    const { wrapper } = await mountView('county.officer');
    expect(wrapper.get('[data-testid="evaluations-record"]').text()).toBe('Registrer evaluering');
  });

  it('checks an evaluation before sending it, with the message beside each field', async () => {
    const { wrapper, store } = await mountView('county.officer');
    await wrapper.get('[data-testid="evaluations-record"]').trigger('click');
    const form = wrapper.get('[data-testid="evaluation-form"]');
    expect(document.activeElement).toBe(form.get('h2').element);
    expect(form.get('label[for="evaluation-new-title"]').text()).toBe('Tittel');

    await form.trigger('submit');
    expect(store.record).not.toHaveBeenCalled();
    for (const field of ['title', 'periodFrom', 'periodTo', 'author', 'publishedOn', 'findings']) {
      expect(form.get(`[data-testid="error-${field}"]`).text()).toBe('Må fylles ut.');
    }
    expect(form.get('[data-testid="error-documentReference"]').text()).toBe('');
    expect(form.get('[data-testid="evaluation-title"]').attributes('aria-invalid')).toBe('true');
    expect(form.get('[data-testid="evaluation-title"]').attributes('aria-describedby')).toBe(
      'evaluation-new-title-error',
    );
    expect(form.get('[data-testid="evaluation-validation-summary"]').attributes('role')).toBe('alert');
    expect(document.activeElement).toBe(form.get('[data-testid="evaluation-title"]').element);

    // A fixed field stops saying it is wrong at once, not at the next send; the others still say so.
    await form.get('[data-testid="evaluation-title"]').setValue('Evaluering 2025');
    expect(form.get('[data-testid="error-title"]').text()).toBe('');
    expect(form.get('[data-testid="error-author"]').text()).toBe('Må fylles ut.');

    await fillForm(form);
    await form.get('[data-testid="evaluation-period-from"]').setValue('2026-01-01');
    await form.get('[data-testid="evaluation-published-on"]').setValue('2101-01-01');
    await form.trigger('submit');
    expect(store.record).not.toHaveBeenCalled();
    expect(form.get('[data-testid="error-title"]').text()).toBe('');
    expect(form.get('[data-testid="error-periodTo"]').text()).toBe('Perioden kan ikke slutte før den begynner.');
    expect(form.get('[data-testid="error-publishedOn"]').text()).toBe('Datoen må ligge i årene 2000–2100.');
    expect(document.activeElement).toBe(form.get('[data-testid="evaluation-period-to"]').element);

    await form.get('[data-testid="evaluation-title"]').setValue('x'.repeat(301));
    await form.trigger('submit');
    expect(form.get('[data-testid="error-title"]').text()).toBe('For lang: høyst 300 tegn.');
  });

  it('sends the trimmed evaluation, closes the form and goes to the saved one', async () => {
    const { wrapper, store } = await mountView('county.officer');
    const saved = { id: midterm.id, title: midterm.title, publishedOn: midterm.publishedOn };
    store.record.mockReturnValue(saved);

    await wrapper.get('[data-testid="evaluations-record"]').trigger('click');
    const form = wrapper.get('[data-testid="evaluation-form"]');
    await fillForm(form);
    await form.get('[data-testid="evaluation-document-reference"]').setValue(' arkiv 2026/123 ');
    await form.trigger('submit');
    await flushPromises();

    expect(store.record).toHaveBeenCalledWith({
      title: 'Sluttevaluering av samarbeidsavtalene 2022–2025',
      periodFrom: '2022-01-01',
      periodTo: '2025-12-31',
      author: 'Ekstern evaluator',
      findings: 'Flere etablerere får veiledning.\nMåltallene nås.',
      documentReference: 'arkiv 2026/123',
      publishedOn: '2026-03-31',
    });
    expect(wrapper.find('[data-testid="evaluation-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="evaluations-notice"]').text()).toBe(
      `Evalueringen «${midterm.title}» er registrert.`,
    );
    // The list is asked again, and the focus goes to the saved evaluation in it.
    expect(store.load).toHaveBeenCalledTimes(2);
    expect(document.activeElement).toBe(wrapper.get(`[data-testid="evaluation-${midterm.id}"]`).element);
  });

  it("keeps the form open with the server's field errors beside the fields, and says when recording is forbidden", async () => {
    const { wrapper, store } = await mountView('county.officer');
    store.record.mockReturnValueOnce(
      refusal('input.periodTo: not before periodFrom', 'BAD_USER_INPUT', 'input.periodTo'),
    );
    await wrapper.get('[data-testid="evaluations-record"]').trigger('click');
    const form = () => wrapper.get('[data-testid="evaluation-form"]');
    await fillForm(form());
    await form().trigger('submit');
    await flushPromises();
    expect(store.record).toHaveBeenCalledTimes(1);
    expect(form().get('[data-testid="error-periodTo"]').text()).toBe('Datoen er for tidlig.');
    expect(form().get('[data-testid="evaluation-period-to"]').attributes('aria-invalid')).toBe('true');
    expect(form().get('[data-testid="evaluation-action-error"]').text()).toContain('se meldingene ved feltene');
    // What was typed stays.
    expect(form().get<HTMLInputElement>('[data-testid="evaluation-author"]').element.value).toBe(' Ekstern evaluator ');

    store.record.mockReturnValueOnce(
      refusal(
        'Viken fylkeskommune was dissolved on 2024-01-01: its officers read the years before, and record nothing.',
        'FORBIDDEN',
      ),
    );
    await form().trigger('submit');
    await flushPromises();
    const problem = form().get('[data-testid="evaluation-action-error"]');
    expect(problem.attributes('role')).toBe('alert');
    expect(problem.text()).toBe('Bare fylkeskommunene Akershus, Buskerud og Østfold kan registrere evalueringer.');
  });

  it('closes the form on cancel and gives focus back to the button that opened it', async () => {
    const { wrapper } = await mountView('county.officer');
    await wrapper.get('[data-testid="evaluations-record"]').trigger('click');
    await wrapper.get('[data-testid="evaluation-cancel"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="evaluation-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="evaluations-record"]').element);
  });
});

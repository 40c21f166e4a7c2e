// The submissions page against a stubbed gateway: the list in words, pre-filling the annual report, submitting and
// deciding with the server's refusals shown in words, who may decide, and the county's queue.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { RegionSubmissions } from '../src/queries/submissions';
import SubmissionsView from '../src/views/SubmissionsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  follo,
  type GraphQLCall,
  halden,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';
import { folloSubmissions2024 } from './submissions-fixtures';

type Answer = Record<string, unknown>;

/**
 * The gateway's side as spies: `load(regionId, year)` answers the page's data (or a refusal), each change gets what
 * it was sent and answers done unless the test says otherwise, and the county's queue answers `awaitingRegions`.
 */
function gatewayOf(region: RegionSubmissions | null) {
  const done = (status: string) => ({ data: { change: { id: 'sub', version: 2, status } } });
  return {
    load: vi.fn<(regionId: string, year: number) => Answer | Promise<Answer>>(() => ({ data: { region } })),
    submit: vi.fn<(input: unknown) => Answer>(() => done('SUBMITTED')),
    approve: vi.fn<(id: string, version: number) => Answer>(() => done('APPROVED')),
    reject: vi.fn<(id: string, version: number, comment: string) => Answer>(() => done('REJECTED')),
  };
}
type Gateway = ReturnType<typeof gatewayOf>;

/** The refusal of a change as the gateway sends it. */
const refusal = (message: string, code: string, field?: string) => ({
  errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }],
});

async function mountView(
  username: DemoUsername,
  { region = folloSubmissions2024 as RegionSubmissions | null, path = '/submissions?year=2024' } = {},
) {
  const gateway = gatewayOf(region);
  const { calls } = stubGraphQL(async (call: GraphQLCall) => {
    const name = /\b(?:query|mutation) (\w+)/.exec(call.body.query)?.[1];
    const v = (call.body.variables ?? {}) as {
      regionId: string;
      year: number;
      input: unknown;
      id: string;
      version: number;
      comment: string;
    };
    switch (name) {
      case 'RegionsOverview':
        return jsonResponse({ data: { regions: [follo, halden] } });
      case 'SubmissionsAwaitingDecision':
        return jsonResponse({ data: { regions: awaitingRegions } });
      case 'SubmissionsWorkflow':
        return jsonResponse(await gateway.load(v.regionId, v.year));
      case 'Submit':
        return jsonResponse(gateway.submit(v.input));
      case 'ApproveSubmission':
        return jsonResponse(gateway.approve(v.id, v.version));
      case 'RejectSubmission':
        return jsonResponse(gateway.reject(v.id, v.version, v.comment));
      default:
        throw new Error(`No answer for ${name} in this test`);
    }
  });
  awaitingCalls = () => calls.filter((call) => call.body.query.includes('query SubmissionsAwaitingDecision')).length;
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/submissions', name: 'submissions', component: SubmissionsView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(SubmissionsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, gateway: gateway as Gateway };
}

/** A region as the gateway answers the county's queue: its county and what waits for a decision. */
const waitingIn = (
  id: string,
  name: string,
  county: string,
  items: Array<{ kind: string; coversYear: number; dueDate: string; submittedOn: string; status?: string }>,
) => ({
  id,
  name,
  county: { id: county },
  submissionsAwaitingDecision: items.map((item) => ({ id: `${id}-${item.kind}`, status: 'SUBMITTED', ...item })),
});

/** The gateway's answer to the county's queue. */
let awaitingRegions: unknown[] = [];
let awaitingCalls: () => number;

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

enableAutoUnmount(afterEach);

describe('SubmissionsView', () => {
  beforeEach(() => {
    awaitingRegions = [];
  });

  it("loads the adviser's own region with no region selector, and lists what is due in words", async () => {
    const { wrapper, gateway } = await mountView('follo.adviser');

    expect(gateway.load).toHaveBeenCalledWith('follo', 2024);
    expect(wrapper.find('select#submissions-region').exists()).toBe(false);
    expect(wrapper.get('label[for="submissions-year"]').text()).toBe('År');

    const report = wrapper.get('[data-testid="submission-ANNUAL_REPORT-2023"]');
    expect(report.get('h3').text()).toBe('Årsrapport for 2023');
    expect(report.text()).toContain('01.05.2024');
    expect(wrapper.get('[data-testid="submission-status-ANNUAL_REPORT-2023"]').text()).toContain(
      'Forfalt – ikke levert',
    );
    expect(wrapper.get('[data-testid="submission-status-ACCOUNTS-2023"]').text()).toContain('Avvist');
    expect(wrapper.get('[data-testid="submission-comment-ACCOUNTS-2023"]').text()).toBe(
      'Revisorens beretning mangler.',
    );
    expect(wrapper.get('[data-testid="payment-status-2025-JANUARY"]').attributes('data-status')).toBe('BLOCKED');
    expect(plain(wrapper.get('[data-testid="payment-status-2024-AUGUST"]').text())).toBe('Kan utbetales');
  });

  it('pre-fills the annual report from the statistics of the covered year, leaving suppressed figures empty', async () => {
    const { wrapper, gateway } = await mountView('follo.adviser');

    const open = wrapper.get('button[aria-label="Send inn: Årsrapport for 2023"]');
    await open.trigger('click');

    const form = wrapper.get('[data-testid="submission-form"]');
    const value = (name: string) => form.get<HTMLInputElement>(`[data-testid="figure-${name}"]`).element.value;
    expect(value('newClients')).toBe('131');
    expect(value('clientsWithImmigrantBackground')).toBe('');
    expect(value('coursesHeld')).toBe('9');
    // Hours are reported in whole hours.
    expect(value('counsellingHours')).toBe('413');
    expect(value('businessesStarted')).toBe('27');
    expect(plain(form.get('[data-testid="planned-newClients"]').text())).toBe('Mål: 120');
    expect(form.get('label[for="submission-reportedFigures-newClients"]').text()).toBe('Nye etablerere');

    // Nothing is sent until the required fields are filled.
    await form.trigger('submit');
    expect(gateway.submit).not.toHaveBeenCalled();
    expect(form.get('[data-testid="error-documentReference"]').text()).toBe('Må fylles ut.');
    expect(form.get('[data-testid="error-reportedFigures.clientsWithImmigrantBackground"]').text()).toBe(
      'Må fylles ut.',
    );
    expect(form.get('#submission-documentReference').attributes('aria-invalid')).toBe('true');

    await form.get('#submission-documentReference').setValue('ARK-2024/31');
    await form.get('[data-testid="figure-clientsWithImmigrantBackground"]').setValue('4');
    await form.trigger('submit');

    expect(gateway.submit).toHaveBeenCalledWith({
      regionId: 'follo',
      kind: 'ANNUAL_REPORT',
      coversYear: 2023,
      documentReference: 'ARK-2024/31',
      reportedFigures: {
        newClients: 131,
        clientsWithImmigrantBackground: 4,
        coursesHeld: 9,
        counsellingHours: 413,
        businessesStarted: 27,
      },
    });
  });

  it('closes the submission form on Escape, with the focus back on the button that opened it', async () => {
    const { wrapper } = await mountView('nordrefollo.officer');
    await wrapper.get('[data-testid="submit-ACCOUNTS-2023"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="submission-form"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="submission-form"]').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('submit-ACCOUNTS-2023');
  });

  it('checks the amount and resubmits accounts with their version', async () => {
    const { wrapper, gateway } = await mountView('nordrefollo.officer');
    await wrapper.get('button[aria-label="Send inn på nytt: Regnskap for 2023"]').trigger('click');
    const form = wrapper.get('[data-testid="submission-form"]');
    expect(form.get<HTMLInputElement>('#submission-totalAmount').element.value).toBe('1234.50');

    await form.get('#submission-totalAmount').setValue('12,345');
    await form.trigger('submit');
    expect(gateway.submit).not.toHaveBeenCalled();
    expect(form.get('[data-testid="error-totalAmount"]').text()).toBe(
      'Skriv et beløp i kroner med høyst to desimaler.',
    );

    await form.get('#submission-totalAmount').setValue('1 300,5');
    await form.trigger('submit');
    expect(gateway.submit).toHaveBeenCalledWith({
      regionId: 'follo',
      kind: 'ACCOUNTS',
      coversYear: 2023,
      documentReference: 'ARK-2024/17',
      totalAmount: '1300.50',
      version: 2,
    });
  });

  it("shows the server's field errors beside the field, and a conflict as 'reload'", async () => {
    const { wrapper, gateway } = await mountView('follo.adviser');
    gateway.submit.mockReturnValueOnce(
      refusal('input.documentReference: already used', 'BAD_USER_INPUT', 'input.documentReference'),
    );
    await wrapper.get('[data-testid="submit-ACCOUNTS-2023"]').trigger('click');
    await wrapper.get('[data-testid="submission-form"]').trigger('submit');
    await flushPromises();
    expect(gateway.submit).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="error-documentReference"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
    expect(wrapper.get('[data-testid="submissions-submit-error"]').text()).not.toContain('already used');

    gateway.submit.mockReturnValueOnce(refusal('Changed.', 'CONFLICT'));
    await wrapper.get('[data-testid="submission-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="submissions-submit-error"]').text()).toContain('Noen andre har endret denne');
    const loads = gateway.load.mock.calls.length;
    await wrapper.get('[data-testid="submissions-submit-error"] button').trigger('click');
    await flushPromises();
    // The page asks again for what it shows, so the new state is there before another try.
    expect(gateway.load).toHaveBeenCalledTimes(loads + 1);
  });

  it('offers approve and reject only to county officers, and only on submitted items', async () => {
    const adviser = await mountView('follo.adviser');
    expect(adviser.wrapper.find('[data-testid^="approve-"]').exists()).toBe(false);
    expect(adviser.wrapper.find('[data-testid^="reject-"]').exists()).toBe(false);
    adviser.wrapper.unmount();

    const { wrapper, gateway } = await mountView('county.officer', { path: '/submissions?region=follo&year=2024' });
    expect(wrapper.get<HTMLSelectElement>('select#submissions-region').element.value).toBe('follo');
    expect(wrapper.findAll('[data-testid^="approve-"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid^="submit-"]').exists()).toBe(false);

    await wrapper.get('button[aria-label="Godkjenn: Aktivitetsplan for 2025"]').trigger('click');
    expect(gateway.approve).toHaveBeenCalledWith('sub-plan-2025', 1);
  });

  it('offers approve and reject only to officers of the region’s county since the 2024 split', async () => {
    // The same submissions, for a region that answers to Buskerud: Akershus's officer reads them only.
    const buskerudRegion = { ...folloSubmissions2024, county: { id: 'buskerud', name: 'Buskerud fylkeskommune' } };
    const { wrapper } = await mountView('county.officer', {
      region: buskerudRegion,
      path: '/submissions?region=follo&year=2024',
    });
    expect(wrapper.find('[data-testid^="approve-"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid^="reject-"]').exists()).toBe(false);
    expect(plain(wrapper.get('[data-testid="submissions-other-county"]').text())).toBe(
      'Buskerud fylkeskommune behandler rapporteringen for denne regionen; du kan lese den, ikke godkjenne eller avvise.',
    );
  });

  it('needs a comment to reject', async () => {
    const { wrapper, gateway } = await mountView('county.officer', { path: '/submissions?region=follo&year=2024' });
    await wrapper.get('button[aria-label="Avvis: Aktivitetsplan for 2025"]').trigger('click');
    const form = wrapper.get('[data-testid="reject-form-ACTIVITY_PLAN-2025"]');

    await form.trigger('submit');
    expect(gateway.reject).not.toHaveBeenCalled();
    expect(form.get('[data-testid="reject-comment-error"]').text()).toBe('Skriv hvorfor den avvises.');
    expect(form.get('textarea').attributes('aria-invalid')).toBe('true');

    await form.get('textarea').setValue('Mangler kursplan.');
    // Fixed is fixed: the message goes as the officer types, not at the next try.
    expect(form.get('[data-testid="reject-comment-error"]').text()).toBe('');
    expect(form.get('textarea').attributes('aria-invalid')).toBeUndefined();
    await form.trigger('submit');
    expect(gateway.reject).toHaveBeenCalledWith('sub-plan-2025', 1, 'Mangler kursplan.');
  });

  it("lists every region's submissions awaiting the county's decision, whatever year, longest waiting first, linking to each", async () => {
    awaitingRegions = [
      waitingIn('follo', 'Follo', 'akershus', [
        { kind: 'ANNUAL_REPORT', coversYear: 2024, dueDate: '2025-05-01', submittedOn: '2025-04-02' },
      ]),
      // Years before last year wait too: the queue is the county's, not a window around today.
      waitingIn('asker', 'Asker', 'akershus', [
        { kind: 'BUDGET', coversYear: 2021, dueDate: '2020-12-01', submittedOn: '2020-11-20' },
      ]),
      // Another county's region is decided there since the 2024 split.
      waitingIn('drammen', 'Drammen', 'buskerud', [
        { kind: 'BUDGET', coversYear: 2025, dueDate: '2024-12-01', submittedOn: '2024-10-01' },
      ]),
    ];
    const { wrapper, router } = await mountView('county.officer', { path: '/submissions?region=follo&year=2024' });
    expect(awaitingCalls()).toBe(1);

    const items = wrapper.findAll('[data-testid="submissions-awaiting"] li');
    expect(items.map((item) => plain(item.text()))).toEqual([
      'Asker: Budsjett for 2021 · sendt inn 20.11.2020',
      'Follo: Årsrapport for 2024 · sendt inn 02.04.2025',
    ]);
    await items[0]?.get('a').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/submissions?region=asker&year=2020#submission-BUDGET-2021');
  });

  it('says so when nothing waits for the county', async () => {
    const { wrapper } = await mountView('county.officer', { path: '/submissions?region=follo&year=2024' });
    expect(wrapper.get('[data-testid="submissions-awaiting"]').text()).toContain('Ingen innsendte leveranser venter');
  });

  it('takes a link to one item to it, once: an approval there keeps the focus on its confirmation', async () => {
    const { wrapper, gateway } = await mountView('county.officer', {
      path: '/submissions?region=follo&year=2024#submission-ACTIVITY_PLAN-2025',
    });
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get('[data-testid="submission-ACTIVITY_PLAN-2025"]').element);
    const loads = gateway.load.mock.calls.length;
    await wrapper.get('[data-testid="approve-ACTIVITY_PLAN-2025"]').trigger('click');
    await flushPromises();
    // The page asked again after the decision and got new data for the same items.
    expect(gateway.load).toHaveBeenCalledTimes(loads + 1);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="submission-notice-ACTIVITY_PLAN-2025"]').element);
  });

  it('shows no queue to a region, which does not decide', async () => {
    const { wrapper } = await mountView('follo.adviser');
    expect(awaitingCalls()).toBe(0);
    expect(wrapper.find('[data-testid="submissions-awaiting"]').exists()).toBe(false);
  });

  it('confirms an approval in the item it was about, and tells a refusal there in words', async () => {
    const { wrapper, gateway } = await mountView('county.officer', { path: '/submissions?region=follo&year=2024' });
    await wrapper.get('[data-testid="approve-ACTIVITY_PLAN-2025"]').trigger('click');
    await flushPromises();
    const notice = wrapper.get('[data-testid="submission-notice-ACTIVITY_PLAN-2025"]');
    expect(notice.text()).not.toBe('');
    expect(document.activeElement).toBe(notice.element);
    expect(wrapper.get('[data-testid="submission-notice-ACCOUNTS-2023"]').text()).toBe('');
    // The queue is asked again: the approved plan has left it.
    expect(awaitingCalls()).toBe(2);

    gateway.approve.mockReturnValueOnce(refusal('No rows updated', 'INTERNAL_SERVER_ERROR'));
    await wrapper.get('[data-testid="approve-ACTIVITY_PLAN-2025"]').trigger('click');
    await flushPromises();
    const refused = wrapper.get(
      '[data-testid="submission-ACTIVITY_PLAN-2025"] [data-testid="submissions-action-error"]',
    );
    expect(refused.text()).toContain('Noe gikk galt hos oss');
    expect(refused.text()).not.toContain('No rows updated');
  });

  it('lets county officers switch region through the address', async () => {
    const { wrapper, router, gateway } = await mountView('county.officer', { path: '/submissions?year=2024' });
    expect(gateway.load).toHaveBeenCalledWith('follo', 2024);
    await wrapper.get('select#submissions-region').setValue('halden');
    await flushPromises();
    expect(router.currentRoute.value.query.region).toBe('halden');
    expect(gateway.load).toHaveBeenLastCalledWith('halden', 2024);
  });

  it('shows the loading and error states, and tries again on request', async () => {
    let answer!: (value: Answer) => void;
    const { wrapper, router, gateway } = await mountView('follo.adviser', { path: '/submissions?year=2023' });
    gateway.load.mockImplementationOnce(
      () =>
        new Promise<Answer>((resolve) => {
          answer = resolve;
        }),
    );
    await router.push('/submissions?year=2024');
    await flushPromises();
    expect(wrapper.get('[data-testid="submissions-loading"]').attributes('role')).toBe('status');
    answer(refusal('Not yours.', 'FORBIDDEN'));
    await flushPromises();
    expect(wrapper.find('[data-testid="submissions-loading"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="submissions-error"]').text()).toContain('Du har ikke tilgang');
    expect(wrapper.get('[data-testid="submissions-error"]').text()).not.toContain('Not yours');
    // What another year showed is not left under this one.
    expect(wrapper.find('[data-testid^="submission-"][id]').exists()).toBe(false);

    await wrapper.get('[data-testid="submissions-error"] button').trigger('click');
    await flushPromises();
    expect(gateway.load).toHaveBeenLastCalledWith('follo', 2024);
    expect(wrapper.find('[data-testid="submissions-error"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="submission-ANNUAL_REPORT-2023"]').exists()).toBe(true);
  });
});

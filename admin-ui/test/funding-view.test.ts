// The funding page against a stubbed gateway: rates, split and budget decisions with their corrections, and
// payments recorded by one county officer and confirmed by another, overdue ones marked in words.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { awaitsConfirmation, mayConfirmPayment, mayRecordPayment, seesFunding } from '../src/composables/fundingAccess';
import type { FundingPaymentItem, RegionFunding } from '../src/queries/funding';
import FundingView from '../src/views/FundingView.vue';
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

const payment = {
  year: 2026,
  payer: 'Akershus fylkeskommune',
  blocked: false,
  paidOn: null,
  reference: null,
  recordedBy: null,
  recordedOn: null,
  confirmedBy: null,
  confirmedOn: null,
};

const akershus = { id: 'akershus', name: 'Akershus fylkeskommune' };
const ostfold = { id: 'ostfold', name: 'Østfold fylkeskommune' };
const share = {
  paidOn: null,
  reference: null,
  recordedBy: null,
  recordedOn: null,
  confirmedBy: null,
  confirmedOn: null,
};

const follo2026: RegionFunding = {
  id: 'follo',
  name: 'Follo',
  county: akershus,
  funding: {
    year: 2026,
    agreement: { id: 'follo-2022', validFrom: '2022-01-01', validTo: '2026-12-31' },
    inhabitants: 129000,
    countyRate: '6.00',
    municipalRate: '2.50',
    countyFrame: '774000.00',
    countyAmount: '700000.00',
    municipalAmount: '322500.00',
    total: '1022500.00',
    municipalShares: [
      {
        municipality: { number: '3020', name: 'Nordre Follo' },
        inhabitants: 61200,
        frame: '153000.00',
        amount: '153000.00',
      },
    ],
    budgetDecisionHistory: [
      {
        id: 'd1',
        payer: 'COUNTY',
        grantedAmount: '600000.00',
        decidedOn: '2025-12-10',
        reference: 'FT-sak 40/25',
        inForce: false,
        recordedBy: 'Kari Nordmann',
        supersedes: null,
        supersededBy: { id: 'd2', reference: 'FT-sak 41/25' },
      },
      {
        id: 'd2',
        payer: 'COUNTY',
        grantedAmount: '700000.00',
        decidedOn: '2025-12-12',
        reference: 'FT-sak 41/25',
        inForce: true,
        recordedBy: 'Kari Nordmann',
        supersedes: { id: 'd1', reference: 'FT-sak 40/25' },
        supersededBy: null,
      },
    ],
  },
  payments: [
    {
      ...payment,
      instalment: 'JANUARY',
      dueDate: '2026-01-31',
      amount: '350000.00',
      status: 'OVERDUE',
      paidOn: '2026-01-20',
      reference: 'UTB-1',
      recordedBy: 'Kari Nordmann',
      recordedOn: '2026-01-20',
      shares: [
        {
          ...share,
          county: akershus,
          amount: '350000.00',
          status: 'OVERDUE',
          paidOn: '2026-01-20',
          reference: 'UTB-1',
          recordedBy: 'Kari Nordmann',
          recordedOn: '2026-01-20',
        },
      ],
    },
    {
      ...payment,
      instalment: 'AUGUST',
      dueDate: '2026-08-31',
      amount: '350000.00',
      status: 'DUE',
      shares: [{ ...share, county: akershus, amount: '350000.00', status: 'DUE' }],
    },
  ],
  plansForYear: [
    { id: 'p1', kind: 'ACTIVITY_PLAN', coversYear: 2026, status: 'APPROVED' },
    { id: 'b1', kind: 'BUDGET', coversYear: 2026, status: 'APPROVED' },
  ],
};

/** Mosseregionen's 2026 January instalment: Østfold pays for Moss, Råde and Våler, Akershus for Vestby. */
const mosseregionen2026: RegionFunding = {
  ...follo2026,
  id: 'mosseregionen',
  name: 'Mosseregionen',
  county: ostfold,
  payments: [
    {
      ...payment,
      payer: 'Østfold fylkeskommune',
      instalment: 'JANUARY',
      dueDate: '2026-01-31',
      amount: '150000.00',
      status: 'DUE',
      shares: [
        {
          ...share,
          county: ostfold,
          amount: '101750.00',
          status: 'RECORDED',
          paidOn: '2026-01-20',
          reference: 'UTB-1',
          recordedBy: 'Hilde Solberg',
          recordedOn: '2026-01-20',
        },
        { ...share, county: akershus, amount: '48250.00', status: 'DUE' },
      ],
    },
  ],
};

/**
 * The gateway's side as spies: `load(regionId, year)` answers the page's data (or a refusal), and each change
 * gets what it was sent (the payer only where the form names one) and answers done.
 */
function gatewayOf(region: RegionFunding | null) {
  return {
    load: vi.fn<(regionId: string, year: number) => unknown>(() => ({ region })),
    recordPayment: vi.fn<(...args: unknown[]) => void>(),
    confirmPayment: vi.fn<(...args: unknown[]) => void>(),
    recordBudgetDecision: vi.fn<(input: unknown) => void>(),
  };
}

async function mountView(
  username: DemoUsername,
  region: RegionFunding | null = follo2026,
  gateway = gatewayOf(region),
) {
  stubGraphQL((call: GraphQLCall) => {
    const name = /\b(?:query|mutation) (\w+)/.exec(call.body.query)?.[1];
    const v = (call.body.variables ?? {}) as Record<string, string>;
    const payer = v.payerId ? [v.payerId] : [];
    switch (name) {
      case 'RegionsOverview':
        return jsonResponse({ data: { regions: [follo, halden] } });
      case 'FundingWorkflow': {
        const answer = gateway.load(String(v.regionId), Number(v.year));
        return jsonResponse(
          typeof answer === 'object' && answer !== null && 'errors' in answer ? answer : { data: answer },
        );
      }
      case 'RecordPayment':
        gateway.recordPayment(v.instalment, v.paidOn, v.reference, ...payer);
        return jsonResponse({ data: { recordPayment: { instalment: v.instalment, status: 'RECORDED' } } });
      case 'ConfirmPayment':
        gateway.confirmPayment(v.instalment, v.reference, ...payer);
        return jsonResponse({ data: { confirmPayment: { instalment: v.instalment, status: 'PAID' } } });
      case 'RecordBudgetDecision':
        gateway.recordBudgetDecision(v.input);
        return jsonResponse({ data: { recordBudgetDecision: { id: 'd3' } } });
      default:
        throw new Error(`No answer for ${name} in this test`);
    }
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/funding', name: 'funding', component: FundingView },
      { path: '/submissions', name: 'submissions', component: { template: '<p />' } },
    ],
  });
  await router.push('/funding?region=follo&year=2026');
  await router.isReady();
  const wrapper = mount(FundingView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
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

enableAutoUnmount(afterEach);

describe('FundingView', () => {
  it('shows the rates, the split and the budget decisions with the corrected one superseded', async () => {
    const { wrapper, store } = await mountView('county.officer');
    expect(store.load).toHaveBeenCalledWith('follo', 2026);
    expect(plain(wrapper.get('[data-testid="funding-county-amount"]').text())).toBe('700 000,00 kr');
    expect(
      wrapper
        .findAll('[data-testid="funding-split"] tbody tr td, [data-testid="funding-split"] tbody tr th')
        .map((cell) => plain(cell.text())),
    ).toEqual(['Nordre Follo', '61 200', '153 000,00 kr', '153 000,00 kr']);
    const rows = wrapper.findAll('[data-testid="funding-decisions"] tbody tr');
    expect(rows.map((row) => row.attributes('data-in-force'))).toEqual(['false', 'true']);
    expect(plain(rows[0]?.text() ?? '')).toContain('Erstattet av FT-sak 41/25');
    expect(plain(rows[1]?.text() ?? '')).toContain('Gjeldende');
    expect(plain(rows[1]?.text() ?? '')).toContain('Retter FT-sak 40/25');
    // Only the decision in force can be corrected; the correction names the one it supersedes.
    expect(wrapper.find('[data-testid="correct-decision-d1"]').exists()).toBe(false);
    await wrapper.get('[data-testid="correct-decision-d2"]').trigger('click');
    await wrapper.get('#decision-granted').setValue('650 000');
    await wrapper.get('#decision-reference').setValue('FT-sak 42/25');
    await wrapper.get('[data-testid="decision-form"]').trigger('submit');
    await flushPromises();
    expect(store.recordBudgetDecision).toHaveBeenCalledWith(
      expect.objectContaining({
        year: 2026,
        payer: 'COUNTY',
        grantedAmount: '650000.00',
        reference: 'FT-sak 42/25',
        supersedes: 'd2',
      }),
    );
  });

  it('marks an overdue instalment in words and does not offer its recorder to confirm it', async () => {
    const { wrapper } = await mountView('county.officer');
    const january = wrapper.get('[data-testid="funding-payment-status-JANUARY"]');
    expect(january.attributes('data-status')).toBe('OVERDUE');
    expect(plain(january.text())).toBe('! Forfalt – venter på kontroll av en annen saksbehandler');
    expect(wrapper.find('[data-testid="confirm-payment-JANUARY"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('En annen saksbehandler må kontrollere');
  });

  it('lets a second officer confirm with the voucher number, and any officer record a due instalment', async () => {
    const { wrapper, store } = await mountView('county.controller');
    await wrapper.get('[data-testid="confirm-payment-JANUARY"]').trigger('click');
    await wrapper.get('#payment-reference').setValue('UTB-1');
    await wrapper.get('[data-testid="payment-form"]').trigger('submit');
    await flushPromises();
    expect(store.confirmPayment).toHaveBeenCalledWith('JANUARY', 'UTB-1');

    await wrapper.get('[data-testid="record-payment-AUGUST"]').trigger('click');
    await wrapper.get('#payment-paid-on').setValue('2026-08-20');
    await wrapper.get('#payment-reference').setValue('UTB-2');
    await wrapper.get('[data-testid="payment-form"]').trigger('submit');
    await flushPromises();
    expect(store.recordPayment).toHaveBeenCalledWith('AUGUST', '2026-08-20', 'UTB-2');
  });

  it('shows each paying county its own part where there are two, and records it as that county', async () => {
    const { wrapper, store } = await mountView('county.officer', mosseregionen2026);
    const ostfoldPart = wrapper.get('[data-testid="funding-share-JANUARY-ostfold"]');
    const akershusPart = wrapper.get('[data-testid="funding-share-JANUARY-akershus"]');
    expect(plain(ostfoldPart.text())).toContain('Andel Østfold fylkeskommune');
    expect(plain(ostfoldPart.text())).toContain('101 750,00 kr');
    expect(plain(ostfoldPart.text())).toContain('Hilde Solberg');
    expect(plain(akershusPart.text())).toContain('48 250,00 kr');
    expect(wrapper.get('[data-testid="funding-payment-status-JANUARY"]').attributes('data-status')).toBe('DUE');
    // An Akershus officer neither confirms Østfold's part nor records the instalment as a whole.
    expect(wrapper.find('[data-testid="confirm-payment-JANUARY-ostfold"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="record-payment-JANUARY"]').exists()).toBe(false);
    await wrapper.get('[data-testid="record-payment-JANUARY-akershus"]').trigger('click');
    await wrapper.get('#payment-paid-on').setValue('2026-01-22');
    await wrapper.get('#payment-reference').setValue('AFK-7');
    await wrapper.get('[data-testid="payment-form"]').trigger('submit');
    await flushPromises();
    expect(store.recordPayment).toHaveBeenCalledWith('JANUARY', '2026-01-22', 'AFK-7', 'akershus');
  });

  it('lets a second officer of the paying county confirm its part', async () => {
    const { wrapper, store } = await mountView('ostfold.officer', mosseregionen2026);
    // Hilde Solberg recorded Østfold's part herself, so she is not offered to confirm it.
    expect(wrapper.find('[data-testid="confirm-payment-JANUARY-ostfold"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="record-payment-JANUARY-akershus"]').exists()).toBe(false);
    const other = await mountView('county.controller', {
      ...mosseregionen2026,
      payments: (mosseregionen2026.payments ?? []).map((one) => ({
        ...one,
        shares: one.shares.map((part) =>
          part.county.id === 'akershus'
            ? {
                ...part,
                status: 'RECORDED' as const,
                recordedBy: 'Kari Nordmann',
                reference: 'AFK-7',
                paidOn: '2026-01-22',
              }
            : part,
        ),
      })),
    });
    await other.wrapper.get('[data-testid="confirm-payment-JANUARY-akershus"]').trigger('click');
    await other.wrapper.get('#payment-reference').setValue('AFK-7');
    await other.wrapper.get('[data-testid="payment-form"]').trigger('submit');
    await flushPromises();
    expect(other.store.confirmPayment).toHaveBeenCalledWith('JANUARY', 'AFK-7', 'akershus');
    expect(store.confirmPayment).not.toHaveBeenCalled();
  });

  it("names the year's unapproved plan that holds the payments back, under that year, with a link to it", async () => {
    const blocked = (instalment: FundingPaymentItem) => ({
      ...instalment,
      status: 'BLOCKED' as const,
      blocked: true,
      paidOn: null,
      reference: null,
      recordedBy: null,
      recordedOn: null,
      shares: instalment.shares.map((part) => ({ ...part, status: 'BLOCKED' as const, recordedBy: null })),
    });
    const { wrapper } = await mountView('county.officer', {
      ...follo2026,
      payments: (follo2026.payments ?? []).map(blocked),
      plansForYear: [
        // Last year's report is not what holds this year's money back.
        { id: 'r1', kind: 'ANNUAL_REPORT', coversYear: 2024, status: 'SUBMITTED' },
        { id: 'p1', kind: 'ACTIVITY_PLAN', coversYear: 2026, status: 'APPROVED' },
        { id: 'b1', kind: 'BUDGET', coversYear: 2026, status: 'SUBMITTED' },
      ],
    });
    const blockers = wrapper.get('[data-testid="funding-blockers"]');
    expect(plain(blockers.get('p').text())).toBe('Utbetalingene for 2026 venter på at fylket godkjenner:');
    expect(blockers.findAll('li').map((item) => plain(item.text()))).toEqual(['Budsjett for 2026 – Til behandling']);
    // The budget fell due in 2025, so it is decided on that year's page.
    expect(blockers.get('a').attributes('href')).toBe('/submissions?region=follo&year=2025#submission-BUDGET-2026');
    // Nothing is named while the plans are approved.
    const released = await mountView('county.officer');
    expect(released.wrapper.find('[data-testid="funding-blockers"]').exists()).toBe(false);
  });

  it('moves the focus into a form that opens, closes it on Escape and confirms a save beside the action', async () => {
    const { wrapper, store } = await mountView('county.officer');
    const newDecision = wrapper.get('[data-testid="new-decision"]');
    (newDecision.element as HTMLElement).focus();
    await newDecision.trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('decision-payer');
    await wrapper.get('[data-testid="decision-form"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="decision-form"]').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('new-decision');

    // A missing reference is told, and the message goes once the officer types one.
    await wrapper.get('[data-testid="new-decision"]').trigger('click');
    await flushPromises();
    await wrapper.get('#decision-granted').setValue('650 000');
    await wrapper.get('[data-testid="decision-form"]').trigger('submit');
    const problem = () => plain(wrapper.get('[data-testid="decision-form"] .error-text').text());
    expect(problem()).not.toBe('');
    await wrapper.get('#decision-reference').setValue('FT-sak 43/25');
    expect(problem()).toBe('');

    await wrapper.get('[data-testid="decision-form"]').trigger('submit');
    await flushPromises();
    const notice = wrapper.get('[data-testid="funding-decisions-notice"]');
    expect(notice.text()).not.toBe('');
    expect(document.activeElement).toBe(notice.element);
    // The payments' own message place stays empty: the confirmation is where the decision was made.
    expect(wrapper.get('[data-testid="funding-payments-notice"]').text()).toBe('');
    // The decision changed what the page shows: the year is asked again.
    expect(store.recordBudgetDecision).toHaveBeenCalledTimes(1);
    expect(store.load).toHaveBeenCalledTimes(2);
  });

  it('tells a failed load in words, not as an error code', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const gateway = gatewayOf(null);
    gateway.load.mockReturnValue({
      errors: [{ message: 'Forbidden: county officers only', extensions: { code: 'FORBIDDEN' } }],
    });
    const { wrapper } = await mountView('county.officer', null, gateway);
    const text = wrapper.get('[data-testid="funding-error"]').text();
    expect(text).toContain('Du har ikke tilgang til dette.');
    expect(text).not.toContain('FORBIDDEN');
    expect(text).not.toContain('county officers only');
    // The detail is kept for whoever debugs it, in the browser's console.
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('FORBIDDEN'));
    warn.mockRestore();
  });

  it('shows the coordination group the money without the actions', async () => {
    const { wrapper } = await mountView('coordination.member');
    expect(wrapper.find('[data-testid="record-payment-AUGUST"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="new-decision"]').exists()).toBe(false);
  });
});

describe('funding access', () => {
  it('offers recording only for a released, unrecorded instalment and confirming only to another officer', () => {
    expect(seesFunding('COUNTY_OFFICER')).toBe(true);
    expect(seesFunding('ADVISER')).toBe(false);
    expect(mayRecordPayment({ recordedBy: null, blocked: true, status: 'OVERDUE' })).toBe(false);
    expect(mayRecordPayment({ recordedBy: null, blocked: false, status: 'OVERDUE' })).toBe(true);
    expect(mayRecordPayment({ recordedBy: 'Kari Nordmann', blocked: false, status: 'RECORDED' })).toBe(false);
    const recorded = { recordedBy: 'Kari Nordmann', confirmedOn: null };
    expect(awaitsConfirmation(recorded)).toBe(true);
    expect(mayConfirmPayment(recorded, 'Kari Nordmann')).toBe(false);
    expect(mayConfirmPayment(recorded, 'Eirik Solberg')).toBe(true);
    expect(mayConfirmPayment({ ...recorded, confirmedOn: '2026-01-21' }, 'Eirik Solberg')).toBe(false);
  });
});

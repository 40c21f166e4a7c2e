// The referral inbox with a testing store: the list in words, next steps only for the receiving party, declining with a reason.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ReferralItem, useReferralsStore } from '../src/stores/referrals';
import ReferralsView from '../src/views/ReferralsView.vue';
import { accessTokenFor, createStrictI18n, forbidNetwork } from './fixtures';
import { partnerTokenFor, referralItems } from './partners-fixtures';

function mountView(
  accessToken: string,
  { items = referralItems as ReferralItem[], actionError = null as unknown, hasNextPage = false } = {},
) {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: {
      auth: { accessToken },
      referrals: {
        items,
        totalCount: items.length,
        hasNextPage,
        offset: 0,
        loading: false,
        error: null,
        saving: false,
        actionError,
      },
    },
  });
  const wrapper = mount(ReferralsView, {
    global: { plugins: [pinia, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  return { wrapper, store: useReferralsStore(pinia) };
}

const stepButtons = (wrapper: ReturnType<typeof mountView>['wrapper'], id: string) =>
  wrapper.findAll(`[data-testid^="referral-step-${id}-"]`).map((button) => button.text());

enableAutoUnmount(afterEach);

describe('ReferralsView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('filters by status and direction from the first page, keeping the other condition', async () => {
    const { wrapper, store } = mountView(partnerTokenFor('innovasjon.norge'));
    const status = wrapper.get('[data-testid="referrals-filter-status"]');
    expect(wrapper.get(`label[for="${status.attributes('id')}"]`).text()).toBe('Status');
    expect(status.findAll('option').map((option) => option.text())).toEqual([
      'Alle statuser',
      'Sendt',
      'Mottatt',
      'Akseptert',
      'Avslått',
      'Fullført',
    ]);

    await status.setValue('ACCEPTED');
    expect(store.load).toHaveBeenLastCalledWith(0, { status: 'ACCEPTED', direction: null });
    store.filter = { status: 'ACCEPTED', direction: null };
    await wrapper.get('[data-testid="referrals-filter-direction"]').setValue('TO_NAV');
    expect(store.load).toHaveBeenLastCalledWith(0, { status: 'ACCEPTED', direction: 'TO_NAV' });
  });

  it('loads the first page and lists each referral in words', () => {
    const { wrapper, store } = mountView(partnerTokenFor('innovasjon.norge'));

    expect(store.load).toHaveBeenCalledWith(0, { status: null, direction: null });
    const row = wrapper.get('[data-testid="referral-ref-in"]');
    expect(row.get('h2').text()).toBe('Nora Berg – Til Innovasjon Norge');
    expect(row.text()).toContain('Etablerertilskudd fase 1 (markedsavklaring)');
    expect(row.text()).toContain('Follo');
    expect(row.text()).toContain('12.09.2024');
    expect(wrapper.get('[data-testid="referral-contact-ref-in"]').text()).toBe('nora@example.no · +47 400 00 001');
    expect(wrapper.get('[data-testid="referral-contact-ref-nav"]').text()).toBe('Ikke delt');
    expect(wrapper.get('[data-testid="referral-status-ref-declined"]').text()).toBe('Avslått 02.07.2024');
    expect(wrapper.get('[data-testid="referral-reason-ref-declined"]').text()).toBe('Mangler forretningsplan.');
  });

  it('offers Innovasjon Norge the allowed steps on referrals to it, and nothing on the others', () => {
    const { wrapper } = mountView(partnerTokenFor('innovasjon.norge'));

    expect(stepButtons(wrapper, 'ref-in')).toEqual(['Mottatt', 'Akseptert', 'Avslått']);
    expect(stepButtons(wrapper, 'ref-nav')).toEqual([]);
    expect(stepButtons(wrapper, 'ref-from-nav')).toEqual([]);
    // Declined is where a referral ends.
    expect(stepButtons(wrapper, 'ref-declined')).toEqual([]);
  });

  it('offers NAV the steps on referrals to NAV only', () => {
    const { wrapper } = mountView(partnerTokenFor('nav.follo'));

    expect(stepButtons(wrapper, 'ref-nav')).toEqual(['Akseptert', 'Avslått']);
    expect(stepButtons(wrapper, 'ref-in')).toEqual([]);
    expect(stepButtons(wrapper, 'ref-from-nav')).toEqual([]);
  });

  it("offers the region's own adviser the steps on referrals from NAV, and no one else's adviser or officer", () => {
    const own = mountView(accessTokenFor('follo.adviser'));
    expect(stepButtons(own.wrapper, 'ref-from-nav')).toEqual(['Fullført']);
    expect(stepButtons(own.wrapper, 'ref-in')).toEqual([]);
    own.wrapper.unmount();

    const other = mountView(partnerTokenFor('halden.adviser'));
    expect(other.wrapper.findAll('[data-testid^="referral-step-"]')).toHaveLength(0);
    other.wrapper.unmount();

    const county = mountView(accessTokenFor('county.officer'));
    expect(county.wrapper.findAll('[data-testid^="referral-step-"]')).toHaveLength(0);
  });

  it('sends a step that needs no reason at once, with the version it was based on', async () => {
    const { wrapper, store } = mountView(partnerTokenFor('innovasjon.norge'));
    const button = wrapper.get('[data-testid="referral-step-ref-in-RECEIVED"]');
    expect(button.attributes('aria-label')).toBe('Marker henvisningen for Nora Berg som Mottatt');

    await button.trigger('click');

    expect(store.changeStatus).toHaveBeenCalledWith('ref-in', 1, 'RECEIVED');
  });

  it('asks for a reason before declining, and sends it trimmed', async () => {
    const { wrapper, store } = mountView(partnerTokenFor('innovasjon.norge'));
    await wrapper.get('[data-testid="referral-step-ref-in-DECLINED"]').trigger('click');
    expect(store.changeStatus).not.toHaveBeenCalled();

    const form = wrapper.get('[data-testid="referral-decline-form-ref-in"]');
    expect(form.get('label[for="decline-reason-ref-in"]').text()).toBe('Hvorfor avslås henvisningen?');
    expect(document.activeElement?.id).toBe('decline-reason-ref-in');

    await form.trigger('submit');
    expect(store.changeStatus).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="referral-reason-error-ref-in"]').text()).toBe(
      'Skriv hvorfor henvisningen avslås.',
    );
    expect(form.get('textarea').attributes('aria-invalid')).toBe('true');

    await form.get('textarea').setValue('  Utenfor målgruppen.  ');
    await form.trigger('submit');
    expect(store.changeStatus).toHaveBeenCalledWith('ref-in', 1, 'DECLINED', 'Utenfor målgruppen.');
  });

  it('explains a conflict and offers to reload', async () => {
    const { wrapper, store } = mountView(partnerTokenFor('innovasjon.norge'), {
      actionError: { message: 'Stale version.', codes: ['CONFLICT'], fieldErrors: {} },
    });

    const alert = wrapper.get('[data-testid="referrals-action-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('Noen andre har endret henvisningen i mellomtiden.');
    await wrapper.get('[data-testid="referrals-reload"]').trigger('click');
    expect(store.reload).toHaveBeenCalled();
  });

  it('says so when there are no referrals, and pages on when there are more', async () => {
    const empty = mountView(partnerTokenFor('nav.follo'), { items: [] });
    expect(empty.wrapper.get('[data-testid="referrals-empty"]').text()).toBe('Ingen henvisninger å vise.');
    empty.wrapper.unmount();

    const { wrapper, store } = mountView(partnerTokenFor('nav.follo'), { hasNextPage: true });
    expect(wrapper.get<HTMLButtonElement>('[data-testid="referrals-previous"]').element.disabled).toBe(true);
    await wrapper.get('[data-testid="referrals-next"]').trigger('click');
    expect(store.load).toHaveBeenLastCalledWith(20);
  });
});

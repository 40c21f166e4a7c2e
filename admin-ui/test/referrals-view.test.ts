// The referral inbox against a stubbed gateway: pages and filters as variables, the list in words, next steps only
// for the receiving party, declining with a reason, conflicts, the loading, empty and error states.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type ReferralItem, referralPageSize } from '../src/queries/referrals';
import ReferralsView from '../src/views/ReferralsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';
import { partnerTokenFor, referralItems } from './partners-fixtures';

type Variables = { first: number; offset: number; status?: string; direction?: string };

/** A page of the inbox as the gateway answers it. */
const pageOf = (items: ReferralItem[], { totalCount = items.length, hasNextPage = false } = {}) =>
  jsonResponse({ data: { referrals: { items, totalCount, hasNextPage } } });
const failure = (code: string, message = 'Refused.') => jsonResponse({ errors: [{ message, extensions: { code } }] });

const isInbox = (call: GraphQLCall) => call.body.query.includes('query ReferralInbox');
const isChange = (call: GraphQLCall) => call.body.query.includes('mutation ChangeReferralStatus');

interface Gateway {
  /** What the inbox answers for a page's variables; every referral on one page by default. */
  inbox?: (variables: Variables) => Response | Promise<Response>;
  /** What changeReferralStatus answers; the referral moved on by default. */
  change?: (call: GraphQLCall) => Response;
}

async function mountView(accessToken: string, gateway: Gateway = {}) {
  const { calls } = stubGraphQL((call) => {
    if (isInbox(call)) return (gateway.inbox ?? (() => pageOf(referralItems)))(call.body.variables as Variables);
    if (isChange(call)) {
      if (gateway.change) return gateway.change(call);
      const { id, version, status, reason } = call.body.variables as Record<string, unknown>;
      return jsonResponse({
        data: {
          changeReferralStatus: {
            id,
            version: (version as number) + 1,
            status,
            statusChangedOn: '2024-09-13',
            statusReason: reason ?? null,
          },
        },
      });
    }
    throw new Error(`Unexpected operation: ${call.body.query}`);
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken } } });
  const wrapper = mount(ReferralsView, {
    global: { plugins: [pinia, queryLayer(pinia), createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return {
    wrapper,
    /** The variables of every inbox request, in order. */
    asked: () => calls.filter(isInbox).map((call) => call.body.variables),
    changes: () => calls.filter(isChange).map((call) => call.body.variables),
  };
}

type Wrapper = Awaited<ReturnType<typeof mountView>>['wrapper'];

const stepButtons = (wrapper: Wrapper, id: string) =>
  wrapper.findAll(`[data-testid^="referral-step-${id}-"]`).map((button) => button.text());
const shownIds = (wrapper: Wrapper) =>
  wrapper.findAll('[data-testid^="referral-ref-"]').map((item) => item.attributes('data-testid'));

/** An answer the test lets through when it wants to. */
function deferred() {
  let release!: (response: Response) => void;
  const promise = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

enableAutoUnmount(afterEach);

describe('ReferralsView', () => {
  it('loads the first page with the page size and offset as variables, and lists each referral in words', async () => {
    const { wrapper, asked } = await mountView(partnerTokenFor('innovasjon.norge'));

    expect(asked()).toEqual([{ first: referralPageSize, offset: 0 }]);
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

  it('names an erased client "Anonymisert", never by the services\' English placeholder', async () => {
    const erased = {
      ...(referralItems[0] as ReferralItem),
      sharedClientData: { name: '(anonymised)', email: null, phone: null },
    };
    const { wrapper } = await mountView(partnerTokenFor('innovasjon.norge'), { inbox: () => pageOf([erased]) });

    expect(wrapper.get('[data-testid="referral-ref-in"] h2').text()).toBe('Anonymisert – Til Innovasjon Norge');
    expect(wrapper.get('[data-testid="referral-step-ref-in-RECEIVED"]').attributes('aria-label')).toBe(
      'Marker henvisningen for Anonymisert som Mottatt',
    );
    expect(wrapper.text()).not.toContain('(anonymised)');
  });

  it('filters by status and direction from the first page, keeping the other condition and the filter when paging', async () => {
    const { wrapper, asked } = await mountView(partnerTokenFor('innovasjon.norge'), {
      inbox: ({ offset }) => pageOf(referralItems, { totalCount: 45, hasNextPage: offset === 0 }),
    });
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

    await wrapper.get('[data-testid="referrals-next"]').trigger('click');
    await flushPromises();
    await status.setValue('ACCEPTED');
    await flushPromises();
    await wrapper.get('[data-testid="referrals-filter-direction"]').setValue('TO_NAV');
    await flushPromises();
    await wrapper.get('[data-testid="referrals-next"]').trigger('click');
    await flushPromises();

    expect(asked()).toEqual([
      { first: 20, offset: 0 },
      { first: 20, offset: 20 },
      { first: 20, offset: 0, status: 'ACCEPTED' },
      { first: 20, offset: 0, status: 'ACCEPTED', direction: 'TO_NAV' },
      { first: 20, offset: 20, status: 'ACCEPTED', direction: 'TO_NAV' },
    ]);
  });

  it('offers Innovasjon Norge the allowed steps on referrals to it, and nothing on the others', async () => {
    const { wrapper } = await mountView(partnerTokenFor('innovasjon.norge'));

    expect(stepButtons(wrapper, 'ref-in')).toEqual(['Mottatt', 'Akseptert', 'Avslått']);
    expect(stepButtons(wrapper, 'ref-nav')).toEqual([]);
    expect(stepButtons(wrapper, 'ref-from-nav')).toEqual([]);
    // Declined is where a referral ends.
    expect(stepButtons(wrapper, 'ref-declined')).toEqual([]);
  });

  it('offers NAV the steps on referrals to NAV only', async () => {
    const { wrapper } = await mountView(partnerTokenFor('nav.follo'));

    expect(stepButtons(wrapper, 'ref-nav')).toEqual(['Akseptert', 'Avslått']);
    expect(stepButtons(wrapper, 'ref-in')).toEqual([]);
    expect(stepButtons(wrapper, 'ref-from-nav')).toEqual([]);
  });

  it("offers the region's own adviser the steps on referrals from NAV, and no one else's adviser or officer", async () => {
    const own = await mountView(accessTokenFor('follo.adviser'));
    expect(stepButtons(own.wrapper, 'ref-from-nav')).toEqual(['Fullført']);
    expect(stepButtons(own.wrapper, 'ref-in')).toEqual([]);
    own.wrapper.unmount();

    const other = await mountView(partnerTokenFor('halden.adviser'));
    expect(other.wrapper.findAll('[data-testid^="referral-step-"]')).toHaveLength(0);
    other.wrapper.unmount();

    const county = await mountView(accessTokenFor('county.officer'));
    expect(county.wrapper.findAll('[data-testid^="referral-step-"]')).toHaveLength(0);
  });

  it('sends a step that needs no reason at once, with everything as variables, then shows the inbox afresh', async () => {
    const { wrapper, asked, changes } = await mountView(partnerTokenFor('innovasjon.norge'));
    const button = wrapper.get('[data-testid="referral-step-ref-in-RECEIVED"]');
    expect(button.attributes('aria-label')).toBe('Marker henvisningen for Nora Berg som Mottatt');

    await button.trigger('click');
    await flushPromises();

    expect(changes()).toEqual([{ id: 'ref-in', version: 1, status: 'RECEIVED', reason: null }]);
    expect(wrapper.get('[data-testid="referrals-notice"]').text()).toBe('Henvisningen er markert som Mottatt.');
    // The page on screen is asked for again, so it shows the new status and version.
    expect(asked()).toEqual([
      { first: 20, offset: 0 },
      { first: 20, offset: 0 },
    ]);
  });

  it('asks for a reason before declining, and sends it trimmed', async () => {
    const { wrapper, changes } = await mountView(partnerTokenFor('innovasjon.norge'));
    await wrapper.get('[data-testid="referral-step-ref-in-DECLINED"]').trigger('click');
    expect(changes()).toEqual([]);

    const form = wrapper.get('[data-testid="referral-decline-form-ref-in"]');
    expect(form.get('label[for="decline-reason-ref-in"]').text()).toBe('Hvorfor avslås henvisningen?');
    expect(document.activeElement?.id).toBe('decline-reason-ref-in');

    await form.trigger('submit');
    expect(changes()).toEqual([]);
    expect(wrapper.get('[data-testid="referral-reason-error-ref-in"]').text()).toBe(
      'Skriv hvorfor henvisningen avslås.',
    );
    expect(form.get('textarea').attributes('aria-invalid')).toBe('true');

    await form.get('textarea').setValue('  Utenfor målgruppen.  ');
    await form.trigger('submit');
    await flushPromises();
    expect(changes()).toEqual([{ id: 'ref-in', version: 1, status: 'DECLINED', reason: 'Utenfor målgruppen.' }]);
    expect(wrapper.find('[data-testid="referral-decline-form-ref-in"]').exists()).toBe(false);
  });

  it('explains a conflict without asking again, and reloads when the user asks', async () => {
    const { wrapper, asked } = await mountView(partnerTokenFor('innovasjon.norge'), {
      change: () => failure('CONFLICT', 'Stale version.'),
    });
    await wrapper.get('[data-testid="referral-step-ref-in-RECEIVED"]').trigger('click');
    await flushPromises();

    const alert = wrapper.get('[data-testid="referrals-action-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('Noen andre har endret henvisningen i mellomtiden.');
    expect(asked()).toHaveLength(1);

    await wrapper.get('[data-testid="referrals-reload"]').trigger('click');
    await flushPromises();
    expect(asked()).toHaveLength(2);
    expect(wrapper.find('[data-testid="referrals-action-error"]').exists()).toBe(false);
  });

  it('says so when there are no referrals', async () => {
    const { wrapper } = await mountView(partnerTokenFor('nav.follo'), { inbox: () => pageOf([]) });
    expect(wrapper.get('[data-testid="referrals-empty"]').text()).toBe('Ingen henvisninger å vise.');
    expect(wrapper.find('[data-testid="referrals-download-csv"]').exists()).toBe(false);
  });

  it('pages on, keeping the page on screen while the next one loads', async () => {
    const secondPage = deferred();
    const { wrapper, asked } = await mountView(partnerTokenFor('nav.follo'), {
      inbox: ({ offset }) =>
        offset === 0 ? pageOf(referralItems, { totalCount: 24, hasNextPage: true }) : secondPage.promise,
    });
    expect(wrapper.get<HTMLButtonElement>('[data-testid="referrals-previous"]').element.disabled).toBe(true);
    expect(wrapper.get('[data-testid="referrals-range"]').text()).toBe('Viser 1–4 av 24');

    await wrapper.get('[data-testid="referrals-next"]').trigger('click');
    await flushPromises();

    expect(asked()).toEqual([
      { first: 20, offset: 0 },
      { first: 20, offset: 20 },
    ]);
    expect(wrapper.get('[data-testid="referrals-loading"]').attributes('role')).toBe('status');
    expect(shownIds(wrapper)).toHaveLength(referralItems.length);
    expect(wrapper.get('[data-testid="referrals-range"]').text()).toBe('Viser 1–4 av 24');

    secondPage.release(pageOf(referralItems.slice(0, 1), { totalCount: 24, hasNextPage: false }));
    await flushPromises();
    expect(wrapper.find('[data-testid="referrals-loading"]').exists()).toBe(false);
    expect(shownIds(wrapper)).toEqual(['referral-ref-in']);
    expect(wrapper.get('[data-testid="referrals-range"]').text()).toBe('Viser 21–21 av 24');
    expect(wrapper.get<HTMLButtonElement>('[data-testid="referrals-next"]').element.disabled).toBe(true);
  });

  it('shows the newest choice, not a slower answer to an earlier one', async () => {
    const sent = deferred();
    const { wrapper } = await mountView(partnerTokenFor('innovasjon.norge'), {
      inbox: ({ status }) =>
        status === 'SENT' ? sent.promise : pageOf(referralItems.filter((item) => !status || item.status === status)),
    });
    const status = wrapper.get('[data-testid="referrals-filter-status"]');

    await status.setValue('SENT');
    await flushPromises();
    await status.setValue('DECLINED');
    await flushPromises();
    sent.release(pageOf(referralItems.filter((item) => item.status === 'SENT')));
    await flushPromises();

    expect(shownIds(wrapper)).toEqual(['referral-ref-declined']);
  });

  it('explains a failed load, shows no referrals under it, and loads again on "try again"', async () => {
    let refuse = true;
    const { wrapper, asked } = await mountView(partnerTokenFor('nav.follo'), {
      inbox: () => (refuse ? failure('FORBIDDEN', 'Not yours.') : pageOf(referralItems)),
    });

    const alert = wrapper.get('[data-testid="referrals-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('Du har ikke tilgang til henvisningene.');
    expect(shownIds(wrapper)).toEqual([]);
    expect(wrapper.find('[data-testid="referrals-empty"]').exists()).toBe(false);

    refuse = false;
    await alert.get('button').trigger('click');
    await flushPromises();
    expect(asked()).toHaveLength(2);
    expect(wrapper.find('[data-testid="referrals-error"]').exists()).toBe(false);
    expect(shownIds(wrapper)).toHaveLength(referralItems.length);
  });
});

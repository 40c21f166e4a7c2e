// Referring a client from the client page: the rules (programmes by receiver as the graph offers them, consent, the
// Oslo day), and the form against a stubbed gateway: who sees it, consent gating, field errors, success.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import ReferClientForm from '../src/components/ReferClientForm.vue';
import { todayInOslo } from '../src/composables/osloCalendar';
import {
  checkReferral,
  emptyReferralDraft,
  programmesFor,
  type ReferralDraft,
  sendsReferrals,
} from '../src/composables/referralRules';
import type { ClientDetail } from '../src/queries/client';
import type { ReferralFormOptions, SentReferral } from '../src/queries/referClient';
import ClientView from '../src/views/ClientView.vue';
import { clientPageAnswers, nadia } from './clients-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  forbidNetwork,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';
import { partnerTokenFor } from './partners-fixtures';

// What the partners subgraph's referralProgrammes answers (its test checks that sendReferral takes exactly these).
const options: ReferralFormOptions = {
  referralProgrammes: [
    { programme: 'STARTUP_GRANT_PHASE_1', direction: 'TO_INNOVASJON_NORGE' },
    { programme: 'STARTUP_GRANT_PHASE_2', direction: 'TO_INNOVASJON_NORGE' },
    { programme: 'STARTUP_GRANT_PHASE_3', direction: 'TO_INNOVASJON_NORGE' },
    { programme: 'STARTUP_LOAN', direction: 'TO_INNOVASJON_NORGE' },
    { programme: 'FROM_IDEA_TO_MARKET_SEMINAR', direction: 'TO_INNOVASJON_NORGE' },
    { programme: 'UNEMPLOYMENT_BENEFIT_DURING_START_UP', direction: 'TO_NAV' },
    { programme: 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP', direction: 'TO_NAV' },
    { programme: 'INTRODUCTION_PROGRAMME', direction: 'TO_NAV' },
    { programme: 'QUALIFICATION_PROGRAMME', direction: 'TO_NAV' },
    { programme: 'OTHER', direction: 'TO_OTHER_ACTOR' },
    { programme: 'ENTREPRENEUR_SERVICE', direction: 'FROM_NAV' },
  ],
  municipalities: [
    { number: '3020', name: 'Nordre Follo' },
    { number: '3021', name: 'Ås' },
    { number: '3099', name: 'Utenfor' },
  ],
  navOffices: [{ id: 'nav-follo', name: 'NAV Follo', municipalityNumbers: ['3020', '3021'] }],
};

const today = '2024-09-12';

function draft(overrides: Partial<ReferralDraft> = {}): ReferralDraft {
  return {
    ...emptyReferralDraft(nadia),
    direction: 'TO_INNOVASJON_NORGE',
    programme: 'STARTUP_GRANT_PHASE_1',
    consentGiven: true,
    consentGivenOn: '2024-09-10',
    ...overrides,
  };
}

describe('referral rules', () => {
  it('lets only advisers with a region send referrals', () => {
    expect(sendsReferrals({ role: 'ADVISER', regionId: 'follo' })).toBe(true);
    expect(sendsReferrals({ role: 'ADVISER', regionId: null })).toBe(false);
    for (const role of ['MUNICIPALITY_OFFICER', 'COUNTY_OFFICER', 'INNOVASJON_NORGE', 'NAV', 'COORDINATION_MEMBER']) {
      expect(sendsReferrals({ role, regionId: 'follo' })).toBe(false);
    }
    expect(sendsReferrals(null)).toBe(false);
  });

  it("offers each receiver's own programmes only, from the graph's table", () => {
    const offers = options.referralProgrammes;
    expect(programmesFor('TO_INNOVASJON_NORGE', offers)).toEqual([
      'STARTUP_GRANT_PHASE_1',
      'STARTUP_GRANT_PHASE_2',
      'STARTUP_GRANT_PHASE_3',
      'STARTUP_LOAN',
      'FROM_IDEA_TO_MARKET_SEMINAR',
    ]);
    expect(programmesFor('TO_NAV', offers)).toEqual([
      'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
      'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP',
      'INTRODUCTION_PROGRAMME',
      'QUALIFICATION_PROGRAMME',
    ]);
    expect(programmesFor('TO_OTHER_ACTOR', offers)).toEqual(['OTHER']);
    expect(programmesFor('', offers)).toEqual([]);
    // Nothing to offer before the table has loaded.
    expect(programmesFor('TO_NAV', null)).toEqual([]);
  });

  it('judges "today" by the calendar in Oslo, not UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Oslo.
    expect(todayInOslo(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(todayInOslo(new Date('2024-06-15T12:00:00Z'))).toBe('2024-06-15');
  });

  it('refuses a referral without consent, or with consent dated in the future', () => {
    const noConsent = checkReferral(nadia, draft({ consentGiven: false, consentGivenOn: '' }), {
      today,
      navOffices: null,
      programmes: null,
    });
    expect(noConsent).toEqual({ ok: false, errors: { consent: 'consentRequired', consentGivenOn: 'required' } });

    const future = checkReferral(nadia, draft({ consentGivenOn: '2024-09-13' }), {
      today,
      navOffices: null,
      programmes: null,
    });
    expect(future).toEqual({ ok: false, errors: { consentGivenOn: 'future' } });

    const sameDay = checkReferral(nadia, draft({ consentGivenOn: today }), {
      today,
      navOffices: null,
      programmes: null,
    });
    expect(sameDay.ok).toBe(true);
  });

  it("refuses another receiver's programme, a nameless actor and a municipality NAV does not serve", () => {
    expect(
      checkReferral(nadia, draft({ direction: 'TO_NAV', programme: 'STARTUP_LOAN' }), {
        today,
        navOffices: [],
        programmes: options.referralProgrammes,
      }),
    ).toEqual({ ok: false, errors: { programme: 'wrongProgramme', municipalityNumber: 'noNavOffice' } });
    expect(
      checkReferral(nadia, draft({ direction: 'TO_OTHER_ACTOR', programme: 'OTHER', otherActor: '  ' }), {
        today,
        navOffices: null,
        programmes: null,
      }),
    ).toEqual({ ok: false, errors: { otherActor: 'required' } });
    expect(
      checkReferral(nadia, draft({ note: 'x'.repeat(2001) }), { today, navOffices: null, programmes: null }),
    ).toEqual({
      ok: false,
      errors: { note: 'tooLong' },
    });
  });

  it('shares the name always and e-mail or phone only when ticked; the municipality only for NAV', () => {
    const toInnovasjonNorge = checkReferral(nadia, draft({ sharePhone: true, municipalityNumber: '3021' }), {
      today,
      navOffices: options.navOffices,
      programmes: options.referralProgrammes,
    });
    expect(toInnovasjonNorge).toEqual({
      ok: true,
      input: {
        clientId: 'client-7',
        direction: 'TO_INNOVASJON_NORGE',
        programme: 'STARTUP_GRANT_PHASE_1',
        otherActor: null,
        municipalityNumber: null,
        consentGivenOn: '2024-09-10',
        sharedClientData: { name: 'Nadia Rahman', email: null, phone: '+47 912 34 567' },
        note: null,
      },
    });

    const toNav = checkReferral(
      nadia,
      draft({
        direction: 'TO_NAV',
        programme: 'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
        otherActor: 'ignored',
        shareEmail: true,
        note: '  Ønsker dagpenger.  ',
      }),
      { today, navOffices: options.navOffices, programmes: options.referralProgrammes },
    );
    expect(toNav.ok && toNav.input).toMatchObject({
      municipalityNumber: '3021',
      otherActor: null,
      sharedClientData: { name: 'Nadia Rahman', email: 'nadia@example.org', phone: null },
      note: 'Ønsker dagpenger.',
    });
  });
});

/** The referral the stubbed gateway sends back for `input`, as sendReferral answers. */
function sentFor(input: { direction: string; programme: string; otherActor?: string | null }): SentReferral {
  return {
    id: 'ref-1',
    direction: input.direction as SentReferral['direction'],
    programme: input.programme as SentReferral['programme'],
    otherActor: input.otherActor ?? null,
    navOffice: input.direction === 'TO_NAV' ? { id: 'nav-follo', name: 'NAV Follo' } : null,
    status: 'SENT',
    sentOn: '2024-09-12',
  };
}

const isOptions = (call: GraphQLCall) => call.body.query.includes('query ReferralFormOptions');
const isSend = (call: GraphQLCall) => call.body.query.includes('mutation SendReferral');

/** A field error as the partners subgraph gives it. */
const fieldError = (field: string, reason: string) => ({
  message: `${field}: ${reason}`,
  extensions: { code: 'BAD_USER_INPUT', field },
});

interface Gateway {
  /** What ReferralFormOptions answers: the lists, or errors (each call takes the next answer; the last stays). */
  options?: (ReferralFormOptions | 'error')[];
  /** What sendReferral answers; by default the referral sent. */
  send?: (call: GraphQLCall) => Response;
}

async function mountForm(accessToken: string, gateway: Gateway = {}, client: ClientDetail = nadia) {
  const optionAnswers = [...(gateway.options ?? [options])];
  const { calls } = stubGraphQL((call) => {
    if (isOptions(call)) {
      const answer = optionAnswers.length > 1 ? optionAnswers.shift() : optionAnswers[0];
      return answer === 'error' || answer === undefined
        ? jsonResponse({
            errors: [{ message: 'partners did not answer', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
          })
        : jsonResponse({ data: answer });
    }
    if (isSend(call)) {
      if (gateway.send) return gateway.send(call);
      const input = call.body.variables?.input as Parameters<typeof sentFor>[0];
      return jsonResponse({ data: { sendReferral: sentFor(input) } });
    }
    throw new Error(`Unexpected operation: ${call.body.query}`);
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/clients/:id', name: 'client', component: { template: '<div />' } },
      { path: '/referrals', name: 'referrals', component: { template: '<div />' } },
    ],
  });
  await router.push(`/clients/${client.id}`);
  await router.isReady();
  const wrapper = mount(ReferClientForm, {
    props: { client },
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  return {
    wrapper,
    optionCalls: () => calls.filter(isOptions),
    sendCalls: () => calls.filter(isSend),
  };
}

type Wrapper = Awaited<ReturnType<typeof mountForm>>['wrapper'];

const programmeOptions = (wrapper: Wrapper) =>
  wrapper
    .findAll('[data-testid="refer-programme"] option')
    .filter((option) => option.attributes('value') !== '')
    .map((option) => option.text());

async function openForm(wrapper: Wrapper) {
  await wrapper.get('[data-testid="refer-open"]').trigger('click');
  await flushPromises();
}

async function fillValid(wrapper: Wrapper) {
  await wrapper.get('[data-testid="refer-direction-TO_INNOVASJON_NORGE"]').setValue(true);
  await wrapper.get('[data-testid="refer-programme"]').setValue('STARTUP_GRANT_PHASE_1');
  await wrapper.get('[data-testid="refer-consent"]').setValue(true);
  await wrapper.get('[data-testid="refer-consent-date"]').setValue(todayInOslo());
}

async function submit(wrapper: Wrapper) {
  await wrapper.get('[data-testid="refer-form"]').trigger('submit');
  await flushPromises();
}

enableAutoUnmount(afterEach);

describe('ReferClientForm', () => {
  it('is offered to advisers only', async () => {
    const adviser = await mountForm(accessTokenFor('follo.adviser'));
    expect(adviser.wrapper.get('[data-testid="refer-open"]').text()).toBe('Henvis klienten');
    // Nothing is asked for until the adviser opens the form.
    expect(adviser.optionCalls()).toHaveLength(0);
    adviser.wrapper.unmount();

    for (const token of [
      accessTokenFor('nordrefollo.officer'),
      accessTokenFor('county.officer'),
      partnerTokenFor('innovasjon.norge'),
      partnerTokenFor('nav.follo'),
    ]) {
      const other = await mountForm(token);
      expect(other.wrapper.find('[data-testid="refer-client"]').exists()).toBe(false);
      other.wrapper.unmount();
    }
  });

  it('opens with focus on the receivers, loads the options once, and offers only the chosen receiver’s programmes', async () => {
    const { wrapper, optionCalls } = await mountForm(accessTokenFor('follo.adviser'));
    await openForm(wrapper);

    expect(optionCalls()).toHaveLength(1);
    expect(document.activeElement?.id).toBe('refer-direction-TO_INNOVASJON_NORGE');
    expect(wrapper.get<HTMLSelectElement>('[data-testid="refer-programme"]').element.disabled).toBe(true);

    await wrapper.get('[data-testid="refer-direction-TO_INNOVASJON_NORGE"]').setValue(true);
    expect(programmeOptions(wrapper)).toEqual([
      'Etablerertilskudd fase 1 (markedsavklaring)',
      'Etablerertilskudd fase 2 (kommersialisering)',
      'Etablerertilskudd fase 3 (skalering)',
      'Oppstartlån',
      'Seminaret «Fra idé til marked»',
    ]);
    await wrapper.get('[data-testid="refer-programme"]').setValue('STARTUP_LOAN');

    // A programme of the previous receiver does not stay chosen.
    await wrapper.get('[data-testid="refer-direction-TO_NAV"]').setValue(true);
    expect(programmeOptions(wrapper)).toEqual([
      'Dagpenger under etablering',
      'Arbeidsavklaringspenger under etablering',
      'Introduksjonsprogrammet',
      'Kvalifiseringsprogrammet',
    ]);
    expect(wrapper.get<HTMLSelectElement>('[data-testid="refer-programme"]').element.value).toBe('');
    // The client's municipality is prefilled and tells which NAV office it goes to.
    expect(wrapper.get<HTMLSelectElement>('[data-testid="refer-municipality"]').element.value).toBe('3021');
    expect(wrapper.get('[data-testid="refer-nav-office"]').text()).toBe('Henvisningen går til NAV Follo.');

    await wrapper.get('[data-testid="refer-direction-TO_OTHER_ACTOR"]').setValue(true);
    expect(programmeOptions(wrapper)).toEqual(['Annet']);
    expect(wrapper.get<HTMLSelectElement>('[data-testid="refer-programme"]').element.value).toBe('OTHER');
    expect(wrapper.find('[data-testid="refer-other-actor"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="refer-municipality"]').exists()).toBe(false);

    // Closed and opened again, the lists are not asked for again.
    await wrapper.get('[data-testid="refer-form"]').trigger('keydown', { key: 'Escape' });
    await openForm(wrapper);
    expect(optionCalls()).toHaveLength(1);
  });

  it('says when the programmes could not be loaded, and loads them on "try again"', async () => {
    const { wrapper, optionCalls } = await mountForm(accessTokenFor('follo.adviser'), { options: ['error', options] });
    await openForm(wrapper);
    await wrapper.get('[data-testid="refer-direction-TO_NAV"]').setValue(true);

    expect(programmeOptions(wrapper)).toEqual([]);
    const failure = wrapper.get('[data-testid="refer-options-error"]');
    expect(failure.attributes('role')).toBe('alert');
    expect(failure.text()).toContain('Kunne ikke hente ordningene, kommunene og NAV-kontorene.');

    await failure.get('button').trigger('click');
    await flushPromises();

    expect(optionCalls()).toHaveLength(2);
    expect(wrapper.find('[data-testid="refer-options-error"]').exists()).toBe(false);
    expect(programmeOptions(wrapper)).toContain('Introduksjonsprogrammet');
  });

  it('sends nothing until the consent is ticked and dated, and says so at the fields', async () => {
    const { wrapper, sendCalls } = await mountForm(accessTokenFor('follo.adviser'));
    await openForm(wrapper);
    await wrapper.get('[data-testid="refer-direction-TO_INNOVASJON_NORGE"]').setValue(true);
    await wrapper.get('[data-testid="refer-programme"]').setValue('STARTUP_GRANT_PHASE_1');
    // Consent is usually given there and then: the date is today's (Norwegian) until the adviser changes it.
    const consentDate = wrapper.get<HTMLInputElement>('[data-testid="refer-consent-date"]');
    expect(consentDate.element.value).toBe(todayInOslo());
    await consentDate.setValue('');

    await submit(wrapper);

    expect(sendCalls()).toHaveLength(0);
    expect(wrapper.get('[data-testid="refer-error-consent"]').text()).toBe(
      'Klienten må ha samtykket før henvisningen kan sendes.',
    );
    expect(wrapper.get('[data-testid="refer-error-consentGivenOn"]').text()).toBe('Må fylles ut.');
    expect(wrapper.get('[data-testid="refer-consent"]').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('refer-consent');

    await wrapper.get('[data-testid="refer-consent"]').setValue(true);
    await wrapper.get('[data-testid="refer-consent-date"]').setValue('2999-01-01');
    await submit(wrapper);
    expect(sendCalls()).toHaveLength(0);
    expect(wrapper.get('[data-testid="refer-error-consentGivenOn"]').text()).toBe('Datoen kan ikke være frem i tid.');
    expect(wrapper.get('[data-testid="refer-consent-date"]').attributes('max')).toBe(todayInOslo());
  });

  it('clears a message once its field is fixed, and closes on Escape with the focus back on the button', async () => {
    const { wrapper, sendCalls } = await mountForm(accessTokenFor('follo.adviser'), {
      send: () => jsonResponse({ errors: [fieldError('input.note', 'too long')] }),
    });
    await openForm(wrapper);
    await submit(wrapper);
    expect(sendCalls()).toHaveLength(0);
    expect(wrapper.get('[data-testid="refer-error-consent"]').text()).not.toBe('');
    await wrapper.get('[data-testid="refer-consent"]').setValue(true);
    expect(wrapper.get('[data-testid="refer-error-consent"]').text()).toBe('');
    expect(wrapper.get('[data-testid="refer-consent"]').attributes('aria-invalid')).toBeUndefined();

    // The server's message about a field goes as well when the field changes.
    await fillValid(wrapper);
    await wrapper.get('[data-testid="refer-note"]').setValue('Lang.');
    await submit(wrapper);
    expect(sendCalls()).toHaveLength(1);
    expect(wrapper.get('[data-testid="refer-error-note"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
    await wrapper.get('[data-testid="refer-note"]').setValue('Kortere.');
    expect(wrapper.get('[data-testid="refer-error-note"]').text()).toBe('');

    await wrapper.get('[data-testid="refer-form"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="refer-form"]').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('refer-open');
  });

  it('sends the name and only the contact details ticked, as a variable', async () => {
    const { wrapper, sendCalls } = await mountForm(accessTokenFor('follo.adviser'));
    await openForm(wrapper);
    await fillValid(wrapper);
    // Nothing beyond the name is ticked to begin with.
    expect(wrapper.get<HTMLInputElement>('[data-testid="refer-share-email"]').element.checked).toBe(false);
    expect(wrapper.get<HTMLInputElement>('[data-testid="refer-share-phone"]').element.checked).toBe(false);
    await wrapper.get('[data-testid="refer-share-email"]').setValue(true);
    await wrapper.get('[data-testid="refer-note"]').setValue('Har forretningsplan.');

    await submit(wrapper);

    expect(sendCalls()).toHaveLength(1);
    const call = sendCalls()[0];
    expect(call?.body.query).toContain('sendReferral(input: $input)');
    expect(call?.body.query).not.toContain('Nadia');
    expect(call?.body.variables).toEqual({
      input: {
        clientId: 'client-7',
        direction: 'TO_INNOVASJON_NORGE',
        programme: 'STARTUP_GRANT_PHASE_1',
        otherActor: null,
        municipalityNumber: null,
        consentGivenOn: todayInOslo(),
        sharedClientData: { name: 'Nadia Rahman', email: 'nadia@example.org', phone: null },
        note: 'Har forretningsplan.',
      },
    });
  });

  it('offers no contact detail the client has not given', async () => {
    const { wrapper } = await mountForm(accessTokenFor('follo.adviser'), {}, { ...nadia, email: null, phone: null });
    await openForm(wrapper);

    expect(wrapper.find('[data-testid="refer-share-email"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="refer-share-phone"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Navn: Nadia Rahman (deles alltid)');
  });

  it("shows the server's field errors at their fields", async () => {
    const { wrapper, sendCalls } = await mountForm(accessTokenFor('follo.adviser'), {
      send: () =>
        jsonResponse({
          errors: [
            fieldError('input.municipalityNumber', 'no NAV office is known to serve municipality 3099'),
            fieldError('input.sharedClientData.phone', 'digits and spaces, 8 to 20, with an optional leading +'),
          ],
        }),
    });
    await openForm(wrapper);
    await wrapper.get('[data-testid="refer-direction-TO_NAV"]').setValue(true);
    await wrapper.get('[data-testid="refer-programme"]').setValue('INTRODUCTION_PROGRAMME');
    await wrapper.get('[data-testid="refer-share-phone"]').setValue(true);
    await wrapper.get('[data-testid="refer-consent"]').setValue(true);
    await wrapper.get('[data-testid="refer-consent-date"]').setValue(todayInOslo());

    await submit(wrapper);

    expect(sendCalls()).toHaveLength(1);
    expect(wrapper.get('[data-testid="refer-error-municipalityNumber"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
    expect(wrapper.get('[data-testid="refer-error-phone"]').text()).toBe('Skriv et telefonnummer med 8 til 20 sifre.');
    expect(wrapper.get('[data-testid="refer-action-error"]').text()).toBe(
      'Henvisningen ble ikke sendt. Rett feltene som er merket.',
    );
    expect(document.activeElement?.id).toBe('refer-municipality');
    expect(wrapper.emitted('sent')).toBeUndefined();
  });

  it('confirms where the referral went, links to the referral inbox and tells the page', async () => {
    const { wrapper } = await mountForm(accessTokenFor('follo.adviser'));
    await openForm(wrapper);
    await fillValid(wrapper);

    await submit(wrapper);

    expect(wrapper.find('[data-testid="refer-form"]').exists()).toBe(false);
    const notice = wrapper.get('[data-testid="refer-notice"]');
    expect(notice.attributes('role')).toBe('status');
    expect(notice.text()).toContain('Henvisningen er sendt til Innovasjon Norge.');
    expect(wrapper.get('[data-testid="refer-inbox-link"]').attributes('href')).toBe('/referrals');
    expect(document.activeElement).toBe(notice.element);
    expect(wrapper.emitted('sent')).toHaveLength(1);
  });

  it('names the NAV office a referral to NAV went to', async () => {
    const { wrapper } = await mountForm(accessTokenFor('follo.adviser'));
    await openForm(wrapper);
    await wrapper.get('[data-testid="refer-direction-TO_NAV"]').setValue(true);
    await wrapper.get('[data-testid="refer-programme"]').setValue('INTRODUCTION_PROGRAMME');
    await wrapper.get('[data-testid="refer-consent"]').setValue(true);

    await submit(wrapper);

    expect(wrapper.get('[data-testid="refer-notice"]').text()).toContain('Henvisningen er sendt til NAV (NAV Follo).');
  });
});

describe('ClientView with the referral action', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  async function mountClientPage(username: DemoUsername) {
    stubGraphQL(clientPageAnswers(() => nadia));
    const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/clients', name: 'clients', component: { template: '<div />' } },
        { path: '/clients/:id', name: 'client', component: ClientView },
        { path: '/referrals', name: 'referrals', component: { template: '<div />' } },
      ],
    });
    await router.push(`/clients/${nadia.id}`);
    await router.isReady();
    const wrapper = mount(ClientView, {
      global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
      attachTo: document.body,
    });
    await flushPromises();
    return wrapper;
  }

  it("shows the referral action on the client page for the region's adviser and not for the owners of the list", async () => {
    const adviser = await mountClientPage('follo.adviser');
    expect(adviser.get('[data-testid="refer-client"] h2').text()).toBe('Henvisning');
    adviser.unmount();

    const officer = await mountClientPage('nordrefollo.officer');
    expect(officer.find('[data-testid="refer-client"]').exists()).toBe(false);
  });
});

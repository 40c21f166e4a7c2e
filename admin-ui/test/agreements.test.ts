// The agreement pages: the rules the console checks before sending (split of exactly 100 %, minimum
// rates, one year's notice, late extensions), the actions sent with the version they are based on,
// and the detail page's forms with their validation messages and who sees them.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import {
  agreementHistory,
  earliestNoticeEffectiveDate,
  extensionIsLate,
  isRenewable,
  percentToBasisPoints,
  rateOre,
  splitProblem,
} from '../src/composables/agreementRules';
import { type AgreementDetail, useAgreement, useAgreementActions } from '../src/queries/agreements';
import AgreementView from '../src/views/AgreementView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  runInComponent,
  stubGraphQL,
  testingPinia,
} from './fixtures';

const party = (
  id: string,
  kind: AgreementDetail['parties'][number]['kind'],
  organisationName: string,
  extra: Partial<AgreementDetail['parties'][number]> = {},
): AgreementDetail['parties'][number] => ({
  id,
  kind,
  organisationId: id,
  organisationName,
  signs: kind !== 'MUNICIPALITY',
  contributionShareBasisPoints: null,
  municipality: kind === 'MUNICIPALITY' || kind === 'CONTRACT_MUNICIPALITY' ? { number: id } : null,
  signature: null,
  ...extra,
});

const draft: AgreementDetail = {
  id: 'halden-2026',
  version: 3,
  status: 'DRAFT',
  validFrom: '2026-01-01',
  validTo: '2029-12-31',
  originalValidTo: '2029-12-31',
  lastDay: '2029-12-31',
  signedOn: null,
  populationDate: '2021-07-01',
  populationSource: 'SSB 1.7.2021',
  region: { id: 'halden', name: 'Halden' },
  parties: [
    party('3001', 'CONTRACT_MUNICIPALITY', 'Halden kommune', {
      signature: { signedBy: 'Kommunedirektør', signedOn: '2025-12-10', recordedBy: 'Kari Nordmann' },
    }),
    party('ostfold', 'COUNTY', 'Østfold fylkeskommune'),
    party('innovasjon-norge', 'INNOVASJON_NORGE', 'Innovasjon Norge'),
    party('3012', 'MUNICIPALITY', 'Aremark kommune'),
    party('nav-ost-viken', 'NAV', 'NAV Øst-Viken'),
  ],
  partyHistory: [],
  signatures: [
    { id: 's1', signedBy: 'Kommunedirektør', signedOn: '2025-12-10', party: { organisationName: 'Halden kommune' } },
  ],
  awaitingSignatureFrom: [
    { id: 'ostfold', organisationName: 'Østfold fylkeskommune' },
    { id: 'innovasjon-norge', organisationName: 'Innovasjon Norge' },
    { id: 'nav-ost-viken', organisationName: 'NAV Øst-Viken' },
  ],
  supplementaryServices: [{ id: 'x', description: 'Kontorfellesskap' }],
  supplementaryServiceHistory: [{ id: 'x', description: 'Kontorfellesskap', validFrom: '2026-01-01', validTo: null }],
  amendments: [],
  extensions: [],
  notices: [],
  renewedFrom: { id: 'halden-2022' },
  renewedAs: null,
};
const active: AgreementDetail = {
  ...draft,
  id: 'halden-2022',
  status: 'EXPIRED',
  validFrom: '2022-01-01',
  validTo: '2025-12-31',
  originalValidTo: '2025-12-31',
  lastDay: '2025-12-31',
  signedOn: '2021-12-15',
  renewedFrom: null,
  signatures: [
    { id: 's0', signedBy: 'Kommunedirektør', signedOn: '2021-12-15', party: { organisationName: 'Halden kommune' } },
  ],
  partyHistory: [
    {
      id: 'v',
      kind: 'COUNTY',
      organisationName: 'Viken fylkeskommune',
      validFrom: '2022-01-01',
      validTo: '2023-12-31',
      succeeds: null,
    },
    {
      id: 'o',
      kind: 'COUNTY',
      organisationName: 'Østfold fylkeskommune',
      validFrom: '2024-01-01',
      validTo: null,
      succeeds: { organisationName: 'Viken fylkeskommune' },
    },
  ],
};

describe('agreement rules', () => {
  it('reads percentages into basis points and refuses a split that does not add up to exactly 100 %', () => {
    expect(percentToBasisPoints('16,67')).toBe(1667);
    expect(percentToBasisPoints('50')).toBe(5000);
    expect(percentToBasisPoints('33.3 %')).toBe(3330);
    expect(percentToBasisPoints('100,01')).toBeNull();
    expect(percentToBasisPoints('abc')).toBeNull();
    // 50 + 25 + 15 = 90 %: a tenth of the municipal frame would go unpaid.
    expect(
      splitProblem([
        { municipality: 'Moss', percent: '50' },
        { municipality: 'Råde', percent: '25' },
        { municipality: 'Våler', percent: '15' },
      ]),
    ).toEqual({ key: 'sum', sum: '90,00' });
    expect(
      splitProblem([
        { municipality: 'Moss', percent: '50' },
        { municipality: 'Råde', percent: '16,67' },
        { municipality: 'Våler', percent: '16,67' },
        { municipality: 'Vestby', percent: '16,66' },
      ]),
    ).toBeNull();
    expect(splitProblem([{ municipality: 'Moss', percent: 'halvparten' }])).toEqual({
      key: 'invalid',
      municipality: 'Moss',
    });
  });

  it('reads rates in kroner as øre, and knows one year’s notice and a late extension', () => {
    expect(rateOre('5,50')).toBe(550);
    expect(rateOre('5.49')).toBe(549);
    expect(rateOre('fem')).toBeNull();
    expect(earliestNoticeEffectiveDate('2024-02-29')).toBe('2025-02-28');
    expect(earliestNoticeEffectiveDate('2026-12-07')).toBe('2027-12-07');
    expect(extensionIsLate('2026-01-15', '2025-12-31')).toBe(true);
    expect(extensionIsLate('2025-12-31', '2025-12-31')).toBe(false);
  });

  it('offers renewal for an ended agreement and one ending within a year, once', () => {
    expect(isRenewable({ status: 'EXPIRED', lastDay: '2025-12-31' }, '2026-12-07')).toBe(true);
    expect(isRenewable({ status: 'ACTIVE', lastDay: '2027-06-30' }, '2026-12-07')).toBe(true);
    expect(isRenewable({ status: 'ACTIVE', lastDay: '2029-12-31' }, '2026-12-07')).toBe(false);
    expect(isRenewable({ status: 'EXPIRED', lastDay: '2025-12-31', renewedAs: { id: 'x' } }, '2026-12-07')).toBe(false);
    expect(isRenewable({ status: 'DRAFT', lastDay: '2029-12-31' }, '2026-12-07')).toBe(false);
  });

  it('lists the history over time: signatures, conclusion, successions, amendments, extensions, notices, services', () => {
    const events = agreementHistory({
      validFrom: '2022-01-01',
      signedOn: '2021-12-15',
      signatures: [{ signedOn: '2021-12-15', signedBy: 'Ordfører', party: { organisationName: 'Halden kommune' } }],
      amendments: [{ decidedOn: '2023-11-20', description: 'Sats 6,00', consentedBy: ['Viken fylkeskommune'] }],
      extensions: [{ decidedOn: '2025-06-12', validTo: '2026-12-31', lateReason: null }],
      notices: [{ givenOn: '2026-03-01', effectiveOn: '2027-03-01', organisationName: 'Halden kommune' }],
      partyHistory: [
        {
          validFrom: '2024-01-01',
          organisationName: 'Østfold fylkeskommune',
          succeeds: { organisationName: 'Viken fylkeskommune' },
        },
      ],
      supplementaryServiceHistory: [
        { validFrom: '2022-01-01', validTo: '2024-06-30', description: 'Kontorfellesskap' },
        { validFrom: '2024-07-01', validTo: null, description: 'Mentorordning' },
      ],
    });
    expect(events.map((event) => `${event.on} ${event.kind}`)).toEqual([
      '2021-12-15 signed',
      '2021-12-15 inForce',
      '2023-11-20 amended',
      '2024-01-01 succeeded',
      '2024-06-30 serviceEnded',
      '2024-07-01 serviceAdded',
      '2025-06-12 extended',
      '2026-03-01 notice',
    ]);
  });
});

enableAutoUnmount(afterEach);

describe('agreement actions', () => {
  function onScreen(id: string) {
    const pinia = createPinia();
    return runInComponent(() => {
      const detail = useAgreement(id);
      return { detail, actions: useAgreementActions(() => detail.agreement.value, detail.settled) };
    }, [pinia, queryLayer(pinia)]).result;
  }

  it('signs for one party based on the version on screen, and resolves once the new version is on screen', async () => {
    let version = 3;
    const { calls } = stubGraphQL((call) => {
      if (call.body.query.includes('mutation SignAgreement')) {
        version = 4;
        return jsonResponse({ data: { signAgreement: { id: 'halden-2026', status: 'DRAFT' } } });
      }
      return jsonResponse({ data: { agreement: { ...draft, version } } });
    });
    const page = onScreen('halden-2026');
    await flushPromises();
    expect(await page.actions.sign('ostfold', 'Fylkesdirektør', '2025-12-12')).toBe('halden-2026');
    expect(calls[1]?.body.variables).toEqual({
      agreementId: 'halden-2026',
      version: 3,
      partyId: 'ostfold',
      signedBy: 'Fylkesdirektør',
      signedOn: '2025-12-12',
    });
    expect(calls[2]?.body.query).toContain('query AgreementDetail');
    // No wait: a second action right away sends the version it was just given.
    expect(page.detail.agreement.value?.version).toBe(4);
  });

  it("keeps the server's refusal by field, e.g. a backdated notice", async () => {
    stubGraphQL((call) =>
      call.body.query.includes('mutation GiveNotice')
        ? jsonResponse({
            errors: [
              {
                message: 'input.givenOn: today (2026-12-07) or later: notice cannot be backdated',
                extensions: { code: 'BAD_USER_INPUT', field: 'input.givenOn' },
              },
            ],
          })
        : jsonResponse({ data: { agreement: active } }),
    );
    const page = onScreen(active.id);
    await flushPromises();
    expect(await page.actions.giveNotice({ organisationId: '3001', givenOn: '2026-12-06' })).toBeNull();
    expect(page.actions.actionError.value).toMatchObject({
      action: 'notice',
      codes: ['BAD_USER_INPUT'],
      fieldErrors: { givenOn: 'today (2026-12-07) or later: notice cannot be backdated' },
    });
  });
});

describe('the agreement page', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** The gateway's side as spies: the agreement on screen, and each action with what it was sent. */
  function gatewayOf(agreement: AgreementDetail) {
    return {
      load: vi.fn(() => ({ agreement })),
      sign: vi.fn<(partyId: string, signedBy: string, signedOn: string) => void>(),
      setSplit: vi.fn<(shares: unknown) => void>(),
      extend: vi.fn<(validTo: string, decidedOn: string, consenting: string[], lateReason: string | null) => void>(),
      giveNotice: vi.fn<(input: unknown) => void>(),
      amend: vi.fn<(input: unknown) => void>(),
    };
  }

  async function mountView(username: DemoUsername, agreement: AgreementDetail, locale: 'nb' | 'en' = 'nb') {
    const gateway = gatewayOf(agreement);
    stubGraphQL((call: GraphQLCall) => {
      const name = /\b(?:query|mutation) (\w+)/.exec(call.body.query)?.[1];
      const v = call.body.variables as {
        partyId: string;
        signedBy: string;
        signedOn: string;
        shares: unknown;
        validTo: string;
        decidedOn: string;
        consentingPartyIds: string[];
        lateReason: string | null;
        input: unknown;
      };
      const touched = { id: agreement.id, status: agreement.status };
      switch (name) {
        case 'AgreementDetail':
          return jsonResponse({ data: gateway.load() });
        case 'SignAgreement':
          gateway.sign(v.partyId, v.signedBy, v.signedOn);
          return jsonResponse({ data: { signAgreement: touched } });
        case 'SetMunicipalSplit':
          gateway.setSplit(v.shares);
          return jsonResponse({ data: { setMunicipalSplit: touched } });
        case 'ExtendAgreement':
          gateway.extend(v.validTo, v.decidedOn, v.consentingPartyIds, v.lateReason);
          return jsonResponse({ data: { extendAgreement: touched } });
        case 'GiveNotice':
          gateway.giveNotice(v.input);
          return jsonResponse({ data: { giveNotice: touched } });
        case 'AmendAgreement':
          gateway.amend(v.input);
          return jsonResponse({ data: { amendAgreement: touched } });
        default:
          throw new Error(`No answer for ${name} in this test`);
      }
    });
    const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/agreements', name: 'agreements', component: { template: '<p/>' } },
        { path: '/agreements/:id', name: 'agreement', component: AgreementView },
      ],
    });
    await router.push(`/agreements/${agreement.id}`);
    await router.isReady();
    const wrapper = mount(AgreementView, {
      global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n(locale)] },
      attachTo: document.body,
    });
    await flushPromises();
    return { wrapper, store: gateway };
  }

  it('shows each party with who signed and when, and lets a county officer record the missing signatures', async () => {
    const { wrapper, store } = await mountView('county.officer', draft);
    const parties = wrapper.get('[data-testid="agreement-parties"]');
    expect(parties.get('[data-testid="party-3001"]').text()).toContain('Kommunedirektør, 10.12.2025');
    expect(parties.get('[data-testid="party-3012"]').text()).toContain(
      'kontraktskommunen signerer på vegne av kommunen',
    );
    const buttons = parties.findAll('button').map((button) => button.text());
    expect(buttons).toEqual([
      'Registrer signatur for Østfold fylkeskommune',
      'Registrer signatur for Innovasjon Norge',
      'Registrer signatur for NAV Øst-Viken',
    ]);
    await parties.findAll('button')[0]?.trigger('click');
    const form = wrapper.get('[data-testid="agreement-sign-form"]');
    await form.trigger('submit');
    expect(wrapper.get('#sign-by').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#sign-by-error').text()).toBe('Fyll ut feltet.');
    expect(store.sign).not.toHaveBeenCalled();
    await wrapper.get('#sign-by').setValue('Fylkesdirektør for næring');
    await wrapper.get('#sign-on').setValue('2025-12-12');
    await form.trigger('submit');
    await flushPromises();
    expect(store.sign).toHaveBeenCalledWith('ostfold', 'Fylkesdirektør for næring', '2025-12-12');
  });

  it('moves the focus into a panel that opens, closes it on Escape and gives the focus back to its button', async () => {
    const { wrapper, store } = await mountView('county.officer', draft);
    const signOpen = wrapper.get('[data-testid="agreement-parties"]').findAll('button')[1];
    if (!signOpen) throw new Error('no second signing button');
    (signOpen.element as HTMLElement).focus();
    await signOpen.trigger('click');
    await flushPromises();
    const form = wrapper.get('[data-testid="agreement-sign-form"]');
    expect(document.activeElement?.id).toBe('sign-by');
    expect(form.element.contains(document.activeElement)).toBe(true);
    await wrapper.get('#sign-by').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="agreement-sign-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(signOpen.element);
    expect(store.sign).not.toHaveBeenCalled();

    // In force: one panel replaces another, and the focus follows into the one that opened.
    const inForce = await mountView('county.officer', active);
    const [amendOpen, extendOpen] = inForce.wrapper.findAll('.toolbar button[aria-expanded]');
    if (!amendOpen || !extendOpen) throw new Error('no amend or extend button');
    (amendOpen.element as HTMLElement).focus();
    await amendOpen.trigger('click');
    await flushPromises();
    const amendForm = inForce.wrapper.get('[data-testid="agreement-amend-form"]');
    expect(amendForm.element.contains(document.activeElement)).toBe(true);
    (extendOpen.element as HTMLElement).focus();
    await extendOpen.trigger('click');
    await flushPromises();
    expect(inForce.wrapper.find('[data-testid="agreement-amend-form"]').exists()).toBe(false);
    const extendForm = inForce.wrapper.get('[data-testid="agreement-extend-form"]');
    expect(extendForm.element.contains(document.activeElement)).toBe(true);
    await extendForm.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(inForce.wrapper.find('[data-testid="agreement-extend-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(extendOpen.element);
    expect(extendOpen.attributes('aria-expanded')).toBe('false');
  });

  it('shows no signing, split or action buttons to a coordination member', async () => {
    const { wrapper } = await mountView('coordination.member', draft);
    expect(wrapper.findAll('button')).toHaveLength(0);
  });

  it('refuses a split of 90 % before sending, saying what it adds up to', async () => {
    const { wrapper, store } = await mountView('county.officer', {
      ...draft,
      parties: [...draft.parties, party('3099', 'MUNICIPALITY', 'Testkommune')],
    });
    const open = wrapper.findAll('button').find((button) => button.text() === 'Fordeling av kommunenes bidrag');
    await open?.trigger('click');
    const inputs = wrapper.get('[data-testid="agreement-split-form"]').findAll('input');
    expect(inputs).toHaveLength(3);
    await inputs[0]?.setValue('50');
    await inputs[1]?.setValue('30');
    await inputs[2]?.setValue('10');
    await wrapper.get('[data-testid="agreement-split-form"]').trigger('submit');
    expect(wrapper.get('[data-testid="split-error"]').text()).toBe('Andelene er til sammen 90,00 %, ikke 100 %.');
    expect(store.setSplit).not.toHaveBeenCalled();
    await inputs[2]?.setValue('20');
    await wrapper.get('[data-testid="agreement-split-form"]').trigger('submit');
    await flushPromises();
    expect(store.setSplit).toHaveBeenCalledWith([
      { municipalityNumber: '3001', basisPoints: 5000 },
      { municipalityNumber: '3012', basisPoints: 3000 },
      { municipalityNumber: '3099', basisPoints: 2000 },
    ]);
  });

  it('asks why when an extension is decided after the end, and refuses a backdated notice', async () => {
    const { wrapper, store } = await mountView('county.officer', active, 'en');
    const button = (name: string) => wrapper.findAll('button').find((b) => b.text() === name);
    await button('Extend the agreement')?.trigger('click');
    await wrapper.get('#extend-to').setValue('2026-12-31');
    await wrapper.get('#extend-decided').setValue('2026-01-15');
    await wrapper.get('[data-testid="agreement-extend-form"]').trigger('submit');
    expect(wrapper.get('#extend-late-hint').text()).toBe(
      'The agreement ended on 31.12.2025. An extension decided after it ended must say why.',
    );
    expect(wrapper.get('#extend-late-reason-error').text()).toBe('Fill in this field.');
    expect(store.extend).not.toHaveBeenCalled();
    await wrapper.get('#extend-late-reason').setValue('The council decided in January.');
    // Fixed, the field stops saying it is wrong at once.
    expect(wrapper.get('#extend-late-reason-error').text()).toBe('');
    await wrapper.get('[data-testid="agreement-extend-form"]').trigger('submit');
    await flushPromises();
    expect(store.extend).toHaveBeenCalledWith(
      '2026-12-31',
      '2026-01-15',
      active.parties.map((p) => p.id),
      'The council decided in January.',
    );

    await button('Give notice')?.trigger('click');
    await wrapper.get('#notice-party').setValue('3001');
    await wrapper.get('#notice-given').setValue('2000-01-01');
    await wrapper.get('[data-testid="agreement-notice-form"]').trigger('submit');
    expect(wrapper.get('#notice-given-error').text()).toMatch(/^Notice cannot be backdated/);
    expect(store.giveNotice).not.toHaveBeenCalled();
  });

  it('shows the parties over time and the history, Viken succeeded by Østfold on 2024-01-01', async () => {
    const { wrapper } = await mountView('coordination.member', active);
    expect(
      wrapper
        .get('[data-testid="agreement-party-history"]')
        .findAll('li')
        .map((li) => li.text()),
    ).toEqual([
      'Viken fylkeskommune (Fylkeskommune): 01.01.2022–31.12.2023',
      'Østfold fylkeskommune (Fylkeskommune): fra 01.01.2024',
    ]);
    expect(
      wrapper
        .get('[data-testid="agreement-history"]')
        .findAll('li')
        .map((li) => li.text()),
    ).toEqual([
      '15.12.2021: Halden kommune signerte (Kommunedirektør)',
      '15.12.2021: Alle parter har signert: avtalen er inngått',
      '01.01.2024: Østfold fylkeskommune overtok etter Viken fylkeskommune',
      // The fixture's service was added to the 2022 agreement from 2026.
      '01.01.2026: Ny supplerende tjeneste: Kontorfellesskap',
    ]);
  });

  it('asks for the consent of every party an amendment concerns', async () => {
    const { wrapper, store } = await mountView('county.officer', active);
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Endre avtalen')
      ?.trigger('click');
    const form = wrapper.get('[data-testid="agreement-amend-form"]');
    await wrapper.get('#amend-effective').setValue('2027-01-01');
    await wrapper.get('#amend-description').setValue('Satsen økes.');
    const boxes = form.findAll('input[type="checkbox"]');
    // Concerned: Halden kommune and Østfold fylkeskommune; consenting: Halden kommune only.
    await boxes[0]?.setValue(true);
    await boxes[1]?.setValue(true);
    await boxes[active.parties.length]?.setValue(true);
    await form.trigger('submit');
    expect(wrapper.get('[data-testid="amend-consent-error"]').text()).toBe(
      'Østfold fylkeskommune er berørt, men har ikke samtykket.',
    );
    expect(store.amend).not.toHaveBeenCalled();
  });
});

// The client page's businesses: the register of legal entities' status, industry and dates in a table,
// and registering a business: focus moves into the form, Escape closes it, the server's field errors
// (the mod-11 check) show beside the field, and success is told beside the action.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ClientBusinesses from '../src/components/ClientBusinesses.vue';
import type { ClientBusiness } from '../src/queries/clientBusinesses';
import { useRegisterBusiness } from '../src/queries/clientBusinesses';
import { createStrictI18n, type GraphQLCall, jsonResponse, queryLayer, runInComponent, stubGraphQL } from './fixtures';

enableAutoUnmount(afterEach);
afterEach(() => vi.unstubAllGlobals());

const business = (overrides: Partial<ClientBusiness>): ClientBusiness => ({
  id: 'business-1',
  name: 'Kodeverkstedet',
  organisationNumber: '920000215',
  registeredOn: '2022-03-01',
  legalForm: 'ENK',
  industryCode: '62.010',
  registeredInRegisterOn: '2022-03-01',
  deletedOn: null,
  bankruptOn: null,
  registerCheckedAt: '2024-06-02T02:00:00.000Z',
  missingFromRegisterSince: null,
  registerStatus: 'ACTIVE',
  ...overrides,
});

const listed: ClientBusiness[] = [
  business({}),
  business({
    id: 'business-2',
    name: 'Sykkelservice',
    organisationNumber: '920000428',
    industryCode: null,
    registeredInRegisterOn: null,
    deletedOn: '2023-02-01',
    registerStatus: 'DELETED',
  }),
  business({
    id: 'business-3',
    name: 'Nytt firma',
    organisationNumber: '920000630',
    industryCode: null,
    registeredInRegisterOn: null,
    registerCheckedAt: null,
    registerStatus: 'NOT_CHECKED',
  }),
];

const badCheckDigit = {
  errors: [
    {
      message: 'input.organisationNumber: the check digit does not match (mod 11)',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.organisationNumber' },
    },
  ],
  data: null,
};

/** A gateway that lists `businesses`, and answers registerBusiness with `registerAnswer`. */
function gateway(registerAnswer: () => unknown) {
  let current = [...listed];
  return stubGraphQL((call: GraphQLCall) => {
    if (call.body.query.includes('mutation RegisterBusiness')) {
      const answer = registerAnswer();
      if (!('errors' in (answer as object))) {
        const input = call.body.variables?.input as Record<string, string>;
        current = [
          ...current,
          business({
            id: 'business-new',
            name: input.name,
            organisationNumber: input.organisationNumber,
            registeredOn: input.registeredOn,
            industryCode: null,
            registeredInRegisterOn: null,
            registerCheckedAt: null,
            registerStatus: 'NOT_CHECKED',
          }),
        ];
      }
      return jsonResponse(answer);
    }
    return jsonResponse({ data: { client: { id: 'client-7', businesses: current } } });
  });
}

function mountBusinesses(canRegister = true) {
  const pinia = createPinia();
  return mount(ClientBusinesses, {
    props: { clientId: 'client-7', canRegister },
    attachTo: document.body,
    global: { plugins: [pinia, queryLayer(pinia), createStrictI18n('nb')] },
  });
}

describe('registering a business', () => {
  it('keeps the server field errors by field, without the input prefix and path', async () => {
    gateway(() => badCheckDigit);
    const pinia = createPinia();
    setActivePinia(pinia);
    const store = runInComponent(() => useRegisterBusiness(), [pinia, queryLayer(pinia)]).result;
    const ok = await store.register({
      clientId: 'client-7',
      name: 'Feil',
      organisationNumber: '920000216',
      registeredOn: '2024-01-02',
      legalForm: 'AS',
    });
    expect(ok).toBe(false);
    expect(store.actionError.value?.fieldErrors).toEqual({
      organisationNumber: 'the check digit does not match (mod 11)',
    });
  });
});

describe('ClientBusinesses', () => {
  it("lists the businesses with the register's status, industry code and dates", async () => {
    gateway(() => ({ data: { registerBusiness: { id: 'x' } } }));
    const wrapper = mountBusinesses();
    await flushPromises();
    const headers = wrapper.findAll('th[scope="col"]').map((th) => th.text());
    expect(headers).toEqual([
      'Navn',
      'Org.nr.',
      'Organisasjonsform',
      'Næringskode',
      'Registrert',
      'I Enhetsregisteret',
    ]);
    const rows = wrapper.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(rows[0]).toEqual([
      'Kodeverkstedet',
      '920000215',
      'Enkeltpersonforetak (ENK)',
      '62.010',
      '01.03.2022',
      'Aktiv Sist sjekket 02.06.2024',
    ]);
    expect(rows[1]?.[5]).toBe('Slettet 01.02.2023 Sist sjekket 02.06.2024');
    expect(rows[2]?.[5]).toBe('Ikke sjekket ennå');
  });

  it('shows the empty state, and no register button to those who do not counsel the client', async () => {
    stubGraphQL(() => jsonResponse({ data: { client: { id: 'client-7', businesses: [] } } }));
    const wrapper = mountBusinesses(false);
    await flushPromises();
    expect(wrapper.text()).toContain('Ingen foretak er registrert.');
    expect(wrapper.find('[data-testid="business-register-open"]').exists()).toBe(false);
  });

  it('moves focus into the form, closes it on Escape and gives the focus back', async () => {
    gateway(() => ({ data: { registerBusiness: { id: 'x' } } }));
    const wrapper = mountBusinesses();
    await flushPromises();
    await wrapper.get('[data-testid="business-register-open"]').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('business-name');
    await wrapper.get('[data-testid="business-register-form"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="business-register-form"]').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('business-register-open');
  });

  it("shows the server's mod-11 error beside the organisation number, then registers and says so", async () => {
    let answer: unknown = badCheckDigit;
    const { calls } = gateway(() => answer);
    const wrapper = mountBusinesses();
    await flushPromises();
    await wrapper.get('[data-testid="business-register-open"]').trigger('click');
    await wrapper.get('#business-name').setValue('Skibakst');
    await wrapper.get('#business-organisation-number').setValue('920000283');
    await wrapper.get('#business-registered-on').setValue('2024-01-02');
    await wrapper.get('#business-legal-form').setValue('AS');
    await wrapper.get('[data-testid="business-register-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="business-organisation-number-error"]').text()).toBe(
      'Skriv et gyldig organisasjonsnummer (ni sifre).',
    );
    expect(wrapper.get('#business-organisation-number').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('business-organisation-number');
    expect(wrapper.get('[data-testid="business-register-error"]').text()).toBe(
      'Foretaket ble ikke registrert. Se feltene som er merket.',
    );

    answer = { data: { registerBusiness: { id: 'business-new' } } };
    await wrapper.get('#business-organisation-number').setValue('920000282');
    await wrapper.get('[data-testid="business-register-form"]').trigger('submit');
    await flushPromises();
    const sent = calls.filter((call) => call.body.query.includes('mutation RegisterBusiness')).at(-1);
    expect(sent?.body.variables).toEqual({
      input: {
        clientId: 'client-7',
        name: 'Skibakst',
        organisationNumber: '920000282',
        registeredOn: '2024-01-02',
        legalForm: 'AS',
      },
    });
    expect(wrapper.find('[data-testid="business-register-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="business-register-notice"]').text()).toBe('Foretaket er registrert.');
    expect(wrapper.text()).toContain('Skibakst');
  });

  it('checks the number is nine digits before anything is sent', async () => {
    const { calls } = gateway(() => ({ data: { registerBusiness: { id: 'x' } } }));
    const wrapper = mountBusinesses();
    await flushPromises();
    await wrapper.get('[data-testid="business-register-open"]').trigger('click');
    await wrapper.get('#business-name').setValue('Skibakst');
    await wrapper.get('#business-organisation-number').setValue('12345');
    await wrapper.get('[data-testid="business-register-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="business-organisation-number-error"]').text()).toBe(
      'Ni siffer med gyldig kontrollsiffer (modulus 11).',
    );
    expect(calls.some((call) => call.body.query.includes('mutation RegisterBusiness'))).toBe(false);
  });
});

// The intake form's gender and industry code: the server's NACE rule checked before sending, what is sent, and the server's field error at the field.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
// The server's validation as text, so a change to its rule fails this test until the form follows.
import regionsMutations from '../../subgraphs/regions/src/resolvers/Mutation.ts?raw';
import { checkIntake, emptyIntake, industryCodePattern, isIndustryCode } from '../src/composables/clientIntake';
import ClientNewView from '../src/views/ClientNewView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  forbidNetwork,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';

const filled = { ...emptyIntake(), name: 'Nadia Rahman', municipalityNumber: '3021' };

describe('the industry code rule', () => {
  it('is the regions subgraph’s own pattern, character for character', () => {
    const serverRule = /const industryCode = z\.string\(\)\.regex\((\/.+\/), /.exec(regionsMutations)?.[1];
    expect(serverRule).toBe(String(industryCodePattern));
  });

  it('takes a division with up to three more digits after a dot, and nothing else', () => {
    for (const code of ['62', '62.0', '62.01', '62.010', '01.110']) expect(isIndustryCode(code), code).toBe(true);
    for (const code of ['6', '620', '62.', '62.0101', '62,010', 'A62.010', '62.01a', ' 62.010', '']) {
      expect(isIndustryCode(code), code).toBe(false);
    }
  });

  it('is checked after trimming, and the trimmed code is sent', () => {
    expect(checkIntake('follo', { ...filled, industryCode: ' 62.010 ' })).toEqual({
      ok: true,
      input: expect.objectContaining({ industryCode: '62.010' }),
    });
    expect(checkIntake('follo', { ...filled, industryCode: '62,010' })).toEqual({
      ok: false,
      errors: { industryCode: 'industryCode' },
    });
  });
});

describe('checkIntake', () => {
  it('sends the gender the client gave, and neither gender nor industry code when left empty', () => {
    const given = checkIntake('follo', { ...filled, gender: 'FEMALE', industryCode: '56.210' });
    expect(given.ok && given.input).toEqual({
      regionId: 'follo',
      municipalityNumber: '3021',
      name: 'Nadia Rahman',
      immigrantBackground: 'UNKNOWN',
      surveyConsent: false,
      gender: 'FEMALE',
      industryCode: '56.210',
    });
    const notGiven = checkIntake('follo', filled);
    expect(notGiven.ok && notGiven.input).not.toHaveProperty('gender');
    expect(notGiven.ok && notGiven.input).not.toHaveProperty('industryCode');
  });
});

enableAutoUnmount(afterEach);

/** The intake form against a stubbed gateway: Follo's municipalities, and `register` answering registerClient. */
async function mountIntake(register: (input: Record<string, unknown>) => Response = () => jsonResponse({})) {
  const { calls } = stubGraphQL((call) => {
    if (call.body.query.includes('query ClientMunicipalities')) {
      return jsonResponse({
        data: {
          region: {
            id: 'follo',
            municipalities: [
              { number: '3020', name: 'Nordre Follo' },
              { number: '3021', name: 'Ås' },
            ],
          },
        },
      });
    }
    if (call.body.query.includes('mutation RegisterClient')) {
      return register(call.body.variables?.input as Record<string, unknown>);
    }
    throw new Error(`Unexpected operation: ${call.body.query}`);
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor('follo.adviser') } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/clients', name: 'clients', component: { template: '<p />' } },
      { path: '/clients/new', name: 'client-new', component: ClientNewView },
      { path: '/clients/:id', name: 'client', component: { template: '<p />' } },
    ],
  });
  await router.push('/clients/new');
  await router.isReady();
  const wrapper = mount(ClientNewView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  /** The input of each registerClient sent. */
  const registered = () =>
    calls
      .filter((call) => call.body.query.includes('mutation RegisterClient'))
      .map((call) => call.body.variables?.input);
  return { wrapper, router, registered };
}

describe('ClientNewView: gender and industry code', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('offers gender with "ikke oppgitt" chosen, and labels the industry code with an example', async () => {
    const { wrapper } = await mountIntake();
    const gender = wrapper.get<HTMLSelectElement>('[data-testid="intake-gender"]');
    expect(gender.element.value).toBe('');
    expect(gender.findAll('option').map((option) => option.text())).toEqual([
      'Ikke oppgitt',
      'Kvinne',
      'Mann',
      'Annet',
    ]);
    expect(wrapper.get(`label[for="${gender.attributes('id')}"]`).text()).toBe('Kjønn');

    const code = wrapper.get('[data-testid="intake-industry-code"]');
    expect(wrapper.get(`label[for="${code.attributes('id')}"]`).text()).toBe('Næringskode (NACE)');
    const described = code.attributes('aria-describedby')?.split(' ') ?? [];
    expect(described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')).toContain('62.010');
  });

  it('refuses a malformed industry code at the field, focused, without sending', async () => {
    const { wrapper, registered } = await mountIntake();
    await wrapper.get('[data-testid="intake-name"]').setValue('Nadia Rahman');
    await wrapper.get('[data-testid="intake-municipality"]').setValue('3021');
    await wrapper.get('[data-testid="intake-industry-code"]').setValue('6201');
    await wrapper.get('[data-testid="intake-submit"]').trigger('click');

    expect(wrapper.get('[data-testid="intake-error-industryCode"]').text()).toBe(
      'Skriv to sifre, eventuelt med punktum og ett til tre sifre til, for eksempel 62.010.',
    );
    expect(wrapper.get('[data-testid="intake-industry-code"]').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="intake-industry-code"]').element);
    expect(registered()).toEqual([]);

    // Fixed, the field stops saying it is wrong at once, before the next send.
    await wrapper.get('[data-testid="intake-industry-code"]').setValue('62.010');
    expect(wrapper.get('[data-testid="intake-error-industryCode"]').text()).toBe('');
    expect(wrapper.get('[data-testid="intake-industry-code"]').attributes('aria-invalid')).toBeUndefined();
  });

  it('sends the gender and industry code, and keeps them when registering anyway after a duplicate warning', async () => {
    const { wrapper, registered, router } = await mountIntake((input) =>
      input.confirmedNotDuplicate
        ? jsonResponse({ data: { registerClient: { id: 'client-201' } } })
        : jsonResponse({
            errors: [
              {
                message: 'A client in the region may be the same person.',
                extensions: { code: 'CONFLICT', duplicates: ['client-7'] },
              },
            ],
          }),
    );

    await wrapper.get('[data-testid="intake-name"]').setValue('Nadia Rahman');
    await wrapper.get('[data-testid="intake-municipality"]').setValue('3021');
    await wrapper.get('[data-testid="intake-gender"]').setValue('FEMALE');
    await wrapper.get('[data-testid="intake-industry-code"]').setValue('56.210');
    await wrapper.get('[data-testid="intake-submit"]').trigger('click');
    await flushPromises();

    const expected = {
      regionId: 'follo',
      municipalityNumber: '3021',
      name: 'Nadia Rahman',
      immigrantBackground: 'UNKNOWN',
      surveyConsent: false,
      gender: 'FEMALE',
      industryCode: '56.210',
    };
    expect(registered()).toEqual([expected]);
    await wrapper.get('[data-testid="intake-register-anyway"]').trigger('click');
    await flushPromises();
    expect(registered()).toEqual([expected, { ...expected, confirmedNotDuplicate: true }]);
    expect(router.currentRoute.value.path).toBe('/clients/client-201');
  });

  it("shows the server's industry code error at the field", async () => {
    const { wrapper } = await mountIntake(() =>
      jsonResponse({
        errors: [
          {
            message: 'input.industryCode: a NACE code such as 62.010',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.industryCode' },
          },
        ],
      }),
    );
    await wrapper.get('[data-testid="intake-name"]').setValue('Nadia Rahman');
    await wrapper.get('[data-testid="intake-municipality"]').setValue('3021');
    await wrapper.get('[data-testid="intake-industry-code"]').setValue('62.010');
    await wrapper.get('[data-testid="intake-submit"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="intake-error-industryCode"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
    expect(wrapper.get('[data-testid="intake-action-error"]').text()).toBe('Rett feltene som er merket.');

    // The server's reason goes once the field is changed; what it said of the form stays until the next send.
    await wrapper.get('[data-testid="intake-industry-code"]').setValue('62.011');
    expect(wrapper.get('[data-testid="intake-error-industryCode"]').text()).toBe('');
  });
});

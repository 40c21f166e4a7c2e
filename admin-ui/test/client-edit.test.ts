// Editing a client: only changed fields are sent with the version, the page loads again after saving,
// a CONFLICT offers a reload, server field errors show at the field, and only advisers get the button.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { checkClientEdit, draftFromClient } from '../src/composables/clientEdit';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { type ClientDetail, useClientDetail, useUpdateClient } from '../src/queries/client';
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
  runInComponent,
  stubGraphQL,
  testingPinia,
} from './fixtures';

describe('checkClientEdit', () => {
  it('sends nothing when nothing changed', () => {
    expect(checkClientEdit(nadia, draftFromClient(nadia))).toEqual({ ok: true, input: {} });
  });

  it('sends only the changed fields, trimmed, and null for an emptied optional field', () => {
    const draft = {
      ...draftFromClient(nadia),
      phone: '',
      gender: '' as const,
      industryCode: ' 56.101 ',
      municipalityNumber: '3020',
      surveyConsent: false,
    };
    expect(checkClientEdit(nadia, draft)).toEqual({
      ok: true,
      input: { phone: null, gender: null, industryCode: '56.101', municipalityNumber: '3020', surveyConsent: false },
    });
  });

  it('checks the fields the way the server does before anything is sent', () => {
    const draft = { ...draftFromClient(nadia), name: ' ', industryCode: '5621', email: 'nadia@', birthYear: '1850' };
    expect(checkClientEdit(nadia, draft, 2024)).toEqual({
      ok: false,
      errors: { name: 'required', industryCode: 'industryCode', email: 'email', birthYear: 'birthYear' },
    });
  });
});

/** Saving as the client's page does, with the client (of 2024) on screen. */
function editing() {
  const pinia = createPinia();
  setActivePinia(pinia);
  return runInComponent(
    () => ({ page: useClientDetail('client-7', 2024), edit: useUpdateClient() }),
    [pinia, queryLayer(pinia)],
  ).result;
}

describe('saving changes to a client', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  const isDetail = (call: GraphQLCall) => call.body.query.includes('query ClientDetail');

  it('saves with id, version and input as variables, then loads the client again', async () => {
    const { calls } = stubGraphQL((call) =>
      isDetail(call)
        ? jsonResponse({ data: { client: { ...nadia, industryCode: '56.101', version: 4 } } })
        : jsonResponse({ data: { updateClient: { id: 'client-7', version: 4 } } }),
    );
    const { page, edit: store } = editing();
    await flushPromises();
    expect(calls).toHaveLength(1);

    expect(await store.save('client-7', 3, { industryCode: '56.101', gender: null })).toBe(true);
    await flushPromises();

    expect(calls[1]?.body.query).toContain('updateClient(id: $id, version: $version, input: $input)');
    expect(calls[1]?.body.query).not.toContain('client-7');
    expect(calls[1]?.body.variables).toEqual({
      id: 'client-7',
      version: 3,
      input: { industryCode: '56.101', gender: null },
    });
    expect(calls).toHaveLength(3);
    expect(calls[2]?.body.variables).toEqual({ id: 'client-7', year: 2024 });
    expect(page.client.value?.version).toBe(4);
    expect(store.actionError.value).toBeNull();
    expect(store.saving.value).toBe(false);
  });

  it('reports a CONFLICT as a conflict and does not reload by itself', async () => {
    const { calls } = stubGraphQL((call) =>
      isDetail(call)
        ? jsonResponse({ data: { client: nadia } })
        : jsonResponse({
            errors: [
              { message: 'Someone else changed this record; reload and try again.', extensions: { code: 'CONFLICT' } },
            ],
          }),
    );
    const { edit: store } = editing();
    await flushPromises();

    expect(await store.save('client-7', 3, { name: 'Nadia R.' })).toBe(false);
    await flushPromises();
    expect(store.conflict.value).toBe(true);
    expect(calls.filter(isDetail)).toHaveLength(1);
  });

  it('maps the server’s field errors to the input’s field names', async () => {
    stubGraphQL((call) =>
      isDetail(call)
        ? jsonResponse({ data: { client: nadia } })
        : jsonResponse({
            errors: [
              {
                message: 'input.industryCode: a NACE code such as 62.010',
                extensions: { code: 'BAD_USER_INPUT', field: 'input.industryCode' },
              },
            ],
          }),
    );
    const { edit: store } = editing();
    await flushPromises();

    expect(await store.save('client-7', 3, { industryCode: '62.0101' })).toBe(false);
    expect(store.conflict.value).toBe(false);
    expect(store.actionError.value?.fieldErrors).toEqual({ industryCode: 'a NACE code such as 62.010' });
  });
});

enableAutoUnmount(afterEach);

/**
 * The client's page against a stubbed gateway: `client` is the record it answers with (changed by a test to stand
 * for someone else's save), `update` answers updateClient; every call is kept.
 */
async function mountClient(
  username: DemoUsername,
  record: ClientDetail = nadia,
  update: (call: GraphQLCall) => Response = () =>
    jsonResponse({ data: { updateClient: { id: 'client-7', version: 4 } } }),
) {
  const gateway = { client: record };
  const { calls } = stubGraphQL(
    clientPageAnswers(
      () => gateway.client,
      (call) => {
        if (call.body.query.includes('mutation UpdateClient')) return update(call);
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
        return undefined;
      },
    ),
  );
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/clients', name: 'clients', component: { template: '<p />' } },
      { path: '/clients/:id', name: 'client', component: ClientView },
    ],
  });
  await router.push(`/clients/${record.id}`);
  await router.isReady();
  const wrapper = mount(ClientView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  /** The variables of each updateClient sent. */
  const saved = () =>
    calls.filter((call) => call.body.query.includes('mutation UpdateClient')).map((call) => call.body.variables);
  return { wrapper, gateway, calls, saved };
}

describe('EditClientForm on the client page', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('shows gender and industry code among the details', async () => {
    const { wrapper } = await mountClient('nordrefollo.officer');
    expect(wrapper.get('[data-testid="client-gender"]').text()).toBe('Kvinne');
    expect(wrapper.get('[data-testid="client-industry-code"]').text()).toBe('56.210');

    const { wrapper: blank } = await mountClient('nordrefollo.officer', { ...nadia, gender: null, industryCode: null });
    expect(blank.get('[data-testid="client-gender"]').text()).toBe('Ikke oppgitt');
    expect(blank.get('[data-testid="client-industry-code"]').text()).toBe('–');
  });

  it.each([
    ['follo.adviser', true],
    ['nordrefollo.officer', false],
    ['county.officer', false],
  ] as const)('offers the edit button to %s: %s', async (username, offered) => {
    const { wrapper } = await mountClient(username);
    expect(wrapper.find('[data-testid="client-edit-open"]').exists()).toBe(offered);
    expect(wrapper.find('[data-testid="client-edit-form"]').exists()).toBe(false);
  });

  it('opens filled with the client, focused on the name, and checks the industry code before saving', async () => {
    const { wrapper, saved } = await mountClient('follo.adviser');
    const open = wrapper.get('[data-testid="client-edit-open"]');
    expect(open.text()).toBe('Endre');
    expect(open.attributes('aria-label')).toBe('Endre opplysningene om Nadia Rahman');
    await open.trigger('click');
    await flushPromises();

    const form = wrapper.get('[data-testid="client-edit-form"]');
    expect(document.activeElement).toBe(form.get('[data-testid="client-edit-name"]').element);
    expect(form.get<HTMLInputElement>('[data-testid="client-edit-email"]').element.value).toBe('nadia@example.org');
    expect(form.get<HTMLSelectElement>('[data-testid="client-edit-municipality"]').element.value).toBe('3021');
    expect(form.get<HTMLSelectElement>('[data-testid="client-edit-gender"]').element.value).toBe('FEMALE');
    expect(form.get<HTMLInputElement>('[data-testid="client-edit-industry-code"]').element.value).toBe('56.210');
    expect(form.get<HTMLInputElement>('[data-testid="client-edit-background-YES"]').element.checked).toBe(true);
    expect(form.get<HTMLInputElement>('[data-testid="client-edit-consent"]').element.checked).toBe(true);

    await form.get('[data-testid="client-edit-industry-code"]').setValue('56.2101');
    await form.trigger('submit');
    expect(wrapper.get('[data-testid="client-edit-error-industryCode"]').text()).toBe(
      'Skriv to sifre, eventuelt med punktum og ett til tre sifre til, for eksempel 62.010.',
    );
    expect(document.activeElement).toBe(form.get('[data-testid="client-edit-industry-code"]').element);
    expect(saved()).toEqual([]);
  });

  it('says so instead of sending when nothing changed', async () => {
    const { wrapper, saved } = await mountClient('follo.adviser');
    await wrapper.get('[data-testid="client-edit-open"]').trigger('click');
    await wrapper.get('[data-testid="client-edit-form"]').trigger('submit');
    await flushPromises();
    expect(saved()).toEqual([]);
    expect(wrapper.get('[data-testid="client-edit-notice"]').text()).toBe(
      'Du har ikke endret noe, så det er ingenting å lagre.',
    );
  });

  it('saves the changes with the version it was opened at, then closes and says so', async () => {
    const { wrapper, gateway, saved } = await mountClient('follo.adviser', nadia, () => {
      gateway.client = { ...nadia, gender: null, industryCode: '56.101', version: 4 };
      return jsonResponse({ data: { updateClient: { id: 'client-7', version: 4 } } });
    });
    await wrapper.get('[data-testid="client-edit-open"]').trigger('click');
    const form = wrapper.get('[data-testid="client-edit-form"]');
    await form.get('[data-testid="client-edit-gender"]').setValue('');
    await form.get('[data-testid="client-edit-industry-code"]').setValue('56.101');
    await form.get('[data-testid="client-edit-phone"]').setValue('');
    await form.get('[data-testid="client-edit-municipality"]').setValue('3020');
    await form.get('[data-testid="client-edit-background-UNKNOWN"]').setValue(true);
    await form.trigger('submit');
    await flushPromises();

    expect(saved()).toEqual([
      {
        id: 'client-7',
        version: 3,
        input: {
          gender: null,
          industryCode: '56.101',
          phone: null,
          municipalityNumber: '3020',
          immigrantBackground: 'UNKNOWN',
        },
      },
    ]);
    expect(wrapper.find('[data-testid="client-edit-form"]').exists()).toBe(false);
    // The page asked again and shows what was saved.
    expect(wrapper.get('[data-testid="client-industry-code"]').text()).toBe('56.101');
    expect(wrapper.get('[data-testid="client-edit-notice"]').text()).toBe('Endringene er lagret.');
    expect(wrapper.get('[data-testid="client-edit-notice"]').attributes('role')).toBe('status');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="client-edit-open"]').element);
  });

  it('explains a CONFLICT and reloads the client on request, refilling the form from the new version', async () => {
    let conflicting = true;
    const { wrapper, gateway, saved } = await mountClient('follo.adviser', nadia, () =>
      conflicting
        ? jsonResponse({
            errors: [
              { message: 'Someone else changed this record; reload and try again.', extensions: { code: 'CONFLICT' } },
            ],
          })
        : jsonResponse({ data: { updateClient: { id: 'client-7', version: 5 } } }),
    );
    // Someone else saved a new phone number after the page was opened.
    gateway.client = { ...nadia, phone: '+47 400 00 000', version: 4 };

    await wrapper.get('[data-testid="client-edit-open"]').trigger('click');
    const form = wrapper.get('[data-testid="client-edit-form"]');
    await form.get('[data-testid="client-edit-name"]').setValue('Nadia Rahman Ali');
    await form.trigger('submit');
    await flushPromises();

    const conflict = wrapper.get('[data-testid="client-edit-conflict"]');
    expect(conflict.attributes('role')).toBe('alert');
    expect(conflict.text()).toContain('Noen andre har endret klienten etter at du åpnet skjemaet.');
    expect(wrapper.get('[data-testid="client-edit-save"]').attributes('disabled')).toBeDefined();

    await conflict.get('[data-testid="client-edit-reload"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="client-edit-conflict"]').exists()).toBe(false);
    expect(wrapper.get<HTMLInputElement>('[data-testid="client-edit-phone"]').element.value).toBe('+47 400 00 000');
    expect(wrapper.get<HTMLInputElement>('[data-testid="client-edit-name"]').element.value).toBe('Nadia Rahman');
    expect(wrapper.get('[data-testid="client-edit-notice"]').text()).toBe(
      'Klienten er lastet inn på nytt. Gjør endringene dine igjen.',
    );

    // The next save is based on the reloaded version.
    conflicting = false;
    await wrapper.get('[data-testid="client-edit-name"]').setValue('Nadia Rahman Ali');
    await wrapper.get('[data-testid="client-edit-form"]').trigger('submit');
    await flushPromises();
    expect(saved().at(-1)).toEqual({ id: 'client-7', version: 4, input: { name: 'Nadia Rahman Ali' } });
  });

  it("shows the server's field errors at their fields", async () => {
    const { wrapper } = await mountClient('follo.adviser', nadia, () =>
      jsonResponse({
        errors: [
          {
            message: 'input.municipalityNumber: the municipality is not in the region',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.municipalityNumber' },
          },
        ],
      }),
    );
    await wrapper.get('[data-testid="client-edit-open"]').trigger('click');
    await wrapper.get('[data-testid="client-edit-municipality"]').setValue('3020');
    await wrapper.get('[data-testid="client-edit-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="client-edit-error-municipalityNumber"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
    expect(wrapper.get('[data-testid="client-edit-error"]').text()).toContain('Rett feltene som er merket.');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="client-edit-municipality"]').element);
    expect(wrapper.find('[data-testid="client-edit-conflict"]').exists()).toBe(false);
  });
});

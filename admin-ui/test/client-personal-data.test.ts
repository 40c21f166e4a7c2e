// A person's data on the client page: one JSON file with both subgraphs' parts, and an erasure in
// one operation after a confirmation that names the person and the consequence.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { downloadJson } from '../src/composables/jsonDownload';
import { type ClientDetail, useClientDetail } from '../src/queries/client';
import { exportFileName, useClientPersonalData } from '../src/queries/clientPersonalData';
import ClientsView from '../src/views/ClientsView.vue';
import ClientView from '../src/views/ClientView.vue';
import { clientPageAnswers, firstPage, listItem, nadia } from './clients-fixtures';
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

const heldByRegions = {
  clients: [{ id: 'client-7', name: 'Nadia Rahman' }],
  counsellingSessions: [{ topic: 'Budsjett' }],
};
const heldByPartners = { referrals: [{ id: 'referral-1', sharedName: 'Nadia Rahman' }], businessAssessments: [] };

/** The export and erasure as the client's page uses them, with the client (of 2024) on screen. */
function personalData() {
  const pinia = createPinia();
  setActivePinia(pinia);
  return runInComponent(
    () => ({ page: useClientDetail('client-7', 2024), data: useClientPersonalData() }),
    [pinia, queryLayer(pinia)],
  ).result;
}

const isDetail = (call: GraphQLCall) => call.body.query.includes('query ClientDetail');

describe("a person's data", () => {
  it('builds one file from one operation: who, when, the client and each subgraph’s section', async () => {
    const { calls } = stubGraphQL((call) =>
      isDetail(call)
        ? jsonResponse({ data: { client: nadia } })
        : jsonResponse({
            data: {
              clientDataExport: {
                exportedAt: '2026-11-27T10:00:00.000Z',
                exportedBy: 'Amira Haddad (Etablererservice Follo)',
                heldByRegions,
                client: { id: 'client-7', erasedAt: null, personalDataHeldByPartners: heldByPartners },
              },
            },
          }),
    );
    const { data: store } = personalData();
    await flushPromises();

    const file = await store.exportData('client-7');

    const exports = calls.filter((call) => !isDetail(call));
    expect(exports).toHaveLength(1);
    expect(exports[0]?.body.query).toContain('clientDataExport(clientId: $id)');
    expect(exports[0]?.body.query).toContain('personalDataHeldByPartners');
    expect(exports[0]?.body.variables).toEqual({ id: 'client-7' });
    expect(file).toEqual({
      format: 'etablerertjenesten/personal-data-export/1',
      exportedAt: '2026-11-27T10:00:00.000Z',
      exportedBy: 'Amira Haddad (Etablererservice Follo)',
      clientId: 'client-7',
      erasedAt: null,
      heldBy: { regions: heldByRegions, partners: heldByPartners },
    });
    expect(file && exportFileName(file)).toBe('personopplysninger-client-7-2026-11-27.json');
    expect(store.exporting.value).toBe(false);
  });

  it('reports a refusal and gives no file', async () => {
    stubGraphQL(() =>
      jsonResponse({ errors: [{ message: 'You may not see this client.', extensions: { code: 'FORBIDDEN' } }] }),
    );
    const { data: store } = personalData();
    expect(await store.exportData('client-7')).toBeNull();
    expect(store.error.value).toEqual({
      action: 'export',
      message: 'You may not see this client.',
      codes: ['FORBIDDEN'],
    });
  });

  it('erases both subgraphs’ data in one operation, on the person’s request, then loads the page again', async () => {
    let erased = false;
    const { calls } = stubGraphQL((call) => {
      if (isDetail(call)) {
        return jsonResponse({
          data: {
            client: erased ? { ...nadia, name: '(anonymised)', email: null, erasedAt: '2026-11-27T10:00:00Z' } : nadia,
          },
        });
      }
      erased = true;
      return jsonResponse({
        data: {
          eraseClient: { id: 'client-7', erasedAt: '2026-11-27T10:00:00Z' },
          eraseClientReferrals: { referrals: 1, assessments: 0 },
        },
      });
    });
    const { page, data: store } = personalData();
    await flushPromises();

    expect(await store.erase('client-7')).toBe(true);
    await flushPromises();

    expect(calls).toHaveLength(3);
    expect(calls[1]?.body.query).toMatch(
      /eraseClient\(id: \$id, reason: \$reason\)[\s\S]*eraseClientReferrals\(clientId: \$id, reason: \$reason\)/,
    );
    expect(calls[1]?.body.variables).toEqual({ id: 'client-7', reason: 'REQUEST' });
    expect(calls[2]?.body.variables).toEqual({ id: 'client-7', year: 2024 });
    expect(page.client.value?.erasedAt).toBe('2026-11-27T10:00:00Z');
  });

  it('keeps the page as it was when the erasure is refused', async () => {
    const { calls } = stubGraphQL((call) =>
      isDetail(call)
        ? jsonResponse({ data: { client: nadia } })
        : jsonResponse({ errors: [{ message: 'Only advisers …', extensions: { code: 'FORBIDDEN' } }] }),
    );
    const { data: store } = personalData();
    await flushPromises();
    expect(await store.erase('client-7')).toBe(false);
    await flushPromises();
    expect(calls.filter(isDetail)).toHaveLength(1);
    expect(store.error.value?.action).toBe('erase');
  });
});

describe('downloadJson', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('saves the value as a JSON file with the given name', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:export';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    downloadJson('personopplysninger-client-7.json', { clientId: 'client-7', heldBy: { regions: heldByRegions } });

    expect(clicked).toEqual(['personopplysninger-client-7.json']);
    expect(blobs[0]?.type).toBe('application/json');
    expect(JSON.parse(await (blobs[0] as Blob).text())).toEqual({
      clientId: 'client-7',
      heldBy: { regions: heldByRegions },
    });
  });
});

enableAutoUnmount(afterEach);

/** The client's page against a stubbed gateway; the export and the erasure answer as the gateway would. */
async function mountClient(username: DemoUsername, client: ClientDetail = nadia) {
  const { calls } = stubGraphQL(
    clientPageAnswers(
      () => client,
      (call) => {
        if (call.body.query.includes('query ClientDataExport')) {
          return jsonResponse({
            data: {
              clientDataExport: {
                exportedAt: '2026-11-27T10:00:00.000Z',
                exportedBy: 'Amira Haddad (Etablererservice Follo)',
                heldByRegions,
                client: {
                  id: client.id,
                  erasedAt: client.erasedAt ?? null,
                  personalDataHeldByPartners: heldByPartners,
                },
              },
            },
          });
        }
        if (call.body.query.includes('mutation EraseClient')) {
          return jsonResponse({
            data: {
              eraseClient: { id: client.id, erasedAt: '2026-11-27T10:00:00Z' },
              eraseClientReferrals: { referrals: 1, assessments: 0 },
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
  await router.push(`/clients/${client.id}`);
  await router.isReady();
  const wrapper = mount(ClientView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  /** The variables of each request for the operation. */
  const sent = (name: string) =>
    calls.filter((call) => call.body.query.includes(` ${name}(`)).map((call) => call.body.variables);
  return { wrapper, sent };
}

describe('the client page’s data protection section', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it.each([
    ['follo.adviser', true],
    ['county.officer', true],
    ['nordrefollo.officer', false],
  ] as const)('offers %s the download, and the erasure: %s', async (username, erases) => {
    const { wrapper, sent } = await mountClient(username);
    const download = wrapper.get('[data-testid="client-export"]');
    expect(download.text()).toBe('Last ned alle opplysninger (JSON)');
    const saved: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:export');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    await download.trigger('click');
    await flushPromises();
    vi.restoreAllMocks();
    expect(sent('ClientDataExport')).toEqual([{ id: 'client-7' }]);
    expect(saved).toEqual(['personopplysninger-client-7-2026-11-27.json']);
    expect(wrapper.find('[data-testid="client-erase-open"]').exists()).toBe(erases);
  });

  it('asks first, naming the person and what happens, and erases only when confirmed', async () => {
    const { wrapper, sent } = await mountClient('follo.adviser');
    await wrapper.get('[data-testid="client-erase-open"]').trigger('click');
    await flushPromises();

    const dialog = wrapper.get('[data-testid="client-erase-confirm"]');
    expect(dialog.attributes('role')).toBe('alertdialog');
    expect(dialog.text()).toContain('Slette personopplysningene om Nadia Rahman?');
    expect(dialog.text()).toContain('nøkkeltallene og rapportene er de samme');
    expect(dialog.text()).toContain('Dette kan ikke angres.');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="client-erase-confirm-button"]').element);
    expect(sent('EraseClient')).toEqual([]);

    await wrapper.get('[data-testid="client-erase-cancel"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="client-erase-confirm"]').exists()).toBe(false);
    expect(sent('EraseClient')).toEqual([]);

    await wrapper.get('[data-testid="client-erase-open"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="client-erase-confirm-button"]').trigger('click');
    await flushPromises();
    expect(sent('EraseClient')).toEqual([{ id: 'client-7', reason: 'REQUEST' }]);
  });

  it('shows an erased client as “Anonymisert”, with nothing left to edit, log, enrol, refer or erase', async () => {
    const erased: ClientDetail = {
      ...nadia,
      name: '(anonymised)',
      email: null,
      phone: null,
      erasedAt: '2026-11-27T10:00:00.000Z',
      businesses: [{ id: 'business-1', name: '(anonymised)', organisationNumber: null, registeredOn: '2024-05-01' }],
    };
    const { wrapper } = await mountClient('follo.adviser', erased);
    expect(wrapper.get('[data-testid="client-name"]').text()).toBe('Anonymisert');
    expect(wrapper.get('[data-testid="client-erased"]').text()).toContain('27.11.2026');
    for (const action of ['client-edit-open', 'client-erase-open']) {
      expect(wrapper.find(`[data-testid="${action}"]`).exists(), action).toBe(false);
    }
    // The person's own copy of what is left is still theirs to have.
    expect(wrapper.find('[data-testid="client-export"]').exists()).toBe(true);
  });
});

describe('the client list', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('shows an erased client as “Anonymisert”, still linked to its record', async () => {
    const [, ...rest] = firstPage.items;
    const first = listItem(1);
    const page = {
      ...firstPage,
      items: [{ ...first, name: '(anonymised)', erasedAt: '2026-11-27T10:00:00Z' }, ...rest],
    };
    stubGraphQL(() => jsonResponse({ data: { clients: page } }));
    const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor('follo.adviser') } } });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/clients', name: 'clients', component: ClientsView },
        { path: '/clients/new', name: 'client-new', component: { template: '<p />' } },
        { path: '/clients/:id', name: 'client', component: { template: '<p />' } },
      ],
    });
    await router.push('/clients');
    await router.isReady();
    const wrapper = mount(ClientsView, {
      global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    });
    await flushPromises();
    const row = wrapper.get(`[data-testid="client-row-${first.id}"]`);
    expect(row.get('[data-testid="client-link"]').text()).toBe('Anonymisert');
    expect(row.text()).not.toContain('(anonymised)');
    expect(wrapper.get(`[data-testid="client-row-${rest[0]?.id}"]`).text()).toContain(rest[0]?.name);
  });
});

// The website requests page with a testing store: the rows in words, the pick-up button for advisers only, filters, states and CSV.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { LoadError, PickUpError, WebsiteRequestPage } from '../src/stores/websiteRequests';
import { useWebsiteRequestsStore, websiteRequestPageSize } from '../src/stores/websiteRequests';
import WebsiteRequestsView from '../src/views/WebsiteRequestsView.vue';
import { accessTokenFor, createStrictI18n, type DemoUsername, follo, forbidNetwork, halden } from './fixtures';
import {
  counselling,
  emptyPage,
  mixedPage,
  pendingPage,
  pickedUp,
  pickedUpSignUp,
  signUp,
} from './website-requests-fixtures';

interface ViewState {
  page?: WebsiteRequestPage | null;
  loading?: boolean;
  error?: LoadError | null;
  actionError?: PickUpError | null;
}

async function mountView(username: DemoUsername = 'follo.adviser', state: ViewState = {}) {
  const page = state.page === undefined ? mixedPage : state.page;
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: {
      auth: { accessToken: accessTokenFor(username) },
      regions: { regions: [follo, halden], loading: false, error: null },
      websiteRequests: {
        asked: page ? { regionId: null, status: 'PENDING', offset: 0 } : null,
        page,
        loading: state.loading ?? false,
        error: state.error ?? null,
        pickingUpId: null,
        actionError: state.actionError ?? null,
        pendingCount: null,
        pickedUpHere: 0,
      },
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/website-requests', name: 'website-requests', component: WebsiteRequestsView },
      { path: '/clients/:id', name: 'client', component: { render: () => null } },
    ],
  });
  await router.push('/website-requests');
  await router.isReady();
  const wrapper = mount(WebsiteRequestsView, {
    global: { plugins: [pinia, router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  return { wrapper, store: useWebsiteRequestsStore(pinia) };
}

type Wrapper = Awaited<ReturnType<typeof mountView>>['wrapper'];
const row = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="website-request-${id}"]`);
const pickUpButtons = (wrapper: Wrapper) => wrapper.findAll('[data-testid^="website-request-pick-up-"]');

enableAutoUnmount(afterEach);

describe('WebsiteRequestsView', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('asks for the pending requests of the caller’s own region first', async () => {
    const { wrapper, store } = await mountView();

    expect(store.load).toHaveBeenCalledTimes(1);
    expect(store.load).toHaveBeenCalledWith({ regionId: null, status: 'PENDING', offset: 0 });
    expect(wrapper.get('h1').text()).toBe('Henvendelser fra nettsiden');
    expect(wrapper.get('label[for="website-requests-status"]').text()).toBe('Status');
    // Only the county's officers choose a region.
    expect(wrapper.find('[data-testid="website-requests-region"]').exists()).toBe(false);
  });

  it('shows each request in words: when, what, the course or the message, and the client', async () => {
    const { wrapper } = await mountView();

    const signUpRow = row(wrapper, signUp.id);
    expect(signUpRow.get('time').text()).toBe('12.03.2026 kl. 14:05');
    expect(signUpRow.get('time').attributes('datetime')).toBe(signUp.receivedAt);
    expect(signUpRow.text()).toContain('Påmelding til kurs');
    expect(signUpRow.text()).toContain('Referanse ET-7K3QX9');
    expect(wrapper.get(`[data-testid="website-request-course-${signUp.id}"]`).text()).toBe(
      'Etablererkurs for nybegynnere, starter 20.04.2026',
    );
    const client = wrapper.get(`[data-testid="website-request-client-${signUp.id}"]`);
    expect(client.text()).toBe('Nora Nilsen');
    expect(client.attributes('href')).toBe('/clients/client-31');
    expect(signUpRow.findAll('.contact').map((contact) => contact.text())).toEqual([
      'nora@example.no',
      '+47 400 00 031',
    ]);
    expect(signUpRow.text()).toContain('Ås');

    const counsellingRow = row(wrapper, counselling.id);
    // Summer time: two hours ahead of UTC.
    expect(counsellingRow.get('time').text()).toBe('01.06.2026 kl. 10:30');
    expect(counsellingRow.text()).toContain('Ønsker veiledning');
    expect(wrapper.get(`[data-testid="website-request-client-${counselling.id}"]`).attributes('href')).toBe(
      '/clients/client-7',
    );
  });

  it('names an erased client in Norwegian, not as the services write it', async () => {
    const erased = { ...signUp, client: { ...signUp.client, name: '(anonymised)', email: null, phone: null } };
    const { wrapper } = await mountView('follo.adviser', { page: { ...pendingPage, items: [erased] } });
    expect(wrapper.get(`[data-testid="website-request-client-${signUp.id}"]`).text()).toBe('Anonymisert');
    expect(wrapper.text()).not.toContain('(anonymised)');
  });

  it('shows a visitor’s message as text, never as HTML', async () => {
    const { wrapper } = await mountView();

    const message = wrapper.get(`[data-testid="website-request-message-${counselling.id}"]`);
    expect(message.text()).toBe('<b>Hei!</b> Jeg vil starte catering.\nKan vi møtes?');
    expect(message.find('b').exists()).toBe(false);
    expect(message.element.innerHTML).toContain('&lt;b&gt;');
  });

  it('marks the requests filed under a client registered already, and only those', async () => {
    const { wrapper } = await mountView();

    expect(wrapper.get(`[data-testid="website-request-matched-${counselling.id}"]`).text()).toBe('Registrert fra før');
    expect(wrapper.find(`[data-testid="website-request-matched-${signUp.id}"]`).exists()).toBe(false);
    expect(wrapper.find(`[data-testid="website-request-matched-${pickedUp.id}"]`).exists()).toBe(false);
  });

  it('says who picked a request up and when', async () => {
    const { wrapper } = await mountView();

    expect(wrapper.get(`[data-testid="website-request-status-${pickedUp.id}"]`).text()).toBe(
      'Tatt av Amira Haddad 02.06.2026 kl. 09:15',
    );
    expect(wrapper.get(`[data-testid="website-request-status-${signUp.id}"]`).text()).toBe('Venter');
  });

  it('offers advisers "Ta saken" on the pending requests only, labelled with the reference and client', async () => {
    const { wrapper } = await mountView('follo.adviser');

    const buttons = pickUpButtons(wrapper);
    expect(buttons.map((button) => button.attributes('data-testid'))).toEqual([
      `website-request-pick-up-${signUp.id}`,
      `website-request-pick-up-${counselling.id}`,
    ]);
    expect(buttons[0]?.text()).toBe('Ta saken');
    expect(buttons[0]?.attributes('aria-label')).toBe('Ta saken ET-7K3QX9 fra Nora Nilsen');
  });

  it('shows municipality and county officers the list without the button', async () => {
    for (const username of ['nordrefollo.officer', 'county.officer'] as const) {
      const { wrapper } = await mountView(username);
      expect(wrapper.findAll('[data-testid^="website-request-wr-"]').length).toBeGreaterThan(0);
      expect(pickUpButtons(wrapper)).toHaveLength(0);
      wrapper.unmount();
    }
  });

  it('picks a request up, confirms it aloud and puts the focus on who took it', async () => {
    const { wrapper, store } = await mountView();
    vi.mocked(store.pickUp).mockImplementation(async (item) => {
      store.page = {
        ...mixedPage,
        items: mixedPage.items.map((shown) => (shown.id === item.id ? { ...shown, ...pickedUpSignUp } : shown)),
      };
      return true;
    });

    await wrapper.get(`[data-testid="website-request-pick-up-${signUp.id}"]`).trigger('click');
    await flushPromises();

    expect(store.pickUp).toHaveBeenCalledWith(expect.objectContaining({ id: signUp.id, version: 1 }));
    const notice = wrapper.get('[data-testid="website-requests-notice"]');
    expect(notice.attributes('role')).toBe('status');
    expect(notice.text()).toBe('Du har tatt saken ET-7K3QX9.');
    const status = wrapper.get(`[data-testid="website-request-status-${signUp.id}"]`);
    expect(status.text()).toBe('Tatt av Amira Haddad 03.06.2026 kl. 10:00');
    expect(document.activeElement).toBe(status.element);
    expect(wrapper.find(`[data-testid="website-request-pick-up-${signUp.id}"]`).exists()).toBe(false);
  });

  it('says another adviser was first when the pick-up conflicts, and moves the focus there', async () => {
    const { wrapper, store } = await mountView();
    vi.mocked(store.pickUp).mockImplementation(async (item) => {
      store.actionError = { message: 'Taken.', codes: ['CONFLICT'], requestId: item.id };
      return false;
    });

    await wrapper.get(`[data-testid="website-request-pick-up-${signUp.id}"]`).trigger('click');
    await flushPromises();

    const alert = wrapper.get('[data-testid="website-requests-action-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('En annen veileder tok saken ET-7K3QX9 først. Listen er oppdatert.');
    expect(document.activeElement).toBe(alert.element);
    expect(wrapper.get('[data-testid="website-requests-notice"]').text()).toBe('');
  });

  it('asks again with the chosen status from the first page', async () => {
    const { wrapper, store } = await mountView();
    vi.mocked(store.load).mockClear();

    await wrapper.get('[data-testid="website-requests-status"]').setValue('PICKED_UP');
    expect(store.load).toHaveBeenLastCalledWith({ regionId: null, status: 'PICKED_UP', offset: 0 });

    await wrapper.get('[data-testid="website-requests-status"]').setValue('all');
    expect(store.load).toHaveBeenLastCalledWith({ regionId: null, status: null, offset: 0 });
  });

  it('lets county officers choose a region, and shows the region of each request', async () => {
    const { wrapper, store } = await mountView('county.officer');

    const select = wrapper.get('[data-testid="website-requests-region"]');
    expect(select.findAll('option').map((option) => option.text())).toEqual(['Alle regioner', 'Follo', 'Halden']);
    expect(wrapper.findAll('thead th').map((header) => header.text())).toContain('Region');

    await select.setValue('halden');
    expect(store.load).toHaveBeenLastCalledWith({ regionId: 'halden', status: 'PENDING', offset: 0 });
  });

  it('pages on with "Neste" from where the store says the next page starts, and back with "Forrige"', async () => {
    const { wrapper, store } = await mountView('follo.adviser', { page: { ...mixedPage, hasNextPage: true } });
    store.pickedUpHere = 1;
    await flushPromises();

    await wrapper.get('[data-testid="website-requests-next"]').trigger('click');
    expect(store.load).toHaveBeenLastCalledWith({
      regionId: null,
      status: 'PENDING',
      offset: websiteRequestPageSize - 1,
    });

    await wrapper.get('[data-testid="website-requests-previous"]').trigger('click');
    expect(store.load).toHaveBeenLastCalledWith({ regionId: null, status: 'PENDING', offset: 0 });
  });

  it('says when there are no new requests', async () => {
    const { wrapper } = await mountView('follo.adviser', { page: emptyPage });

    expect(wrapper.get('[data-testid="website-requests-empty"]').text()).toBe('Ingen nye henvendelser.');
    expect(wrapper.find('[data-testid="website-requests-table"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="website-requests-csv"]').exists()).toBe(false);
  });

  it('shows the loading state while the list is on its way', async () => {
    const { wrapper } = await mountView('follo.adviser', { page: null, loading: true });

    expect(wrapper.get('[data-testid="website-requests-loading"]').attributes('role')).toBe('status');
    expect(wrapper.find('[data-testid="website-requests-empty"]').exists()).toBe(false);
  });

  it('explains a refusal and offers to try again', async () => {
    const { wrapper, store } = await mountView('follo.adviser', {
      page: null,
      error: { message: 'Forbidden.', codes: ['FORBIDDEN'] },
    });
    vi.mocked(store.load).mockClear();

    const error = wrapper.get('[data-testid="website-requests-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toContain('Du har ikke tilgang til henvendelsene fra nettsiden i denne regionen.');
    expect(error.text()).not.toContain('FORBIDDEN');
    await error.get('button').trigger('click');
    expect(store.load).toHaveBeenCalledWith({ regionId: null, status: 'PENDING', offset: 0 });
  });

  it('downloads the page as CSV, with formulas a visitor typed made harmless', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:website-requests';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const { wrapper } = await mountView();

    await wrapper.get('[data-testid="website-requests-csv"]').trigger('click');

    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatch(/^henvendelser-nettsiden-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = new TextDecoder('utf-8').decode(new Uint8Array(await (blobs[0] as Blob).arrayBuffer()));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Mottatt;Referanse;Type;Region;Klient;E-post;Telefon;Kommune;Registrert fra før;Kurs;Kursstart;Melding;Status;Tatt av;Tatt',
    );
    expect(lines[1]).toBe(
      '12.03.2026 14:05;ET-7K3QX9;Påmelding til kurs;Follo;Nora Nilsen;nora@example.no;+47 400 00 031;Ås;Nei;Etablererkurs for nybegynnere;20.04.2026;;Venter;;',
    );
    // The name typed as "=Nadia Rahman" gets an apostrophe; the message keeps its line break inside quotes.
    expect(text).toContain(
      `01.06.2026 10:30;ET-M4P2RT;Ønsker veiledning;Follo;'=Nadia Rahman;nadia@example.org;;Nordre Follo;Ja;;;"<b>Hei!</b> Jeg vil starte catering.\nKan vi møtes?";Venter;;`,
    );
    expect(text).toContain('Amira Haddad;02.06.2026 09:15');
  });
});

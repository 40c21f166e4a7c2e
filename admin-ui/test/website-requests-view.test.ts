// The website requests page through the query layer against a stubbed gateway: the rows in words, the pick-up
// button for advisers only, filters, states and CSV.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { LoadError, WebsiteRequestPage } from '../src/queries/websiteRequests';
import { websiteRequestPageSize } from '../src/queries/websiteRequests';
import WebsiteRequestsView from '../src/views/WebsiteRequestsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';
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
  /** What the list answers; a function for answers that change (after a pick-up, by variables). */
  page?: WebsiteRequestPage | ((variables: Record<string, unknown>) => WebsiteRequestPage);
  /** The list never answers: the page stays loading. */
  loading?: boolean;
  /** The list is refused. */
  error?: LoadError;
  /** What a pick-up gets: by default it is done. */
  pickUp?: () => Response;
}

const isList = (call: GraphQLCall) => call.body.query.includes('query WebsiteRequestList');
const isPickUp = (call: GraphQLCall) => call.body.query.includes('mutation PickUpWebsiteRequest');

async function mountView(username: DemoUsername = 'follo.adviser', state: ViewState = {}) {
  const { calls } = stubGraphQL((call) => {
    if (isPickUp(call)) return state.pickUp?.() ?? jsonResponse({ data: { pickUpWebsiteRequest: pickedUpSignUp } });
    if (call.body.query.includes('query ClientRegionOptions')) {
      return jsonResponse({
        data: {
          regions: [
            { id: 'follo', name: 'Follo', county: { id: 'akershus' } },
            { id: 'halden', name: 'Halden', county: { id: 'ostfold' } },
          ],
        },
      });
    }
    if (!isList(call)) throw new Error(`Unexpected operation: ${call.body.query}`);
    if (state.loading) return new Promise<Response>(() => {});
    if (state.error) {
      return jsonResponse({ errors: [{ message: state.error.message, extensions: { code: state.error.codes[0] } }] });
    }
    const page = state.page ?? mixedPage;
    return jsonResponse({
      data: { websiteRequests: typeof page === 'function' ? page(call.body.variables ?? {}) : page },
    });
  });
  const pinia = testingPinia({
    initialState: {
      auth: { accessToken: accessTokenFor(username) },
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
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return {
    wrapper,
    /** The variables of every page asked for, in order. */
    asked: () => calls.filter(isList).map((call) => call.body.variables),
    pickUps: () => calls.filter(isPickUp).map((call) => call.body.variables),
  };
}

type Wrapper = Awaited<ReturnType<typeof mountView>>['wrapper'];
const row = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="website-request-${id}"]`);
const pickUpButtons = (wrapper: Wrapper) => wrapper.findAll('[data-testid^="website-request-pick-up-"]');

enableAutoUnmount(afterEach);

describe('WebsiteRequestsView', () => {
  it('asks for the pending requests of the caller’s own region first', async () => {
    const { wrapper, asked } = await mountView();

    expect(asked()).toEqual([{ status: 'PENDING', first: websiteRequestPageSize, offset: 0 }]);
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
    let taken = false;
    const { wrapper, pickUps, asked } = await mountView('follo.adviser', {
      page: () => ({
        ...mixedPage,
        items: mixedPage.items.map((shown) =>
          taken && shown.id === signUp.id ? { ...shown, ...pickedUpSignUp } : shown,
        ),
      }),
      pickUp: () => {
        taken = true;
        return jsonResponse({ data: { pickUpWebsiteRequest: pickedUpSignUp } });
      },
    });

    await wrapper.get(`[data-testid="website-request-pick-up-${signUp.id}"]`).trigger('click');
    await flushPromises();

    expect(pickUps()).toEqual([{ id: signUp.id, version: 1 }]);
    // The page is asked again and shows who took it.
    expect(asked()).toHaveLength(2);
    const notice = wrapper.get('[data-testid="website-requests-notice"]');
    expect(notice.attributes('role')).toBe('status');
    expect(notice.text()).toBe('Du har tatt saken ET-7K3QX9.');
    const status = wrapper.get(`[data-testid="website-request-status-${signUp.id}"]`);
    expect(status.text()).toBe('Tatt av Amira Haddad 03.06.2026 kl. 10:00');
    expect(document.activeElement).toBe(status.element);
    expect(wrapper.find(`[data-testid="website-request-pick-up-${signUp.id}"]`).exists()).toBe(false);
  });

  it('puts the focus on the confirmation when the request taken leaves the pending list', async () => {
    let taken = false;
    const { wrapper } = await mountView('follo.adviser', {
      page: () => (taken ? { items: [counselling], totalCount: 1, hasNextPage: false } : pendingPage),
      pickUp: () => {
        taken = true;
        return jsonResponse({ data: { pickUpWebsiteRequest: pickedUpSignUp } });
      },
    });

    await wrapper.get(`[data-testid="website-request-pick-up-${signUp.id}"]`).trigger('click');
    await flushPromises();

    expect(wrapper.find(`[data-testid="website-request-${signUp.id}"]`).exists()).toBe(false);
    const notice = wrapper.get('[data-testid="website-requests-notice"]');
    expect(notice.text()).toBe('Du har tatt saken ET-7K3QX9.');
    expect(document.activeElement).toBe(notice.element);
  });

  it('says another adviser was first when the pick-up conflicts, and moves the focus there', async () => {
    const { wrapper } = await mountView('follo.adviser', {
      pickUp: () => jsonResponse({ errors: [{ message: 'Taken.', extensions: { code: 'CONFLICT' } }] }),
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
    const { wrapper, asked } = await mountView();

    await wrapper.get('[data-testid="website-requests-status"]').setValue('PICKED_UP');
    await flushPromises();
    expect(asked().at(-1)).toEqual({ status: 'PICKED_UP', first: websiteRequestPageSize, offset: 0 });

    await wrapper.get('[data-testid="website-requests-status"]').setValue('all');
    await flushPromises();
    expect(asked().at(-1)).toEqual({ first: websiteRequestPageSize, offset: 0 });
  });

  it("lets county officers choose one of the county's regions, and shows the region of each request", async () => {
    const { wrapper, asked } = await mountView('county.officer');

    // Akershus's officer: not Halden, whose requests are Østfold's since 2024.
    const select = wrapper.get('[data-testid="website-requests-region"]');
    expect(select.findAll('option').map((option) => option.text())).toEqual(['Alle regioner', 'Follo']);
    expect(wrapper.findAll('thead th').map((header) => header.text())).toContain('Region');

    await select.setValue('follo');
    await flushPromises();
    expect(asked().at(-1)).toEqual({
      regionId: 'follo',
      status: 'PENDING',
      first: websiteRequestPageSize,
      offset: 0,
    });
  });

  it('pages on with "Neste" and back with "Forrige"', async () => {
    const { wrapper, asked } = await mountView('follo.adviser', {
      page: (variables) => ({ ...mixedPage, hasNextPage: variables.offset === 0 }),
    });

    await wrapper.get('[data-testid="website-requests-next"]').trigger('click');
    await flushPromises();
    expect(asked().at(-1)).toEqual({
      status: 'PENDING',
      first: websiteRequestPageSize,
      offset: websiteRequestPageSize,
    });
    expect(wrapper.get('[data-testid="website-requests-next"]').attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="website-requests-previous"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="website-requests-previous"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="website-requests-range"]').text()).toContain('1');
  });

  it('says when there are no new requests', async () => {
    const { wrapper } = await mountView('follo.adviser', { page: emptyPage });

    expect(wrapper.get('[data-testid="website-requests-empty"]').text()).toBe('Ingen nye henvendelser.');
    expect(wrapper.find('[data-testid="website-requests-table"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="website-requests-csv"]').exists()).toBe(false);
  });

  it('shows the loading state while the list is on its way', async () => {
    const { wrapper } = await mountView('follo.adviser', { loading: true });

    expect(wrapper.get('[data-testid="website-requests-loading"]').attributes('role')).toBe('status');
    expect(wrapper.find('[data-testid="website-requests-empty"]').exists()).toBe(false);
  });

  it('explains a refusal and offers to try again', async () => {
    const { wrapper, asked } = await mountView('follo.adviser', {
      error: { message: 'Forbidden.', codes: ['FORBIDDEN'] },
    });

    const error = wrapper.get('[data-testid="website-requests-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toContain('Du har ikke tilgang til henvendelsene fra nettsiden i denne regionen.');
    expect(error.text()).not.toContain('FORBIDDEN');
    await error.get('button').trigger('click');
    await flushPromises();
    expect(asked()).toEqual([
      { status: 'PENDING', first: websiteRequestPageSize, offset: 0 },
      { status: 'PENDING', first: websiteRequestPageSize, offset: 0 },
    ]);
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

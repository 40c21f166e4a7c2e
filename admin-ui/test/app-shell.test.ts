// The app shell: service name, navigation, language switch, page title, who is signed in, and where sign-out leads.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, type Pinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../src/App.vue';
import { storedLocale } from '../src/composables/useLocale';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { browserNavigation, useAuthStore } from '../src/stores/auth';
import {
  accessTokenFor,
  createStrictI18n,
  follo,
  forbidNetwork,
  jsonResponse,
  noSession,
  queryLayer,
  sessionFor,
  startSignedIn,
  stubGateway,
} from './fixtures';

interface MountOptions {
  /** A real store instead of a testing one, for tests that follow a request all the way through. */
  pinia?: Pinia;
  signedIn?: boolean;
}

// The regions page by default: '/' leads the coordination member used here on to the overview (tested below).
async function mountApp(path = '/regions', { pinia, signedIn = true }: MountOptions = {}) {
  const storePinia = pinia ?? createTestingPinia({ createSpy: vi.fn, stubActions: false });
  // The first navigation runs before the app is mounted, so the guard finds the store through the active pinia.
  setActivePinia(storePinia);
  // As once the console has started: the gateway's first /auth/session answer gave this token.
  if (signedIn) startSignedIn(accessTokenFor('coordination.member'), '2099-12-07T17:30:00.000Z');
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, {
    global: { plugins: [storePinia, queryLayer(storePinia), router, createStrictI18n(storedLocale())] },
    attachTo: document.body,
  });
  return { wrapper, router, auth: useAuthStore(storePinia) };
}

enableAutoUnmount(afterEach);

describe('app shell', () => {
  beforeEach(() => {
    forbidNetwork();
    localStorage.clear();
    sessionStorage.clear();
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('names the service and links to the regions page', async () => {
    stubGateway({ graphql: () => jsonResponse({ data: { regions: [] } }) });
    const { wrapper } = await mountApp();

    expect(wrapper.get('header').text()).toContain('Etablerertjenesten');
    const nav = wrapper.get('nav');
    expect(nav.attributes('aria-label')).toBe('Hovedmeny');
    expect(nav.get('a').text()).toBe('Regioner');
    expect(document.title).toBe('Regioner – Etablerertjenesten');
    expect(document.documentElement.lang).toBe('nb');
  });

  it('folds the menu behind a button (shown on a phone): it opens, closes once a link is followed, and Escape closes it', async () => {
    stubGateway({ graphql: () => jsonResponse({ data: { regions: [] } }) });
    const { wrapper, router } = await mountApp();
    const button = wrapper.get('[data-testid="menu-button"]');
    const menu = wrapper.get('#app-menu');
    expect(button.attributes('aria-controls')).toBe('app-menu');
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(menu.classes()).not.toContain('open');

    await button.trigger('click');
    expect(button.attributes('aria-expanded')).toBe('true');
    expect(menu.classes()).toContain('open');
    await menu.get('a[href="/impact"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/impact'));
    await flushPromises();
    expect(button.attributes('aria-expanded')).toBe('false');

    await button.trigger('click');
    await menu.get('a').trigger('keydown', { key: 'Escape' });
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button.element);
  });

  it('opens the overview at the start page for the coordination group, with its year in the address', async () => {
    const { calls } = stubGateway({
      graphql: (call) =>
        jsonResponse({
          data: call.body.query.includes('agreementYears')
            ? { agreementYears: [2022, 2023, 2024, 2025, 2026] }
            : { regions: [], gatherings: [] },
        }),
    });
    const { wrapper, router } = await mountApp('/?year=2023');
    await flushPromises();

    expect(router.currentRoute.value.name).toBe('overview');
    expect(router.currentRoute.value.query.year).toBe('2023');
    expect(wrapper.get('h1').text()).toBe('Oversikt');
    expect(document.title).toBe('Oversikt – Etablerertjenesten');
    expect(
      wrapper
        .get('nav')
        .findAll('a')
        .map((link) => link.text()),
    ).toContain('Oversikt');
    // The years the page offers come from the graph; the overview itself is asked for the address's year.
    const overview = calls.find(
      (call) => call.url === '/graphql' && JSON.stringify(call.body).includes('query CoordinationOverview'),
    );
    expect(overview?.body).toMatchObject({ variables: { year: 2023 } });
  });

  it('serves the regions page under /regions too', async () => {
    stubGateway({ graphql: () => jsonResponse({ data: { regions: [] } }) });
    const { wrapper } = await mountApp('/regions');
    expect(wrapper.get('h1').text()).toBe('Regioner');
  });

  it('switches to English and remembers the choice', async () => {
    stubGateway({ graphql: () => jsonResponse({ data: { regions: [] } }) });
    const { wrapper } = await mountApp();
    const switcher = wrapper.get('header fieldset');
    expect(switcher.get('legend').text()).toBe('Språk');
    const [bokmal, english] = switcher.findAll('button');
    expect(bokmal?.attributes('aria-pressed')).toBe('true');

    await english?.trigger('click');

    expect(english?.attributes('aria-pressed')).toBe('true');
    expect(wrapper.get('h1').text()).toBe('Regions');
    expect(document.title).toBe('Regions – Etablerertjenesten');
    expect(document.documentElement.lang).toBe('en');
    expect(storedLocale()).toBe('en');
    expect(wrapper.get('[data-testid="signed-in-user"]').text()).toContain('Coordination group member');
    expect(wrapper.get('[data-testid="sign-out"]').text()).toBe('Sign out');
  });

  it('tells the user when an address does not exist, signed in or not', async () => {
    const { wrapper } = await mountApp('/no-such-page', { signedIn: false });
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Fant ikke siden');
    expect(wrapper.get('main a').attributes('href')).toBe('/');
  });

  it('shows who is signed in, in which role and for which organisation', async () => {
    stubGateway({ graphql: () => jsonResponse({ data: { regions: [] } }) });
    const { wrapper } = await mountApp();

    const user = wrapper.get('header [data-testid="signed-in-user"]');
    expect(user.get('.visually-hidden').text()).toBe('Logget inn som');
    expect(user.get('.caller-name').text()).toBe('Ola Hansen');
    expect(user.get('.caller-role').text()).toBe('Medlem av koordineringsgruppen, Viken fylkeskommune');
    const signOut = wrapper.get('header [data-testid="sign-out"]');
    expect(signOut.element.tagName).toBe('BUTTON');
    expect(signOut.text()).toBe('Logg ut');
  });

  it('shows until when the session lasts, in Norwegian time', async () => {
    stubGateway({ graphql: () => jsonResponse({ data: { regions: [] } }) });
    const { wrapper } = await mountApp();

    // 17:30 UTC in December is 18:30 in Oslo.
    expect(wrapper.get('[data-testid="session-end"]').text()).toBe('Økten varer til kl. 18:30');
  });

  it('shows no user, no sign-out and no navigation when nobody is signed in', async () => {
    stubGateway({ session: () => noSession(), config: () => jsonResponse({ oidc: true, devSignIn: false }) });
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => {});
    const { wrapper, router } = await mountApp('/regions', { signedIn: false });
    await flushPromises();

    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(wrapper.find('[data-testid="signed-in-user"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="sign-out"]').exists()).toBe(false);
    expect(wrapper.find('header nav').exists()).toBe(false);
    expect(document.title).toBe('Logg inn – Etablerertjenesten');
    expect(assign).toHaveBeenCalledWith('/auth/login?returnTo=%2Fregions');
  });

  it('signs out at the gateway and leaves for the sign-out page, with no way back to the page before', async () => {
    const { calls } = stubGateway({
      logout: () => jsonResponse({ logoutUrl: null }),
      graphql: () => jsonResponse({ data: { regions: [follo] } }),
    });
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => {});
    const { wrapper, router, auth } = await mountApp();
    await flushPromises();

    await wrapper.get('[data-testid="sign-out"]').trigger('click');
    await flushPromises();

    expect(calls.filter((call) => call.url === '/auth/logout')).toHaveLength(1);
    expect(assign).toHaveBeenCalledWith('/signed-out');
    expect(auth.isSignedIn).toBe(false);
    expect(auth.accessToken).toBeNull();
    // The page is left as it was for the moment the browser needs to leave: no redirect back to it is recorded.
    expect(router.currentRoute.value.query.redirect).toBeUndefined();
    expect(wrapper.find('[data-testid="signed-in-user"]').exists()).toBe(false);
  });

  it('stays signed in and says so when the sign-out does not reach the gateway', async () => {
    stubGateway({
      logout: () => jsonResponse({ error: 'internal', message: 'Database down.' }, 500),
      graphql: () => jsonResponse({ data: { regions: [follo] } }),
    });
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => {});
    const { wrapper, auth } = await mountApp();
    await flushPromises();

    await wrapper.get('[data-testid="sign-out"]').trigger('click');
    await flushPromises();

    expect(assign).not.toHaveBeenCalled();
    expect(auth.isSignedIn).toBe(true);
    expect(wrapper.get('[data-testid="sign-out-error"]').text()).toBe('Kunne ikke logge ut: Database down.');
  });

  it('sends the user to sign in again when the gateway answers UNAUTHENTICATED, with the way back', async () => {
    const { calls } = stubGateway({
      graphql: () =>
        jsonResponse({ errors: [{ message: 'Token expired.', extensions: { code: 'UNAUTHENTICATED' } }] }, 401),
    });
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => {});
    const { wrapper, router, auth } = await mountApp('/regions', { pinia: createPinia() });
    await flushPromises();

    expect(calls.find((call) => call.url === '/graphql')?.headers.get('authorization')).toMatch(/^Bearer /);
    expect(auth.isSignedIn).toBe(false);
    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/regions');
    expect(wrapper.get('[data-testid="sign-in-reason"]').text()).toBe(
      'Økten din er utløpt. Logg inn på nytt for å fortsette.',
    );
    // Not straight back to the identity provider: the user reads why first, then signs in on purpose.
    expect(assign).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(wrapper.get('h1').element);

    await wrapper.get('[data-testid="sign-in-button"]').trigger('click');
    expect(assign).toHaveBeenCalledWith('/auth/login?returnTo=%2Fregions');
  });

  it("starts signed in from the gateway's session after a reload, the token in memory only", async () => {
    const { calls } = stubGateway({
      session: () => sessionFor('coordination.member'),
      graphql: () => jsonResponse({ data: { regions: [follo] } }),
    });
    const { wrapper, router } = await mountApp('/regions', { pinia: createPinia(), signedIn: false });
    await flushPromises();

    expect(router.currentRoute.value.name).toBe('regions');
    expect(wrapper.get('[data-testid="signed-in-user"]').text()).toContain('Ola Hansen');
    // GET /auth/config is the header asking whether to offer the development mail page.
    const sequence = calls.filter((call) => call.url !== '/auth/config');
    expect(sequence.map((call) => `${call.method} ${call.url}`).slice(0, 2)).toEqual([
      'POST /auth/session',
      'POST /graphql',
    ]);
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
  });
});

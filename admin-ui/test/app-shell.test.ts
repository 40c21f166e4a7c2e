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
import { useAuthStore } from '../src/stores/auth';
import {
  accessTokenFor,
  accessTokenStorageKey,
  createStrictI18n,
  developmentSignIn,
  follo,
  forbidNetwork,
  jsonResponse,
  stubGateway,
} from './fixtures';

interface MountOptions {
  /** A real store instead of a testing one, for tests that follow a request all the way through. */
  pinia?: Pinia;
  signedIn?: boolean;
}

// The regions page by default: '/' leads the coordination member used here on to the overview (tested below).
async function mountApp(path = '/regions', { pinia, signedIn = true }: MountOptions = {}) {
  // As after a reload: the store finds the token where the sign-in left it.
  if (signedIn) sessionStorage.setItem(accessTokenStorageKey, accessTokenFor('coordination.member'));
  const storePinia = pinia ?? createTestingPinia({ createSpy: vi.fn, stubActions: false });
  // The first navigation runs before the app is mounted, so the guard finds the store through the active pinia.
  setActivePinia(storePinia);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, {
    global: { plugins: [storePinia, router, createStrictI18n(storedLocale())] },
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
    const overview = calls.find((call) => JSON.stringify(call.body).includes('query CoordinationOverview'));
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

  it('shows no user, no sign-out and no navigation when nobody is signed in', async () => {
    stubGateway(developmentSignIn());
    const { wrapper, router } = await mountApp('/regions', { signedIn: false });
    await flushPromises();

    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(wrapper.find('[data-testid="signed-in-user"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="sign-out"]').exists()).toBe(false);
    expect(wrapper.find('header nav').exists()).toBe(false);
    expect(document.title).toBe('Logg inn – Etablerertjenesten');
  });

  it('signs out to the sign-in page, with no way back to the page of the user before', async () => {
    stubGateway({ ...developmentSignIn(), graphql: () => jsonResponse({ data: { regions: [follo] } }) });
    const { wrapper, router, auth } = await mountApp();

    await wrapper.get('[data-testid="sign-out"]').trigger('click');
    await flushPromises();

    expect(auth.isSignedIn).toBe(false);
    expect(sessionStorage.getItem(accessTokenStorageKey)).toBeNull();
    expect(router.currentRoute.value.fullPath).toBe('/sign-in');
    expect(wrapper.find('[data-testid="signed-in-user"]').exists()).toBe(false);
    expect(wrapper.get('h1').text()).toBe('Logg inn');
  });

  it('sends the user to sign in again when the gateway answers UNAUTHENTICATED, and back afterwards', async () => {
    let tokenAccepted = false;
    const { calls } = stubGateway({
      ...developmentSignIn(),
      graphql: () =>
        tokenAccepted
          ? jsonResponse({ data: { regions: [follo] } })
          : jsonResponse({ errors: [{ message: 'Token expired.', extensions: { code: 'UNAUTHENTICATED' } }] }, 401),
    });
    const { wrapper, router, auth } = await mountApp('/regions', { pinia: createPinia() });
    await flushPromises();

    expect(calls[0]?.headers.get('authorization')).toMatch(/^Bearer /);
    expect(auth.isSignedIn).toBe(false);
    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/regions');
    expect(wrapper.get('[data-testid="sign-in-reason"]').text()).toBe(
      'Økten din er utløpt. Logg inn på nytt for å fortsette.',
    );

    tokenAccepted = true;
    const ola = wrapper.get('input[type="radio"][value="coordination.member"]');
    await ola.setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe('/regions');
    expect(wrapper.get('[data-testid="signed-in-user"]').text()).toContain('Ola Hansen');
    expect(wrapper.find('[data-region-id="follo"]').exists()).toBe(true);
  });
});

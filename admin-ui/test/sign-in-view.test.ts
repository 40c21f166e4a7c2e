// The sign-in page with a testing store: the demo users as a radio group, signing in and going on, and its states.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { SupportedLocale } from '../src/i18n';
import { createAppRouter } from '../src/router';
import { type AuthError, type DevelopmentSignIn, useAuthStore } from '../src/stores/auth';
import SignInView from '../src/views/SignInView.vue';
import { accessTokenFor, createStrictI18n, type DemoUsername, demoUsers, forbidNetwork } from './fixtures';

interface StoreState {
  demoUsers?: typeof demoUsers;
  developmentSignIn?: DevelopmentSignIn;
  loading?: boolean;
  signingIn?: boolean;
  error?: AuthError | null;
  sessionExpired?: boolean;
}

async function mountView({
  path = '/sign-in',
  locale = 'nb',
  ...state
}: StoreState & { path?: string; locale?: SupportedLocale } = {}) {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: {
      auth: {
        accessToken: null,
        demoUsers,
        developmentSignIn: 'on',
        loading: false,
        signingIn: false,
        error: null,
        sessionExpired: false,
        ...state,
      },
    },
  });
  const store = useAuthStore(pinia);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(SignInView, {
    global: { plugins: [pinia, router, createStrictI18n(locale)] },
    attachTo: document.body,
  });
  return { wrapper, store, router };
}

/** Makes the stubbed signIn behave like the real one for `username`: the token lands in the store. */
function signInSucceedsAs(store: ReturnType<typeof useAuthStore>, username: DemoUsername) {
  vi.mocked(store.signIn).mockImplementation(async () => {
    store.accessToken = accessTokenFor(username);
    return true;
  });
}

/** The radio whose accessible name (through aria-labelledby) is `name`. */
function radioNamed(wrapper: Awaited<ReturnType<typeof mountView>>['wrapper'], name: string) {
  const radio = wrapper
    .findAll('input[type="radio"]')
    .find((input) => document.getElementById(input.attributes('aria-labelledby') ?? '')?.textContent?.trim() === name);
  if (!radio) throw new Error(`No radio named ${name}`);
  return radio;
}

enableAutoUnmount(afterEach);

describe('SignInView', () => {
  beforeEach(() => {
    // The store's actions are stubbed; the page itself must never reach for the network.
    forbidNetwork();
    sessionStorage.clear();
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('asks the store for the demo users when it opens', async () => {
    const { store } = await mountView();
    expect(store.loadDemoUsers).toHaveBeenCalledTimes(1);
  });

  it('lists every demo user as one radio group, named by the person, described by role and organisation', async () => {
    const { wrapper } = await mountView();

    expect(wrapper.get('h1').text()).toBe('Logg inn');
    expect(wrapper.get('fieldset legend').text()).toBe('Demobrukere');
    const radios = wrapper.findAll('fieldset input[type="radio"]');
    expect(radios).toHaveLength(demoUsers.length);
    // One name: the arrow keys move within the group and Tab leaves it, as a keyboard user expects.
    expect(new Set(radios.map((radio) => radio.attributes('name')))).toEqual(new Set(['demo-user']));

    const ola = radioNamed(wrapper, 'Ola Hansen');
    expect(ola.attributes('value')).toBe('coordination.member');
    const description = (ola.attributes('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent?.trim())
      .join(' ');
    expect(description).toBe('Medlem av koordineringsgruppen, Viken fylkeskommune brukernavn coordination.member');
    // The whole card is the label, so a click anywhere on it picks the user.
    expect(wrapper.get(`label[for="${ola.attributes('id')}"]`).text()).toContain('Ola Hansen');

    expect(radioNamed(wrapper, 'Amira Haddad').element.closest('label')?.textContent).toContain(
      'Veileder, Etablerertjenesten i Follo',
    );
    expect(wrapper.get('button[type="submit"]').text()).toBe('Logg inn');
  });

  it('signs in as the chosen user and goes to the page that was asked for', async () => {
    const { wrapper, store, router } = await mountView({ path: '/sign-in?redirect=/regions' });
    signInSucceedsAs(store, 'coordination.member');

    await radioNamed(wrapper, 'Ola Hansen').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(store.signIn).toHaveBeenCalledWith('coordination.member');
    expect(router.currentRoute.value.fullPath).toBe('/regions');
  });

  it('goes to the start page when no page was asked for', async () => {
    const { wrapper, store, router } = await mountView();
    signInSucceedsAs(store, 'county.officer');

    await radioNamed(wrapper, 'Kari Nordmann').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    // The start page, which leads a county officer on to the overview (loaded on demand).
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('overview'));
    expect(router.currentRoute.value.redirectedFrom?.path).toBe('/');
  });

  it('never follows a redirect to another site', async () => {
    const { wrapper, store, router } = await mountView({ path: '/sign-in?redirect=//evil.example/phish' });
    signInSucceedsAs(store, 'county.officer');

    await radioNamed(wrapper, 'Kari Nordmann').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    // The start page, which leads a county officer on to the overview (loaded on demand).
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/overview'));
    expect(router.currentRoute.value.redirectedFrom?.path).toBe('/');
  });

  it('asks for a choice instead of signing in as nobody', async () => {
    const { wrapper, store } = await mountView();

    await wrapper.get('form').trigger('submit');

    expect(store.signIn).not.toHaveBeenCalled();
    const alert = wrapper.get('[data-testid="sign-in-choice-missing"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toBe('Velg en bruker før du logger inn.');
  });

  it('stays on the page and says why when the sign-in fails', async () => {
    const { wrapper, store, router } = await mountView({ path: '/sign-in?redirect=/regions' });
    vi.mocked(store.signIn).mockImplementation(async () => {
      store.error = {
        action: 'sign-in',
        message: 'No demo user by that username; GET /auth/dev/users lists them.',
        code: 'unknown_user',
      };
      return false;
    });

    await radioNamed(wrapper, 'Ola Hansen').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(router.currentRoute.value.name).toBe('sign-in');
    const alert = wrapper.get('[data-testid="sign-in-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('Innloggingen mislyktes');
    expect(alert.text()).toContain('Gatewayen kjenner ikke denne brukeren.');
  });

  it('shows that it is signing in and takes no second press meanwhile', async () => {
    const { wrapper } = await mountView({ signingIn: true });

    const button = wrapper.get('button[type="submit"]');
    expect(button.text()).toBe('Logger inn …');
    expect(button.attributes('disabled')).toBeDefined();
  });

  it('shows the loading state while the demo users load', async () => {
    const { wrapper } = await mountView({ loading: true, demoUsers: [], developmentSignIn: 'unknown' });

    expect(wrapper.get('[data-testid="sign-in-loading"]').attributes('role')).toBe('status');
    expect(wrapper.find('form').exists()).toBe(false);
  });

  it('says the development sign-in is off, and that production uses the organisation’s sign-in', async () => {
    const { wrapper } = await mountView({ demoUsers: [], developmentSignIn: 'off' });

    const off = wrapper.get('[data-testid="sign-in-off"]');
    expect(off.text()).toContain('Utviklingsinnloggingen er slått av');
    expect(off.text()).toContain('organisasjonens egen innlogging (OIDC)');
    expect(wrapper.find('form').exists()).toBe(false);
  });

  it('reports a failed load of the demo users and retries on request', async () => {
    const { wrapper, store } = await mountView({
      demoUsers: [],
      developmentSignIn: 'unknown',
      error: { action: 'load-users', message: 'The gateway could not be reached.', code: null },
    });

    const alert = wrapper.get('[data-testid="sign-in-load-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('Kunne ikke hente demobrukerne');
    expect(alert.text()).toContain('The gateway could not be reached.');

    vi.mocked(store.loadDemoUsers).mockClear();
    await alert.get('button').trigger('click');
    expect(store.loadDemoUsers).toHaveBeenCalledTimes(1);
  });

  it('explains why the user is here: a page that needs sign-in, or a session that ran out', async () => {
    const asked = await mountView({ path: '/sign-in?redirect=/regions' });
    expect(asked.wrapper.get('[data-testid="sign-in-reason"]').text()).toBe('Du må logge inn for å se siden du ba om.');
    asked.wrapper.unmount();

    const expired = await mountView({ path: '/sign-in?redirect=/regions', sessionExpired: true });
    expect(expired.wrapper.get('[data-testid="sign-in-reason"]').text()).toBe(
      'Økten din er utløpt. Logg inn på nytt for å fortsette.',
    );
    expired.wrapper.unmount();

    const plain = await mountView();
    expect(plain.wrapper.find('[data-testid="sign-in-reason"]').exists()).toBe(false);
  });

  it('speaks English when asked, roles included', async () => {
    const { wrapper } = await mountView({ locale: 'en' });

    expect(wrapper.get('h1').text()).toBe('Sign in');
    expect(radioNamed(wrapper, 'Ola Hansen').element.closest('label')?.textContent).toContain(
      'Coordination group member, Viken fylkeskommune',
    );
    expect(wrapper.get('button[type="submit"]').text()).toBe('Sign in');
  });
});

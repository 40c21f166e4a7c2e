// The sign-in page and the signed-out page: straight on to the OpenID Connect sign-in with the way back, or, after a
// failed sign-in, an expired session or a sign-out, a message per case and a button to sign in.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { SupportedLocale } from '../src/i18n';
import { createAppRouter } from '../src/router';
import { browserNavigation, useAuthStore } from '../src/stores/auth';
import SignedOutView from '../src/views/SignedOutView.vue';
import SignInView from '../src/views/SignInView.vue';
import { accessTokenFor, createStrictI18n, forbidNetwork, jsonResponse, startSignedIn, stubGateway } from './fixtures';

async function mountView(
  path = '/sign-in',
  { locale = 'nb', before }: { locale?: SupportedLocale; before?: () => void } = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  before?.();
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(router.currentRoute.value.name === 'signed-out' ? SignedOutView : SignInView, {
    global: { plugins: [pinia, router, createStrictI18n(locale)] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}

const spyOnNavigation = () => vi.spyOn(browserNavigation, 'assign').mockImplementation(() => {});

const oidcOn = () => stubGateway({ config: () => jsonResponse({ oidc: true, devSignIn: false }) });

enableAutoUnmount(afterEach);

describe('SignInView', () => {
  let assign: ReturnType<typeof spyOnNavigation>;

  beforeEach(() => {
    assign = spyOnNavigation();
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('goes straight on to the sign-in, coming back to the page asked for, and says so meanwhile', async () => {
    const { calls } = oidcOn();
    const { wrapper } = await mountView(`/sign-in?redirect=${encodeURIComponent('/regions?sort=name&page=2')}`);

    expect(assign).toHaveBeenCalledExactlyOnceWith(
      `/auth/login?returnTo=${encodeURIComponent('/regions?sort=name&page=2')}`,
    );
    expect(wrapper.get('[data-testid="sign-in-redirecting"]').text()).toBe('Sender deg til innloggingen …');
    expect(wrapper.find('[role="status"]').exists()).toBe(true);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['GET /auth/config']);
  });

  it('comes back to the start page when no page, or a page elsewhere, was asked for', async () => {
    oidcOn();
    await mountView('/sign-in');
    await mountView(`/sign-in?redirect=${encodeURIComponent('//evil.example/x')}`);

    expect(assign.mock.calls).toEqual([['/auth/login?returnTo=%2F'], ['/auth/login?returnTo=%2F']]);
  });

  it('sends someone who still has a session on to the page asked for, not to the identity provider', async () => {
    forbidNetwork();
    const { router } = await mountView('/sign-in?redirect=%2Fclients', {
      before: () => startSignedIn(accessTokenFor('follo.adviser')),
    });

    // The page is loaded on demand, so the navigation ends a little later.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/clients'), { timeout: 30_000 });
    expect(assign).not.toHaveBeenCalled();
  });

  const messages: Record<string, { nb: string; en: string }> = {
    no_access: {
      nb: 'Du er logget inn hos identitetsleverandøren, men har ingen tilgang til konsollet. Be fylkeskommunen eller regionen din om å gi deg en rolle.',
      en: 'You are signed in with your identity provider, but have no access to the console. Ask your county or region to give you a role.',
    },
    cancelled: {
      nb: 'Innloggingen ble avbrutt. Logg inn på nytt når du er klar.',
      en: 'The sign-in was cancelled. Sign in again when you are ready.',
    },
    expired: {
      nb: 'Innloggingen tok for lang tid eller ble brukt allerede. Prøv på nytt.',
      en: 'The sign-in took too long or was already used. Try again.',
    },
    failed: {
      nb: 'Innloggingen mislyktes. Prøv igjen om litt.',
      en: 'The sign-in failed. Try again in a little while.',
    },
  };

  for (const [code, text] of Object.entries(messages)) {
    it(`explains ?error=${code} in bokmål and English, and signs in only on request`, async () => {
      forbidNetwork();
      const { wrapper } = await mountView(`/sign-in?error=${code}&redirect=%2Fclients`);

      expect(wrapper.get('[data-testid="sign-in-reason"]').text()).toBe(text.nb);
      expect(assign).not.toHaveBeenCalled();
      // The heading takes focus, so a screen reader starts at the page that explains what happened.
      expect(document.activeElement).toBe(wrapper.get('h1').element);
      const button = wrapper.get('[data-testid="sign-in-button"]');
      expect(button.element.tagName).toBe('BUTTON');
      expect(button.text()).toBe('Logg inn');

      await button.trigger('click');
      expect(assign).toHaveBeenCalledExactlyOnceWith('/auth/login?returnTo=%2Fclients');

      const english = await mountView(`/sign-in?error=${code}`, { locale: 'en' });
      expect(english.wrapper.get('[data-testid="sign-in-reason"]').text()).toBe(text.en);
      expect(english.wrapper.get('[data-testid="sign-in-button"]').text()).toBe('Sign in');
    });
  }

  it('takes an error code it does not know for a failed sign-in', async () => {
    forbidNetwork();
    const { wrapper } = await mountView('/sign-in?error=server_error');

    expect(wrapper.get('[data-testid="sign-in-reason"]').text()).toBe(messages.failed?.nb);
    expect(assign).not.toHaveBeenCalled();
  });

  it('does not sign straight in again after the session expired: it says why and waits', async () => {
    forbidNetwork();
    const { wrapper } = await mountView('/sign-in?redirect=%2Fregions', {
      before: () => {
        useAuthStore().sessionExpired = true;
      },
    });

    expect(wrapper.get('[data-testid="sign-in-reason"]').text()).toBe(
      'Økten din er utløpt. Logg inn på nytt for å fortsette.',
    );
    expect(assign).not.toHaveBeenCalled();
    await wrapper.get('[data-testid="sign-in-button"]').trigger('click');
    expect(assign).toHaveBeenCalledExactlyOnceWith('/auth/login?returnTo=%2Fregions');
  });

  it('does not sign straight in again after a sign-out', async () => {
    forbidNetwork();
    const { wrapper } = await mountView('/sign-in', {
      before: () => {
        useAuthStore().signedOut = true;
      },
    });

    expect(wrapper.get('[data-testid="sign-in-reason"]').text()).toBe('Du er logget ut.');
    expect(assign).not.toHaveBeenCalled();
  });

  it('says when the gateway has no sign-in set up instead of sending the browser to a dead end', async () => {
    stubGateway({ config: () => jsonResponse({ oidc: false, devSignIn: true }) });
    const { wrapper } = await mountView('/sign-in');

    expect(assign).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="sign-in-off"]').text()).toContain('Innloggingen er ikke satt opp');
  });

  it('reports a gateway it cannot reach, and tries again on request', async () => {
    forbidNetwork();
    const { wrapper } = await mountView('/sign-in');

    expect(assign).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="sign-in-unreachable"]').text()).toContain(
      'Fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
    );

    oidcOn();
    await wrapper.get('[data-testid="sign-in-unreachable"] button').trigger('click');
    await flushPromises();
    expect(assign).toHaveBeenCalledExactlyOnceWith('/auth/login?returnTo=%2F');
  });
});

describe('SignedOutView', () => {
  it('says the user is signed out and offers to sign in again, the heading focused', async () => {
    forbidNetwork();
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => {});
    const { wrapper, router } = await mountView('/signed-out');

    expect(router.currentRoute.value.name).toBe('signed-out');
    expect(wrapper.get('h1').text()).toBe('Du er logget ut');
    expect(document.activeElement).toBe(wrapper.get('h1').element);
    await wrapper.get('[data-testid="sign-in-again"]').trigger('click');
    expect(wrapper.get('[data-testid="sign-in-again"]').text()).toBe('Logg inn igjen');
    expect(assign).toHaveBeenCalledExactlyOnceWith('/auth/login?returnTo=%2F');
  });
});

// The public website's frame: its routes open without signing in, its own layout without the
// console's header, the responsible parties on every page, and requests that never carry a token.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { anonymousRequest, request, setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { PublicResponsiblePartiesDocument } from '../src/queries/publicSite';
import { RegionsOverviewDocument } from '../src/queries/regions';
import { createAppRouter } from '../src/router';
import { forbidNetwork, jsonResponse, stubGraphQL } from './fixtures';
import { basicCourseId, callsOf, mountPublic, stubPublicGateway } from './public-fixtures';

const publicPages = [
  { path: '/public', name: 'public-home' },
  { path: '/public/offices', name: 'public-offices' },
  { path: '/public/courses', name: 'public-courses' },
  { path: `/public/courses/${basicCourseId}/sign-up`, name: 'public-sign-up' },
  { path: '/public/counselling', name: 'public-counselling' },
  { path: '/public/privacy', name: 'public-privacy' },
];

enableAutoUnmount(afterEach);

describe('the public website', () => {
  beforeEach(() => {
    forbidNetwork();
    localStorage.clear();
    sessionStorage.clear();
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('opens every public page signed out, without going through the sign-in page', async () => {
    for (const page of publicPages) {
      setActivePinia(createPinia());
      const router = createAppRouter(createMemoryHistory());
      await router.push(page.path);
      expect(router.currentRoute.value.name, page.path).toBe(page.name);
      expect(router.currentRoute.value.meta.public, page.path).toBe(true);
    }
  });

  it('keeps the console behind the sign-in page', async () => {
    const router = createAppRouter(createMemoryHistory());
    await router.push('/regions');
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it("shows the website's own frame and the responsible parties on every page, never the console's header", async () => {
    for (const page of publicPages) {
      stubPublicGateway({
        PublicCalendar: () =>
          jsonResponse({
            data: { publicCourses: { items: [], totalCount: 0, hasNextPage: false }, publicPartnerCourses: [] },
          }),
      });
      const { wrapper } = await mountPublic(page.path, { signedIn: true });

      expect(wrapper.find('[data-testid="signed-in-user"]').exists(), page.path).toBe(false);
      expect(wrapper.find('[data-testid="sign-out"]').exists(), page.path).toBe(false);
      expect(wrapper.get('nav').attributes('aria-label')).toBe('Meny for nettstedet');
      expect(wrapper.get('header fieldset legend').text()).toBe('Språk');
      expect(wrapper.find('h1').exists(), page.path).toBe(true);

      const footer = wrapper.get('[data-testid="public-footer"]');
      expect(footer.get('[data-testid="public-footer-counties"]').text()).toBe(
        'Akershus fylkeskommune, Østfold fylkeskommune',
      );
      expect(footer.get('[data-testid="public-footer-partners"]').text()).toBe('Innovasjon Norge');
      expect(
        footer
          .get('[data-testid="public-footer-municipalities"]')
          .findAll('li')
          .map((item) => item.text()),
      ).toEqual(['Nordre Follo kommune (Follo)', 'Halden kommune (Halden)']);
      wrapper.unmount();
    }
  });

  it('asks for the responsible parties once, without a token, and offers a retry when they fail', async () => {
    let fail = true;
    const { calls } = stubPublicGateway({
      PublicResponsibleParties: () =>
        fail
          ? jsonResponse({ errors: [{ message: 'Down.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
          : jsonResponse({
              data: { publicResponsibleParties: [{ kind: 'COUNTY', name: 'Akershus fylkeskommune', regionIds: [] }] },
            }),
    });
    const { wrapper } = await mountPublic('/public/privacy');
    const footer = wrapper.get('[data-testid="public-footer"]');
    expect(footer.get('[data-testid="public-footer-error"]').text()).toContain(
      'Vi fikk ikke hentet hvem som står bak tjenesten',
    );

    fail = false;
    await footer.get('[data-testid="public-footer-error"] button').trigger('click');
    await flushPromises();

    expect(footer.get('[data-testid="public-footer-counties"]').text()).toBe('Akershus fylkeskommune');
    expect(callsOf(calls, 'PublicResponsibleParties')).toHaveLength(2);
  });

  it('links staff to the sign-in page, or to the console when they are signed in', async () => {
    stubPublicGateway();
    const signedOut = await mountPublic('/public');
    const staffLink = signedOut.wrapper.get('[data-testid="public-staff-link"]');
    expect(staffLink.text()).toBe('For ansatte: logg inn');
    expect(staffLink.attributes('href')).toBe('/sign-in');
    signedOut.wrapper.unmount();

    const signedIn = await mountPublic('/public', { signedIn: true });
    expect(signedIn.wrapper.get('[data-testid="public-staff-link"]').text()).toBe('For ansatte: til konsollet');
    expect(signedIn.wrapper.get('[data-testid="public-staff-link"]').attributes('href')).toBe('/');
  });

  it('sends no token from public pages, and a refusal there does not end the signed-in session', async () => {
    const { calls } = stubPublicGateway({
      PublicDirectory: () =>
        jsonResponse({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }, 401),
    });
    const { wrapper, auth, router } = await mountPublic('/public/offices', { signedIn: true });

    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => !call.headers.has('authorization'))).toBe(true);
    expect(wrapper.get('[data-testid="public-offices-error"]').text()).toContain('Vi fikk ikke hentet regionene');
    expect(auth.isSignedIn).toBe(true);
    expect(router.currentRoute.value.name).toBe('public-offices');
  });

  it('switches to English, page title included', async () => {
    stubPublicGateway();
    const { wrapper } = await mountPublic('/public/privacy');
    await wrapper.get('header fieldset button[lang="en"]').trigger('click');

    expect(wrapper.get('h1').text()).toBe('Privacy notice');
    expect(wrapper.get('[data-testid="public-staff-link"]').text()).toBe('Staff sign-in');
    expect(wrapper.get('nav').text()).toContain('Course calendar');
    expect(document.title).toBe('Privacy notice – Etablerertjenesten');
    expect(document.documentElement.lang).toBe('en');
  });

  it('keeps an unknown address under /public in the website, with a way to its front page', async () => {
    stubPublicGateway();
    const { wrapper, router } = await mountPublic('/public/no-such-page');
    expect(router.currentRoute.value.name).toBe('public-not-found');
    expect(wrapper.get('h1').text()).toBe('Fant ikke siden');
    expect(wrapper.get('main a').attributes('href')).toBe('/public');
    expect(wrapper.find('[data-testid="public-footer"]').exists()).toBe(true);
  });

  it('shows the privacy notice with its version date, the responsible municipality of each region and the rights', async () => {
    stubPublicGateway();
    const { wrapper } = await mountPublic('/public/privacy');

    expect(wrapper.get('[data-testid="public-privacy-version"]').text()).toBe('Versjon av fre. 27. november 2026');
    expect(wrapper.text()).toContain('sammen med Akershus fylkeskommune, Østfold fylkeskommune');
    expect(
      wrapper
        .get('[data-testid="public-privacy-responsible"]')
        .findAll('li')
        .map((item) => item.text()),
    ).toEqual(['Follo: Nordre Follo kommune', 'Halden: Halden kommune']);
    expect(wrapper.get('[data-testid="public-privacy-stored"]').text()).toContain('e-postadressen din');
    expect(wrapper.text()).toContain('Innsyn');
    expect(wrapper.text()).toContain('Retting');
    expect(wrapper.text()).toContain('Sletting');
  });
});

describe('anonymous requests', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('leave the token out and do not tell the session about UNAUTHENTICATED, unlike the console requests', async () => {
    setAccessTokenSource(() => 'a-token');
    const unauthenticated = vi.fn();
    setUnauthenticatedHandler(unauthenticated);
    const { calls } = stubGraphQL(() =>
      jsonResponse({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }, 401),
    );

    await expect(anonymousRequest(PublicResponsiblePartiesDocument)).rejects.toThrow('Sign in first.');
    expect(calls[0]?.headers.has('authorization')).toBe(false);
    expect(unauthenticated).not.toHaveBeenCalled();

    await expect(request(RegionsOverviewDocument)).rejects.toThrow('Sign in first.');
    expect(calls[1]?.headers.get('authorization')).toBe('Bearer a-token');
    expect(unauthenticated).toHaveBeenCalledTimes(1);
  });

  it('read how long a RATE_LIMITED caller must wait', async () => {
    stubGraphQL(() =>
      jsonResponse(
        { errors: [{ message: 'Too many.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 240 } }] },
        429,
      ),
    );
    const failure = await anonymousRequest(PublicResponsiblePartiesDocument).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 429, errors: [{ code: 'RATE_LIMITED', retryAfterSeconds: 240 }] });
  });
});

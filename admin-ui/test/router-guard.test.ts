// The sign-in guard: pages need a session, and wait for the gateway's first answer on it; the sign-in, signed-out
// and not-found pages do not; the way back is safe; the access pages only for the roles that administer access.
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { safeRedirect } from '../src/router/sign-in';
import {
  accessTokenFor,
  type DemoUsername,
  forbidNetwork,
  noSession,
  sessionFor,
  startSignedIn,
  stubGateway,
} from './fixtures';
import { partnerTokenFor } from './partners-fixtures';

async function visit(path: string) {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

describe('sign-in guard', () => {
  beforeEach(() => {
    sessionStorage.clear();
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('sends a user without a session to the sign-in page, remembering the page asked for', async () => {
    stubGateway({ session: () => noSession() });
    const route = await visit('/regions?sort=name&page=2');

    expect(route.name).toBe('sign-in');
    expect(route.path).toBe('/sign-in');
    // The page's own query survives inside the redirect instead of spilling into the sign-in page's query.
    expect(route.query).toEqual({ redirect: '/regions?sort=name&page=2' });
  });

  it('guards the start page too', async () => {
    stubGateway({ session: () => noSession() });
    const route = await visit('/');

    expect(route.name).toBe('sign-in');
    expect(route.query.redirect).toBe('/');
  });

  it('waits for the first /auth/session answer and lets a user with a session through, asking only once', async () => {
    let answer: (response: Response) => void = () => {};
    const { calls } = stubGateway({ session: () => new Promise<Response>((resolve) => (answer = resolve)) });
    const router = createAppRouter(createMemoryHistory());

    let arrived = false;
    const navigation = router.push('/regions').then(() => (arrived = true));
    await flushPromises();
    expect(arrived).toBe(false);
    answer(sessionFor('county.officer'));
    await navigation;

    expect(router.currentRoute.value.name).toBe('regions');
    await router.push('/overview');
    expect(router.currentRoute.value.name).toBe('overview');
    expect(calls.filter((call) => call.url === '/auth/session')).toHaveLength(1);
  });

  it('lets anyone see the sign-in, signed-out and not-found pages, without asking for the session', async () => {
    forbidNetwork();
    expect((await visit('/sign-in')).name).toBe('sign-in');
    expect((await visit('/signed-out')).name).toBe('signed-out');
    expect((await visit('/no-such-page')).name).toBe('not-found');
  });

  it('starts the county, the coordination group and API clients on the overview, others on the regions', async () => {
    forbidNetwork();
    startSignedIn(accessTokenFor('county.officer'));
    expect((await visit('/')).name).toBe('overview');
    // The regions stay one click away for them.
    expect((await visit('/regions')).name).toBe('regions');

    setActivePinia(createPinia());
    startSignedIn(accessTokenFor('follo.adviser'));
    const route = await visit('/');
    expect(route.name).toBe('regions');
    expect(route.path).toBe('/');
    expect((await visit('/overview?year=2025')).name).toBe('overview');
  });

  it('opens "Tilganger" to county and municipality officers only, "API-klienter" to county officers only', async () => {
    forbidNetwork();
    const reach = async (token: string, path: string) => {
      setActivePinia(createPinia());
      startSignedIn(token);
      return (await visit(path)).path === path;
    };
    const as = (username: DemoUsername) => accessTokenFor(username);

    expect(await reach(as('county.officer'), '/access')).toBe(true);
    expect(await reach(as('nordrefollo.officer'), '/access')).toBe(true);
    expect(await reach(as('follo.adviser'), '/access')).toBe(false);
    expect(await reach(as('coordination.member'), '/access')).toBe(false);
    expect(await reach(partnerTokenFor('nav.follo'), '/access')).toBe(false);

    expect(await reach(as('county.officer'), '/api-clients')).toBe(true);
    expect(await reach(as('nordrefollo.officer'), '/api-clients')).toBe(false);
    expect(await reach(as('follo.adviser'), '/api-clients')).toBe(false);
  });
});

describe('safeRedirect', () => {
  it('keeps a path on this console', () => {
    expect(safeRedirect('/regions')).toBe('/regions');
    expect(safeRedirect('/regions?sort=name#follo')).toBe('/regions?sort=name#follo');
  });

  it('falls back to the start page for anything that could lead elsewhere or back to sign-in', () => {
    for (const redirect of [
      undefined,
      null,
      '',
      'regions',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
    ]) {
      expect(safeRedirect(redirect)).toBe('/');
    }
    expect(safeRedirect(['/regions', '/other'])).toBe('/');
    expect(safeRedirect('/sign-in?redirect=%2F')).toBe('/');
  });
});

// The sign-in guard: pages need a signed-in user, the sign-in and not-found pages do not, and the way back is safe.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { safeRedirect } from '../src/router/sign-in';
import { accessTokenFor, accessTokenStorageKey, forbidNetwork } from './fixtures';

async function visit(path: string) {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

describe('sign-in guard', () => {
  beforeEach(() => {
    // No page is rendered here; the guard alone must not reach for the network either.
    forbidNetwork();
    sessionStorage.clear();
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('sends a signed-out user to the sign-in page, remembering the page asked for', async () => {
    const route = await visit('/regions?sort=name&page=2');

    expect(route.name).toBe('sign-in');
    expect(route.path).toBe('/sign-in');
    // The page's own query survives inside the redirect instead of spilling into the sign-in page's query.
    expect(route.query).toEqual({ redirect: '/regions?sort=name&page=2' });
  });

  it('guards the start page too', async () => {
    const route = await visit('/');

    expect(route.name).toBe('sign-in');
    expect(route.query.redirect).toBe('/');
  });

  it('lets anyone see the sign-in page and the not-found page', async () => {
    expect((await visit('/sign-in')).name).toBe('sign-in');
    expect((await visit('/no-such-page')).name).toBe('not-found');
  });

  it('lets a signed-in user through', async () => {
    sessionStorage.setItem(accessTokenStorageKey, accessTokenFor('county.officer'));

    expect((await visit('/regions')).name).toBe('regions');
  });

  it('starts the county, the coordination group and API clients on the overview, others on the regions', async () => {
    sessionStorage.setItem(accessTokenStorageKey, accessTokenFor('county.officer'));
    expect((await visit('/')).name).toBe('overview');
    // The regions stay one click away for them.
    expect((await visit('/regions')).name).toBe('regions');

    setActivePinia(createPinia());
    sessionStorage.setItem(accessTokenStorageKey, accessTokenFor('follo.adviser'));
    const route = await visit('/');
    expect(route.name).toBe('regions');
    expect(route.path).toBe('/');
    expect((await visit('/overview?year=2025')).name).toBe('overview');
  });

  it('turns away a user whose token has expired', async () => {
    sessionStorage.setItem(accessTokenStorageKey, accessTokenFor('county.officer', { expiresIn: -1 }));

    expect((await visit('/regions')).name).toBe('sign-in');
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

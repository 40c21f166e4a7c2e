// The auth store against a stubbed development sign-in: demo users, signing in and out, expiry, and refused tokens.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { decodeAccessToken, useAuthStore } from '../src/stores/auth';
import { useRegionsStore } from '../src/stores/regions';
import {
  accessTokenFor,
  accessTokenStorageKey,
  demoUsers,
  developmentSignIn,
  forbidNetwork,
  jsonResponse,
  stubGateway,
} from './fixtures';

describe('auth store', () => {
  beforeEach(() => {
    sessionStorage.clear();
    setActivePinia(createPinia());
  });

  afterEach(() => {
    vi.useRealTimers();
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('starts signed out, without asking the network', () => {
    forbidNetwork();
    const store = useAuthStore();

    expect(store.isSignedIn).toBe(false);
    expect(store.caller).toBeNull();
    expect(store.developmentSignIn).toBe('unknown');
  });

  it('loads the demo users and notes that the development sign-in is on', async () => {
    const { calls } = stubGateway(developmentSignIn());
    const store = useAuthStore();

    const loading = store.loadDemoUsers();
    expect(store.loading).toBe(true);
    await loading;

    expect(store.loading).toBe(false);
    expect(store.demoUsers).toEqual(demoUsers);
    expect(store.developmentSignIn).toBe('on');
    expect(store.error).toBeNull();
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['GET /auth/dev/users']);
  });

  it('takes a 404 for the demo users to mean the development sign-in is off, not a failure', async () => {
    stubGateway({ demoUsers: () => new Response('Not Found', { status: 404 }) });
    const store = useAuthStore();

    await store.loadDemoUsers();

    expect(store.developmentSignIn).toBe('off');
    expect(store.demoUsers).toEqual([]);
    expect(store.error).toBeNull();
    expect(store.loading).toBe(false);
  });

  it('reports a gateway that cannot be reached while loading the demo users', async () => {
    stubGateway({
      demoUsers: () => {
        throw new TypeError('fetch failed');
      },
    });
    const store = useAuthStore();

    await store.loadDemoUsers();

    expect(store.error).toEqual({ action: 'load-users', message: 'The gateway could not be reached.', code: null });
    expect(store.developmentSignIn).toBe('unknown');
  });

  it('signs in: keeps the token for this browser session and reads the caller from it', async () => {
    const { calls } = stubGateway(developmentSignIn());
    const store = useAuthStore();

    await expect(store.signIn('follo.adviser')).resolves.toBe(true);

    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/auth/dev/token', body: { username: 'follo.adviser' } });
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
    expect(store.isSignedIn).toBe(true);
    expect(store.caller).toMatchObject({
      username: 'follo.adviser',
      name: 'Amira Haddad',
      role: 'ADVISER',
      organisationName: 'Etablerertjenesten i Follo',
      regionId: 'follo',
      municipalityNumber: null,
    });
    expect(sessionStorage.getItem(accessTokenStorageKey)).toBe(store.accessToken);
    expect(localStorage.getItem(accessTokenStorageKey)).toBeNull();
    expect(store.error).toBeNull();
    expect(store.signingIn).toBe(false);
  });

  it('sends the signed-in token with GraphQL requests', async () => {
    const { calls } = stubGateway({ ...developmentSignIn(), graphql: () => jsonResponse({ data: { regions: [] } }) });
    const store = useAuthStore();
    await store.signIn('county.officer');

    await useRegionsStore().load();

    const graphqlCall = calls.find((call) => call.url === '/graphql');
    expect(graphqlCall?.headers.get('authorization')).toBe(`Bearer ${store.accessToken}`);
  });

  it('reports an unknown user with the gateway’s reason and stays signed out', async () => {
    stubGateway(developmentSignIn());
    const store = useAuthStore();

    await expect(store.signIn('no.such.user')).resolves.toBe(false);

    expect(store.isSignedIn).toBe(false);
    expect(store.error).toEqual({
      action: 'sign-in',
      message: 'No demo user by that username; GET /auth/dev/users lists them.',
      code: 'unknown_user',
    });
    expect(sessionStorage.getItem(accessTokenStorageKey)).toBeNull();
  });

  it('stays signed in across a reload of the page', () => {
    forbidNetwork();
    const token = accessTokenFor('nordrefollo.officer');
    sessionStorage.setItem(accessTokenStorageKey, token);

    const store = useAuthStore();

    expect(store.isSignedIn).toBe(true);
    expect(store.caller).toMatchObject({ name: 'Ingrid Berg', regionId: 'follo', municipalityNumber: '3020' });
  });

  it('is not signed in with an expired token, and forgets it', async () => {
    forbidNetwork();
    sessionStorage.setItem(accessTokenStorageKey, accessTokenFor('county.officer', { expiresIn: -60 }));

    const store = useAuthStore();

    expect(store.isSignedIn).toBe(false);
    expect(store.accessToken).toBeNull();
    expect(store.sessionExpired).toBe(true);
    expect(sessionStorage.getItem(accessTokenStorageKey)).toBeNull();
  });

  it('refuses a token that was expired on arrival, blaming the clock', async () => {
    stubGateway({
      token: () =>
        jsonResponse({
          accessToken: accessTokenFor('county.officer', { expiresIn: -60 }),
          tokenType: 'Bearer',
          expiresIn: 28800,
        }),
    });
    const store = useAuthStore();

    await expect(store.signIn('county.officer')).resolves.toBe(false);

    expect(store.isSignedIn).toBe(false);
    expect(store.error?.code).toBe('clock_skew');
  });

  it('ends the session when the token runs out', async () => {
    vi.useFakeTimers();
    stubGateway(developmentSignIn());
    const store = useAuthStore();
    await store.signIn('coordination.member');
    expect(store.isSignedIn).toBe(true);

    await vi.advanceTimersByTimeAsync(3600 * 1000 + 1);

    expect(store.isSignedIn).toBe(false);
    expect(store.sessionExpired).toBe(true);
    expect(sessionStorage.getItem(accessTokenStorageKey)).toBeNull();
  });

  it('signs out: forgets the token in sessionStorage and sends no token any more', async () => {
    const { calls } = stubGateway({ ...developmentSignIn(), graphql: () => jsonResponse({ data: { regions: [] } }) });
    const store = useAuthStore();
    await store.signIn('county.officer');

    store.signOut();

    expect(store.isSignedIn).toBe(false);
    expect(store.caller).toBeNull();
    expect(store.sessionExpired).toBe(false);
    expect(sessionStorage.getItem(accessTokenStorageKey)).toBeNull();
    await useRegionsStore().load();
    expect(calls.find((call) => call.url === '/graphql')?.headers.has('authorization')).toBe(false);
  });

  it('signs out when the gateway answers any GraphQL request with UNAUTHENTICATED', async () => {
    stubGateway({
      ...developmentSignIn(),
      graphql: () =>
        jsonResponse(
          { errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }], data: null },
          401,
        ),
    });
    const store = useAuthStore();
    await store.signIn('county.officer');

    const regions = useRegionsStore();
    await regions.load();

    expect(store.isSignedIn).toBe(false);
    expect(store.sessionExpired).toBe(true);
    expect(sessionStorage.getItem(accessTokenStorageKey)).toBeNull();
    // The store that asked still learns why, so its page does not claim success in the moment before it is left.
    expect(regions.error?.codes).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps the session when the gateway refuses for another reason', async () => {
    stubGateway({
      ...developmentSignIn(),
      graphql: () => jsonResponse({ errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }] }),
    });
    const store = useAuthStore();
    await store.signIn('county.officer');

    await useRegionsStore().load();

    expect(store.isSignedIn).toBe(true);
  });
});

describe('decodeAccessToken', () => {
  it('reads names with letters beyond ASCII', () => {
    const [header, , signature] = accessTokenFor('county.officer').split('.');
    const payload = btoa(
      String.fromCharCode(
        ...new TextEncoder().encode(
          JSON.stringify({ sub: 'as.officer', name: 'Åse Ødegård', role: 'ADVISER', org: { name: 'Ås' }, exp: 1 }),
        ),
      ),
    ).replace(/=+$/, '');

    expect(decodeAccessToken(`${header}.${payload}.${signature}`)).toMatchObject({
      name: 'Åse Ødegård',
      organisationName: 'Ås',
      expiresAt: 1000,
    });
  });

  it('gives null for anything that is not a token with the claims the console needs', () => {
    expect(decodeAccessToken('')).toBeNull();
    expect(decodeAccessToken('not-a-token')).toBeNull();
    expect(decodeAccessToken('a.%%%.c')).toBeNull();
    expect(decodeAccessToken(`a.${btoa(JSON.stringify({ sub: 'x' }))}.c`)).toBeNull();
  });
});

// The auth store against a stubbed gateway: the session on start, the token in memory, its renewal before requests
// (one at a time), the session's end (401, UNAUTHENTICATED, its time), and signing out.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type GraphQLRequestError,
  request,
  setAccessTokenSource,
  setUnauthenticatedHandler,
} from '../src/graphql/client';
import { RegionsOverviewDocument } from '../src/queries/regions';
import { browserNavigation, decodeAccessToken, useAuthStore } from '../src/stores/auth';
import {
  accessTokenFor,
  forbidNetwork,
  jsonResponse,
  noSession,
  sessionFor,
  startSignedIn,
  stubGateway,
} from './fixtures';

const calledUrls = (calls: { method: string; url: string }[]) => calls.map((call) => `${call.method} ${call.url}`);

describe('auth store', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    setActivePinia(createPinia());
  });

  afterEach(() => {
    vi.useRealTimers();
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('starts signed out, without asking the network until started', () => {
    forbidNetwork();
    const store = useAuthStore();

    expect(store.isSignedIn).toBe(false);
    expect(store.caller).toBeNull();
    expect(store.sessionChecked).toBe(false);
  });

  it('asks the gateway for the session on start, with the cookie and the JSON content type, and keeps the token in memory only', async () => {
    const { calls } = stubGateway({ session: () => sessionFor('county.officer') });
    const store = useAuthStore();

    await store.start();

    expect(store.isSignedIn).toBe(true);
    expect(store.sessionChecked).toBe(true);
    expect(store.caller).toMatchObject({
      username: 'county.officer',
      name: 'Kari Nordmann',
      organisationId: 'akershus',
    });
    expect(store.sessionExpiresAt).toBe('2099-12-07T17:30:00.000Z');
    expect(calledUrls(calls)).toEqual(['POST /auth/session']);
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
    expect(calls[0]?.credentials).toBe('same-origin');
    // Nothing a script could read after the page is gone.
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
  });

  it('asks once however many pages wait for the first answer', async () => {
    const { calls } = stubGateway({ session: () => sessionFor('county.officer') });
    const store = useAuthStore();

    await Promise.all([store.start(), store.start(), store.start()]);
    await store.start();

    expect(calledUrls(calls)).toEqual(['POST /auth/session']);
  });

  it('takes a 401 on start for "not signed in", not for an expired session', async () => {
    stubGateway({ session: () => noSession() });
    const store = useAuthStore();

    await store.start();

    expect(store.isSignedIn).toBe(false);
    expect(store.sessionChecked).toBe(true);
    expect(store.sessionExpired).toBe(false);
    expect(store.error).toBeNull();
  });

  it('reports a gateway that cannot be reached on start', async () => {
    forbidNetwork();
    const store = useAuthStore();

    await store.start();

    expect(store.isSignedIn).toBe(false);
    expect(store.error).toMatchObject({ action: 'session', message: 'The gateway could not be reached.' });
  });

  it('sends the token with GraphQL requests while it is good for more than 30 seconds, without renewing it', async () => {
    const token = accessTokenFor('county.officer', { expiresIn: 31 });
    const { calls } = stubGateway({ graphql: () => jsonResponse({ data: { regions: [] } }) });
    startSignedIn(token);
    useAuthStore();

    await request(RegionsOverviewDocument).catch(() => undefined);

    expect(calledUrls(calls)).toEqual(['POST /graphql']);
    expect(calls[0]?.headers.get('authorization')).toBe(`Bearer ${token}`);
  });

  it('renews a token that expires within 30 seconds before the request, and sends the new one', async () => {
    const renewed = accessTokenFor('county.officer', { expiresIn: 300 });
    const { calls } = stubGateway({
      session: () =>
        jsonResponse({
          accessToken: renewed,
          tokenType: 'Bearer',
          expiresIn: 300,
          sessionExpiresAt: '2099-01-01T00:00:00Z',
        }),
      graphql: () => jsonResponse({ data: { regions: [] } }),
    });
    startSignedIn(accessTokenFor('county.officer', { expiresIn: 29 }));
    const store = useAuthStore();

    await request(RegionsOverviewDocument).catch(() => undefined);

    expect(calledUrls(calls)).toEqual(['POST /auth/session', 'POST /graphql']);
    expect(calls[1]?.headers.get('authorization')).toBe(`Bearer ${renewed}`);
    expect(store.accessToken).toBe(renewed);
    expect(store.sessionExpiresAt).toBe('2099-01-01T00:00:00Z');
  });

  it('renews an expired token too, rather than ending a session the gateway still holds', async () => {
    const { calls } = stubGateway({
      session: () => sessionFor('county.officer'),
      graphql: () => jsonResponse({ data: { regions: [] } }),
    });
    startSignedIn(accessTokenFor('county.officer', { expiresIn: -60 }));
    const store = useAuthStore();

    expect(store.isSignedIn).toBe(true);
    await request(RegionsOverviewDocument).catch(() => undefined);

    expect(calledUrls(calls)).toEqual(['POST /auth/session', 'POST /graphql']);
    expect(store.isSignedIn).toBe(true);
  });

  it('has one renewal in flight at a time, shared by the requests that need it', async () => {
    let answer: (response: Response) => void = () => {};
    const { calls } = stubGateway({
      session: () => new Promise<Response>((resolve) => (answer = resolve)),
      graphql: () => jsonResponse({ data: { regions: [] } }),
    });
    startSignedIn(accessTokenFor('county.officer', { expiresIn: 10 }));
    const store = useAuthStore();

    const tokens = Promise.all([store.validAccessToken(), store.validAccessToken(), store.validAccessToken()]);
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 30_000 });
    answer(sessionFor('county.officer'));
    const [first, second, third] = await tokens;

    expect(calledUrls(calls)).toEqual(['POST /auth/session']);
    expect(first).toBe(store.accessToken);
    expect(second).toBe(first);
    expect(third).toBe(first);

    // A later renewal is a new request, not the old answer again.
    store.accessToken = accessTokenFor('county.officer', { expiresIn: 10 });
    const later = stubGateway({ session: () => sessionFor('county.officer') });
    await store.validAccessToken();
    expect(calledUrls(later.calls)).toEqual(['POST /auth/session']);
  });

  it('ends the session as expired when the renewal is refused with 401, and sends no token', async () => {
    const { calls } = stubGateway({
      session: () => noSession('no_access'),
      graphql: () => jsonResponse({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }),
    });
    startSignedIn(accessTokenFor('county.officer', { expiresIn: 5 }));
    const store = useAuthStore();

    await request(RegionsOverviewDocument).catch(() => undefined);

    expect(store.isSignedIn).toBe(false);
    expect(store.sessionExpired).toBe(true);
    expect(store.accessToken).toBeNull();
    expect(calls.find((call) => call.url === '/graphql')?.headers.has('authorization')).toBe(false);
  });

  it('ends the session as expired when the gateway answers any GraphQL request with UNAUTHENTICATED', async () => {
    stubGateway({
      graphql: () =>
        jsonResponse(
          { errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }], data: null },
          401,
        ),
    });
    startSignedIn(accessTokenFor('county.officer'));
    const store = useAuthStore();

    const refusal = await request(RegionsOverviewDocument).then(
      () => null,
      (error: GraphQLRequestError) => error,
    );

    expect(store.isSignedIn).toBe(false);
    expect(store.sessionExpired).toBe(true);
    // The page that asked still learns why, so it does not claim success in the moment before it is left.
    expect(refusal?.codes).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps the session when the gateway refuses for another reason', async () => {
    stubGateway({
      graphql: () => jsonResponse({ errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }] }),
    });
    startSignedIn(accessTokenFor('county.officer'));
    const store = useAuthStore();

    await request(RegionsOverviewDocument).catch(() => undefined);

    expect(store.isSignedIn).toBe(true);
  });

  it('ends the session as expired when its time is up', async () => {
    vi.useFakeTimers();
    forbidNetwork();
    const store = useAuthStore();
    startSignedIn(accessTokenFor('county.officer'), new Date(Date.now() + 60_000).toISOString());
    await Promise.resolve();

    vi.advanceTimersByTime(59_000);
    expect(store.isSignedIn).toBe(true);
    vi.advanceTimersByTime(2_000);
    expect(store.isSignedIn).toBe(false);
    expect(store.sessionExpired).toBe(true);
  });

  it("signs out: ends the session at the gateway, then leaves for the identity provider's sign-out page", async () => {
    const logoutUrl = 'http://localhost:4004/session/end?id_token_hint=x&client_id=console';
    const { calls } = stubGateway({ logout: () => jsonResponse({ logoutUrl }) });
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => {});
    startSignedIn(accessTokenFor('county.officer'));
    const store = useAuthStore();

    await store.signOut();

    expect(calledUrls(calls)).toEqual(['POST /auth/logout']);
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
    expect(calls[0]?.credentials).toBe('same-origin');
    expect(assign).toHaveBeenCalledExactlyOnceWith(logoutUrl);
    expect(store.isSignedIn).toBe(false);
    expect(store.signedOut).toBe(true);
    expect(store.sessionExpired).toBe(false);
    expect(await store.validAccessToken()).toBeUndefined();
  });

  it("signs out to the console's signed-out page when the identity provider has none", async () => {
    stubGateway({ logout: () => jsonResponse({ logoutUrl: null }) });
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => {});
    startSignedIn(accessTokenFor('county.officer'));

    await useAuthStore().signOut();

    expect(assign).toHaveBeenCalledExactlyOnceWith('/signed-out');
  });

  it('stays signed in and says why when the gateway cannot end the session', async () => {
    forbidNetwork();
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => {});
    startSignedIn(accessTokenFor('county.officer'));
    const store = useAuthStore();

    await store.signOut();

    expect(assign).not.toHaveBeenCalled();
    expect(store.isSignedIn).toBe(true);
    expect(store.error).toMatchObject({ action: 'sign-out' });
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

// Signing in with OpenID Connect through the gateway, against a real OpenID provider (oidc-provider)
// in this process: the login, the callback's checks, the session and its platform access tokens,
// expiry, the IdP's refresh, sign-out; and two gateways on one database sharing sessions and keys.
import {
  createTokenVerifier,
  dropDatabase,
  freePort,
  generateServiceKeys,
  logger,
  type RunningService,
} from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accessDirectoryInMemory, type RoleAssignment } from '../src/auth/access.js';
import { type GatewayOptions, startGateway } from '../src/server.js';
import { startIdentityProvider, TestBrowser, type TestIdentityProvider } from './support/identity-provider.js';

const akershus = { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' } as const;
const nav = { id: 'nav-viken', kind: 'NAV', name: 'NAV Viken' } as const;
const officerAssignment: RoleAssignment = { id: 'a-1', role: 'COUNTY_OFFICER', organisation: akershus };

const auth = { issuer: 'https://platform.test', audience: 'test-audience' };
const directory = accessDirectoryInMemory({
  persons: [{ subject: 'county.officer', assignment: officerAssignment }],
});
let offset = 0;
const now = () => Date.now() + offset;
const minutes = (count: number) => count * 60_000;

let idp: TestIdentityProvider;
let gateway: RunningService;
let publicUrl: string;
let serviceKey: JWK;

const gatewayOptions = (port: number): GatewayOptions => ({
  port,
  auth,
  serviceKey,
  mode: { production: false, introspection: false, stacktraces: false },
  signIn: {
    publicUrl,
    oidc: {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      scopes: 'openid profile email offline_access',
      roleMap: { 'Etablerer.Nav': { role: 'NAV', organisation: nav } },
      allowHttp: true,
    },
    accessDirectory: directory,
    now,
  },
});

beforeAll(async () => {
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  serviceKey = (await generateServiceKeys(['gateway'])).privateKeys.gateway as JWK;
  idp = await startIdentityProvider({
    gatewayUrl: publicUrl,
    accounts: [
      { sub: 'county.officer', name: 'Kari Nordmann', email: 'county.officer@demo.etablerer.no' },
      { sub: 'nav.officer', name: 'Nora Nav', email: 'nav.officer@demo.etablerer.no', roles: ['Etablerer.Nav'] },
      { sub: 'stranger', name: 'Sam Stranger', email: 'stranger@example.no', roles: ['Something.Else'] },
    ],
  });
  gateway = await startGateway(gatewayOptions(port));
});

afterAll(async () => {
  await gateway?.stop();
  await idp?.stop();
});

/** Signs in through the IdP as `account`; the redirect the gateway's callback answered with. */
async function signIn(browser: TestBrowser, account: string | 'cancel', returnTo?: string) {
  idp.next = account === 'cancel' ? 'cancel' : { account };
  const login = `${publicUrl}/auth/login${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`;
  const callback = await browser.follow(login, (url) => url.href.startsWith(`${publicUrl}/auth/callback`));
  const response = await browser.fetch(callback.href);
  return { callback, response, location: response.headers.get('location') };
}

const json = { 'content-type': 'application/json' };
const session = (browser: TestBrowser, url = publicUrl) =>
  browser.fetch(`${url}/auth/session`, { method: 'POST', headers: json, body: '{}' });

describe('signing in', () => {
  it('signs a person in, and their session gives platform tokens the gateway and every subgraph accept', async () => {
    const browser = new TestBrowser();
    const login = await browser.fetch(`${publicUrl}/auth/login?returnTo=${encodeURIComponent('/cases?open=1')}`);
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location') ?? '');
    expect(authorize.origin).toBe(idp.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: idp.clientId,
      redirect_uri: `${publicUrl}/auth/callback`,
      code_challenge_method: 'S256',
      scope: 'openid profile email offline_access',
    });
    // The PKCE verifier stays on the server: only its challenge goes out.
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.has('code_verifier')).toBe(false);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const { response, location } = await signIn(browser, 'county.officer', '/cases?open=1');
    expect(response.status).toBe(302);
    expect(location).toBe('/cases?open=1');
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^etablerer_session=[\w-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);

    const answer = await session(browser);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 300 });
    expect(new Date(String(body.sessionExpiresAt)).getTime()).toBeGreaterThan(now() + minutes(9 * 60));

    // As a subgraph verifies it: from the gateway's JWKS (on its internal port, as in the stack).
    const verify = createTokenVerifier({ ...auth, jwksUrl: `${gateway.internalUrl}/.well-known/jwks.json` });
    await expect(verify(String(body.accessToken))).resolves.toEqual({
      subject: 'county.officer',
      name: 'Kari Nordmann',
      role: 'COUNTY_OFFICER',
      organisation: akershus,
      scopes: [],
    });
    const graphql = (token: string) =>
      fetch(`${publicUrl}/graphql`, {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await graphql(String(body.accessToken))).status).toBe(200);
    expect((await graphql(`${String(body.accessToken)}x`)).status).toBe(401);
  });

  it('gives a person without an assignment the role their IdP claim maps to', async () => {
    const browser = new TestBrowser();
    expect((await signIn(browser, 'nav.officer')).location).toBe('/');
    const { accessToken } = (await (await session(browser)).json()) as { accessToken: string };
    const verify = createTokenVerifier({ ...auth, jwksUrl: `${publicUrl}/.well-known/jwks.json` });
    await expect(verify(accessToken)).resolves.toMatchObject({
      subject: 'nav.officer',
      role: 'NAV',
      organisation: nav,
    });
  });

  it('refuses a person with neither an assignment nor a mapped claim: no_access, no session', async () => {
    const browser = new TestBrowser();
    const { location, response } = await signIn(browser, 'stranger');
    expect(location).toBe('/sign-in?error=no_access');
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await session(browser)).status).toBe(401);
  });

  it('says cancelled when the person cancels at the IdP', async () => {
    const { location } = await signIn(new TestBrowser(), 'cancel');
    expect(location).toBe('/sign-in?error=cancelled');
  });

  it('takes each state once, and not after ten minutes: expired', async () => {
    const browser = new TestBrowser();
    const { callback, location } = await signIn(browser, 'county.officer');
    expect(location).toBe('/');
    const replayed = await new TestBrowser().fetch(callback.href);
    expect(replayed.headers.get('location')).toBe('/sign-in?error=expired');
    expect(replayed.headers.getSetCookie()).toEqual([]);

    const unknown = await new TestBrowser().fetch(`${publicUrl}/auth/callback?code=abc&state=made-up`);
    expect(unknown.headers.get('location')).toBe('/sign-in?error=expired');

    const late = new TestBrowser();
    idp.next = { account: 'county.officer' };
    const lateCallback = await late.follow(`${publicUrl}/auth/login`, (url) =>
      url.href.startsWith(`${publicUrl}/auth/callback`),
    );
    offset += minutes(11);
    try {
      expect((await late.fetch(lateCallback.href)).headers.get('location')).toBe('/sign-in?error=expired');
    } finally {
      offset -= minutes(11);
    }
  });

  it('returns only to a path of its own origin', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      expect((await signIn(new TestBrowser(), 'county.officer', returnTo)).location, returnTo).toBe('/');
    }
  });
});

describe('the session', () => {
  it('gives no token to a request that is not JSON (a form from another site): 415', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'county.officer');
    const kinds: Record<string, string>[] = [
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'text/plain' },
      {},
    ];
    for (const headers of kinds) {
      const answer = await browser.fetch(`${publicUrl}/auth/session`, { method: 'POST', headers, body: 'a=b' });
      expect(answer.status).toBe(415);
      expect(await answer.text()).not.toMatch(/accessToken/);
      const logout = await browser.fetch(`${publicUrl}/auth/logout`, { method: 'POST', headers, body: 'a=b' });
      expect(logout.status).toBe(415);
    }
    expect((await session(browser)).status).toBe(200);
    // The console's request, which has no body.
    expect((await browser.fetch(`${publicUrl}/auth/session`, { method: 'POST', headers: json })).status).toBe(200);
  });

  it('ends after an hour without a token asked for', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'county.officer');
    offset += minutes(59);
    expect((await session(browser)).status).toBe(200);
    offset += minutes(61);
    const answer = await session(browser);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'no_session' });
    offset -= minutes(120);
    // Gone, not only refused at that hour.
    expect((await session(browser)).status).toBe(401);
  });

  it('ends ten hours after sign-in however busy, refreshing at the IdP as its access tokens expire', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'county.officer');
    const start = offset;
    const refreshesBefore = idp.refreshes;
    try {
      for (let hour = 0; hour < 9; hour++) {
        offset += minutes(55);
        expect((await session(browser)).status, `after ${hour + 1} × 55 minutes`).toBe(200);
      }
      // The IdP's access tokens last ten minutes: each token asked for 55 minutes later needed a refresh.
      expect(idp.refreshes - refreshesBefore).toBe(9);
      offset = start + minutes(10 * 60);
      expect(await (await session(browser)).json()).toMatchObject({ error: 'no_session' });
    } finally {
      offset = start;
    }
  });

  it('refreshes once when two tabs ask at the same moment, and stays', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'county.officer');
    offset += minutes(11);
    const refreshesBefore = idp.refreshes;
    try {
      const answers = await Promise.all([session(browser), session(browser), session(browser)]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(idp.refreshes - refreshesBefore).toBe(1);
      expect((await session(browser)).status).toBe(200);
    } finally {
      offset -= minutes(11);
    }
  });

  it('replaces the session of a browser that signs in again', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'county.officer');
    const first = browser.cookie(publicUrl, 'etablerer_session');
    await signIn(browser, 'county.officer');
    expect(browser.cookie(publicUrl, 'etablerer_session')).not.toBe(first);
    const old = new TestBrowser();
    old.setCookie(publicUrl, 'etablerer_session', String(first));
    expect((await session(old)).status).toBe(401);
    expect((await session(browser)).status).toBe(200);
  });

  it('ends when the IdP refuses to refresh it', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'nav.officer');
    expect((await session(browser)).status).toBe(200);
    await idp.endGrants('nav.officer');
    offset += minutes(11);
    try {
      const answer = await session(browser);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: 'no_session' });
    } finally {
      offset -= minutes(11);
    }
    expect((await session(browser)).status).toBe(401);
  });

  it('stays when the IdP does not answer a refresh: 503, try again', async () => {
    const port = await freePort();
    const ownUrl = `http://127.0.0.1:${port}`;
    const ownIdp = await startIdentityProvider({
      gatewayUrl: ownUrl,
      accounts: [{ sub: 'county.officer', name: 'Kari Nordmann', email: 'county.officer@demo.etablerer.no' }],
    });
    let ownOffset = 0;
    const options = gatewayOptions(port);
    const own = await startGateway({
      ...options,
      signIn: {
        ...options.signIn,
        publicUrl: ownUrl,
        oidc: {
          issuer: ownIdp.issuer,
          clientId: ownIdp.clientId,
          clientSecret: ownIdp.clientSecret,
          scopes: 'openid profile email offline_access',
          allowHttp: true,
        },
        now: () => Date.now() + ownOffset,
      },
    });
    try {
      const browser = new TestBrowser();
      ownIdp.next = { account: 'county.officer' };
      const callback = await browser.follow(`${ownUrl}/auth/login`, (url) =>
        url.href.startsWith(`${ownUrl}/auth/callback`),
      );
      expect((await browser.fetch(callback.href)).headers.get('location')).toBe('/');
      await ownIdp.stop();
      ownOffset = minutes(11);
      const answer = await session(browser, ownUrl);
      expect(answer.status).toBe(503);
      expect(await answer.json()).toMatchObject({ error: 'unavailable' });
      // Not ended: before the IdP's token expired no refresh is due, and the session answers.
      ownOffset = 0;
      expect((await session(browser, ownUrl)).status).toBe(200);
    } finally {
      await own.stop();
      await ownIdp.stop();
    }
  });

  it('ends when the person’s assignment ends', async () => {
    directory.persons.push({ subject: 'stranger', assignment: { ...officerAssignment, id: 'a-2' } });
    const browser = new TestBrowser();
    expect((await signIn(browser, 'stranger')).location).toBe('/');
    expect((await session(browser)).status).toBe(200);
    directory.persons.pop();
    const answer = await session(browser);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'no_access' });
    directory.persons.push({ subject: 'stranger', assignment: { ...officerAssignment, id: 'a-3' } });
    expect((await session(browser)).status).toBe(401);
    directory.persons.pop();
  });

  it('signs out: the session gone, the cookie cleared, and the IdP’s end-session URL to go to', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'county.officer');
    const answer = await browser.fetch(`${publicUrl}/auth/logout`, { method: 'POST', headers: json, body: '{}' });
    expect(answer.status).toBe(200);
    const { logoutUrl } = (await answer.json()) as { logoutUrl: string };
    const url = new URL(logoutUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('client_id')).toBe(idp.clientId);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/signed-out`);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(answer.headers.getSetCookie().join()).toMatch(/etablerer_session=;/);
    expect(browser.cookie(publicUrl, 'etablerer_session')).toBeUndefined();
    // Even with the old cookie sent again.
    const stale = new TestBrowser();
    stale.setCookie(publicUrl, 'etablerer_session', 'x');
    expect((await session(stale)).status).toBe(401);
  });

  it('logs sign-ins, refreshes and sign-outs, never a code, a state, a cookie or a token', async () => {
    const lines: string[] = [];
    const spies = (['info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => {
        lines.push(JSON.stringify(args));
      }) as never),
    );
    try {
      const browser = new TestBrowser();
      const { callback } = await signIn(browser, 'county.officer');
      offset += minutes(11);
      const { accessToken } = (await (await session(browser)).json()) as { accessToken: string };
      offset -= minutes(11);
      const cookie = String(browser.cookie(publicUrl, 'etablerer_session'));
      await browser.fetch(`${publicUrl}/auth/logout`, { method: 'POST', headers: json, body: '{}' });
      const text = lines.join('\n');
      expect(text).toContain('signed in');
      expect(text).toContain('session refreshed at the identity provider');
      expect(text).toContain('signed out');
      const secrets = [
        String(callback.searchParams.get('code')),
        String(callback.searchParams.get('state')),
        cookie,
        accessToken,
        accessToken.split('.')[2] ?? '',
      ];
      for (const secret of secrets) expect(text).not.toContain(secret);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('tells the console what it offers', async () => {
    expect(await (await fetch(`${publicUrl}/auth/config`)).json()).toEqual({
      oidc: true,
      devSignIn: false,
      devMail: false,
    });
  });
});

describe('without OIDC_ISSUER', () => {
  it('answers /auth/login with 404 saying sign-in is not configured', async () => {
    const other = await startGateway({ port: 0, auth, serviceKey, signIn: { accessDirectory: directory } });
    try {
      const answer = await fetch(`${other.url}/auth/login`, { redirect: 'manual' });
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ error: 'oidc_off' });
      expect(await (await fetch(`${other.url}/auth/config`)).json()).toEqual({
        oidc: false,
        devSignIn: false,
        devMail: false,
      });
    } finally {
      await other.stop();
    }
  });
});

describe('in production', () => {
  it('names the cookie __Host-etablerer_session and sends it over https only', async () => {
    const production = await startGateway({
      ...gatewayOptions(0),
      mode: { production: true, introspection: false, stacktraces: false },
    });
    try {
      const browser = new TestBrowser();
      idp.next = { account: 'county.officer' };
      const start = await fetch(`${production.url}/auth/login`, { redirect: 'manual' });
      const callback = await browser.follow(start.headers.get('location') ?? '', (url) =>
        url.href.startsWith(`${publicUrl}/auth/callback`),
      );
      const finished = await fetch(`${production.url}${callback.pathname}${callback.search}`, { redirect: 'manual' });
      expect(finished.headers.get('location')).toBe('/');
      const cookie = finished.headers.getSetCookie()[0] ?? '';
      expect(cookie).toMatch(
        /^__Host-etablerer_session=[\w-]{43}; Max-Age=36000; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/,
      );
      const answer = await fetch(`${production.url}/auth/session`, {
        method: 'POST',
        headers: { ...json, cookie: cookie.split(';')[0] ?? '' },
      });
      expect(answer.status).toBe(200);
    } finally {
      await production.stop();
    }
  });

  it('refuses the development sign-in', async () => {
    await expect(
      startGateway({
        ...gatewayOptions(0),
        mode: { production: true, introspection: false, stacktraces: false },
        signIn: { devSignIn: true },
      }),
    ).rejects.toThrow(/development sign-in cannot run in production/);
  });
});

describe('the development sign-in', () => {
  it('signs with the gateway’s keys, in the shape scripts read', async () => {
    const development = await startGateway({ port: 0, auth, serviceKey, signIn: { devSignIn: true } });
    try {
      const answer = await fetch(`${development.url}/auth/dev/token`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: 'county.officer' }),
      });
      const body = (await answer.json()) as { accessToken: string; tokenType: string; expiresIn: number };
      expect(body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 8 * 60 * 60 });
      const verify = createTokenVerifier({ ...auth, jwksUrl: `${development.internalUrl}/.well-known/jwks.json` });
      await expect(verify(body.accessToken)).resolves.toMatchObject({
        subject: 'county.officer',
        role: 'COUNTY_OFFICER',
      });
      expect(await (await fetch(`${development.url}/auth/config`)).json()).toEqual({
        oidc: false,
        devSignIn: true,
        devMail: false,
      });
    } finally {
      await development.stop();
    }
  });
});

describe('two gateways on one database', () => {
  it('share sessions and verify each other’s tokens', async () => {
    const database = uniqueDatabaseName('gateway_auth');
    const shared = { database: { server: testServerUrl(), database } };
    const [first, second] = await Promise.all([
      startGateway({ ...gatewayOptions(0), ...shared }),
      startGateway({ ...gatewayOptions(0), ...shared }),
    ]);
    try {
      // Started together, they made one signing key between them.
      const jwks = async (service: RunningService) =>
        ((await (await fetch(`${service.url}/.well-known/jwks.json`)).json()) as { keys: JWK[] }).keys;
      expect((await jwks(first)).map((key) => key.kid)).toEqual((await jwks(second)).map((key) => key.kid));
      expect(await jwks(first)).toHaveLength(1);

      // A login started on one and finished on the other (behind a load balancer).
      const browser = new TestBrowser();
      idp.next = { account: 'county.officer' };
      const start = await fetch(`${first.url}/auth/login`, { redirect: 'manual' });
      const callback = await browser.follow(start.headers.get('location') ?? '', (url) =>
        url.href.startsWith(`${publicUrl}/auth/callback`),
      );
      const finished = await fetch(`${second.url}${callback.pathname}${callback.search}`, { redirect: 'manual' });
      expect(finished.headers.get('location')).toBe('/');
      const cookie = (finished.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const tokenFrom = async (service: RunningService) => {
        const answer = await fetch(`${service.url}/auth/session`, { method: 'POST', headers: { ...json, cookie } });
        expect(answer.status).toBe(200);
        return ((await answer.json()) as { accessToken: string }).accessToken;
      };
      const verifyAt = (service: RunningService) =>
        createTokenVerifier({ ...auth, jwksUrl: `${service.url}/.well-known/jwks.json` });
      await expect(verifyAt(second)(await tokenFrom(first))).resolves.toMatchObject({ subject: 'county.officer' });
      await expect(verifyAt(first)(await tokenFrom(second))).resolves.toMatchObject({ subject: 'county.officer' });
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await dropDatabase(testServerUrl(), database);
    }
  });
});

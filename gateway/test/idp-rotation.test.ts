// Signing in through the gateway while the development identity provider rotates its keys: the gateway has the
// provider's JWKS from an earlier sign-in, the provider rotates and reloads its keys, and the next sign-in, at
// once, succeeds. The gateway checks ID tokens against that JWKS, which it fetches again for an unknown kid only
// once its copy is a minute old: a key that signed as soon as it was made (one-phase rotation) failed such a
// sign-in (OAUTH_KEY_SELECTION_FAILED); the provider now publishes a key a rotation before it signs with it.
// The real provider (@etablerer/identity-provider) and its login page, over HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningIdentityProvider, rotateKeys, startIdentityProvider } from '@etablerer/identity-provider';
import { freePort, generateServiceKeys, type RunningService } from '@etablerer/kit';
import { decodeProtectedHeader, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessDirectoryInMemory } from '../src/auth/access.js';
import { startGateway } from '../src/server.js';
import { TestBrowser } from './support/identity-provider.js';

const auth = { issuer: 'https://platform.test', audience: 'test-audience' };
const akershus = { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' } as const;
const client = { client_id: 'etablerer-console', client_secret: 'a-development-secret-for-tests' };

let directory: string;
let keysFile: string;
let idp: RunningIdentityProvider;
let gateway: RunningService;
let publicUrl: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'gateway-idp-rotation-'));
  keysFile = join(directory, 'keys.json');
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  idp = await startIdentityProvider({
    port: 0,
    keysFile,
    clients: [
      {
        ...client,
        redirect_uris: [`${publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${publicUrl}/signed-out`],
      },
    ],
  });
  gateway = await startGateway({
    port,
    auth,
    serviceKey: (await generateServiceKeys(['gateway'])).privateKeys.gateway as JWK,
    mode: { production: false, introspection: false, stacktraces: false },
    signIn: {
      publicUrl,
      oidc: {
        issuer: idp.url,
        clientId: client.client_id,
        clientSecret: client.client_secret,
        scopes: 'openid profile email offline_access',
        roleMap: {},
        allowHttp: true,
      },
      accessDirectory: accessDirectoryInMemory({
        persons: ['county.officer', 'akershus.officer'].map((subject, index) => ({
          subject,
          assignment: { id: `a-${index}`, role: 'COUNTY_OFFICER', organisation: akershus },
        })),
      }),
    },
  });
});

afterAll(async () => {
  await gateway?.stop();
  await idp?.stop();
  rmSync(directory, { recursive: true, force: true });
});

/**
 * A person signs in at the gateway as they do in a browser: /auth/login, the provider's login page, their
 * button, back at the gateway's callback. Where the callback sent them, whether their session gives a platform
 * token, and the kid of the ID token the gateway took (from the id_token_hint of its sign-out address).
 */
async function signIn(username: string) {
  const browser = new TestBrowser();
  const loginPage = await browser.follow(`${publicUrl}/auth/login`, (url) => url.pathname.startsWith('/interaction/'));
  const page = await browser.fetch(loginPage.href);
  expect(page.status).toBe(200);
  const action = /<form method="post" action="([^"]+\/login)">/.exec(await page.text())?.[1] ?? '';
  const chosen = await browser.fetch(new URL(action, loginPage).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username }).toString(),
  });
  const callback = await browser.follow(new URL(chosen.headers.get('location') ?? '', loginPage).href, (url) =>
    url.href.startsWith(`${publicUrl}/auth/callback`),
  );
  const answer = await browser.fetch(callback.href);
  const session = await browser.fetch(`${publicUrl}/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const logout = await browser.fetch(`${publicUrl}/auth/logout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const { logoutUrl } = (await logout.json()) as { logoutUrl: string | null };
  const idToken = new URL(logoutUrl ?? '', idp.url).searchParams.get('id_token_hint');
  return {
    location: answer.headers.get('location'),
    session: session.status,
    kid: idToken ? decodeProtectedHeader(idToken).kid : undefined,
  };
}

describe('signing in through the gateway while the identity provider rotates its keys', () => {
  it('signs a person in at once after the provider rotated and reloaded its keys', async () => {
    const before = await signIn('county.officer');
    expect(before).toMatchObject({ location: '/', session: 200 });

    const rotation = await rotateKeys(keysFile);
    await idp.reloadKeys();
    expect(rotation.signing).not.toContain(before.kid);

    // The same gateway, straight after: its copy of the provider's JWKS is seconds old.
    const signedIn = { location: '/', session: 200, kid: expect.toBeOneOf(rotation.signing) };
    expect(await signIn('county.officer')).toEqual(signedIn);
    expect(await signIn('akershus.officer')).toEqual(signedIn);
  });
});

// The development identity provider over real HTTP, with openid-client as the relying party (as the gateway uses
// it): discovery, the code flow with PKCE through the login page, the claims in the ID token and userinfo,
// refresh, cancel, RP-initiated logout, two-phase key rotation (reload, restart, SIGHUP, a key file from before it),
// and the refusal to run in production.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeArgumentsFor } from '@etablerer/kit/launcher';
import { calculateJwkThumbprint, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoleMap } from '../src/accounts.js';
import { type RunningIdentityProvider, readKeys, rotateKeys, startIdentityProvider } from '../src/identity-provider.js';

const redirectUri = 'http://localhost:4000/auth/callback';
const postLogoutRedirectUri = 'http://localhost:4000/signed-out';
const client = {
  client_id: 'etablerer-console',
  client_secret: 'a-development-secret-for-tests',
  redirect_uris: [redirectUri],
  post_logout_redirect_uris: [postLogoutRedirectUri],
};

let directory: string;
let keysFile: string;
let provider: RunningIdentityProvider;

const start = () => startIdentityProvider({ port: 0, clients: [client], keysFile });

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'identity-provider-test-'));
  keysFile = join(directory, 'keys.json');
  provider = await start();
});

afterAll(async () => {
  await provider?.stop();
  rmSync(directory, { recursive: true, force: true });
});

const relyingParty = (issuer = provider.url) =>
  oidc.discovery(new URL(issuer), client.client_id, undefined, oidc.ClientSecretBasic(client.client_secret), {
    execute: [oidc.allowInsecureRequests],
  });

/** A browser, as far as the provider needs one: cookies kept, redirects followed by hand. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  /** Follows redirects from `url` until one leads to `stopAt` (the client, which is not running): that address. */
  async follow(url: string, stopAt: string, init: { method?: string; form?: Record<string, string> } = {}) {
    let response = await this.request(url, init);
    let current = url;
    for (let hops = 0; hops < 10; hops += 1) {
      const location = response.headers.get('location');
      if (!location || response.status < 300 || response.status >= 400) return { response, url: current };
      current = new URL(location, current).href;
      if (current.startsWith(stopAt)) return { response, url: current };
      response = await this.request(current);
    }
    throw new Error('too many redirects');
  }
}

/** The login form's action and the buttons it holds: person's name (the button's text) → username. */
function parseLoginPage(html: string) {
  const action = /<form method="post" action="([^"]+\/login)">/.exec(html)?.[1];
  const cancel = /<form method="post" action="([^"]+\/abort)"/.exec(html)?.[1];
  const buttons = new Map(
    [...html.matchAll(/<button type="submit" name="username" value="([^"]+)"[^>]*>([^<]+)<\/button>/g)].map((match) => [
      match[2],
      match[1],
    ]),
  );
  return { action, cancel, buttons };
}

async function authorization(config: oidc.Configuration, extra: Record<string, string> = {}) {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile email offline_access',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url, checks: { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce } };
}

/** The whole sign-in as a person does it: the login page, their button, back at the client with a code. */
async function signIn(browser: Browser, config: oidc.Configuration, personName: string) {
  const { url, checks } = await authorization(config);
  const { response: loginResponse, url: loginUrl } = await browser.follow(url.href, redirectUri);
  expect(loginResponse.status).toBe(200);
  const { action, buttons } = parseLoginPage(await loginResponse.text());
  const username = buttons.get(personName);
  expect(action).toBeDefined();
  expect(username).toBeDefined();
  const back = await browser.follow(new URL(action ?? '', loginUrl).href, redirectUri, {
    method: 'POST',
    form: { username: username ?? '' },
  });
  expect(back.url.startsWith(redirectUri)).toBe(true);
  return oidc.authorizationCodeGrant(config, new URL(back.url), checks);
}

/** A private signing JWK as the provider writes them. */
async function privateJwk(alg: 'RS256' | 'ES256') {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg, use: 'sig' };
}

/** The kids in the provider's published JWKS, in its order; it publishes no private key. */
async function publishedKids(issuer = provider.url) {
  const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
  expect(jwks.keys.some((key) => 'd' in key)).toBe(false);
  return jwks.keys.map((key) => key.kid);
}

/** The kid of the key that signed a person's ID token (RS256, the default) just now. */
async function signingKid(issuer = provider.url) {
  const tokens = await signIn(new Browser(), await relyingParty(issuer), 'Kari Nordmann');
  return decodeProtectedHeader(tokens.id_token ?? '').kid;
}

describe('the development identity provider', () => {
  it('publishes its discovery document: code flow with PKCE S256, RS256 and ES256 ID tokens, logout', async () => {
    const response = await fetch(`${provider.url}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: provider.url,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256', 'ES256'],
      end_session_endpoint: `${provider.url}/session/end`,
    });
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'offline_access']),
    );
  });

  it('signs a person in with the code flow and PKCE: an ID token with their name, e-mail and roles', async () => {
    const config = await relyingParty();
    const browser = new Browser();
    const tokens = await signIn(browser, config, 'Jonas Bakken');
    expect(tokens.claims()).toMatchObject({
      iss: provider.url,
      aud: client.client_id,
      sub: 'nav.officer',
      name: 'Jonas Bakken',
      preferred_username: 'nav.officer',
      email: 'nav.officer@demo.etablerer.no',
      email_verified: true,
      roles: ['Etablerer.Nav'],
    });
    expect(decodeProtectedHeader(tokens.id_token ?? '').alg).toBe('RS256');
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, 'nav.officer');
    expect(userinfo).toMatchObject({
      name: 'Jonas Bakken',
      email: 'nav.officer@demo.etablerer.no',
      roles: ['Etablerer.Nav'],
    });
  });

  it('gives a person whose access comes from a role assignment no roles claim', async () => {
    const tokens = await signIn(new Browser(), await relyingParty(), 'Kari Nordmann');
    const claims = tokens.claims();
    expect(claims).toMatchObject({ sub: 'county.officer', email: 'county.officer@demo.etablerer.no' });
    expect(claims).not.toHaveProperty('roles');
  });

  it('shows the demo people grouped by organisation, in bokmål, without scripts, but no API client', async () => {
    const config = await relyingParty();
    const { url } = await authorization(config);
    const { response } = await new Browser().follow(url.href, redirectUri);
    const html = await response.text();
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<title>Logg inn – Etablerertjenesten (utviklingsinnlogging)</title>');
    expect(html).not.toContain('<script');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toMatch(/<h2 id="[^"]+">NAV Vest-Viken<\/h2>/);
    const { buttons, cancel } = parseLoginPage(html);
    expect(buttons.get('Sofie Lie')).toBe('innovasjonnorge.officer');
    expect([...buttons.values()]).not.toContain('partner.api');
    expect(cancel).toBeDefined();
    expect(html).toContain('>Avbryt</button>');
  });

  it('refuses an authorization request without PKCE', async () => {
    const config = await relyingParty();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      state: oidc.randomState(),
    });
    const { url: back } = await new Browser().follow(url.href, redirectUri);
    const answer = new URL(back);
    expect(answer.searchParams.get('error')).toBe('invalid_request');
    expect(answer.searchParams.get('error_description')).toMatch(/PKCE/);
    expect(answer.searchParams.get('code')).toBeNull();
  });

  it('answers a cancelled sign-in with access_denied', async () => {
    const config = await relyingParty();
    const browser = new Browser();
    const { url } = await authorization(config);
    const { response, url: loginUrl } = await browser.follow(url.href, redirectUri);
    const { cancel } = parseLoginPage(await response.text());
    const back = await browser.follow(new URL(cancel ?? '', loginUrl).href, redirectUri, { method: 'POST' });
    expect(new URL(back.url).searchParams.get('error')).toBe('access_denied');
  });

  it('refreshes the tokens with the refresh token, which is replaced at each use', async () => {
    const config = await relyingParty();
    const first = await signIn(new Browser(), config, 'Sofie Lie');
    const refreshed = await oidc.refreshTokenGrant(config, first.refresh_token ?? '');
    expect(refreshed.access_token).not.toBe(first.access_token);
    expect(refreshed.refresh_token).toEqual(expect.any(String));
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.claims()).toMatchObject({ sub: 'innovasjonnorge.officer', roles: ['Etablerer.InnovasjonNorge'] });
    // The used one is spent: a replay is refused.
    await expect(oidc.refreshTokenGrant(config, first.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('signs a person out at the client’s request and sends them to its post-logout address', async () => {
    const config = await relyingParty();
    const browser = new Browser();
    const tokens = await signIn(browser, config, 'Ola Hansen');
    const endSession = oidc.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: postLogoutRedirectUri,
    });
    const confirmation = await browser.request(endSession.href);
    expect(confirmation.status).toBe(200);
    const html = await confirmation.text();
    expect(html).toContain('<html lang="nb">');
    expect(html).toMatch(/<button type="submit" form="op.logoutForm" name="logout" value="yes">Logg ut<\/button>/);
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const back = await browser.follow(new URL(action, endSession).href, postLogoutRedirectUri, {
      method: 'POST',
      form: { xsrf, logout: 'yes' },
    });
    expect(back.url).toBe(postLogoutRedirectUri);
    // Signed out: the next sign-in asks again who it is.
    const { url } = await authorization(config);
    const { response } = await browser.follow(url.href, redirectUri);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Logg inn på Etablerertjenesten');
  });

  it('keeps its signing keys in a private file, and publishes the next key before it signs with it', async () => {
    expect(statSync(keysFile).mode & 0o777).toBe(0o600);
    const first = readKeys(keysFile);
    const [currentRs, currentEs] = ['RS256', 'ES256'].map((alg) => first.keys.find((key) => key.alg === alg)?.kid);
    // A first start makes a current and a next key per algorithm, all published, none of them private.
    expect(first.keys).toHaveLength(4);
    expect(first.next).toHaveLength(2);
    expect(await publishedKids()).toEqual(first.keys.map((key) => key.kid));
    expect(await signingKid()).toBe(currentRs);

    const rotation = await rotateKeys(keysFile);
    expect(rotation.promoted).toEqual(first.next);
    expect(rotation.signing).toEqual(first.next);
    expect(rotation.kept).toEqual([currentRs, currentEs]);
    expect(rotation.dropped).toEqual([]);
    await provider.reloadKeys();

    // Per algorithm: the promoted key signs; the new next one and the previous one are published beside it.
    const [nextRs, nextEs] = rotation.added;
    const [promotedRs, promotedEs] = rotation.promoted;
    expect(await publishedKids()).toEqual([promotedRs, nextRs, currentRs, promotedEs, nextEs, currentEs]);
    expect(await signingKid()).toBe(promotedRs);

    // The next rotation promotes the key published by this one and drops the oldest.
    const second = await rotateKeys(keysFile);
    expect(second.promoted).toEqual(rotation.added);
    expect(second.kept).toEqual(rotation.promoted);
    expect(second.dropped).toEqual([currentRs, currentEs]);
    // A restart reads the file as SIGHUP does.
    await provider.stop();
    provider = await start();
    expect(await publishedKids()).not.toContain(currentRs);
    expect(await signingKid()).toBe(nextRs);
  });

  it('finishes a sign-in that began before the keys were reloaded, signed with the new key', async () => {
    const config = await relyingParty();
    const browser = new Browser();
    const { url, checks } = await authorization(config);
    const { response: loginResponse, url: loginUrl } = await browser.follow(url.href, redirectUri);
    expect(loginResponse.status).toBe(200);
    const { action, buttons } = parseLoginPage(await loginResponse.text());

    const rotation = await rotateKeys(keysFile);
    await provider.reloadKeys();

    const back = await browser.follow(new URL(action ?? '', loginUrl).href, redirectUri, {
      method: 'POST',
      form: { username: buttons.get('Kari Nordmann') ?? '' },
    });
    expect(back.url.startsWith(redirectUri)).toBe(true);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(back.url), checks);
    expect(rotation.signing).toContain(decodeProtectedHeader(tokens.id_token ?? '').kid);
  });

  it('first only publishes a next key when rotating a key file from before two-phase rotation', async () => {
    // Such a file holds, per algorithm, the current key and the previous one, and no list of next keys.
    const oldFile = join(directory, 'one-phase-keys.json');
    const current = [await privateJwk('RS256'), await privateJwk('ES256')];
    const previous = [await privateJwk('RS256'), await privateJwk('ES256')];
    writeFileSync(oldFile, JSON.stringify({ keys: [...current, ...previous] }), { mode: 0o600 });
    const oldProvider = await startIdentityProvider({ port: 0, clients: [client], keysFile: oldFile });
    try {
      const before = await signingKid(oldProvider.url);
      expect(before).toBe(current[0]?.kid);

      const upgrade = await rotateKeys(oldFile);
      expect(upgrade.promoted).toEqual([]);
      expect(upgrade.signing).toEqual(current.map((key) => key?.kid));
      expect(upgrade.kept).toEqual(previous.map((key) => key?.kid));
      expect(upgrade.dropped).toEqual([]);
      await oldProvider.reloadKeys();
      expect(await signingKid(oldProvider.url)).toBe(before);
      expect(await publishedKids(oldProvider.url)).toEqual(expect.arrayContaining(upgrade.added));

      const next = await rotateKeys(oldFile);
      expect(next.promoted).toEqual(upgrade.added);
      await oldProvider.reloadKeys();
      expect(await signingKid(oldProvider.url)).toBe(upgrade.added[0]);
    } finally {
      await oldProvider.stop();
    }
  });
});

describe("the gateway's role map for the demo (OIDC_ROLE_MAP)", () => {
  it('gives each roles value the role and organisation of the demo person who carries it', () => {
    expect(demoRoleMap()).toEqual({
      'Etablerer.InnovasjonNorge': {
        role: 'INNOVASJON_NORGE',
        organisation: {
          id: 'innovasjon-norge',
          kind: 'INNOVASJON_NORGE',
          name: 'Innovasjon Norge Oslo, Viken og Innlandet',
        },
      },
      'Etablerer.Nav': { role: 'NAV', organisation: { id: 'nav-vest-viken', kind: 'NAV', name: 'NAV Vest-Viken' } },
    });
  });
});

describe('as a process', () => {
  it('signs with rotated keys after SIGHUP, without a restart', async () => {
    const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    const ownKeys = join(directory, 'process-keys.json');
    const { VITEST: _vitest, ...environment } = process.env;
    const child = spawn(process.execPath, [...nodeArgumentsFor(entry), entry], {
      env: {
        ...environment,
        PORT: '0',
        IDP_KEYS_FILE: ownKeys,
        LOG_LEVEL: 'warn',
        IDP_CLIENTS: JSON.stringify([client]),
      },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    try {
      const issuer = await new Promise<string>((resolve, reject) => {
        child.on('message', (message: { type?: string; url?: string }) => {
          if (message.type === 'ready' && message.url) resolve(message.url);
        });
        child.once('exit', (code) => reject(new Error(`the provider exited (${code})`)));
      });
      const before = await signingKid(issuer);
      const rotation = await rotateKeys(ownKeys);
      expect(rotation.promoted).not.toContain(before);
      child.kill('SIGHUP');
      let after = await signingKid(issuer);
      for (let attempt = 0; attempt < 100 && after === before; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        after = await signingKid(issuer);
      }
      expect(rotation.promoted).toContain(after);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('in production', () => {
  it('refuses to start, saying why', async () => {
    await expect(startIdentityProvider({ port: 0, keysFile, environment: 'production' })).rejects.toThrow(
      /development identity provider/,
    );
  });

  it('refuses to start as a process, with the reason in its log', async () => {
    const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    const { VITEST: _vitest, ...environment } = process.env;
    const child = spawn(process.execPath, [...nodeArgumentsFor(entry), entry], {
      env: { ...environment, NODE_ENV: 'production', PORT: '0', IDP_KEYS_FILE: keysFile, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/NODE_ENV: must not be production: this is the development identity provider/);
  });
});

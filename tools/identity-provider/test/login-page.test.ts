// The login and logout pages in Chromium, under their Content-Security-Policy: a person picks themselves by name,
// the browser follows the form's redirects back to the client (which `form-action` must allow), and signs out with
// "Logg ut"; nothing on the pages is refused by the policy.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningIdentityProvider, startIdentityProvider } from '../src/identity-provider.js';

const chromiumPath = '/usr/bin/chromium';
const secret = 'a-development-secret-for-tests';

let directory: string;
let provider: RunningIdentityProvider;
let client: Server;
let clientOrigin: string;
let browser: Browser;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'identity-provider-page-test-'));
  // The relying party's side: only somewhere for the browser to land.
  client = createServer((_req, res) => res.end('back at the client'));
  await new Promise<void>((resolve) => client.listen(0, '127.0.0.1', resolve));
  clientOrigin = `http://localhost:${(client.address() as AddressInfo).port}`;
  provider = await startIdentityProvider({
    port: 0,
    keysFile: join(directory, 'keys.json'),
    clients: [
      {
        client_id: 'etablerer-console',
        client_secret: secret,
        client_name: 'Etablerertjenesten',
        redirect_uris: [`${clientOrigin}/auth/callback`],
        post_logout_redirect_uris: [`${clientOrigin}/signed-out`],
      },
    ],
  });
  if (existsSync(chromiumPath)) {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  }
});

afterAll(async () => {
  await browser?.close();
  await provider?.stop();
  client?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe.skipIf(!existsSync(chromiumPath))('the login page in Chromium', () => {
  it('signs a person in by their name and out with "Logg ut", nothing refused by the policy', async () => {
    const config = await oidc.discovery(
      new URL(provider.url),
      'etablerer-console',
      undefined,
      oidc.ClientSecretBasic(secret),
      { execute: [oidc.allowInsecureRequests] },
    );
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const authorization = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${clientOrigin}/auth/callback`,
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: 'the-state',
    });
    const page = await browser.newPage({ locale: 'nb-NO' });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });

    await page.goto(authorization.href);
    expect(await page.title()).toBe('Logg inn – Etablerertjenesten (utviklingsinnlogging)');
    await expect(page.getByRole('heading', { level: 2, name: 'NAV Vest-Viken' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Kari Nordmann', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/auth/callback');
    const tokens = await oidc.authorizationCodeGrant(config, new URL(page.url()), {
      pkceCodeVerifier: codeVerifier,
      expectedState: 'the-state',
    });
    expect(tokens.claims()?.name).toBe('Kari Nordmann');

    const endSession = oidc.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: `${clientOrigin}/signed-out`,
    });
    await page.goto(endSession.href);
    await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/signed-out');
    expect(refused).toEqual([]);
  });
});

// @vitest-environment node
// The dev server's proxy to the gateway: the sign-in's full-page steps under /auth reach the gateway and come back
// as it answered them (redirects not followed or rewritten, the session cookie kept), and /.well-known goes through.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const identityProvider = 'http://localhost:4004/auth?client_id=console&response_type=code&state=s1';
const sessionCookie = 'etablerer_session=opaque; Path=/; HttpOnly; SameSite=Lax';

let gateway: Server;
let devServer: ViteDevServer;
let consoleUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  gateway = createHttpServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    if (request.url?.startsWith('/auth/login')) {
      response.writeHead(302, { location: identityProvider }).end();
    } else if (request.url?.startsWith('/auth/callback')) {
      response.writeHead(302, { location: '/regions', 'set-cookie': sessionCookie }).end();
    } else if (request.url === '/dev/mail/messages') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    } else if (request.url === '/.well-known/jwks.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const previous = process.env.GATEWAY_URL;
  process.env.GATEWAY_URL = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  try {
    devServer = await createServer({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, ws: false },
      logLevel: 'silent',
    });
    await devServer.listen();
  } finally {
    if (previous === undefined) delete process.env.GATEWAY_URL;
    else process.env.GATEWAY_URL = previous;
  }
  const address = devServer.httpServer?.address() as AddressInfo | null | undefined;
  if (!address) throw new Error('the dev server has no address after listening');
  consoleUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await devServer?.close();
  await new Promise((resolve) => gateway?.close(resolve));
});

describe('the dev server proxy', () => {
  it("passes /auth/login's redirect to the identity provider through as the gateway sent it", async () => {
    const response = await fetch(`${consoleUrl}/auth/login?returnTo=%2Fregions`, { redirect: 'manual' });

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(identityProvider);
    expect(seen).toContain('GET /auth/login?returnTo=%2Fregions');
  });

  it("passes /auth/callback's redirect back and its session cookie through untouched", async () => {
    const response = await fetch(`${consoleUrl}/auth/callback?code=c1&state=s1`, { redirect: 'manual' });

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/regions');
    expect(response.headers.getSetCookie()).toEqual([sessionCookie]);
  });

  it('proxies /.well-known to the gateway', async () => {
    const response = await fetch(`${consoleUrl}/.well-known/jwks.json`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ keys: [] });
  });

  it("proxies the SMTP catcher's messages, while /dev/mail itself stays the console's page", async () => {
    const messages = await fetch(`${consoleUrl}/dev/mail/messages`);
    expect(messages.status).toBe(200);
    expect(await messages.json()).toEqual([]);

    const page = await fetch(`${consoleUrl}/dev/mail`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"');
    expect(seen).not.toContain('GET /dev/mail');
  });
});

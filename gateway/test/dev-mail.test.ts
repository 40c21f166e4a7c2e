// The console's "Sendt e-post (utvikling)" page reads what the development mail catcher caught through the
// gateway: GET /dev/mail/messages with MAIL_CATCHER_URL (and /auth/config says so), 404 without it, and a
// production gateway refuses the variable.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateServiceKeys } from '@etablerer/kit';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayOptionsFromEnvironment, startGateway } from '../src/server.js';

const auth = { issuer: 'https://platform.test', audience: 'test-audience' };
const caught = {
  messages: [
    {
      id: 'm1',
      messageId: '<a@etablerertjenesten>',
      from: '"Etablerertjenesten" <ikke-svar@etablerertjenesten.no>',
      to: ['kari@example.no'],
      subject: 'Kvittering',
      date: '2027-01-01T10:00:00.000Z',
      text: 'Takk!',
      html: '<p>Takk!</p>',
    },
  ],
  duplicates: 0,
};
// Stands in for the catcher's HTTP API (tools/mail-catcher), as the gateway sees it.
const catcher = createServer((req, res) => {
  res.writeHead(req.url === '/messages' ? 200 : 404, { 'content-type': 'application/json' });
  res.end(JSON.stringify(req.url === '/messages' ? caught : { error: 'not_found' }));
});
let serviceKey: JWK;
let catcherUrl: string;

beforeAll(async () => {
  serviceKey = (await generateServiceKeys(['gateway'])).privateKeys.gateway as JWK;
  await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
  catcherUrl = `http://127.0.0.1:${(catcher.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => catcher.close(resolve)));

describe('the development mail page', () => {
  it("passes on the catcher's messages and says so in /auth/config", async () => {
    const gateway = await startGateway({ port: 0, auth, serviceKey, mailCatcherUrl: catcherUrl });
    try {
      const response = await fetch(`${gateway.url}/dev/mail/messages`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual(caught);
      expect(await (await fetch(`${gateway.url}/auth/config`)).json()).toMatchObject({ devMail: true });
    } finally {
      await gateway.stop();
    }
  });

  it('answers 404 without a catcher, and /auth/config says there is none', async () => {
    const gateway = await startGateway({ port: 0, auth, serviceKey });
    try {
      const response = await fetch(`${gateway.url}/dev/mail/messages`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'dev_mail_off' });
      expect(await (await fetch(`${gateway.url}/auth/config`)).json()).toMatchObject({ devMail: false });
    } finally {
      await gateway.stop();
    }
  });

  it('is refused in production', async () => {
    const production = { production: true, introspection: false, stacktraces: false };
    await expect(
      startGateway({ port: 0, auth, serviceKey, mode: production, mailCatcherUrl: catcherUrl }),
    ).rejects.toThrow(/mail catcher cannot be used in production/);
    expect(() =>
      gatewayOptionsFromEnvironment({
        SERVICE_PRIVATE_KEY: JSON.stringify(serviceKey),
        NODE_ENV: 'production',
        MAIL_CATCHER_URL: catcherUrl,
      }),
    ).toThrow(/MAIL_CATCHER_URL: must not be set with NODE_ENV=production: the mail catcher is for development only/);
    expect(
      gatewayOptionsFromEnvironment({ SERVICE_PRIVATE_KEY: JSON.stringify(serviceKey), MAIL_CATCHER_URL: catcherUrl }),
    ).toMatchObject({ mailCatcherUrl: catcherUrl });
  });
});

// The stack as `pnpm start` runs it, on ports the system picks, with its supervisor on: a
// subgraph or the gateway killed outright comes back by itself and the graph answers again.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { dropDatabase } from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningStack, type ServiceName, startStack } from '../src/stack.js';

const databases = {
  COUNTY_DATABASE: uniqueDatabaseName('county'),
  REGIONS_DATABASE: uniqueDatabaseName('regions'),
  PARTNERS_DATABASE: uniqueDatabaseName('partners'),
  // The gateway's own (its public rate limits), apart from other runs on the same server.
  GATEWAY_DATABASE: uniqueDatabaseName('gateway'),
};
let stack: RunningStack;

beforeAll(async () => {
  stack = await startStack({
    ports: {
      gateway: 0,
      county: 0,
      regions: 0,
      partners: 0,
      console: 0,
      identityProvider: 0,
      mailCatcher: 0,
      mailCatcherSmtp: 0,
    },
    console: false,
    env: { ...databases, LOG_LEVEL: 'warn' },
  });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all(Object.values(databases).map((database) => dropDatabase(testServerUrl(), database)));
}, 60_000);

/** The regions and one partners field through the gateway, as a signed-in coordination member. */
async function askRegions() {
  const signIn = await fetch(`${stack.gatewayUrl}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'coordination.member' }),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const response = await fetch(`${stack.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query: 'query Regions { regions { id name } }' }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: { regions: unknown[] }; errors?: unknown },
  };
}

/** Kills a service with SIGKILL and resolves with what the supervisor reported, once it is back. */
async function killAndAwaitRestart(name: ServiceName) {
  const pid = stack.pids[name];
  if (!pid) throw new Error(`${name} has no process`);
  const exited = once(stack.events, 'exited');
  const restarted = once(stack.events, 'restarted');
  process.kill(pid, 'SIGKILL');
  const [exitedName, exit] = await exited;
  const [restartedName, info] = await restarted;
  return { pid, exitedName, exit, restartedName, info };
}

describe('the stack supervises its services', () => {
  it('answers before anything is killed', async () => {
    const { status, body } = await askRegions();
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.regions).toHaveLength(13);
  });

  it('restarts a subgraph killed with SIGKILL, on its port, and the gateway reaches it again', async () => {
    const { pid, exitedName, exit, restartedName, info } = await killAndAwaitRestart('regions');
    expect(exitedName).toBe('regions');
    expect(exit.signal).toBe('SIGKILL');
    expect(restartedName).toBe('regions');
    expect(info.pid).toEqual(expect.any(Number));
    expect(info.pid).not.toBe(pid);
    expect(stack.pids.regions).toBe(info.pid);
    const { status, body } = await askRegions();
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.regions).toHaveLength(13);
  }, 120_000);

  it('restarts the gateway killed with SIGKILL on the same address', async () => {
    const { pid, restartedName, info } = await killAndAwaitRestart('gateway');
    expect(restartedName).toBe('gateway');
    expect(info.pid).not.toBe(pid);
    const { status, body } = await askRegions();
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.regions).toHaveLength(13);
  }, 120_000);

  it('waits longer before each restart of a service that keeps dying', async () => {
    const first = await killAndAwaitRestart('partners');
    const second = await killAndAwaitRestart('partners');
    expect(second.exit.delayMs).toBeGreaterThan(first.exit.delayMs);
  }, 120_000);

  it('does not restart a subgraph stopped on purpose', async () => {
    let exits = 0;
    const count = () => {
      exits += 1;
    };
    stack.events.on('exited', count);
    await stack.stopSubgraph('county');
    await stack.startSubgraph('county');
    stack.events.off('exited', count);
    expect(exits).toBe(0);
  }, 120_000);
});

describe('the development identity provider in the stack', () => {
  it("answers its discovery at identityProviderUrl and knows the console's client and its callback", async () => {
    const discovery = (await (await fetch(`${stack.identityProviderUrl}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      authorization_endpoint: string;
    };
    expect(discovery.issuer).toBe(stack.identityProviderUrl);
    const authorization = new URL(discovery.authorization_endpoint);
    authorization.search = new URLSearchParams({
      client_id: 'etablerer-console',
      response_type: 'code',
      scope: 'openid profile email offline_access',
      redirect_uri: `${stack.gatewayUrl.replace('//127.0.0.1:', '//localhost:')}/auth/callback`,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      state: 'a-state',
    }).toString();
    const response = await fetch(authorization, { redirect: 'manual' });
    // An unknown client or redirect URI gets an error page; a known one is sent to the login page.
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/interaction\//);
  });

  it('restarts the identity provider killed with SIGKILL, at the same issuer', async () => {
    const { pid, restartedName, info } = await killAndAwaitRestart('identity-provider');
    expect(restartedName).toBe('identity-provider');
    expect(info.pid).not.toBe(pid);
    const response = await fetch(`${stack.identityProviderUrl}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
  }, 120_000);
});

describe('the development mail catcher in the stack', () => {
  it("gets what a subgraph's outbox sends, which the gateway's /dev/mail/messages lists", async () => {
    expect(await (await fetch(`${stack.gatewayUrl}/auth/config`)).json()).toMatchObject({ devMail: true });
    // A row as a regions mutation would have enqueued it (kit outbox.ts), committed with its pg_notify.
    const id = randomUUID();
    const client = new pg.Client({ connectionString: `${stack.databaseUrl}/${databases.REGIONS_DATABASE}` });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(
        `insert into outbox_message (id, channel, kind, recipient_email, locale, subject, text_body)
         values ($1, 'EMAIL', 'test.stack', 'kari@example.no', 'nb', 'Kvittering fra stakken', 'Takk!')`,
        [id],
      );
      await client.query("select pg_notify('outbox_message', '')");
      await client.query('commit');
    } finally {
      await client.end();
    }
    const listed = async () => {
      const response = await fetch(`${stack.gatewayUrl}/dev/mail/messages`);
      const body = (await response.json()) as { messages: { messageId: string; subject: string; to: string[] }[] };
      return body.messages.find((message) => message.messageId === `<${id}@etablerertjenesten>`);
    };
    await expect.poll(listed, { timeout: 60_000 }).toMatchObject({
      subject: 'Kvittering fra stakken',
      to: ['kari@example.no'],
    });
  });

  it('restarts the mail catcher killed with SIGKILL, at the same address', async () => {
    const { pid, restartedName, info } = await killAndAwaitRestart('mail-catcher');
    expect(restartedName).toBe('mail-catcher');
    expect(info.pid).not.toBe(pid);
    const response = await fetch(`${stack.mailCatcherUrl}/health`);
    expect(response.status).toBe(200);
  }, 120_000);
});

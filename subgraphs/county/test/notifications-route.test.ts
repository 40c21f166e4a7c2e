// POST /internal/notifications over real HTTP (issue 21 §3): the regions' and partners' outboxes
// deliver their notifications here, signed as themselves; a repeat of one message adds nothing.
import { randomUUID } from 'node:crypto';
import {
  defaultAudience,
  defaultIssuer,
  dropDatabase,
  generateServiceKeys,
  type Orm,
  openSubgraphDatabase,
  type RunningService,
  type ServiceKeys,
  startSubgraph,
} from '@etablerer/kit';
import { generateDevKeys } from '@etablerer/kit/demo';
import { signedHeaders, testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySubgraph } from '../src/server.js';

const database = uniqueDatabaseName('county');
let county: RunningService;
let orm: Orm;
let serviceKeys: ServiceKeys;

beforeAll(async () => {
  serviceKeys = await generateServiceKeys();
  county = await startSubgraph(countySubgraph, {
    server: testServerUrl(),
    database,
    port: 0,
    host: '127.0.0.1',
    seedDemo: true,
    retentionSchedule: null,
    auth: { issuer: defaultIssuer, audience: defaultAudience, publicKey: (await generateDevKeys()).publicKey },
    serviceKeys: serviceKeys.jwks.keys,
  });
  orm = await openSubgraphDatabase(countySubgraph, testServerUrl(), database);
}, 120_000);

afterAll(async () => {
  await orm?.close();
  await county?.stop();
  await dropDatabase(testServerUrl(), database);
});

async function post(payload: unknown, { service, signed = true }: { service: string; signed?: boolean }) {
  const body = JSON.stringify(payload);
  const headers = { 'content-type': 'application/json' };
  const response = await fetch(`${county.url}/internal/notifications`, {
    method: 'POST',
    headers: signed ? await signedHeaders(serviceKeys, service, 'county', body, headers) : headers,
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const referral = (id = randomUUID()) => ({
  id,
  kind: 'REFERRAL_RECEIVED',
  audience: { role: 'ADVISER', regionId: 'follo' },
  title: 'Ny henvisning fra NAV',
  body: 'En henvisning for en klient i Follo.',
  link: '/referrals',
  email: { subject: 'Ny henvisning', text: 'En henvisning for en klient i Follo.', html: '<p>En henvisning.</p>' },
  locale: 'nb',
});

const count = async (sql: string, parameters: unknown[]) =>
  (await orm.em.fork().getConnection().execute<{ count: number }[]>(sql, parameters))[0]?.count;

describe('POST /internal/notifications', () => {
  it('refuses an unsigned request, and one signed by a service it does not take them from (401)', async () => {
    const message = referral();
    expect(await post(message, { service: 'regions', signed: false })).toEqual({
      status: 401,
      body: { error: 'unauthenticated' },
    });
    expect((await post(message, { service: 'gateway' })).status).toBe(401);
    expect(await count('select count(*)::int as count from notification where id = ?', [message.id])).toBe(0);
  });

  it('delivers a signed message once however often it comes, with its e-mails', async () => {
    const message = referral();
    expect(await post(message, { service: 'partners' })).toEqual({ status: 200, body: { delivered: true } });
    expect(await post(message, { service: 'partners' })).toEqual({ status: 200, body: { delivered: true } });
    expect(await count('select count(*)::int as count from notification where id = ?', [message.id])).toBe(1);
    expect(
      await count(`select count(*)::int as count from outbox_message where channel = 'EMAIL' and dedupe_key like ?`, [
        `${message.id}:%`,
      ]),
    ).toBe(1);
    const [row] = await orm.em
      .fork()
      .getConnection()
      .execute<{ source: string; audience: unknown }[]>('select source, audience from notification where id = ?', [
        message.id,
      ]);
    expect(row).toEqual({ source: 'partners', audience: { role: 'ADVISER', regionId: 'follo' } });
    expect((await post(referral(), { service: 'regions' })).status).toBe(200);
  });

  it('refuses a message it cannot deliver (400)', async () => {
    expect(await post({ ...referral(), audience: {} }, { service: 'regions' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    expect((await post({ ...referral(), kind: 'SOMETHING_ELSE' }, { service: 'regions' })).status).toBe(400);
  });
});

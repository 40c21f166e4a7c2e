// POST /internal/notifications over real HTTP (issue 21 §3): the regions' and partners' outboxes
// deliver their notifications here, signed as themselves; a repeat of one message adds nothing.
import { randomUUID } from 'node:crypto';
import { enqueue, type Orm } from '@etablerer/kit';
import { generateDevKeys } from '@etablerer/kit/demo';
import { type InternalRouteTestService, startForInternalRoutes } from '@etablerer/kit/testing';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySubgraph } from '../src/server.js';

let routes: InternalRouteTestService;
let orm: Orm;

beforeAll(async () => {
  routes = await startForInternalRoutes(countySubgraph, { publicKey: (await generateDevKeys()).publicKey });
  orm = routes.orm;
}, 120_000);

afterAll(() => routes?.stop());

/** POSTs `payload` to /internal/notifications, signed as `service` for the county. */
const post = (payload: unknown, { service, signed = true }: { service: string; signed?: boolean }) =>
  routes.post('notifications', payload, { service, signed });

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

describe('the county’s own notifications', () => {
  it('are delivered by its dispatcher in process, e-mails and all', async () => {
    const { id } = await orm.em.fork().transactional((tx) =>
      enqueue(tx as EntityManager, {
        channel: 'NOTIFY',
        kind: 'REPORT_OVERDUE',
        locale: 'nb',
        audience: { role: 'ADVISER', regionId: 'follo' },
        title: 'Fristen er passert',
        body: 'Årsrapporten er ikke levert.',
        link: '/submissions',
        email: { subject: 'Fristen er passert', text: 'Årsrapporten er ikke levert.', html: '<p>Årsrapporten.</p>' },
        dedupeKey: `test:${randomUUID()}`,
      }),
    );
    // The commit woke the dispatcher; it marks the row sent in the transaction that delivers it.
    let sent = 0;
    while (sent === 0) {
      sent =
        (await count('select count(*)::int as count from outbox_message where id = ? and sent_at is not null', [id])) ??
        0;
      if (sent === 0) await new Promise((resolve) => setTimeout(resolve, 50)); // a poll, not a bound
    }
    expect(
      await count('select count(*)::int as count from notification where id = ? and source = ?', [id, 'county']),
    ).toBe(1);
    expect(
      await count(`select count(*)::int as count from outbox_message where channel = 'EMAIL' and dedupe_key like ?`, [
        `${id}:%`,
      ]),
    ).toBe(1);
  });
});

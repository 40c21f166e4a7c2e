// The outbox: a message is sent if and only if the transaction that wrote it commits, exactly once
// as the recipient sees it (the fixed Message-ID), and when the mail server is away it waits and
// goes out once the server is back. Against the machine's PostgreSQL and a real SMTP server (the
// development mail catcher, in this process).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMailCatcher, startMailCatcher } from '../../../tools/mail-catcher/src/mail-catcher.js';
import { dropDatabase } from '../src/database.js';
import { mountInternalRoutes } from '../src/internal-routes.js';
import { Registry } from '../src/metrics.js';
import { createOrm, type Orm } from '../src/orm.js';
import { type EmailMessage, enqueue, OutboxMessageSchema, outboxMessageId } from '../src/outbox.js';
import {
  backoffDelayMs,
  countyNotificationChannel,
  millisecondsUntilNextDue,
  type NotificationDelivery,
  type OutboxDispatcher,
  type OutboxDispatcherOptions,
  purgeSentMessages,
  startOutboxDispatcher,
} from '../src/outbox-dispatcher.js';
import {
  assertionUsesInMemory,
  createServiceAssertionVerifier,
  createServiceSigner,
  generateServiceKeys,
} from '../src/service-assertion.js';
import { testServerUrl, uniqueDatabaseName } from '../src/testing.js';

const database = uniqueDatabaseName('outbox');
let orm: Orm;
let catcher: RunningMailCatcher;
const dispatchers: OutboxDispatcher[] = [];
const from = 'Etablerertjenesten <ikke-svar@etablerertjenesten.no>';

beforeAll(async () => {
  orm = await createOrm({
    server: testServerUrl(),
    database,
    entities: [OutboxMessageSchema],
    migrations: [],
    migrationsDir: '.',
  });
  // The subgraphs create the table by their migrations; this throw-away database takes the entity's.
  await orm.schema.createSchema();
  catcher = await startMailCatcher();
});

afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
  await orm.em.getConnection().execute('delete from outbox_message');
  catcher.clear();
});

afterAll(async () => {
  await catcher?.stop();
  await orm?.close();
  await dropDatabase(testServerUrl(), database);
});

function dispatcher(options: OutboxDispatcherOptions = {}) {
  const started = startOutboxDispatcher(orm, { smtp: { url: catcher.smtpUrl, from }, ...options });
  dispatchers.push(started);
  return started;
}

const receipt = (n: number, extra: Partial<EmailMessage> = {}): EmailMessage => ({
  channel: 'EMAIL',
  kind: 'test.receipt',
  to: { email: `person${n}@example.no`, name: `Person ${n}` },
  locale: 'nb',
  subject: `Kvittering ${n}`,
  text: `Takk for påmeldingen, nummer ${n}.`,
  html: `<p>Takk for påmeldingen, nummer ${n}.</p>`,
  ...extra,
});

const inTransaction = <Result>(work: (em: EntityManager) => Promise<Result>) =>
  orm.em.fork().transactional((em) => work(em as EntityManager));

const rows = () =>
  orm.em
    .getConnection()
    .execute<
      { id: string; attempts: number; last_error: string | null; sent_at: Date | null; next_attempt_at: Date }[]
    >('select id, attempts, last_error, sent_at, next_attempt_at from outbox_message order by created_at');

describe('the wait before the next look', () => {
  it('is the poll interval with nothing unsent, the time to the next due row, and none when one is due', async () => {
    const pollMs = 60_000;
    // An idle dispatcher that looked again at once kept every subgraph and PostgreSQL busy.
    expect(await millisecondsUntilNextDue(orm, ['EMAIL'], pollMs)).toBe(pollMs);
    const { id } = await inTransaction((em) => enqueue(em, receipt(40)));
    await orm.em
      .getConnection()
      .execute(`update outbox_message set next_attempt_at = now() + interval '20 seconds' where id = ?`, [id]);
    const wait = await millisecondsUntilNextDue(orm, ['EMAIL'], pollMs);
    expect(wait).toBeGreaterThan(10_000);
    expect(wait).toBeLessThanOrEqual(20_000);
    expect(await millisecondsUntilNextDue(orm, ['NOTIFY'], pollMs)).toBe(pollMs);
    await orm.em
      .getConnection()
      .execute(`update outbox_message set next_attempt_at = now() - interval '1 second' where id = ?`, [id]);
    expect(await millisecondsUntilNextDue(orm, ['EMAIL'], pollMs)).toBe(0);
  });
});

describe('enqueue', () => {
  it('sends nothing when the transaction that enqueued rolls back', async () => {
    const running = dispatcher();
    await expect(
      inTransaction(async (em) => {
        await enqueue(em, receipt(1));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows()).toEqual([]);
    expect(await running.runOnce()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    expect(catcher.messages()).toEqual([]);
  });

  it('sends a committed message once, with the outbox id as its Message-ID, woken by the commit', async () => {
    // Polling once a minute: only the commit's notification can make it send within the test.
    const running = dispatcher({ pollMs: 60_000 });
    const { id, created } = await inTransaction((em) => enqueue(em, receipt(2)));
    expect(created).toBe(true);
    await expect.poll(() => catcher.messages().length).toBe(1);
    const [message] = catcher.messages();
    expect(message).toMatchObject({
      messageId: outboxMessageId(id),
      from: '"Etablerertjenesten" <ikke-svar@etablerertjenesten.no>',
      to: ['person2@example.no'],
      subject: 'Kvittering 2',
      html: '<p>Takk for påmeldingen, nummer 2.</p>',
    });
    expect(message?.text.trim()).toBe('Takk for påmeldingen, nummer 2.');
    expect(outboxMessageId(id)).toBe(`<${id}@etablerertjenesten>`);
    await expect.poll(async () => (await rows())[0]?.sent_at).not.toBeNull();
    // Nothing left to send: another round sends nothing again.
    expect(await running.runOnce()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    expect(catcher.messages()).toHaveLength(1);
    expect(catcher.duplicates()).toBe(0);
  });

  it('makes one message of a dedupe key however often it is enqueued', async () => {
    const first = await inTransaction((em) => enqueue(em, receipt(3, { dedupeKey: 'reminder:follo:2027:30' })));
    const again = await inTransaction((em) => enqueue(em, receipt(3, { dedupeKey: 'reminder:follo:2027:30' })));
    const other = await inTransaction((em) => enqueue(em, receipt(3, { dedupeKey: 'reminder:follo:2027:7' })));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(other.created).toBe(true);
    expect((await rows()).map((row) => row.id).sort()).toEqual([first.id, other.id].sort());
    dispatcher();
    await expect.poll(() => catcher.messages().length).toBe(2);
    expect(catcher.messages().map((message) => message.messageId)).toContain(outboxMessageId(first.id));
  });

  it('sends a calendar part as a text/calendar alternative with its method, and an e-mail without one has none', async () => {
    const invitation = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//outbox//EN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:slot-1@etablerertjenesten',
      'SEQUENCE:0',
      'DTSTAMP:20261207T120000Z',
      'DTSTART:20261210T090000Z',
      'DTEND:20261210T100000Z',
      'SUMMARY:Veiledning',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const cancellation = invitation.replace('METHOD:REQUEST', 'METHOD:CANCEL').replace('SEQUENCE:0', 'SEQUENCE:1');
    await inTransaction(async (em) => {
      await enqueue(em, receipt(5, { calendar: { method: 'REQUEST', content: invitation } }));
      await enqueue(em, receipt(6, { calendar: { method: 'CANCEL', content: cancellation, filename: 'cancel.ics' } }));
      await enqueue(em, receipt(7));
    });
    dispatcher();
    await expect.poll(() => catcher.messages().length).toBe(3);
    const to = (address: string) => catcher.messages().find((message) => message.to.includes(address));
    expect(to('person5@example.no')?.calendar).toEqual({
      method: 'REQUEST',
      content: expect.stringContaining('UID:slot-1@etablerertjenesten'),
    });
    expect(to('person5@example.no')?.calendar?.content.replace(/\r?\n$/, '')).toBe(invitation);
    expect(to('person6@example.no')?.calendar).toEqual({
      method: 'CANCEL',
      content: expect.stringContaining('SEQUENCE:1'),
    });
    expect(to('person7@example.no')?.calendar).toBeNull();
    // The texts are still there beside the invitation.
    expect(to('person5@example.no')?.text.trim()).toBe('Takk for påmeldingen, nummer 5.');
  });

  it('leaves e-mail queued where no SMTP server is configured', async () => {
    const running = dispatcher({ smtp: undefined as never });
    await inTransaction((em) => enqueue(em, receipt(4)));
    expect(await running.runOnce()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    expect((await rows())[0]).toMatchObject({ attempts: 0, sent_at: null });
  });
});

describe('the dispatcher', () => {
  it('keeps messages queued while the SMTP server is down, backing off, and delivers them when it returns', async () => {
    // A server that is not there: its port, now closed.
    const away = await startMailCatcher();
    const smtpPort = away.smtpPort;
    await away.stop();
    const registry = new Registry();
    dispatcher({
      smtp: { url: `smtp://127.0.0.1:${smtpPort}`, from },
      backoff: { baseMs: 20, maxMs: 200 },
      registry,
    });
    const { id } = await inTransaction((em) => enqueue(em, receipt(5)));
    await expect.poll(async () => (await rows())[0]?.attempts ?? 0).toBeGreaterThanOrEqual(3);
    const [queued] = await rows();
    expect(queued?.sent_at).toBeNull();
    expect(queued?.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(await registry.getSingleMetricAsString('outbox_messages_pending')).toMatch(
      /outbox_messages_pending\{channel="EMAIL"\} 1/,
    );
    // The server comes back where it was.
    const back = await startMailCatcher({ smtpPort });
    try {
      await expect.poll(() => back.messages().length).toBe(1);
      expect(back.messages()[0]?.messageId).toBe(outboxMessageId(id));
      await expect.poll(async () => (await rows())[0]?.sent_at).not.toBeNull();
      const metrics = await registry.metrics();
      expect(metrics).toMatch(/outbox_messages_sent_total\{channel="EMAIL"\} 1/);
      expect(metrics).toMatch(/outbox_delivery_failures_total\{channel="EMAIL"\} (?:[3-9]|\d{2,})\n/);
      expect(metrics).toMatch(/outbox_messages_pending\{channel="EMAIL"\} 0/);
    } finally {
      await back.stop();
    }
  });

  it('delivers each message once with two dispatchers on one database', async () => {
    const ids = await inTransaction(async (em) => {
      const made: string[] = [];
      for (let n = 0; n < 60; n += 1) made.push((await enqueue(em, receipt(100 + n))).id);
      return made;
    });
    // Small batches, so the two take turns claiming.
    dispatcher({ batch: 3 });
    dispatcher({ batch: 3 });
    await expect.poll(() => catcher.messages().length).toBe(60);
    await expect.poll(async () => (await rows()).filter((row) => row.sent_at === null).length).toBe(0);
    expect(new Set(catcher.messages().map((message) => message.messageId))).toEqual(new Set(ids.map(outboxMessageId)));
    expect(catcher.duplicates()).toBe(0);
  });

  it('delivers a notification locally in the transaction that marks it sent, and tries again after a failure', async () => {
    const delivered: NotificationDelivery[] = [];
    let failuresLeft = 1;
    dispatcher({
      smtp: undefined as never,
      backoff: { baseMs: 10, maxMs: 50 },
      notify: {
        kind: 'local',
        async deliver(em, notification) {
          await em.execute('select 1');
          if (failuresLeft-- > 0) throw new Error('the county’s database was busy');
          delivered.push(notification);
        },
      },
    });
    const { id } = await inTransaction((em) =>
      enqueue(em, {
        channel: 'NOTIFY',
        kind: 'REFERRAL_RECEIVED',
        audience: { role: 'NAV', regionId: 'follo' },
        locale: 'nb',
        title: 'Ny henvisning',
        body: 'En henvisning for en klient i Follo.',
        link: '/referrals',
        email: { subject: 'Ny henvisning', text: 'En henvisning.', html: '<p>En henvisning.</p>' },
      }),
    );
    await expect.poll(async () => (await rows())[0]?.sent_at).not.toBeNull();
    expect(delivered).toEqual([
      {
        id,
        kind: 'REFERRAL_RECEIVED',
        audience: { role: 'NAV', regionId: 'follo' },
        locale: 'nb',
        title: 'Ny henvisning',
        body: 'En henvisning for en klient i Follo.',
        link: '/referrals',
        email: { subject: 'Ny henvisning', text: 'En henvisning.', html: '<p>En henvisning.</p>' },
      },
    ]);
    expect((await rows())[0]).toMatchObject({ attempts: 1, last_error: null });
  });

  it("posts other subgraphs' notifications to the county's internal route, signed as the subgraph", async () => {
    const keys = await generateServiceKeys(['regions', 'gateway']);
    const received: unknown[] = [];
    const app = express();
    mountInternalRoutes(
      app,
      {
        notifications: {
          trustedServices: ['regions'],
          async handle({ body, service }) {
            received.push({ body, service: service.service });
            return { delivered: true };
          },
        },
      },
      () =>
        createServiceAssertionVerifier({
          audience: 'county',
          trusted: ['regions'],
          keys: keys.jwks.keys,
          uses: assertionUsesInMemory(),
        }),
      () => orm,
    );
    const county = createServer(app);
    await new Promise<void>((resolve) => county.listen(0, '127.0.0.1', resolve));
    try {
      const countyUrl = `http://127.0.0.1:${(county.address() as AddressInfo).port}/graphql`;
      dispatcher({
        smtp: undefined as never,
        notify: countyNotificationChannel({
          countyUrl,
          signer: await createServiceSigner(keys.privateKeys.regions as never),
        }),
      });
      const { id } = await inTransaction((em) =>
        enqueue(em, {
          channel: 'NOTIFY',
          kind: 'REFERRAL_ANSWERED',
          audience: { subject: 'adviser-sub' },
          locale: 'en',
          title: 'Referral answered',
          body: 'Innovation Norway answered a referral.',
        }),
      );
      await expect.poll(async () => (await rows())[0]?.sent_at).not.toBeNull();
      expect(received).toEqual([
        {
          service: 'regions',
          body: {
            id,
            kind: 'REFERRAL_ANSWERED',
            audience: { subject: 'adviser-sub' },
            locale: 'en',
            title: 'Referral answered',
            body: 'Innovation Norway answered a referral.',
            link: null,
            email: null,
          },
        },
      ]);
    } finally {
      await new Promise((resolve) => county.close(resolve));
    }
  });

  it('deletes messages sent over 30 days ago, and no others', async () => {
    const old = await inTransaction((em) => enqueue(em, receipt(7)));
    const recent = await inTransaction((em) => enqueue(em, receipt(8)));
    const waiting = await inTransaction((em) => enqueue(em, receipt(9)));
    const connection = orm.em.getConnection();
    await connection.execute("update outbox_message set sent_at = now() - interval '31 days' where id = ?", [old.id]);
    await connection.execute("update outbox_message set sent_at = now() - interval '29 days' where id = ?", [
      recent.id,
    ]);
    await connection.execute("update outbox_message set created_at = now() - interval '40 days' where id = ?", [
      waiting.id,
    ]);
    expect(await purgeSentMessages(orm)).toBe(1);
    expect((await rows()).map((row) => row.id).sort()).toEqual([recent.id, waiting.id].sort());
  });

  it('backs off exponentially up to the cap, with at most a fifth more as jitter', () => {
    const backoff = { baseMs: 10_000, maxMs: 3_600_000 };
    expect([0, 1, 2, 3].map((attempts) => backoffDelayMs(attempts, backoff, 0))).toEqual([
      10_000, 20_000, 40_000, 80_000,
    ]);
    expect(backoffDelayMs(20, backoff, 0)).toBe(3_600_000);
    expect(backoffDelayMs(20, backoff, 1)).toBe(4_320_000);
    expect(backoffDelayMs(1, backoff, 0.5)).toBe(22_000);
  });
});

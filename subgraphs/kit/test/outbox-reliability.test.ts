// The reliability check: while a stream of 300 messages is enqueued and sent, the SMTP
// server's process is killed (SIGKILL, mid-delivery) and started again. Counted at the server:
// every message arrived, none twice (the Message-IDs are unique and as many as were enqueued), and
// what the sender sent again after the kill was recognised by its Message-ID (the duplicates).
// The server is the development mail catcher as a real child process, keeping what it caught in a
// journal file so that its count survives the kill, as a real mail server's queue would.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaughtMessage } from '../../../tools/mail-catcher/src/mail-catcher.js';
import { dropDatabase } from '../src/database.js';
import { Registry } from '../src/metrics.js';
import { createOrm, type Orm } from '../src/orm.js';
import { enqueue, OutboxMessageSchema, outboxMessageId } from '../src/outbox.js';
import { type OutboxDispatcher, startOutboxDispatcher } from '../src/outbox-dispatcher.js';
import { freePort, type ServiceProcess, startServiceProcess } from '../src/service-process.js';
import { testServerUrl, uniqueDatabaseName } from '../src/testing.js';

const total = 300;
const database = uniqueDatabaseName('outbox_reliability');
const journal = join(tmpdir(), `mail-catcher-${randomBytes(4).toString('hex')}.jsonl`);
const catcherEntry = fileURLToPath(new URL('../../../tools/mail-catcher/src/index.ts', import.meta.url));
let orm: Orm;
let smtpPort: number;
let catcher: ServiceProcess | undefined;
let dispatcher: OutboxDispatcher | undefined;

const startCatcher = () =>
  startServiceProcess('mail-catcher', catcherEntry, {
    env: {
      NODE_ENV: 'test',
      PORT: '0',
      PORT_SMTP: String(smtpPort),
      MAIL_CATCHER_JOURNAL: journal,
      LOG_LEVEL: 'warn',
    },
    output: 'pipe',
  });

async function caught(): Promise<{ messages: CaughtMessage[]; duplicates: number }> {
  if (!catcher) throw new Error('no catcher');
  return (await fetch(`${catcher.url}/messages`)).json() as never;
}

beforeAll(async () => {
  orm = await createOrm({
    server: testServerUrl(),
    database,
    entities: [OutboxMessageSchema],
    migrations: [],
    migrationsDir: '.',
  });
  await orm.schema.createSchema();
  smtpPort = await freePort();
  catcher = await startCatcher();
});

afterAll(async () => {
  await dispatcher?.stop();
  await catcher?.stop();
  await orm?.close();
  await dropDatabase(testServerUrl(), database);
  rmSync(journal, { force: true });
});

/** A promise with its resolve, to hold the stream at a point until the test says so. */
function signal() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

it('delivers every message exactly once although the SMTP server is killed mid-run', async () => {
  const registry = new Registry();
  dispatcher = startOutboxDispatcher(orm, {
    smtp: { url: `smtp://127.0.0.1:${smtpPort}`, from: 'Etablerertjenesten <ikke-svar@etablerertjenesten.no>' },
    batch: 10,
    backoff: { baseMs: 20, maxMs: 500 },
    registry,
  });
  const killed = signal();
  const restarted = signal();
  const enqueued: string[] = [];
  // The stream: each message its own transaction, as the platform's changes enqueue them. A third
  // is enqueued while the server is down, a third after it is back.
  const producing = (async () => {
    for (let n = 0; n < total; n += 1) {
      if (n === total / 3) await killed.promise;
      if (n === (2 * total) / 3) await restarted.promise;
      const { id } = await orm.em.fork().transactional((em) =>
        enqueue(em as EntityManager, {
          channel: 'EMAIL',
          kind: 'test.stream',
          to: { email: `person${n}@example.no` },
          locale: 'nb',
          subject: `Melding ${n}`,
          text: `Melding nummer ${n}.`,
        }),
      );
      enqueued.push(id);
    }
  })();

  // Killed while it is receiving: some messages delivered, others on their way.
  await expect.poll(async () => (await caught()).messages.length).toBeGreaterThanOrEqual(total / 6);
  const victim = catcher as ServiceProcess;
  const exited = once(victim.child, 'exit');
  victim.child.kill('SIGKILL');
  await exited;
  catcher = undefined;
  const failures = async () =>
    (await registry.getMetricsAsJSON())
      .find((metric) => metric.name === 'outbox_delivery_failures_total')
      ?.values.reduce((sum, value) => sum + value.value, 0) ?? 0;
  killed.resolve();
  // The sender noticed: attempts failed, and the messages wait in the outbox.
  await expect.poll(failures).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const [row] = await orm.em
        .getConnection()
        .execute<{ waiting: number }[]>(
          'select count(*)::int as waiting from outbox_message where sent_at is null and attempts > 0',
        );
      return row?.waiting ?? 0;
    })
    .toBeGreaterThan(0);

  catcher = await startCatcher();
  restarted.resolve();
  await producing;

  await expect.poll(async () => (await caught()).messages.length).toBe(total);
  await expect
    .poll(async () => {
      const [row] = await orm.em
        .getConnection()
        .execute<{ unsent: number }[]>('select count(*)::int as unsent from outbox_message where sent_at is null');
      return row?.unsent;
    })
    .toBe(0);
  const { messages, duplicates } = await caught();
  const messageIds = messages.map((message) => message.messageId);
  // Every message arrived, none twice.
  expect(new Set(messageIds).size).toBe(total);
  expect(new Set(messageIds)).toEqual(new Set(enqueued.map(outboxMessageId)));
  const [attempts] = await orm.em
    .getConnection()
    .execute<{ retried: number; most: number; failed: number }[]>(
      'select count(*) filter (where attempts > 0)::int as retried, max(attempts)::int as most, sum(attempts)::int as failed from outbox_message',
    );
  console.log(
    `outbox reliability: enqueued ${enqueued.length}, unique Message-IDs at the catcher ${new Set(messageIds).size}, ` +
      `duplicates the catcher recognised ${duplicates}, failed attempts ${attempts?.failed} ` +
      `(${attempts?.retried} messages retried, at most ${attempts?.most} times each)`,
  );
});

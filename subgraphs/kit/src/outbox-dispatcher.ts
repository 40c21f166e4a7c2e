// The outbox's sender: every subgraph process runs one. It claims due unsent rows (FOR UPDATE SKIP
// LOCKED, so any number of instances on one database send each row once), delivers each on its
// channel (EMAIL over SMTP; NOTIFY to the county) and marks it sent, or counts the failure and
// tries again later with exponential backoff. It never gives up on a message. Delivery is at least
// once: a message sent just before the process or the database went away is sent again, which the
// fixed Message-ID (EMAIL) and the notification id (NOTIFY) make harmless.
import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import pg from 'pg';
import { internalRoutePath } from './internal-routes.js';
import { logger } from './logger.js';
import { Counter, Gauge, Registry } from './metrics.js';
import type { Orm } from './orm.js';
import {
  type MessageLocale,
  type NotificationAudience,
  type OutboxChannel,
  type OutboxPayload,
  outboxMessageId,
  outboxNotifyChannel,
} from './outbox.js';
import { type ServiceSigner, withServiceAssertion } from './service-assertion.js';

/** What the county is given to deliver a notification: the body of POST /internal/notifications. */
export interface NotificationDelivery {
  /** The outbox message's id: the notification's id, so a repeated delivery is recognised. */
  id: string;
  kind: string;
  audience: NotificationAudience;
  locale: MessageLocale;
  title: string;
  body: string;
  link: string | null;
  email: { subject: string; text: string; html: string } | null;
}

/**
 * How NOTIFY rows reach the county: in the county itself, in a transaction that also marks the row
 * sent (so exactly once); from the other subgraphs, over HTTP (at least once; the county ignores a
 * repeat of an id).
 */
export type NotificationChannel =
  | { kind: 'local'; deliver(em: EntityManager, notification: NotificationDelivery): Promise<void> }
  | { kind: 'remote'; deliver(notification: NotificationDelivery): Promise<void> };

export interface SmtpSettings {
  /** smtp://[user:password@]host:port or smtps://… (SMTP_URL). */
  url: string;
  /** The From of every e-mail (MAIL_FROM). */
  from: string;
}

export const defaultMailFrom = 'Etablerertjenesten <ikke-svar@etablerertjenesten.no>';
export const defaultOutboxPollMs = 5_000;

export interface OutboxBackoff {
  /** The wait after the first failure; each further failure doubles it. */
  baseMs: number;
  /** The longest wait between two attempts. */
  maxMs: number;
}

export const defaultOutboxBackoff: OutboxBackoff = { baseMs: 10_000, maxMs: 60 * 60_000 };

/**
 * Days a sent message is kept: long enough to answer "did it go out?", not so long that the
 * addresses and texts in it (personal data) outlive their purpose.
 */
export const sentMessageRetentionDays = 30;

/** Deletes the messages sent more than `days` ago; returns how many. Every dispatcher does it hourly. */
export async function purgeSentMessages(orm: Orm, days = sentMessageRetentionDays): Promise<number> {
  const deleted = await orm.em
    .getConnection()
    .execute<{ id: string }[]>(
      'delete from outbox_message where sent_at < now() - make_interval(days => ?) returning id',
      [days],
    );
  return deleted.length;
}

export interface OutboxDispatcherOptions {
  /** The service's name, in the log. */
  service?: string;
  /** Without it, EMAIL rows stay queued (said once in the log). */
  smtp?: SmtpSettings;
  /** Without it, NOTIFY rows stay queued (said once in the log). */
  notify?: NotificationChannel;
  /** How often it looks for due rows when nothing woke it (OUTBOX_POLL_MS). */
  pollMs?: number;
  /** Rows claimed at once. */
  batch?: number;
  backoff?: Partial<OutboxBackoff>;
  /**
   * How long a claimed row is left to its dispatcher before another may take it: longer than a
   * batch's deliveries can take (each SMTP step times out well within it). A dispatcher that died
   * mid-batch leaves its rows to the others after this.
   */
  leaseMs?: number;
  /** Failed attempts after which each further failure is logged as an error, not a warning. */
  errorAfterAttempts?: number;
  /** Where its metrics go (the service's /metrics); a registry of its own otherwise. */
  registry?: Registry;
  /**
   * Wake at once when a transaction that enqueued commits (PostgreSQL LISTEN on a connection of
   * its own); on by default. Polling finds the rows anyway.
   */
  listen?: boolean;
}

export interface DispatchRound {
  claimed: number;
  sent: number;
  failed: number;
}

export interface OutboxDispatcher {
  /** Look for due rows now (e.g. after a commit that enqueued). */
  nudge(): void;
  /** One round: claim, deliver, mark; what the loop does each time it wakes. */
  runOnce(): Promise<DispatchRound>;
  /** No more rounds; resolves once the round in flight has finished and the connections are closed. */
  stop(): Promise<void>;
}

/** An outbox row as the claim returns it. */
interface ClaimedRow {
  id: string;
  channel: OutboxChannel;
  kind: string;
  recipient_email: string | null;
  recipient_name: string | null;
  audience: NotificationAudience | null;
  locale: MessageLocale;
  subject: string;
  text_body: string;
  html_body: string | null;
  payload: OutboxPayload | null;
  attempts: number;
  created_at: Date;
}

/**
 * Milliseconds until the earliest unsent row of `channels` falls due (0 when one is due); `pollMs` when
 * none is unsent, and never more. (It was greatest(0, …) in SQL, which ignores a null: with nothing unsent
 * the wait was 0, and every subgraph's dispatcher looked again at once, hundreds of times a second.)
 */
export async function millisecondsUntilNextDue(orm: Orm, channels: string[], pollMs: number): Promise<number> {
  if (!channels.length) return pollMs;
  const [next] = await orm.em.getConnection().execute<{ wait: number | null }[]>(
    `select extract(epoch from min(next_attempt_at) - now())::float8 * 1000 as wait
       from outbox_message where sent_at is null and channel in (?)`,
    [channels],
  );
  const wait = next?.wait ?? null;
  return wait === null ? pollMs : Math.min(pollMs, Math.max(0, Math.ceil(wait)));
}

/** The wait after a row's `attempts`-th failure (counting from 0): doubling from the base, capped, plus up to 20 %. */
export function backoffDelayMs(attempts: number, backoff: OutboxBackoff, random = Math.random()): number {
  const delay = Math.min(backoff.baseMs * 2 ** Math.min(attempts, 40), backoff.maxMs);
  return Math.round(delay * (1 + 0.2 * random));
}

export function notificationDeliveryOf(row: {
  id: string;
  kind: string;
  audience: NotificationAudience | null;
  locale: MessageLocale;
  subject: string;
  textBody: string;
  payload: OutboxPayload | null;
}): NotificationDelivery {
  return {
    id: row.id,
    kind: row.kind,
    audience: row.audience ?? {},
    locale: row.locale,
    title: row.payload?.title ?? row.subject,
    body: row.payload?.body ?? row.textBody,
    link: row.payload?.link ?? null,
    email: row.payload?.email ?? null,
  };
}

/** NOTIFY rows of regions and partners: POST to the county's /internal/notifications, signed as this service. */
export function countyNotificationChannel({
  countyUrl,
  signer,
  timeoutMs = 10_000,
}: {
  /** Any address of the county subgraph (its /graphql, COUNTY_URL): the route is on the same origin. */
  countyUrl: string;
  signer: ServiceSigner;
  timeoutMs?: number;
}): NotificationChannel {
  const url = new URL(internalRoutePath('notifications'), countyUrl).toString();
  return {
    kind: 'remote',
    async deliver(notification) {
      const body = JSON.stringify(notification);
      const headers = await withServiceAssertion(signer, 'county', body, { 'content-type': 'application/json' });
      const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) {
        throw new Error(`the county answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      }
    },
  };
}

function smtpTransport(settings: SmtpSettings) {
  return nodemailer.createTransport({
    url: settings.url,
    // One connection kept open: messages follow each other on it instead of a handshake each.
    pool: true,
    maxConnections: 1,
    // Well within the lease: a mail server that stopped answering fails the attempt, not the batch.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } satisfies SMTPPool.Options);
}

/** nodemailer's icalEvent for an EMAIL row's calendar part: a text/calendar alternative with the method, and an .ics attachment. */
function calendarEvent(payload: OutboxPayload | null) {
  const calendar = payload?.calendar;
  if (!calendar) return {};
  return {
    icalEvent: { method: calendar.method, filename: calendar.filename ?? 'invitation.ics', content: calendar.content },
  };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2_000);

export function startOutboxDispatcher(orm: Orm, options: OutboxDispatcherOptions = {}): OutboxDispatcher {
  const pollMs = options.pollMs ?? defaultOutboxPollMs;
  const batch = options.batch ?? 20;
  const backoff: OutboxBackoff = { ...defaultOutboxBackoff, ...options.backoff };
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const errorAfterAttempts = options.errorAfterAttempts ?? 10;
  const service = options.service ?? 'outbox';
  const channels: OutboxChannel[] = [
    ...(options.smtp ? (['EMAIL'] as const) : []),
    ...(options.notify ? (['NOTIFY'] as const) : []),
  ];
  if (!options.smtp) logger.warn({ service }, 'outbox: SMTP_URL is not set; e-mail stays queued until it is');
  if (!options.notify) logger.info({ service }, 'outbox: no notification channel; notifications stay queued');
  const transport = options.smtp ? smtpTransport(options.smtp) : undefined;

  const registry = options.registry ?? new Registry();
  const sentTotal = new Counter({
    name: 'outbox_messages_sent_total',
    help: 'Outbox messages delivered, by channel (EMAIL: accepted by the mail server; NOTIFY: by the county).',
    labelNames: ['channel'],
    registers: [registry],
  });
  const failuresTotal = new Counter({
    name: 'outbox_delivery_failures_total',
    help: 'Failed delivery attempts of outbox messages, by channel; each is tried again after a backoff.',
    labelNames: ['channel'],
    registers: [registry],
  });
  const connection = () => orm.em.getConnection();
  // The figures of the last successful look: /metrics still answers while the database is away.
  const pendingFigures = new Map<string, { count: number; oldestSeconds: number }>();
  const lookAtPending = async () => {
    try {
      const rows = await connection().execute<{ channel: string; count: number; oldest: number | null }[]>(
        `select channel, count(*)::int as count, extract(epoch from now() - min(created_at))::float8 as oldest
           from outbox_message where sent_at is null group by channel`,
      );
      pendingFigures.clear();
      for (const row of rows) pendingFigures.set(row.channel, { count: row.count, oldestSeconds: row.oldest ?? 0 });
    } catch (error) {
      logger.debug({ err: error }, 'outbox: pending messages not counted');
    }
  };
  new Gauge({
    name: 'outbox_messages_pending',
    help: 'Outbox messages not delivered yet, by channel.',
    labelNames: ['channel'],
    registers: [registry],
    async collect() {
      await lookAtPending();
      for (const channel of ['EMAIL', 'NOTIFY']) this.set({ channel }, pendingFigures.get(channel)?.count ?? 0);
    },
  });
  new Gauge({
    name: 'outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox message not delivered yet, by channel (0 when none): what to alert on.',
    labelNames: ['channel'],
    registers: [registry],
    collect() {
      // Counted by outbox_messages_pending's collect, which runs first.
      for (const channel of ['EMAIL', 'NOTIFY']) this.set({ channel }, pendingFigures.get(channel)?.oldestSeconds ?? 0);
    },
  });

  const markSent = (em: EntityManager | undefined, id: string) =>
    (em ?? orm.em.fork()).execute('update outbox_message set sent_at = now(), last_error = null where id = ?', [id]);

  const markFailed = async (row: ClaimedRow, error: unknown) => {
    failuresTotal.inc({ channel: row.channel });
    const attempts = row.attempts + 1;
    const delayMs = backoffDelayMs(row.attempts, backoff);
    const details = { service, id: row.id, kind: row.kind, channel: row.channel, attempts, retryInMs: delayMs };
    if (attempts >= errorAfterAttempts) logger.error({ ...details, err: error }, 'outbox: delivery keeps failing');
    else logger.warn({ ...details, error: errorText(error) }, 'outbox: delivery failed; trying again later');
    try {
      await connection().execute(
        `update outbox_message
            set attempts = attempts + 1, last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
          where id = ? and sent_at is null`,
        [errorText(error), delayMs / 1000, row.id],
      );
    } catch (updateError) {
      // The lease runs out and the row comes round again: a try more, never a loss.
      logger.warn({ service, id: row.id, err: updateError }, 'outbox: a failed attempt could not be recorded');
    }
  };

  const deliver = async (row: ClaimedRow) => {
    if (row.channel === 'EMAIL') {
      if (!transport || !options.smtp || !row.recipient_email) throw new Error('no SMTP transport or no recipient');
      await transport.sendMail({
        messageId: outboxMessageId(row.id),
        from: options.smtp.from,
        to: row.recipient_name ? { name: row.recipient_name, address: row.recipient_email } : row.recipient_email,
        subject: row.subject,
        text: row.text_body,
        ...(row.html_body ? { html: row.html_body } : {}),
        ...calendarEvent(row.payload),
        date: row.created_at,
        headers: { 'X-Etablerertjenesten-Kind': row.kind },
      });
      await markSent(undefined, row.id);
      return;
    }
    const notify = options.notify;
    if (!notify) throw new Error('no notification channel');
    const notification = notificationDeliveryOf({
      ...row,
      textBody: row.text_body,
    });
    if (notify.kind === 'local') {
      // The notification and the row's mark in one transaction: delivered exactly once.
      await orm.em.fork().transactional(async (em) => {
        await notify.deliver(em as EntityManager, notification);
        await markSent(em as EntityManager, row.id);
      });
    } else {
      await notify.deliver(notification);
      await markSent(undefined, row.id);
    }
  };

  const runOnce = async (): Promise<DispatchRound> => {
    if (!channels.length) return { claimed: 0, sent: 0, failed: 0 };
    // The claim is its own short transaction: the row is leased (pushed to now + lease) so no other
    // dispatcher takes it while this one delivers; no transaction stays open across a delivery.
    const claimed = await connection().execute<ClaimedRow[]>(
      `update outbox_message set next_attempt_at = now() + make_interval(secs => ?)
        where id in (
          select id from outbox_message
           where sent_at is null and next_attempt_at <= now() and channel in (?)
           order by next_attempt_at, created_at
           limit ?
           for update skip locked)
        returning id, channel, kind, recipient_email, recipient_name, audience, locale, subject, text_body,
                  html_body, payload, attempts, created_at`,
      [leaseMs / 1000, channels, batch],
    );
    claimed.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
    const round: DispatchRound = { claimed: claimed.length, sent: 0, failed: 0 };
    for (const row of claimed) {
      try {
        await deliver(row);
        sentTotal.inc({ channel: row.channel });
        round.sent += 1;
      } catch (error) {
        round.failed += 1;
        await markFailed(row, error);
      }
    }
    return round;
  };

  // Woken by a commit that enqueued (LISTEN), by nudge(), or when the next row falls due.
  let stopped = false;
  let nudged = false;
  let wake: (() => void) | undefined;
  const nudge = () => {
    nudged = true;
    wake?.();
  };
  let listener: pg.Client | undefined;
  let listening: Promise<void> | undefined;
  const listen = () => {
    if (options.listen === false || listener || listening || stopped) return;
    const client = new pg.Client({ connectionString: orm.config.get('clientUrl') });
    const lost = (error?: unknown) => {
      if (listener === client) listener = undefined;
      if (error && !stopped) logger.debug({ service, err: error }, 'outbox: listening connection lost; polling');
      client.end().catch(() => {});
    };
    client.on('notification', nudge);
    client.on('error', lost);
    client.on('end', () => lost());
    listening = client
      .connect()
      .then(() => client.query(`listen ${outboxNotifyChannel}`))
      .then(() => {
        if (stopped) return void client.end().catch(() => {});
        listener = client;
        // Whatever committed while it was not listening is found by the round that follows.
        nudge();
      })
      .catch((error: unknown) => lost(error))
      .finally(() => {
        listening = undefined;
      });
  };

  const untilNextDue = () => millisecondsUntilNextDue(orm, channels, pollMs);

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (nudged || stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  let failingSince: number | undefined;
  let purgedAt = 0;
  const purge = async () => {
    if (Date.now() - purgedAt < 60 * 60_000) return;
    purgedAt = Date.now();
    const purged = await purgeSentMessages(orm);
    if (purged)
      logger.info({ service, purged }, `outbox: messages sent over ${sentMessageRetentionDays} days ago deleted`);
  };
  const loop = (async () => {
    while (!stopped) {
      listen();
      await purge().catch((error: unknown) => logger.debug({ service, err: error }, 'outbox: purge failed'));
      nudged = false;
      let wait = pollMs;
      try {
        const round = await runOnce();
        if (failingSince !== undefined) logger.info({ service }, 'outbox: the database answers again');
        failingSince = undefined;
        // A full batch: more are waiting.
        if (round.claimed === batch) continue;
        wait = await untilNextDue();
      } catch (error) {
        // The database is away (or the claim failed): try again at the next poll.
        if (failingSince === undefined) {
          failingSince = Date.now();
          logger.warn({ service, err: error }, 'outbox: could not look for messages; trying again');
        }
      }
      if (stopped) break;
      await pause(wait);
    }
  })();

  return {
    nudge,
    runOnce,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await listening;
      await listener?.end().catch(() => {});
      transport?.close();
    },
  };
}

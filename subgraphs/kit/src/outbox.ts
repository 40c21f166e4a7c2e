// The transactional outbox: a message to send (an e-mail, or a notification for the county to
// deliver) is a row written in the same transaction as the change that causes it, so it is sent
// if and only if the change is committed. The dispatcher (outbox-dispatcher.ts) sends the rows.
import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from './auth.js';

export const outboxChannels = ['EMAIL', 'NOTIFY'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

export const messageLocales = ['nb', 'en'] as const;
/** The language a message is written in: Norwegian bokmål or English. */
export type MessageLocale = (typeof messageLocales)[number];

/**
 * Whom a notification is for: every person whose role assignment matches all the parts given
 * (staff are addressed by what they are, never by address; the county expands it).
 */
export interface NotificationAudience {
  role?: Role;
  organisationId?: string;
  regionId?: string;
  /** One person: their token's `sub`. */
  subject?: string;
}

/** What a NOTIFY row carries for the county: the console entry and, for those who want it, the e-mail. */
export interface NotificationPayload {
  title: string;
  body: string;
  link: string | null;
  email: { subject: string; text: string; html: string } | null;
}

/**
 * A calendar invitation or cancellation (iCalendar, RFC 5545/5546) sent with an e-mail: the
 * dispatcher adds it as a `text/calendar; method=…` alternative and an .ics attachment, which
 * mail programs show as an invitation with accept/decline.
 */
export interface CalendarPart {
  /** The iTIP method: REQUEST invites (or updates), CANCEL withdraws; it must match the content's METHOD. */
  method: 'REQUEST' | 'CANCEL';
  /** The VCALENDAR text. */
  content: string;
  /** The attachment's file name; `invitation.ics` when left out. */
  filename?: string;
}

/** What an EMAIL row carries beside its texts (in the `payload` column; null when nothing). */
export interface EmailPayload {
  calendar?: CalendarPart;
}

/**
 * The `payload` column: a NOTIFY row's NotificationPayload, an EMAIL row's EmailPayload. Typed as
 * both parts optional, so a reader of either kind checks for what it needs.
 */
export type OutboxPayload = Partial<NotificationPayload> & EmailPayload;

export const OutboxMessageSchema = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  properties: (p) => ({
    /** Also the e-mail's Message-ID (`<id@etablerertjenesten>`) and the notification's id: a repeat is recognised. */
    id: p.uuid().primary(),
    channel: p.enum(outboxChannels as unknown as OutboxChannel[]),
    /** What the message is about, e.g. `regions.course-sign-up-receipt` (for logs and metrics). */
    kind: p.string().length(200),
    recipientEmail: p.string().length(320).nullable(),
    recipientName: p.string().length(200).nullable(),
    audience: p.json<NotificationAudience>().nullable(),
    locale: p.enum(messageLocales as unknown as MessageLocale[]),
    /** The e-mail's subject; a notification's title. */
    subject: p.text(),
    /** The e-mail's plain text; a notification's body. */
    textBody: p.text(),
    htmlBody: p.text().nullable(),
    /** NOTIFY: title, body, link and the e-mail version (NotificationPayload); EMAIL: a calendar part (EmailPayload). */
    payload: p.json<OutboxPayload>().nullable(),
    /** The same key enqueued again (a scheduled task run twice) makes no second message. */
    dedupeKey: p.string().length(500).nullable().unique(),
    createdAt: p.datetime().defaultRaw('now()'),
    /** Not sent before this; pushed back after every failed attempt (backoff). */
    nextAttemptAt: p.datetime().defaultRaw('now()'),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    sentAt: p.datetime().nullable(),
  }),
  indexes: [
    // The dispatcher's question: which unsent rows are due. Sent rows are most rows and never asked for.
    {
      name: 'outbox_message_due_index',
      expression:
        'create index "outbox_message_due_index" on "outbox_message" ("next_attempt_at") where "sent_at" is null',
    },
  ],
});

export type OutboxMessage = InferEntity<typeof OutboxMessageSchema>;

interface CommonMessage {
  /** What the message is about, e.g. `regions.course-sign-up-receipt`. */
  kind: string;
  locale: MessageLocale;
  /** A message with a key already in the outbox is not enqueued again (e.g. `reminder:<region>:<year>:30`). */
  dedupeKey?: string;
}

/** An e-mail to one address (a public person, or a person the county found for a notification). */
export interface EmailMessage extends CommonMessage {
  channel: 'EMAIL';
  to: { email: string; name?: string };
  subject: string;
  text: string;
  html?: string;
  /** A calendar invitation or cancellation to send with it. */
  calendar?: CalendarPart;
}

/** A notification for the console (and e-mail, by preference) of everyone in an audience; the county delivers it. */
export interface NotifyMessage extends CommonMessage {
  channel: 'NOTIFY';
  audience: NotificationAudience;
  title: string;
  body: string;
  /** Where in the console it leads, e.g. `/referrals`. */
  link?: string;
  /** The e-mail sent to those in the audience who want notifications of this kind by e-mail. */
  email?: { subject: string; text: string; html: string };
}

export type OutgoingMessage = EmailMessage | NotifyMessage;

export interface EnqueuedMessage {
  /** The message's id: the new row's, or the one already enqueued with the same dedupe key. */
  id: string;
  /** False when a message with the same dedupe key was already in the outbox. */
  created: boolean;
}

/** The channel on which the dispatchers listen (PostgreSQL LISTEN/NOTIFY); told only when a transaction commits. */
export const outboxNotifyChannel = 'outbox_message';

/**
 * Writes a message to the outbox inside the caller's transaction (`em` is the transaction's
 * EntityManager: it is committed with the change, or rolled back with it). Outside a transaction
 * the row is written at once. A message whose dedupe key is already present adds nothing.
 */
export async function enqueue(em: EntityManager, message: OutgoingMessage): Promise<EnqueuedMessage> {
  const id = randomUUID();
  const row =
    message.channel === 'EMAIL'
      ? {
          recipientEmail: message.to.email,
          recipientName: message.to.name ?? null,
          audience: null,
          subject: message.subject,
          textBody: message.text,
          htmlBody: message.html ?? null,
          payload: message.calendar ? JSON.stringify({ calendar: message.calendar } satisfies EmailPayload) : null,
        }
      : {
          recipientEmail: null,
          recipientName: null,
          audience: JSON.stringify(message.audience),
          subject: message.title,
          textBody: message.body,
          htmlBody: null,
          payload: JSON.stringify({
            title: message.title,
            body: message.body,
            link: message.link ?? null,
            email: message.email ?? null,
          } satisfies NotificationPayload),
        };
  const connection = em.getConnection();
  const transaction = em.getTransactionContext();
  // One statement: the insert either adds the row or finds the key taken (no race between two
  // runs of a scheduled task), and pg_notify wakes the dispatchers only if the transaction commits.
  const inserted = await connection.execute<{ id: string }[]>(
    `with inserted as (
       insert into outbox_message
         (id, channel, kind, recipient_email, recipient_name, audience, locale, subject, text_body, html_body, payload, dedupe_key)
       values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?)
       on conflict (dedupe_key) do nothing
       returning id
     )
     select id, pg_notify(?, '') from inserted`,
    [
      id,
      message.channel,
      message.kind,
      row.recipientEmail,
      row.recipientName,
      row.audience,
      message.locale,
      row.subject,
      row.textBody,
      row.htmlBody,
      row.payload,
      message.dedupeKey ?? null,
      outboxNotifyChannel,
    ],
    'all',
    transaction,
  );
  if (inserted.length === 1) return { id, created: true };
  const [existing] = await connection.execute<{ id: string }[]>(
    'select id from outbox_message where dedupe_key = ?',
    [message.dedupeKey ?? null],
    'all',
    transaction,
  );
  if (!existing) throw new Error(`outbox: the message ${message.kind} was neither inserted nor found`);
  return { id: existing.id, created: false };
}

/** The Message-ID of the e-mail an outbox row sends: fixed, so a repeated delivery is recognised as one. */
export function outboxMessageId(id: string): string {
  return `<${id}@etablerertjenesten>`;
}

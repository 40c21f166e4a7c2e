// The notification inbox (issue 21 §3): delivering a notification to an audience (from another
// service's outbox over the internal route, or from the county's own outbox in process: one code
// path), and what a signed-in person sees of them, with their own read state and preferences.
import {
  badUserInput,
  type Caller,
  checkPage,
  enqueue,
  forbidden,
  type MessageLocale,
  type NotificationAudience,
  notFound,
  type Orm,
  type OutboxMessage,
  roles,
} from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { type NotificationKind, notificationKinds } from './entities/notification.js';

/** A notification as the graph shows it to one person. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
}

export interface NotificationPageView {
  items: NotificationView[];
  totalCount: number;
  unreadCount: number;
  hasNextPage: boolean;
}

export interface NotificationPreferenceView {
  kind: NotificationKind;
  console: boolean;
  email: boolean;
}

/** Notifications are for people: an API client (a partner system) has none. */
export function requireNotificationReader(caller: Caller): void {
  if (caller.role === 'API_CLIENT') throw forbidden('Notifications are for signed-in people; an API client has none.');
}

/**
 * The caller as an audience is matched against: a notification's audience (only the parts it
 * gives) must be contained in this, so `{ role: 'ADVISER', regionId: 'follo' }` reaches Follo's
 * advisers and nobody else.
 */
export function callerAudience(
  caller: Caller,
): Required<Pick<NotificationAudience, 'role' | 'subject'>> & NotificationAudience {
  return {
    role: caller.role,
    organisationId: caller.organisation.id,
    subject: caller.subject,
    ...(caller.regionId ? { regionId: caller.regionId } : {}),
  };
}

/** Whether every part the audience gives matches the caller's. */
export function audienceMatches(audience: NotificationAudience, caller: Caller): boolean {
  const me: Record<string, string | undefined> = { ...callerAudience(caller) };
  return Object.entries(audience).every(([part, value]) => value == null || me[part] === value);
}

const uuid = z.uuid('a UUID');

/** An audience as given: at least one part, none empty; parts given as null are left out. */
export const audienceInput = z
  .object({
    role: z.enum(roles).nullish(),
    organisationId: z.string().min(1).max(100).nullish(),
    regionId: z.string().min(1).max(100).nullish(),
    subject: z.string().min(1).max(255).nullish(),
  })
  .strict()
  .transform((audience) => Object.fromEntries(Object.entries(audience).filter(([, value]) => value != null)))
  .refine((audience) => Object.keys(audience).length > 0, {
    message: 'must name at least one of role, organisationId, regionId, subject (an empty audience is everyone)',
  })
  .transform((audience) => audience as NotificationAudience);

/**
 * A NotificationKind, also as another service's outbox names it (`partners.referral-received`):
 * the part after the last dot, in capitals with underscores.
 */
export const notificationKindInput = z
  .string()
  .max(200)
  .transform((kind) => {
    const tail = kind.slice(kind.lastIndexOf('.') + 1);
    return /^[a-z0-9-]+$/.test(tail) && kind.includes('.') ? tail.replaceAll('-', '_').toUpperCase() : kind;
  })
  .pipe(z.enum(notificationKinds));

/** A console path: a link in a notification never leads off the console. */
const consoleLink = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)[^\s\\]*$/, 'a path in the console, e.g. /referrals');

/** What a notification delivery carries: the body of POST /internal/notifications. */
export const notificationDelivery = z.object({
  id: uuid,
  kind: notificationKindInput,
  audience: audienceInput,
  title: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(4000),
  link: consoleLink.nullish().transform((link) => link ?? null),
  email: z
    .object({
      subject: z.string().trim().min(1).max(300),
      text: z.string().min(1).max(50_000),
      html: z.string().min(1).max(200_000),
    })
    .nullish()
    .transform((email) => email ?? null),
  locale: z.enum(['nb', 'en']).default('nb'),
});
export type NotificationDelivery = z.output<typeof notificationDelivery>;

export interface DeliveryResult {
  /** False when a notification with this id was delivered before: nothing new was made. */
  created: boolean;
  /** The e-mails enqueued in the county's outbox. */
  emails: number;
}

/** The role assignments' columns an audience part is matched against. */
const assignmentColumns: Record<keyof NotificationAudience, string> = {
  role: 'role',
  organisationId: 'organisation_id',
  regionId: 'region_id',
  subject: 'subject',
};

/**
 * Delivers a notification in the transaction `tx`: the notification row (its id the outbox
 * message's, so a repeat adds nothing) and, for every active role assignment its audience matches
 * whose person has not turned e-mail off for the kind, an EMAIL row in the county's outbox (one per
 * address, dedupe key `<id>:<email>`). Both paths, the internal route and the county's own
 * dispatcher, come here.
 */
export async function deliverNotificationIn(
  tx: EntityManager,
  delivery: NotificationDelivery,
  source: string,
): Promise<DeliveryResult> {
  const connection = tx.getConnection();
  const transaction = tx.getTransactionContext();
  const inserted = await connection.execute<{ id: string }[]>(
    `insert into notification (id, kind, audience, title, body, link, source, created_at)
     values (?, ?, ?::jsonb, ?, ?, ?, ?, now())
     on conflict (id) do nothing
     returning id`,
    [
      delivery.id,
      delivery.kind,
      JSON.stringify(delivery.audience),
      delivery.title,
      delivery.body,
      delivery.link,
      source,
    ],
    'all',
    transaction,
  );
  if (inserted.length === 0) return { created: false, emails: 0 };
  if (!delivery.email) return { created: true, emails: 0 };
  const parts = Object.entries(delivery.audience) as [keyof NotificationAudience, string][];
  const recipients = await connection.execute<{ email: string; person_name: string }[]>(
    `select distinct on (a.email) a.email, a.person_name
       from role_assignment a
      where a.ended_at is null
        ${parts.map(([part]) => `and a.${assignmentColumns[part]} = ?`).join(' ')}
        and not exists (
          select 1 from notification_preference p
           where p.subject = a.subject and p.kind = ? and not p.email
        )
      order by a.email`,
    [...parts.map(([, value]) => value), delivery.kind],
    'all',
    transaction,
  );
  for (const recipient of recipients) {
    await enqueue(tx, {
      channel: 'EMAIL',
      kind: `county.notification.${delivery.kind.toLowerCase().replaceAll('_', '-')}`,
      locale: delivery.locale as MessageLocale,
      to: { email: recipient.email, name: recipient.person_name },
      subject: delivery.email.subject,
      text: delivery.email.text,
      html: delivery.email.html,
      dedupeKey: `${delivery.id}:${recipient.email}`,
    });
  }
  return { created: true, emails: recipients.length };
}

/**
 * The county's own NOTIFY message (a reminder in its outbox) as a delivery: the same as the body
 * another service's dispatcher posts to /internal/notifications, so both take one path.
 */
export function deliveryOfOutboxMessage(message: OutboxMessage): NotificationDelivery {
  const payload = message.payload;
  return notificationDelivery.parse({
    id: message.id,
    kind: message.kind,
    audience: message.audience,
    title: payload?.title ?? message.subject,
    body: payload?.body ?? message.textBody,
    link: payload?.link ?? null,
    email: payload?.email ?? null,
    locale: message.locale,
  });
}

/**
 * The county's own NOTIFY messages, delivered by its dispatcher in process (kit outbox-dispatcher
 * `deliverNotification`), in the transaction that marks the outbox row sent: the same checks and
 * the same path as a delivery over POST /internal/notifications.
 */
export async function deliverOwnNotification(tx: EntityManager, notification: unknown): Promise<void> {
  await deliverNotificationIn(tx, notificationDelivery.parse(notification), 'county');
}

/** deliverNotificationIn in a transaction of its own. */
export function deliverNotification(orm: Orm, delivery: NotificationDelivery, source: string): Promise<DeliveryResult> {
  return orm.em.fork().transactional((tx) => deliverNotificationIn(tx as EntityManager, delivery, source));
}

/**
 * The notifications the caller may see (their audience matches, and the kind is not turned off in
 * the console by them), with the caller's read state, as a SQL source for the queries below. Its
 * parameters come first.
 */
function visibleNotifications(caller: Caller, { includeHidden = false } = {}) {
  return {
    sql: `select n.id, n.kind, n.title, n.body, n.link, n.created_at, (r.read_at is not null) as read
            from notification n
            left join notification_read r on r.notification_id = n.id and r.subject = ?
           where n.audience <@ ?::jsonb
             ${
               includeHidden
                 ? ''
                 : `and not exists (select 1 from notification_preference p
                                     where p.subject = ? and p.kind = n.kind and not p.console)`
             }`,
    parameters: [
      caller.subject,
      JSON.stringify(callerAudience(caller)),
      ...(includeHidden ? [] : [caller.subject]),
    ] as unknown[],
  };
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  created_at: Date | string;
  read: boolean;
}

const viewOf = (row: NotificationRow): NotificationView => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.created_at instanceof Date ? row.created_at : new Date(row.created_at),
  read: row.read,
});

/** One page of the caller's notifications, newest first, with the counts in SQL. */
export async function notificationPage(
  em: EntityManager,
  caller: Caller,
  { unreadOnly = false, first = 20, offset = 0 }: { unreadOnly?: boolean; first?: number; offset?: number } = {},
): Promise<NotificationPageView> {
  requireNotificationReader(caller);
  const { limit } = checkPage(first, offset);
  const visible = visibleNotifications(caller);
  const connection = em.getConnection();
  const transaction = em.getTransactionContext();
  const [counts] = await connection.execute<{ total: string | number; unread: string | number }[]>(
    `select count(*) filter (where not ? or not v.read) as total, count(*) filter (where not v.read) as unread
       from (${visible.sql}) v`,
    [unreadOnly, ...visible.parameters],
    'all',
    transaction,
  );
  const rows = await connection.execute<NotificationRow[]>(
    `select * from (${visible.sql}) v
      where not ? or not v.read
      order by v.created_at desc, v.id desc
      limit ? offset ?`,
    [...visible.parameters, unreadOnly, limit, offset],
    'all',
    transaction,
  );
  const totalCount = Number(counts?.total ?? 0);
  return {
    items: rows.map(viewOf),
    totalCount,
    unreadCount: Number(counts?.unread ?? 0),
    hasNextPage: offset + rows.length < totalCount,
  };
}

/** The caller's notifications of these ids (for `_entities`): the others are simply not there. */
export async function visibleNotificationsById(
  em: EntityManager,
  caller: Caller,
  ids: readonly string[],
): Promise<NotificationView[]> {
  const wellFormed = ids.filter((id) => uuid.safeParse(id).success);
  if (wellFormed.length === 0) return [];
  const visible = visibleNotifications(caller);
  const rows = await em
    .getConnection()
    .execute<NotificationRow[]>(
      `select * from (${visible.sql}) v where v.id = any(?::uuid[])`,
      [...visible.parameters, `{${wellFormed.join(',')}}`],
      'all',
      em.getTransactionContext(),
    );
  return rows.map(viewOf);
}

/** At most this many ids in one markNotificationsRead. */
export const largestMarkReadBatch = 200;

/**
 * Marks the notifications read for the caller in `tx`: every id must be one of the caller's
 * (its audience matches them), else NOT_FOUND and nothing is marked.
 */
export async function markRead(tx: EntityManager, caller: Caller, ids: readonly string[]): Promise<void> {
  requireNotificationReader(caller);
  const distinct = [...new Set(ids)];
  if (distinct.length > largestMarkReadBatch)
    throw badUserInput(`ids: at most ${largestMarkReadBatch} at a time`, 'ids');
  const unknown = distinct.filter((id) => !uuid.safeParse(id).success);
  if (unknown.length) throw notFound(`No notification of yours has the id ${unknown[0]}.`);
  if (distinct.length === 0) return;
  const visible = visibleNotifications(caller, { includeHidden: true });
  const connection = tx.getConnection();
  const transaction = tx.getTransactionContext();
  const found = await connection.execute<{ id: string }[]>(
    `select v.id from (${visible.sql}) v where v.id = any(?::uuid[])`,
    [...visible.parameters, `{${distinct.join(',')}}`],
    'all',
    transaction,
  );
  const foundIds = new Set(found.map((row) => row.id));
  const missing = distinct.find((id) => !foundIds.has(id.toLowerCase()));
  if (missing) throw notFound(`No notification of yours has the id ${missing}.`);
  await connection.execute(
    `insert into notification_read (notification_id, subject, read_at)
     select id, ?, now() from unnest(?::uuid[]) as id
     on conflict do nothing`,
    [caller.subject, `{${[...foundIds].join(',')}}`],
    'run',
    transaction,
  );
}

/** Marks every notification of the caller read, in `tx`. */
export async function markAllRead(tx: EntityManager, caller: Caller): Promise<void> {
  requireNotificationReader(caller);
  const visible = visibleNotifications(caller, { includeHidden: true });
  await tx.getConnection().execute(
    `insert into notification_read (notification_id, subject, read_at)
     select v.id, ?, now() from (${visible.sql}) v where not v.read
     on conflict do nothing`,
    [caller.subject, ...visible.parameters],
    'run',
    tx.getTransactionContext(),
  );
}

/** The caller's preference for every kind: console and e-mail on unless they said otherwise. */
export async function preferencesOf(em: EntityManager, caller: Caller): Promise<NotificationPreferenceView[]> {
  requireNotificationReader(caller);
  const stored = await em
    .getConnection()
    .execute<{ kind: NotificationKind; console: boolean; email: boolean }[]>(
      'select kind, console, email from notification_preference where subject = ?',
      [caller.subject],
      'all',
      em.getTransactionContext(),
    );
  return notificationKinds.map((kind) => {
    const row = stored.find((candidate) => candidate.kind === kind);
    return { kind, console: row?.console ?? true, email: row?.email ?? true };
  });
}

/** Sets the caller's preference for one kind, in `tx`. */
export async function setPreference(
  tx: EntityManager,
  caller: Caller,
  input: { kind: NotificationKind; console: boolean; email: boolean },
): Promise<void> {
  requireNotificationReader(caller);
  await tx.getConnection().execute(
    `insert into notification_preference (subject, kind, console, email, updated_at)
     values (?, ?, ?, ?, now())
     on conflict (subject, kind) do update set console = excluded.console, email = excluded.email, updated_at = now()`,
    [caller.subject, input.kind, input.console, input.email],
    'run',
    tx.getTransactionContext(),
  );
}

// The notification inbox (issue 21 §3) against the real database with the demo people: each person
// sees only the notifications whose audience matches their token, their own read state and their
// own preferences; a delivery e-mails the audience's active role assignments that want it.
import { randomUUID } from 'node:crypto';
import { demoEmail } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { deliverNotification, type NotificationDelivery, notificationDelivery } from '../src/notifications.js';
import { countySubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(countySubgraph);
  // The demo people have signed in: their assignments are bound to their token's subject.
  await subgraph.orm.em
    .getConnection()
    .execute(
      `update role_assignment set issuer = 'test', subject = split_part(email, '@', 1) where ended_at is null and email like '%@demo.etablerer.no'`,
    );
});
afterAll(() => subgraph?.close());

type Result = { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const code = (result: Result) => result.errors?.[0]?.extensions?.code;

interface Page {
  items: { id: string; kind: string; title: string; body: string; link: string | null; read: boolean }[];
  totalCount: number;
  unreadCount: number;
  hasNextPage: boolean;
}
const pageFields = 'items { id kind title body link createdAt read } totalCount unreadCount hasNextPage';
const notificationsQuery = `query N($unreadOnly: Boolean!, $first: Int!, $offset: Int!) {
  notifications(unreadOnly: $unreadOnly, first: $first, offset: $offset) { ${pageFields} }
}`;
const list = async (as: string, { unreadOnly = false, first = 50, offset = 0 } = {}) => {
  const result = await subgraph.execute<{ notifications: Page }>(
    notificationsQuery,
    { unreadOnly, first, offset },
    { as },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.notifications as Page;
};
const markRead = (ids: string[], as: string) =>
  subgraph.execute<{ markNotificationsRead: Page }>(
    `mutation M($ids: [ID!]!) { markNotificationsRead(ids: $ids) { ${pageFields} } }`,
    { ids },
    { as },
  );
const setPreference = (input: { kind: string; console: boolean; email: boolean }, as: string) =>
  subgraph.execute<{ setNotificationPreference: { kind: string; console: boolean; email: boolean }[] }>(
    'mutation P($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { kind console email } }',
    { input },
    { as },
  );

const deliver = (fields: Partial<Record<keyof NotificationDelivery, unknown>>, source = 'partners') =>
  deliverNotification(
    subgraph.orm,
    notificationDelivery.parse({
      id: randomUUID(),
      kind: 'REFERRAL_RECEIVED',
      title: 'Ny henvisning',
      body: 'En henvisning for en klient i regionen.',
      link: '/referrals',
      email: { subject: 'Ny henvisning', text: 'En henvisning.', html: '<p>En henvisning.</p>' },
      locale: 'nb',
      ...fields,
    }),
    source,
  );

/** The EMAIL rows the county's outbox holds for a notification, by address. */
const emailsOf = async (notificationId: string) =>
  (
    await subgraph.orm.em
      .getConnection()
      .execute<{ recipient_email: string }[]>(
        `select recipient_email from outbox_message where channel = 'EMAIL' and dedupe_key like ? order by recipient_email`,
        [`${notificationId}:%`],
      )
  ).map((row) => row.recipient_email);

describe('audience and isolation', () => {
  const ids = { follo: randomUUID(), drammen: randomUUID(), personal: randomUUID(), region: randomUUID() };
  beforeAll(async () => {
    await deliver({ id: ids.follo, audience: { role: 'ADVISER', regionId: 'follo' }, title: 'Follo' });
    await deliver({ id: ids.drammen, audience: { role: 'ADVISER', regionId: 'drammensregionen' }, title: 'Drammen' });
    await deliver({
      id: ids.personal,
      kind: 'REFERRAL_ANSWERED',
      audience: { subject: 'follo.adviser' },
      title: 'Svar',
    });
    await deliver({ id: ids.region, audience: { regionId: 'follo' }, kind: 'REPORT_OVERDUE', title: 'Hele Follo' });
  });

  it('shows each person the notifications their token matches, newest first, and no one else’s', async () => {
    const follo = await list('follo.adviser');
    expect(follo.items.map((item) => item.id)).toEqual([ids.region, ids.personal, ids.follo]);
    expect(follo).toMatchObject({ totalCount: 3, unreadCount: 3, hasNextPage: false });
    expect(follo.items[2]).toMatchObject({
      kind: 'REFERRAL_RECEIVED',
      title: 'Follo',
      link: '/referrals',
      read: false,
    });
    const drammen = await list('drammen.adviser');
    expect(drammen.items.map((item) => item.id)).toEqual([ids.drammen]);
    // Follo's municipality officer is in Follo, but no adviser.
    expect((await list('nordrefollo.officer')).items.map((item) => item.id)).toEqual([ids.region]);
    expect((await list('county.officer')).items).toEqual([]);
  });

  it('pages', async () => {
    const first = await list('follo.adviser', { first: 2 });
    expect(first.items.map((item) => item.id)).toEqual([ids.region, ids.personal]);
    expect(first).toMatchObject({ totalCount: 3, hasNextPage: true });
    const second = await list('follo.adviser', { first: 2, offset: 2 });
    expect(second.items.map((item) => item.id)).toEqual([ids.follo]);
    expect(second.hasNextPage).toBe(false);
  });

  it('keeps read state per person', async () => {
    const marked = await markRead([ids.region], 'follo.adviser');
    expect(marked.errors).toBeUndefined();
    expect(marked.data?.markNotificationsRead.unreadCount).toBe(2);
    expect((await list('follo.adviser')).items.find((item) => item.id === ids.region)?.read).toBe(true);
    expect((await list('follo.adviser', { unreadOnly: true })).items.map((item) => item.id)).toEqual([
      ids.personal,
      ids.follo,
    ]);
    // The same notification is still unread for the other person it reached.
    expect((await list('nordrefollo.officer')).items[0]).toMatchObject({ id: ids.region, read: false });
  });

  it('refuses to mark another person’s notification (NOT_FOUND), and marks nothing then', async () => {
    const result = await markRead([ids.follo, ids.drammen], 'follo.adviser');
    expect(code(result)).toBe('NOT_FOUND');
    expect((await list('follo.adviser')).items.find((item) => item.id === ids.follo)?.read).toBe(false);
    expect((await list('drammen.adviser')).items[0]?.read).toBe(false);
    expect(code(await markRead(['not-an-id'], 'follo.adviser'))).toBe('NOT_FOUND');
  });

  it('marks all of the caller’s read, only theirs', async () => {
    const result = await subgraph.execute<{ markAllNotificationsRead: Page }>(
      `mutation { markAllNotificationsRead { ${pageFields} } }`,
      {},
      { as: 'follo.adviser' },
    );
    expect(result.data?.markAllNotificationsRead).toMatchObject({ unreadCount: 0, totalCount: 3 });
    expect((await list('drammen.adviser')).unreadCount).toBe(1);
    expect((await list('nordrefollo.officer')).unreadCount).toBe(1);
  });

  it('refuses API clients (FORBIDDEN) and callers without a token (UNAUTHENTICATED)', async () => {
    const query = 'query { notifications { totalCount } notificationPreferences { kind } }';
    expect(code(await subgraph.execute(query, {}, { as: 'partner.api' }))).toBe('FORBIDDEN');
    expect(code(await subgraph.execute(query, {}, { as: null }))).toBe('UNAUTHENTICATED');
    expect(
      code(
        await subgraph.execute(
          'mutation { setNotificationPreference(input: { kind: REPORT_OVERDUE, console: false, email: false }) { kind } }',
          {},
          { as: 'partner.api' },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('resolves a Notification entity for the person it is for, and for nobody else', async () => {
    const entities = `query E($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Notification { id kind title read } }
    }`;
    const representations = [{ __typename: 'Notification', id: ids.personal }];
    expect(await subgraph.execute(entities, { representations }, { as: 'follo.adviser' })).toEqual({
      data: { _entities: [{ id: ids.personal, kind: 'REFERRAL_ANSWERED', title: 'Svar', read: true }] },
    });
    expect(await subgraph.execute(entities, { representations }, { as: 'drammen.adviser' })).toEqual({
      data: { _entities: [null] },
    });
  });
});

describe('e-mail to the audience, by preference', () => {
  it('enqueues one e-mail per active assignment the audience matches, none for ended ones, none twice', async () => {
    const id = randomUUID();
    expect(await deliver({ id, audience: { role: 'ADVISER', regionId: 'follo' } })).toEqual({
      created: true,
      emails: 1,
    });
    // Follo's former adviser's assignment has ended: only the active one gets it.
    expect(await emailsOf(id)).toEqual([demoEmail('follo.adviser')]);
    expect(await deliver({ id, audience: { role: 'ADVISER', regionId: 'follo' } })).toEqual({
      created: false,
      emails: 0,
    });
    expect(await emailsOf(id)).toEqual([demoEmail('follo.adviser')]);
    const [count] = await subgraph.orm.em
      .getConnection()
      .execute<{ count: number }[]>('select count(*)::int as count from notification where id = ?', [id]);
    expect(count?.count).toBe(1);
  });

  it('the e-mail is the delivery’s, to a county’s officers by organisation', async () => {
    const id = randomUUID();
    await deliver({ id, kind: 'INSTALMENT_DUE', audience: { role: 'COUNTY_OFFICER', organisationId: 'ostfold' } });
    expect(await emailsOf(id)).toEqual([demoEmail('ostfold.controller'), demoEmail('ostfold.officer')]);
    const [row] = await subgraph.orm.em
      .getConnection()
      .execute<{ subject: string; text_body: string; html_body: string; locale: string }[]>(
        `select subject, text_body, html_body, locale from outbox_message where dedupe_key = ?`,
        [`${id}:${demoEmail('ostfold.officer')}`],
      );
    expect(row).toEqual({
      subject: 'Ny henvisning',
      text_body: 'En henvisning.',
      html_body: '<p>En henvisning.</p>',
      locale: 'nb',
    });
  });

  it('hides a kind turned off in the console, and sends no e-mail of a kind turned off for e-mail', async () => {
    const preferences = 'query { notificationPreferences { kind console email } }';
    const before = await subgraph.execute<{ notificationPreferences: unknown[] }>(
      preferences,
      {},
      { as: 'drammen.adviser' },
    );
    expect(before.data?.notificationPreferences).toHaveLength(7);
    expect(before.data?.notificationPreferences).toContainEqual({
      kind: 'MEETING_NOT_HELD',
      console: true,
      email: true,
    });

    const seen = await deliver({ audience: { role: 'ADVISER', regionId: 'drammensregionen' }, kind: 'REPORT_OVERDUE' });
    expect(seen.created).toBe(true);
    expect((await list('drammen.adviser')).items.some((item) => item.kind === 'REPORT_OVERDUE')).toBe(true);
    const set = await setPreference({ kind: 'REPORT_OVERDUE', console: false, email: true }, 'drammen.adviser');
    expect(set.data?.setNotificationPreference).toContainEqual({ kind: 'REPORT_OVERDUE', console: false, email: true });
    expect((await list('drammen.adviser')).items.some((item) => item.kind === 'REPORT_OVERDUE')).toBe(false);
    // Another person's preference is their own.
    expect((await list('drammen.officer')).items.some((item) => item.kind === 'REPORT_OVERDUE')).toBe(false);
    await deliver({ audience: { regionId: 'drammensregionen' }, kind: 'REPORT_OVERDUE' });
    expect((await list('drammen.officer')).items.some((item) => item.kind === 'REPORT_OVERDUE')).toBe(true);

    await setPreference({ kind: 'REFERRAL_RECEIVED', console: true, email: false }, 'drammen.adviser');
    const id = randomUUID();
    await deliver({ id, audience: { regionId: 'drammensregionen' } });
    expect(await emailsOf(id)).toEqual([demoEmail('drammen.officer')]);
    // Console still on: it is in the list.
    expect((await list('drammen.adviser')).items.some((item) => item.id === id)).toBe(true);
  });
});

describe('what a delivery may say', () => {
  it('refuses an empty audience, an unknown kind and a link off the console', () => {
    const base = { id: randomUUID(), title: 't', body: 'b', kind: 'REFERRAL_RECEIVED', audience: { role: 'NAV' } };
    expect(notificationDelivery.safeParse({ ...base, audience: {} }).success).toBe(false);
    expect(notificationDelivery.safeParse({ ...base, kind: 'SOMETHING' }).success).toBe(false);
    expect(notificationDelivery.safeParse({ ...base, link: 'https://evil.example' }).success).toBe(false);
    expect(notificationDelivery.safeParse({ ...base, link: '//evil.example' }).success).toBe(false);
    expect(notificationDelivery.parse({ ...base, kind: 'partners.referral-received' }).kind).toBe('REFERRAL_RECEIVED');
    expect(notificationDelivery.parse({ ...base, audience: { role: 'NAV', regionId: null } }).audience).toEqual({
      role: 'NAV',
    });
  });
});

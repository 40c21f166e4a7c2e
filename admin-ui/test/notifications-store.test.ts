// The notifications: the store's unread count for the bell, and through the query layer a page of notifications,
// marking read (the count and the list follow) and the preferences per kind (a refused change keeps what the server
// holds).
import { flushPromises } from '@vue/test-utils';
import { createPinia, type Pinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import {
  type NotificationItem,
  useMarkNotificationsRead,
  useNotificationList,
  useNotificationPreferences,
} from '../src/queries/notifications';
import { useNotificationsStore } from '../src/stores/notifications';
import { accessTokenFor, jsonResponse, queryLayer, runInComponent, startSignedIn } from './fixtures';
import {
  defaultPreferences,
  notificationPage,
  overdueInstalment,
  referralReceived,
  reportReminder,
  stubNotificationsGateway,
} from './notifications-fixtures';

let pinia: Pinia;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  startSignedIn(accessTokenFor('follo.adviser'));
});

afterEach(() => {
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
});

/** Runs `composable` as a page would, with the query layer; waits for its first answers. */
async function onPage<Result>(composable: () => Result): Promise<Result> {
  const { result } = runInComponent(composable, [pinia, queryLayer(pinia)]);
  await flushPromises();
  return result;
}

/** A gateway whose list answers with the notifications marked read so far, as the server does. */
function listMarkedAsRead(items: NotificationItem[], { unreadOnly = false } = {}) {
  const read = new Set<string>();
  const unread = () => items.filter((item) => !item.read && !read.has(item.id)).length;
  return stubNotificationsGateway({
    NotificationList: () => {
      const shown = items.map((item) => (read.has(item.id) ? { ...item, read: true } : item));
      return jsonResponse({
        data: { notifications: notificationPage(unreadOnly ? shown.filter((item) => !item.read) : shown) },
      });
    },
    MarkNotificationsRead: (call) => {
      for (const id of (call.body.variables?.ids ?? []) as string[]) read.add(id);
      return jsonResponse({ data: { markNotificationsRead: { unreadCount: unread() } } });
    },
    MarkAllNotificationsRead: () => {
      for (const item of items) read.add(item.id);
      return jsonResponse({ data: { markAllNotificationsRead: { unreadCount: 0 } } });
    },
  });
}

describe('the notifications store', () => {
  it('asks only for the unread count, with the caller token, and forgets it when the count fails', async () => {
    let fail = false;
    const { callsOf } = stubNotificationsGateway({
      NotificationUnreadCount: () =>
        fail
          ? jsonResponse({ errors: [{ message: 'county down', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] })
          : jsonResponse({ data: { notifications: { totalCount: 3, unreadCount: 3 } } }),
    });
    const store = useNotificationsStore();

    await store.loadUnreadCount();
    expect(store.unreadCount).toBe(3);
    const [call] = callsOf('NotificationUnreadCount');
    expect(call?.variables).toEqual({ unreadOnly: true, first: 1, offset: 0 });
    expect(call?.query).not.toContain('items');
    expect(call?.headers.get('authorization')).toMatch(/^Bearer /);

    fail = true;
    await store.loadUnreadCount();
    expect(store.unreadCount).toBeNull();
    // Only the count: the store holds nothing of the page's.
    expect(Object.keys(store.$state)).toEqual(['unreadCount']);
  });
});

describe('the notifications page through the query layer', () => {
  it('loads a page newest first with the filter and offset asked, and gives the bell the unread count from it', async () => {
    const { callsOf } = stubNotificationsGateway({
      NotificationList: () =>
        jsonResponse({
          data: {
            notifications: notificationPage([referralReceived, reportReminder], { totalCount: 25, hasNextPage: true }),
          },
        }),
    });
    const list = await onPage(() => useNotificationList({ unreadOnly: false, offset: 20 }));

    expect(callsOf('NotificationList')[0]?.variables).toEqual({ unreadOnly: false, offset: 20, first: 20 });
    expect(list.page.value?.items.map((item) => item.id)).toEqual([referralReceived.id, reportReminder.id]);
    expect(list.page.value?.hasNextPage).toBe(true);
    expect(useNotificationsStore().unreadCount).toBe(1);
    expect(list.loading.value).toBe(false);
  });

  it('marks one read: the page asks again and shows it read, and the count is the server’s', async () => {
    const { callsOf } = listMarkedAsRead([referralReceived, reportReminder, overdueInstalment]);
    const { list, marks } = await onPage(() => ({
      list: useNotificationList({ unreadOnly: false, offset: 0 }),
      marks: useMarkNotificationsRead(),
    }));
    expect(useNotificationsStore().unreadCount).toBe(2);

    expect(await marks.markRead([referralReceived.id])).toBe(true);
    expect(useNotificationsStore().unreadCount).toBe(1);
    await flushPromises();

    expect(callsOf('MarkNotificationsRead')[0]?.variables).toEqual({ ids: [referralReceived.id] });
    expect(list.page.value?.items.map((item) => item.read)).toEqual([true, true, false]);
    expect(callsOf('NotificationList')).toHaveLength(2);
    expect(useNotificationsStore().unreadCount).toBe(1);
  });

  it('loads the unread page again after marking, and the read ones leave it', async () => {
    const { callsOf } = listMarkedAsRead([referralReceived, overdueInstalment], { unreadOnly: true });
    const { list, marks } = await onPage(() => ({
      list: useNotificationList({ unreadOnly: true, offset: 0 }),
      marks: useMarkNotificationsRead(),
    }));

    expect(await marks.markAllRead()).toBe(true);
    await flushPromises();

    expect(callsOf('NotificationList').map((call) => call.variables?.unreadOnly)).toEqual([true, true]);
    expect(list.page.value?.items).toEqual([]);
    expect(useNotificationsStore().unreadCount).toBe(0);
  });

  it('keeps the list as it was when marking is refused, with the reason', async () => {
    const { callsOf } = stubNotificationsGateway({
      NotificationList: () => jsonResponse({ data: { notifications: notificationPage([referralReceived]) } }),
      MarkNotificationsRead: () =>
        jsonResponse({ errors: [{ message: 'Not your notification.', extensions: { code: 'NOT_FOUND' } }] }),
    });
    const { list, marks } = await onPage(() => ({
      list: useNotificationList({ unreadOnly: false, offset: 0 }),
      marks: useMarkNotificationsRead(),
    }));

    expect(await marks.markRead([referralReceived.id])).toBe(false);
    await flushPromises();

    expect(list.page.value?.items[0]?.read).toBe(false);
    expect(useNotificationsStore().unreadCount).toBe(1);
    expect(marks.actionError.value).toMatchObject({
      action: 'mark-read',
      about: referralReceived.id,
      codes: ['NOT_FOUND'],
    });
    expect(marks.marking.value).toBeNull();
    expect(callsOf('NotificationList')).toHaveLength(1);
  });

  it('lists the preferences in the console’s order of kinds and saves one, taking the server’s answer', async () => {
    let stored = defaultPreferences;
    const { callsOf } = stubNotificationsGateway({
      NotificationPreferences: () => jsonResponse({ data: { notificationPreferences: stored } }),
      SetNotificationPreference: (call) => {
        const input = call.body.variables?.input as (typeof defaultPreferences)[number];
        stored = stored.map((preference) =>
          preference.kind === input.kind ? { ...preference, ...input } : preference,
        );
        return jsonResponse({ data: { setNotificationPreference: stored } });
      },
    });
    const preferences = await onPage(() => useNotificationPreferences());
    expect(preferences.preferences.value?.map((preference) => preference.kind)).toEqual([
      'REFERRAL_RECEIVED',
      'REFERRAL_ANSWERED',
      'REPORT_DEADLINE_REMINDER',
      'REPORT_OVERDUE',
      'INSTALMENT_DUE',
      'INSTALMENT_OVERDUE',
      'MEETING_NOT_HELD',
    ]);

    expect(await preferences.setPreference({ kind: 'REFERRAL_RECEIVED', console: true, email: false })).toBe(true);
    await flushPromises();

    expect(callsOf('SetNotificationPreference')[0]?.variables).toEqual({
      input: { kind: 'REFERRAL_RECEIVED', console: true, email: false },
    });
    expect(preferences.preferences.value?.find((preference) => preference.kind === 'REFERRAL_RECEIVED')).toEqual({
      kind: 'REFERRAL_RECEIVED',
      console: true,
      email: false,
    });
    // Only the e-mail changed: the count is as it was, not asked again.
    expect(callsOf('NotificationUnreadCount')).toHaveLength(0);
  });

  it('asks for the count again when a kind leaves the console, and keeps the old preference when refused', async () => {
    let refuse = false;
    const { callsOf } = stubNotificationsGateway({
      NotificationPreferences: () => jsonResponse({ data: { notificationPreferences: defaultPreferences } }),
      SetNotificationPreference: () =>
        refuse
          ? jsonResponse({ errors: [{ message: 'Unknown kind.', extensions: { code: 'BAD_USER_INPUT' } }] })
          : jsonResponse({
              data: {
                setNotificationPreference: defaultPreferences.map((preference) =>
                  preference.kind === 'MEETING_NOT_HELD' ? { ...preference, console: false } : preference,
                ),
              },
            }),
      NotificationUnreadCount: () => jsonResponse({ data: { notifications: { totalCount: 1, unreadCount: 1 } } }),
    });
    const preferences = await onPage(() => useNotificationPreferences());

    await preferences.setPreference({ kind: 'MEETING_NOT_HELD', console: false, email: true });
    expect(callsOf('NotificationUnreadCount')).toHaveLength(1);
    expect(useNotificationsStore().unreadCount).toBe(1);

    refuse = true;
    expect(await preferences.setPreference({ kind: 'REPORT_OVERDUE', console: true, email: false })).toBe(false);
    await flushPromises();
    expect(preferences.preferences.value?.find((preference) => preference.kind === 'REPORT_OVERDUE')?.email).toBe(true);
    expect(preferences.actionError.value).toMatchObject({ action: 'preference', about: 'REPORT_OVERDUE' });
    expect(preferences.savingKind.value).toBeNull();
  });
});

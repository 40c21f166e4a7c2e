// The notifications store: the unread count for the bell, a page of notifications, marking read (the count and the
// list follow), and the preferences per kind (a refused change keeps what the server holds).
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { useNotificationsStore } from '../src/stores/notifications';
import { accessTokenFor, jsonResponse, startSignedIn } from './fixtures';
import {
  defaultPreferences,
  notificationPage,
  overdueInstalment,
  referralReceived,
  reportReminder,
  stubNotificationsGateway,
} from './notifications-fixtures';

beforeEach(() => {
  setActivePinia(createPinia());
  startSignedIn(accessTokenFor('follo.adviser'));
});

afterEach(() => {
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
});

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
    // Only the count: the page's error state is not the bell's business.
    expect(store.error).toBeNull();
  });

  it('loads a page newest first with the filter and offset asked, and takes the unread count from it', async () => {
    const { callsOf } = stubNotificationsGateway({
      NotificationList: () =>
        jsonResponse({
          data: {
            notifications: notificationPage([referralReceived, reportReminder], { totalCount: 25, hasNextPage: true }),
          },
        }),
    });
    const store = useNotificationsStore();

    await store.load({ unreadOnly: false, offset: 20 });

    expect(callsOf('NotificationList')[0]?.variables).toEqual({ unreadOnly: false, offset: 20, first: 20 });
    expect(store.page?.items.map((item) => item.id)).toEqual([referralReceived.id, reportReminder.id]);
    expect(store.page?.hasNextPage).toBe(true);
    expect(store.unreadCount).toBe(1);
    expect(store.loading).toBe(false);
  });

  it('marks one read: the item shows read and the count is the server’s', async () => {
    const { callsOf } = stubNotificationsGateway({
      NotificationList: () =>
        jsonResponse({
          data: { notifications: notificationPage([referralReceived, reportReminder, overdueInstalment]) },
        }),
      MarkNotificationsRead: () => jsonResponse({ data: { markNotificationsRead: { unreadCount: 1 } } }),
    });
    const store = useNotificationsStore();
    await store.load({ unreadOnly: false, offset: 0 });
    expect(store.unreadCount).toBe(2);

    expect(await store.markRead([referralReceived.id])).toBe(true);

    expect(callsOf('MarkNotificationsRead')[0]?.variables).toEqual({ ids: [referralReceived.id] });
    expect(store.page?.items.map((item) => item.read)).toEqual([true, true, false]);
    expect(store.unreadCount).toBe(1);
    // Without the unread filter nothing left the page: no second load.
    expect(callsOf('NotificationList')).toHaveLength(1);
  });

  it('loads the unread page again after marking, since the read ones left it', async () => {
    let unread = [referralReceived, overdueInstalment];
    const { callsOf } = stubNotificationsGateway({
      NotificationList: () => jsonResponse({ data: { notifications: notificationPage(unread) } }),
      MarkAllNotificationsRead: () => {
        unread = [];
        return jsonResponse({ data: { markAllNotificationsRead: { unreadCount: 0 } } });
      },
    });
    const store = useNotificationsStore();
    await store.load({ unreadOnly: true, offset: 0 });

    expect(await store.markAllRead()).toBe(true);

    expect(callsOf('NotificationList').map((call) => call.variables?.unreadOnly)).toEqual([true, true]);
    expect(store.page?.items).toEqual([]);
    expect(store.unreadCount).toBe(0);
  });

  it('keeps the list as it was when marking is refused, with the reason', async () => {
    stubNotificationsGateway({
      NotificationList: () => jsonResponse({ data: { notifications: notificationPage([referralReceived]) } }),
      MarkNotificationsRead: () =>
        jsonResponse({ errors: [{ message: 'Not your notification.', extensions: { code: 'NOT_FOUND' } }] }),
    });
    const store = useNotificationsStore();
    await store.load({ unreadOnly: false, offset: 0 });

    expect(await store.markRead([referralReceived.id])).toBe(false);

    expect(store.page?.items[0]?.read).toBe(false);
    expect(store.unreadCount).toBe(1);
    expect(store.actionError).toMatchObject({ action: 'mark-read', about: referralReceived.id, codes: ['NOT_FOUND'] });
    expect(store.marking).toBeNull();
  });

  it('lists the preferences in the console’s order of kinds and saves one, taking the server’s answer', async () => {
    const { callsOf } = stubNotificationsGateway({
      NotificationPreferences: () => jsonResponse({ data: { notificationPreferences: defaultPreferences } }),
      SetNotificationPreference: (call) => {
        const input = call.body.variables?.input as { kind: string; console: boolean; email: boolean };
        return jsonResponse({
          data: {
            setNotificationPreference: defaultPreferences.map((preference) =>
              preference.kind === input.kind ? { ...preference, ...input } : preference,
            ),
          },
        });
      },
    });
    const store = useNotificationsStore();
    await store.loadPreferences();
    expect(store.preferences?.map((preference) => preference.kind)).toEqual([
      'REFERRAL_RECEIVED',
      'REFERRAL_ANSWERED',
      'REPORT_DEADLINE_REMINDER',
      'REPORT_OVERDUE',
      'INSTALMENT_DUE',
      'INSTALMENT_OVERDUE',
      'MEETING_NOT_HELD',
    ]);

    expect(await store.setPreference({ kind: 'REFERRAL_RECEIVED', console: true, email: false })).toBe(true);

    expect(callsOf('SetNotificationPreference')[0]?.variables).toEqual({
      input: { kind: 'REFERRAL_RECEIVED', console: true, email: false },
    });
    expect(store.preferences?.find((preference) => preference.kind === 'REFERRAL_RECEIVED')).toEqual({
      kind: 'REFERRAL_RECEIVED',
      console: true,
      email: false,
    });
    // Only the e-mail changed: the list and the count are as they were, not asked again.
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
    const store = useNotificationsStore();
    await store.loadPreferences();

    await store.setPreference({ kind: 'MEETING_NOT_HELD', console: false, email: true });
    expect(callsOf('NotificationUnreadCount')).toHaveLength(1);
    expect(store.unreadCount).toBe(1);

    refuse = true;
    expect(await store.setPreference({ kind: 'REPORT_OVERDUE', console: true, email: false })).toBe(false);
    expect(store.preferences?.find((preference) => preference.kind === 'REPORT_OVERDUE')?.email).toBe(true);
    expect(store.actionError).toMatchObject({ action: 'preference', about: 'REPORT_OVERDUE' });
    expect(store.savingKind).toBeNull();
  });
});

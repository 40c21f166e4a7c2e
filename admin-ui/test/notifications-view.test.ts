// The header's bell (the unread count, asked on every page change and every minute, never for a partner system)
// and the notifications page: the list with unread marked, marking read, the unread filter, paging, the empty and
// error states, the links, and the preferences per kind.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../src/App.vue';
import AppHeader from '../src/components/AppHeader.vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { SupportedLocale } from '../src/i18n';
import { createAppRouter } from '../src/router';
import { unreadCountPollMs } from '../src/stores/notifications';
import { accessTokenFor, createStrictI18n, jsonResponse, queryLayer, startSignedIn } from './fixtures';
import {
  type Answers,
  apiClientToken,
  defaultPreferences,
  notificationPage,
  overdueInstalment,
  referralReceived,
  reportReminder,
  stubNotificationsGateway,
} from './notifications-fixtures';

enableAutoUnmount(afterEach);

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
});

const count = (unreadCount: number) => () =>
  jsonResponse({ data: { notifications: { totalCount: unreadCount, unreadCount } } });

async function mountHeader(token: string) {
  setActivePinia(createPinia());
  startSignedIn(token);
  const router = createAppRouter(createMemoryHistory());
  await router.push('/gatherings');
  await router.isReady();
  const wrapper = mount(AppHeader, { global: { plugins: [router, createStrictI18n('nb')] } });
  await flushPromises();
  return { wrapper, router };
}

async function mountPage(answers: Answers, { locale = 'nb' as SupportedLocale } = {}) {
  const gateway = stubNotificationsGateway({
    NotificationUnreadCount: count(2),
    NotificationPreferences: () => jsonResponse({ data: { notificationPreferences: defaultPreferences } }),
    ...answers,
  });
  const pinia = createPinia();
  setActivePinia(pinia);
  startSignedIn(accessTokenFor('follo.adviser'));
  const router = createAppRouter(createMemoryHistory());
  await router.push('/notifications');
  await router.isReady();
  const wrapper = mount(App, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n(locale)] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, ...gateway };
}

const twoUnread = () =>
  jsonResponse({ data: { notifications: notificationPage([referralReceived, reportReminder, overdueInstalment]) } });

/**
 * The gateway's notifications as marking read changes them: the list answers with those marked read so far, as the
 * server would when the page asks again after a mark-read.
 */
function markedAsRead() {
  const read = new Set<string>();
  const items = [referralReceived, reportReminder, overdueInstalment];
  const unread = () => items.filter((item) => !item.read && !read.has(item.id)).length;
  return {
    NotificationList: () =>
      jsonResponse({
        data: {
          notifications: notificationPage(items.map((item) => (read.has(item.id) ? { ...item, read: true } : item))),
        },
      }),
    MarkNotificationsRead: (call: { body: { variables?: Record<string, unknown> } }) => {
      for (const id of (call.body.variables?.ids ?? []) as string[]) read.add(id);
      return jsonResponse({ data: { markNotificationsRead: { unreadCount: unread() } } });
    },
    MarkAllNotificationsRead: () => {
      for (const item of items) read.add(item.id);
      return jsonResponse({ data: { markAllNotificationsRead: { unreadCount: 0 } } });
    },
  };
}

describe('the notification bell', () => {
  it('shows the unread count, named for screen readers, and leads to the notifications', async () => {
    stubNotificationsGateway({ NotificationUnreadCount: count(3) });
    const { wrapper } = await mountHeader(accessTokenFor('follo.adviser'));

    const bell = wrapper.get('[data-testid="notification-bell"]');
    expect(bell.attributes('href')).toBe('/notifications');
    expect(bell.get('[data-testid="notification-bell-count"]').text()).toContain('3');
    expect(bell.attributes('aria-label')).toBe('Varsler, 3 uleste');
  });

  it('shows no number when nothing is unread', async () => {
    stubNotificationsGateway({ NotificationUnreadCount: count(0) });
    const { wrapper } = await mountHeader(accessTokenFor('county.officer'));
    expect(wrapper.find('[data-testid="notification-bell"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="notification-bell-count"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="notification-bell"]').attributes('aria-label')).toBe('Varsler');
  });

  it('asks again on every change of page and every minute, and stops when the header is gone', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let unread = 1;
    const { callsOf } = stubNotificationsGateway({ NotificationUnreadCount: () => count(unread)() });
    const { wrapper, router } = await mountHeader(accessTokenFor('follo.adviser'));
    expect(callsOf('NotificationUnreadCount')).toHaveLength(1);

    unread = 4;
    await router.push('/regions');
    await flushPromises();
    expect(callsOf('NotificationUnreadCount')).toHaveLength(2);
    expect(wrapper.get('[data-testid="notification-bell-count"]').text()).toContain('4');

    unread = 5;
    vi.advanceTimersByTime(unreadCountPollMs);
    await flushPromises();
    expect(callsOf('NotificationUnreadCount')).toHaveLength(3);
    expect(wrapper.get('[data-testid="notification-bell-count"]').text()).toContain('5');

    wrapper.unmount();
    vi.advanceTimersByTime(unreadCountPollMs * 3);
    await flushPromises();
    expect(callsOf('NotificationUnreadCount')).toHaveLength(3);
  });

  it('does not keep an idle session alive: a poll never renews the token, a page change does', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { calls } = stubNotificationsGateway({ NotificationUnreadCount: count(1) });
    // A token within the renewal margin: the next request would first ask the gateway for a new one.
    const { router } = await mountHeader(accessTokenFor('follo.adviser', { expiresIn: 10 }));
    const before = calls.length;

    vi.advanceTimersByTime(unreadCountPollMs * 3);
    await flushPromises();
    expect(calls.slice(before)).toEqual([]);

    await router.push('/regions');
    await flushPromises();
    expect(calls.slice(before).map((call) => `${call.method} ${call.url}`)).toContain('POST /auth/session');
  });

  it('is not there for a partner system, which is never asked about notifications', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { graphqlCalls } = stubNotificationsGateway({ NotificationUnreadCount: count(3) });
    const { wrapper, router } = await mountHeader(apiClientToken());
    await router.push('/regions');
    vi.advanceTimersByTime(unreadCountPollMs * 2);
    await flushPromises();

    expect(wrapper.find('[data-testid="notification-bell"]').exists()).toBe(false);
    expect(graphqlCalls()).toEqual([]);
  });

  it('keeps a partner system off the notifications page', async () => {
    stubNotificationsGateway({});
    setActivePinia(createPinia());
    startSignedIn(apiClientToken());
    const router = createAppRouter(createMemoryHistory());
    await router.push('/notifications');
    expect(router.currentRoute.value.name).not.toBe('notifications');
  });
});

describe('the notifications page', () => {
  it('lists the notifications newest first with unread marked in words, kinds named and safe links only', async () => {
    const { wrapper } = await mountPage({ NotificationList: twoUnread });

    expect(wrapper.get('h1').text()).toBe('Varsler');
    expect(document.title).toBe('Varsler – Etablerertjenesten');
    const items = wrapper.findAll('[data-testid^="notification-a1"]');
    expect(items.map((item) => item.attributes('data-testid'))).toEqual([
      `notification-${referralReceived.id}`,
      `notification-${reportReminder.id}`,
      `notification-${overdueInstalment.id}`,
    ]);
    const first = wrapper.get(`[data-testid="notification-${referralReceived.id}"]`);
    expect(first.get(`[data-testid="notification-unread-${referralReceived.id}"]`).text()).toBe('Ulest');
    expect(first.text()).toContain('Henvisning mottatt');
    expect(first.text()).toContain('07.12.2026 kl. 09:15');
    expect(first.get('h2').text()).toBe('Ny henvisning');
    expect(first.get(`[data-testid="notification-link-${referralReceived.id}"]`).attributes('href')).toBe('/referrals');
    expect(first.get(`[data-testid="notification-mark-read-${referralReceived.id}"]`).attributes('aria-label')).toBe(
      'Merk «Ny henvisning» som lest',
    );

    const read = wrapper.get(`[data-testid="notification-${reportReminder.id}"]`);
    expect(read.find('[data-testid^="notification-unread-"]').exists()).toBe(false);
    expect(read.find('[data-testid^="notification-mark-read-"]').exists()).toBe(false);
    // A link off the console is not offered, whatever was stored.
    expect(wrapper.find(`[data-testid="notification-link-${overdueInstalment.id}"]`).exists()).toBe(false);
    expect(wrapper.get('[data-testid="notifications-unread"]').text()).toBe('2 uleste');
    expect(wrapper.get('[data-testid="notifications-range"]').text()).toBe('Viser 1–3 av 3');
  });

  it('marks one as read: the item, the page’s count and the bell follow, focus stays on the item', async () => {
    const { wrapper, callsOf } = await mountPage(markedAsRead());
    expect(wrapper.get('[data-testid="notification-bell-count"]').text()).toContain('2');

    await wrapper.get(`[data-testid="notification-mark-read-${referralReceived.id}"]`).trigger('click');
    await flushPromises();

    expect(callsOf('MarkNotificationsRead')[0]?.variables).toEqual({ ids: [referralReceived.id] });
    const item = wrapper.get(`[data-testid="notification-${referralReceived.id}"]`);
    expect(item.attributes('data-read')).toBe('true');
    expect(item.find('[data-testid^="notification-unread-"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="notification-bell-count"]').text()).toContain('1');
    expect(wrapper.get('[data-testid="notifications-notice"]').text()).toBe('«Ny henvisning» er merket som lest.');
    expect(document.activeElement?.id).toBe(`notification-title-${referralReceived.id}`);
  });

  it('follows a notification to where it leads, counting it as read', async () => {
    const { wrapper, router, callsOf } = await mountPage({
      NotificationList: twoUnread,
      MarkNotificationsRead: () => jsonResponse({ data: { markNotificationsRead: { unreadCount: 1 } } }),
    });

    await wrapper.get(`[data-testid="notification-link-${referralReceived.id}"]`).trigger('click');
    // The page it leads to is loaded on demand, which takes more than a tick.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/referrals'), { timeout: 30_000 });
    expect(callsOf('MarkNotificationsRead')[0]?.variables).toEqual({ ids: [referralReceived.id] });
  });

  it('marks all as read; the bell then shows no number', async () => {
    const { wrapper, callsOf } = await mountPage(markedAsRead());

    await wrapper.get('[data-testid="notifications-mark-all"]').trigger('click');
    await flushPromises();

    expect(callsOf('MarkAllNotificationsRead')).toHaveLength(1);
    expect(wrapper.findAll('[data-testid^="notification-unread-"]')).toHaveLength(0);
    expect(wrapper.find('[data-testid="notification-bell-count"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="notifications-mark-all"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="notifications-notice"]').text()).toBe('Alle varslene er merket som lest.');
  });

  it('says why marking failed, and leaves the item unread', async () => {
    const { wrapper } = await mountPage({
      NotificationList: twoUnread,
      MarkNotificationsRead: () =>
        jsonResponse({ errors: [{ message: 'Not your notification.', extensions: { code: 'NOT_FOUND' } }] }),
    });

    await wrapper.get(`[data-testid="notification-mark-read-${referralReceived.id}"]`).trigger('click');
    await flushPromises();

    const error = wrapper.get('[data-testid="notifications-action-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toBe('Kunne ikke merke som lest: Fant det ikke. Det kan være slettet eller flyttet.');
    expect(document.activeElement).toBe(error.element);
    expect(wrapper.get(`[data-testid="notification-${referralReceived.id}"]`).attributes('data-read')).toBe('false');
  });

  it('filters to the unread, with an empty state of its own', async () => {
    const { wrapper, callsOf } = await mountPage({
      NotificationList: (call) =>
        call.body.variables?.unreadOnly
          ? jsonResponse({ data: { notifications: notificationPage([]) } })
          : jsonResponse({ data: { notifications: notificationPage([reportReminder]) } }),
    });
    expect(wrapper.find('[data-testid="notifications-empty"]').exists()).toBe(false);

    await wrapper.get('[data-testid="notifications-filter-unread"]').setValue(true);
    await flushPromises();

    expect(callsOf('NotificationList').map((call) => call.variables?.unreadOnly)).toEqual([false, true]);
    expect(wrapper.get('[data-testid="notifications-empty"]').text()).toBe('Du har ingen uleste varsler.');
    expect(wrapper.find('[data-testid="notifications-list"]').exists()).toBe(false);
  });

  it('says when there are no notifications at all', async () => {
    const { wrapper } = await mountPage({
      NotificationList: () => jsonResponse({ data: { notifications: notificationPage([]) } }),
    });
    expect(wrapper.get('[data-testid="notifications-empty"]').text()).toBe('Du har ingen varsler.');
  });

  it('pages forward and back by twenty', async () => {
    const { wrapper, callsOf } = await mountPage({
      NotificationList: (call) =>
        jsonResponse({
          data: {
            notifications: notificationPage([referralReceived], {
              totalCount: 21,
              hasNextPage: call.body.variables?.offset === 0,
            }),
          },
        }),
    });

    await wrapper.get('[data-testid="notifications-next"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="notifications-range"]').text()).toBe('Viser 21–21 av 21');
    expect(wrapper.get('[data-testid="notifications-next"]').attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="notifications-previous"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="notifications-range"]').text()).toBe('Viser 1–1 av 21');
    // The first page was answered a moment ago: shown again at once, not asked for again.
    expect(callsOf('NotificationList').map((call) => call.variables?.offset)).toEqual([0, 20]);
  });

  it('shows an error with a way to try again', async () => {
    let fail = true;
    const { wrapper } = await mountPage({
      NotificationList: () =>
        fail
          ? jsonResponse({ errors: [{ message: 'Boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
          : jsonResponse({ data: { notifications: notificationPage([referralReceived]) } }),
    });
    const error = wrapper.get('[data-testid="notifications-error"]');
    expect(error.text()).toContain('Kunne ikke hente varslene');
    expect(error.text()).toContain('Noe gikk galt hos oss.');
    expect(error.text()).not.toContain('INTERNAL_SERVER_ERROR');

    fail = false;
    await error.get('button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="notifications-error"]').exists()).toBe(false);
    expect(wrapper.find(`[data-testid="notification-${referralReceived.id}"]`).exists()).toBe(true);
  });

  it('sets the preferences per kind with labelled boxes, and puts a refused box back', async () => {
    let refuse = false;
    const { wrapper, callsOf } = await mountPage({
      NotificationList: twoUnread,
      SetNotificationPreference: () =>
        refuse
          ? jsonResponse({ errors: [{ message: 'Database down', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
          : jsonResponse({
              data: {
                setNotificationPreference: defaultPreferences.map((preference) =>
                  preference.kind === 'REFERRAL_RECEIVED' ? { ...preference, email: false } : preference,
                ),
              },
            }),
    });
    const preferences = wrapper.get('[data-testid="notification-preferences"]');
    expect(preferences.findAll('thead th').map((cell) => cell.text())).toEqual([
      'Type varsel',
      'I konsollet',
      'På e-post',
    ]);
    expect(preferences.findAll('tbody th').map((cell) => cell.text())[0]).toBe('Henvisning mottatt');
    const email = preferences.get('[data-testid="preference-email-REFERRAL_RECEIVED"]');
    expect(email.attributes('aria-label')).toBe('Henvisning mottatt: på e-post');
    expect((email.element as HTMLInputElement).checked).toBe(true);
    expect(
      (preferences.get('[data-testid="preference-console-INSTALMENT_DUE"]').element as HTMLInputElement).checked,
    ).toBe(false);

    await email.setValue(false);
    await flushPromises();
    expect(callsOf('SetNotificationPreference')[0]?.variables).toEqual({
      input: { kind: 'REFERRAL_RECEIVED', console: true, email: false },
    });
    expect((email.element as HTMLInputElement).checked).toBe(false);
    expect(wrapper.get('[data-testid="notifications-notice"]').text()).toBe(
      'Innstillingen for «Henvisning mottatt» er lagret.',
    );

    refuse = true;
    const overdue = preferences.get('[data-testid="preference-email-REPORT_OVERDUE"]');
    await overdue.setValue(false);
    await flushPromises();
    expect((overdue.element as HTMLInputElement).checked).toBe(true);
    expect(wrapper.get('[data-testid="notification-preference-error"]').text()).toBe(
      'Innstillingen for «Rapportering er forsinket» ble ikke lagret: Database down',
    );
  });

  it('speaks English, kind names too', async () => {
    const { wrapper } = await mountPage({ NotificationList: twoUnread }, { locale: 'en' });
    expect(wrapper.get('h1').text()).toBe('Notifications');
    expect(wrapper.get(`[data-testid="notification-${referralReceived.id}"]`).text()).toContain('Referral received');
    expect(wrapper.get('[data-testid="notification-preferences"] thead').text()).toContain('By e-mail');
  });
});

// The notifications store: the caller's unread count (the header's bell), one page of their notifications, marking
// them read, and their preferences per kind (in the console, by e-mail).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { notificationKinds } from '../composables/notificationAccess';
import { useLatestRequest } from '../composables/useLatestRequest';
import type { LoadError } from '../graphql/client';
import { loadErrorOf, request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  NotificationKind,
  NotificationListQuery,
  NotificationPreferencesQuery,
  SetNotificationPreferenceInput,
} from '../graphql/generated/graphql';
import { renewalMargin, useAuthStore } from './auth';

export const NotificationUnreadCountDocument = graphql(`
  query NotificationUnreadCount($unreadOnly: Boolean!, $first: Int!, $offset: Int!) {
    notifications(unreadOnly: $unreadOnly, first: $first, offset: $offset) {
      totalCount
      unreadCount
    }
  }
`);

export const NotificationListDocument = graphql(`
  query NotificationList($unreadOnly: Boolean!, $first: Int!, $offset: Int!) {
    notifications(unreadOnly: $unreadOnly, first: $first, offset: $offset) {
      totalCount
      unreadCount
      hasNextPage
      items {
        id
        kind
        title
        body
        link
        createdAt
        read
      }
    }
  }
`);

export const MarkNotificationsReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      unreadCount
    }
  }
`);

export const MarkAllNotificationsReadDocument = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead {
      unreadCount
    }
  }
`);

export const NotificationPreferencesDocument = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      console
      email
    }
  }
`);

export const SetNotificationPreferenceDocument = graphql(`
  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {
    setNotificationPreference(input: $input) {
      kind
      console
      email
    }
  }
`);

export type NotificationPage = NotificationListQuery['notifications'];
export type NotificationItem = NotificationPage['items'][number];
export type NotificationPreferenceItem = NotificationPreferencesQuery['notificationPreferences'][number];

/** Notifications per page of the list. */
export const notificationPageSize = 20;

/** How often the header asks for the unread count while the console is open (it asks on every page change too). */
export const unreadCountPollMs = 60_000;

/** What the list is asked for. */
export interface NotificationListRequest {
  unreadOnly: boolean;
  offset: number;
}

/** A failed action on the list or a preference, and what it was about. */
export interface NotificationActionError extends LoadError {
  action: 'mark-read' | 'mark-all-read' | 'preference';
  /** The notification (mark-read) or the kind (preference) it was about. */
  about: string | null;
}

function actionErrorOf(
  action: NotificationActionError['action'],
  about: string | null,
  caught: unknown,
): NotificationActionError {
  const requestError = toRequestError(caught);
  return { action, about, message: requestError.message, codes: requestError.codes };
}

const byKindOrder = (a: NotificationPreferenceItem, b: NotificationPreferenceItem) =>
  notificationKinds.indexOf(a.kind) - notificationKinds.indexOf(b.kind);

export const useNotificationsStore = defineStore('notifications', () => {
  /** The caller's unread notifications, for the bell; null when unknown (not asked yet, or the count failed). */
  const unreadCount = ref<number | null>(null);
  const asked = ref<NotificationListRequest | null>(null);
  const page = ref<NotificationPage | null>(null);
  /** While a mark-read is on its way: the ids, or 'all'. */
  const marking = ref<string[] | 'all' | null>(null);
  const actionError = ref<NotificationActionError | null>(null);

  const preferences = ref<NotificationPreferenceItem[] | null>(null);
  const preferencesLoading = ref(false);
  const preferencesError = ref<LoadError | null>(null);
  /** The kind whose preference is being saved. */
  const savingKind = ref<NotificationKind | null>(null);

  const { loading, error, run } = useLatestRequest();
  let countRequest = 0;

  /**
   * Asks for the unread count. The header asks often; a failure only hides the count (no banner, no error state),
   * and an answer overtaken by a newer question is dropped. `background`: asked by a timer, not by the person.
   */
  async function loadUnreadCount({ background = false }: { background?: boolean } = {}): Promise<void> {
    if (background) {
      // A timer is not the person at work: a poll must not renew the access token, or the session's idle timeout
      // (the gateway's SESSION_IDLE_TIMEOUT, counted from the last token asked for) would never come while the
      // console stays open. A token due for renewal waits for the person's next page.
      const caller = useAuthStore().caller;
      if (!caller || caller.expiresAt - Date.now() <= renewalMargin) return;
    }
    const mine = ++countRequest;
    try {
      // One item is the smallest page; only the counts are asked for.
      const data = await request(NotificationUnreadCountDocument, { unreadOnly: true, first: 1, offset: 0 });
      if (mine === countRequest) unreadCount.value = data.notifications.unreadCount;
    } catch {
      if (mine === countRequest) unreadCount.value = null;
    }
  }

  async function load(next: NotificationListRequest): Promise<void> {
    await run(() => request(NotificationListDocument, { ...next, first: notificationPageSize }), {
      onData: (data) => {
        page.value = data.notifications;
        asked.value = { ...next };
        // The same number the bell shows, answered for free.
        unreadCount.value = data.notifications.unreadCount;
      },
      onError: () => {
        page.value = null;
        asked.value = null;
      },
    });
  }

  /** Loads the page shown again; the first page of all when nothing has loaded yet. */
  function reload(): Promise<void> {
    return load(asked.value ?? { unreadOnly: false, offset: 0 });
  }

  /** After marking: the items shown read, or, under the unread filter, the page again (they left it). */
  async function showRead(ids: readonly string[] | 'all'): Promise<void> {
    if (asked.value?.unreadOnly) {
      await reload();
      return;
    }
    if (page.value) {
      page.value = {
        ...page.value,
        items: page.value.items.map((item) =>
          ids === 'all' || ids.includes(item.id) ? { ...item, read: true } : item,
        ),
      };
    }
  }

  /** Marks notifications read; resolves to whether it worked, the reason is in `actionError`. */
  async function markRead(ids: string[]): Promise<boolean> {
    marking.value = ids;
    actionError.value = null;
    try {
      const data = await request(MarkNotificationsReadDocument, { ids });
      unreadCount.value = data.markNotificationsRead.unreadCount;
      await showRead(ids);
      return true;
    } catch (caught) {
      actionError.value = actionErrorOf('mark-read', ids[0] ?? null, caught);
      return false;
    } finally {
      marking.value = null;
    }
  }

  /** Marks every notification of the caller read. */
  async function markAllRead(): Promise<boolean> {
    marking.value = 'all';
    actionError.value = null;
    try {
      const data = await request(MarkAllNotificationsReadDocument);
      unreadCount.value = data.markAllNotificationsRead.unreadCount;
      await showRead('all');
      return true;
    } catch (caught) {
      actionError.value = actionErrorOf('mark-all-read', null, caught);
      return false;
    } finally {
      marking.value = null;
    }
  }

  async function loadPreferences(): Promise<void> {
    preferencesLoading.value = true;
    preferencesError.value = null;
    try {
      const data = await request(NotificationPreferencesDocument);
      preferences.value = [...data.notificationPreferences].sort(byKindOrder);
    } catch (caught) {
      preferencesError.value = loadErrorOf(caught);
    } finally {
      preferencesLoading.value = false;
    }
  }

  /**
   * Saves one kind's preference; resolves to whether it worked. The preferences stay as the server last said, so a
   * refused change shows its old value again. A kind no longer (or again) in the console changes the list and count.
   */
  async function setPreference(input: SetNotificationPreferenceInput): Promise<boolean> {
    const before = preferences.value?.find((preference) => preference.kind === input.kind);
    savingKind.value = input.kind;
    actionError.value = null;
    try {
      const data = await request(SetNotificationPreferenceDocument, { input });
      preferences.value = [...data.setNotificationPreference].sort(byKindOrder);
    } catch (caught) {
      actionError.value = actionErrorOf('preference', input.kind, caught);
      return false;
    } finally {
      savingKind.value = null;
    }
    if (before?.console !== input.console) {
      if (asked.value) await reload();
      else await loadUnreadCount();
    }
    return true;
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    unreadCount,
    asked,
    page,
    loading,
    error,
    marking,
    actionError,
    preferences,
    preferencesLoading,
    preferencesError,
    savingKind,
    loadUnreadCount,
    load,
    reload,
    markRead,
    markAllRead,
    loadPreferences,
    setPreference,
    clearActionError,
  };
});

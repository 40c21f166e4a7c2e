// Notifications through the query layer: one page of the caller's notifications, marking them read, and their
// preferences per kind (in the console, by e-mail). A successful action marks the answers stale, so the page on screen
// shows what the server holds; the bell's count (stores/notifications) follows each answer that carries it.
import { computed, type MaybeRefOrGetter, ref, toValue, watch } from 'vue';
import { notificationKinds } from '../composables/notificationAccess';
import type { LoadError } from '../graphql/client';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  NotificationKind,
  NotificationListQuery,
  NotificationPreferencesQuery,
  SetNotificationPreferenceInput,
} from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';
import { useNotificationsStore } from '../stores/notifications';

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

/**
 * The page of notifications `asked` for. While another page or filter loads the one on screen stays; one that fails
 * shows its error, never another filter's notifications. Each answer's unread count goes to the bell too.
 */
export function useNotificationList(asked: MaybeRefOrGetter<NotificationListRequest>) {
  const store = useNotificationsStore();
  const query = useGraphQLQuery(NotificationListDocument, () => ({ ...toValue(asked), first: notificationPageSize }), {
    keepPrevious: true,
  });
  const page = computed(() => query.data.value?.notifications ?? null);
  // The same number the bell shows, answered for free.
  watch(
    () => (query.query.isPlaceholderData.value ? null : (page.value?.unreadCount ?? null)),
    (count) => {
      if (count !== null) store.setUnreadCount(count);
    },
    { immediate: true },
  );
  return {
    page,
    /** Where the page on screen starts; null before an answer. */
    shownOffset: computed(() => (page.value === null ? null : (query.shownVariables.value?.offset ?? null))),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

/** Marking notifications read; each resolves to whether it worked, the reason is in `actionError`. */
export function useMarkNotificationsRead() {
  const store = useNotificationsStore();
  const markOne = useGraphQLMutation(MarkNotificationsReadDocument);
  const markAll = useGraphQLMutation(MarkAllNotificationsReadDocument);
  /** While a mark-read is on its way: the ids, or 'all'. */
  const marking = ref<string[] | 'all' | null>(null);
  const actionError = ref<NotificationActionError | null>(null);

  async function markRead(ids: string[]): Promise<boolean> {
    marking.value = ids;
    actionError.value = null;
    try {
      store.setUnreadCount((await markOne.run({ ids })).markNotificationsRead.unreadCount);
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
      store.setUnreadCount((await markAll.run({})).markAllNotificationsRead.unreadCount);
      return true;
    } catch (caught) {
      actionError.value = actionErrorOf('mark-all-read', null, caught);
      return false;
    } finally {
      marking.value = null;
    }
  }

  return {
    marking,
    actionError,
    markRead,
    markAllRead,
    clearActionError: () => {
      actionError.value = null;
    },
  };
}

/**
 * The caller's preferences per kind, in the order of the kinds, and saving one. A refused change leaves them as the
 * server last said, so the box shows its old value again.
 */
export function useNotificationPreferences() {
  const store = useNotificationsStore();
  const query = useGraphQLQuery(NotificationPreferencesDocument, {});
  const mutation = useGraphQLMutation(SetNotificationPreferenceDocument);
  /** The kind whose preference is being saved. */
  const savingKind = ref<NotificationKind | null>(null);
  const actionError = ref<NotificationActionError | null>(null);
  const preferences = computed<NotificationPreferenceItem[] | null>(() =>
    query.data.value ? [...query.data.value.notificationPreferences].sort(byKindOrder) : null,
  );

  /** Saves one kind's preference; resolves to whether it worked. */
  async function setPreference(input: SetNotificationPreferenceInput): Promise<boolean> {
    const before = preferences.value?.find((preference) => preference.kind === input.kind);
    savingKind.value = input.kind;
    actionError.value = null;
    try {
      await mutation.run({ input });
    } catch (caught) {
      actionError.value = actionErrorOf('preference', input.kind, caught);
      return false;
    } finally {
      savingKind.value = null;
    }
    // A kind no longer (or again) in the console changes the count; the list on screen is asked again anyway.
    if (before?.console !== input.console) await store.loadUnreadCount();
    return true;
  }

  return {
    preferences,
    preferencesLoading: query.loading,
    preferencesError: query.error,
    /** Asks again (the retry of a failed load). */
    refetch: query.refetch,
    savingKind,
    actionError,
    setPreference,
  };
}

// The notifications store: the caller's unread count, which the header's bell shows on every page (session-wide
// state, asked often and in the background). The notifications themselves and the preferences are page data, asked
// through the query layer (queries/notifications.ts).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { renewalMargin, useAuthStore } from './auth';

export const NotificationUnreadCountDocument = graphql(`
  query NotificationUnreadCount($unreadOnly: Boolean!, $first: Int!, $offset: Int!) {
    notifications(unreadOnly: $unreadOnly, first: $first, offset: $offset) {
      totalCount
      unreadCount
    }
  }
`);

/** How often the header asks for the unread count while the console is open (it asks on every page change too). */
export const unreadCountPollMs = 60_000;

export const useNotificationsStore = defineStore('notifications', () => {
  /** The caller's unread notifications, for the bell; null when unknown (not asked yet, or the count failed). */
  const unreadCount = ref<number | null>(null);
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

  /** A count the server gave with another answer (the list, a mark-read): the bell shows it at once. */
  function setUnreadCount(count: number): void {
    countRequest++;
    unreadCount.value = count;
  }

  return { unreadCount, loadUnreadCount, setUnreadCount };
});

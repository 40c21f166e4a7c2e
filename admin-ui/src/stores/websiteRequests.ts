// The website requests store: the number of requests pending in the caller's own region, which the header's link
// shows on every page (session-wide state, asked on every change of page). The requests themselves are page data,
// asked through the query layer (queries/websiteRequests.ts).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request, toRequestError, unavailableServicesIn, unavailableServicesOf } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useServiceStatusStore } from './serviceStatus';

export const PendingWebsiteRequestCountDocument = graphql(`
  query PendingWebsiteRequestCount($status: WebsiteRequestStatus!, $first: Int!, $offset: Int!) {
    websiteRequests(status: $status, first: $first, offset: $offset) {
      totalCount
    }
  }
`);

export const useWebsiteRequestsStore = defineStore('websiteRequests', () => {
  /** Pending requests in the caller's own region, for the header; null when unknown. */
  const pendingCount = ref<number | null>(null);
  // The count is asked on every change of page, so asks can overlap: only the newest may write.
  let latest = 0;

  /** Counts the pending requests of the caller's own region; a failure only hides the count. */
  async function loadPendingCount(): Promise<void> {
    const mine = ++latest;
    const serviceStatus = useServiceStatusStore();
    try {
      // One item is the smallest page the gateway allows; only the total is asked for.
      const data = await request(PendingWebsiteRequestCountDocument, { status: 'PENDING', first: 1, offset: 0 });
      if (mine !== latest) return;
      pendingCount.value = data.websiteRequests.totalCount;
      serviceStatus.report('website-requests-count', unavailableServicesOf(data));
    } catch (caught) {
      if (mine !== latest) return;
      pendingCount.value = null;
      // The banner says which service the count came without.
      serviceStatus.report('website-requests-count', unavailableServicesIn(toRequestError(caught).errors));
    }
  }

  return { pendingCount, loadPendingCount };
});

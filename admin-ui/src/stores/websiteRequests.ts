// The website requests store: one page of the requests sent on the public website, and an adviser picking one up.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import type { LoadError } from '../graphql/client';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  WebsiteRequestListQuery,
  WebsiteRequestListQueryVariables,
  WebsiteRequestStatus,
} from '../graphql/generated/graphql';

export const WebsiteRequestListDocument = graphql(`
  query WebsiteRequestList($regionId: ID, $status: WebsiteRequestStatus, $first: Int!, $offset: Int!) {
    websiteRequests(regionId: $regionId, status: $status, first: $first, offset: $offset) {
      totalCount
      hasNextPage
      items {
        id
        reference
        kind
        status
        receivedAt
        client {
          id
          name
          email
          phone
          municipality {
            name
          }
          region {
            id
            name
          }
        }
        matchedExistingClient
        course {
          id
          title
          startsOn
        }
        message
        pickedUpBy {
          id
          name
        }
        pickedUpAt
        version
      }
    }
  }
`);

export const PendingWebsiteRequestCountDocument = graphql(`
  query PendingWebsiteRequestCount($status: WebsiteRequestStatus!, $first: Int!, $offset: Int!) {
    websiteRequests(status: $status, first: $first, offset: $offset) {
      totalCount
    }
  }
`);

export const PickUpWebsiteRequestDocument = graphql(`
  mutation PickUpWebsiteRequest($id: ID!, $version: Int!) {
    pickUpWebsiteRequest(id: $id, version: $version) {
      id
      status
      version
      pickedUpAt
      pickedUpBy {
        id
        name
      }
    }
  }
`);

export type WebsiteRequestPage = WebsiteRequestListQuery['websiteRequests'];
export type WebsiteRequestItem = WebsiteRequestPage['items'][number];
export type { LoadError };

/** Requests per page of the list. */
export const websiteRequestPageSize = 50;

/** What the list is asked for; null means "no such filter" (an adviser's own region, every status). */
export interface WebsiteRequestListRequest {
  regionId: string | null;
  status: WebsiteRequestStatus | null;
  offset: number;
}

/** A failed pick-up, and which request it was about. */
export interface PickUpError extends LoadError {
  requestId: string;
}

/** The query's variables: filters that are not set are left out, so the gateway applies none. */
export function toWebsiteRequestListVariables(asked: WebsiteRequestListRequest): WebsiteRequestListQueryVariables {
  const variables: WebsiteRequestListQueryVariables = { first: websiteRequestPageSize, offset: asked.offset };
  if (asked.regionId) variables.regionId = asked.regionId;
  if (asked.status) variables.status = asked.status;
  return variables;
}

export const useWebsiteRequestsStore = defineStore('websiteRequests', () => {
  /** The request the page below answers; null before the first successful load. */
  const asked = ref<WebsiteRequestListRequest | null>(null);
  const page = ref<WebsiteRequestPage | null>(null);
  /** The request being picked up, while the mutation is on its way. */
  const pickingUpId = ref<string | null>(null);
  const actionError = ref<PickUpError | null>(null);
  /** Another adviser was first: the list has been loaded again to show it. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);
  /** Pending requests in the caller's own region, for the header; null when unknown. */
  const pendingCount = ref<number | null>(null);
  /** Requests picked up on the page shown since it was loaded. */
  const pickedUpHere = ref(0);

  /**
   * Where the next page starts. Requests picked up here have left the pending list on the server,
   * so the next pending ones moved up by as many places; without this, paging would skip them.
   */
  const nextOffset = computed(() => {
    if (!asked.value) return websiteRequestPageSize;
    const shift = asked.value.status === 'PENDING' ? pickedUpHere.value : 0;
    return asked.value.offset + websiteRequestPageSize - shift;
  });

  // Changing filters quickly can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();
  // The header's count has loads of its own (one per change of page); its failure only hides the count.
  const pendingCountRequest = useLatestRequest();

  async function load(next: WebsiteRequestListRequest): Promise<void> {
    await run(() => request(WebsiteRequestListDocument, toWebsiteRequestListVariables(next)), {
      onData: (data) => {
        page.value = data.websiteRequests;
        asked.value = { ...next };
        pickedUpHere.value = 0;
        // The same question as the header's count, answered for free.
        if (next.status === 'PENDING' && next.regionId === null) pendingCount.value = data.websiteRequests.totalCount;
      },
      // Other filters' requests must not stay on screen after a failed load.
      onError: () => {
        page.value = null;
        asked.value = null;
      },
    });
  }

  /** Loads the page shown again, e.g. after a conflict; the first page when nothing has loaded yet. */
  async function reload(): Promise<void> {
    await load(asked.value ?? { regionId: null, status: 'PENDING', offset: 0 });
  }

  /** Counts the pending requests of the caller's own region; a failure only hides the count. */
  async function loadPendingCount(): Promise<void> {
    // One item is the smallest page the gateway allows; only the total is asked for.
    await pendingCountRequest.run(
      () => request(PendingWebsiteRequestCountDocument, { status: 'PENDING', first: 1, offset: 0 }),
      {
        onData: (data) => {
          pendingCount.value = data.websiteRequests.totalCount;
        },
        onError: () => {
          pendingCount.value = null;
        },
      },
    );
  }

  /**
   * Takes on a request; resolves to whether it worked, the reason is in `actionError`. The row
   * stays on the page showing who picked it up. When another adviser was first, the page is
   * loaded again so that it shows who.
   */
  async function pickUp(item: Pick<WebsiteRequestItem, 'id' | 'version'>): Promise<boolean> {
    pickingUpId.value = item.id;
    actionError.value = null;
    try {
      const data = await request(PickUpWebsiteRequestDocument, { id: item.id, version: item.version });
      const picked = data.pickUpWebsiteRequest;
      if (page.value) {
        page.value = {
          ...page.value,
          items: page.value.items.map((shown) => (shown.id === picked.id ? { ...shown, ...picked } : shown)),
        };
      }
      pickedUpHere.value += 1;
    } catch (caught) {
      const requestError = toRequestError(caught);
      actionError.value = { message: requestError.message, codes: requestError.codes, requestId: item.id };
      if (requestError.codes.includes('CONFLICT')) await Promise.all([reload(), loadPendingCount()]);
      return false;
    } finally {
      pickingUpId.value = null;
    }
    void loadPendingCount();
    return true;
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    asked,
    page,
    loading,
    error,
    pickingUpId,
    actionError,
    conflict,
    pendingCount,
    pickedUpHere,
    nextOffset,
    load,
    reload,
    loadPendingCount,
    pickUp,
    clearActionError,
  };
});

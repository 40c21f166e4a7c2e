// The website requests through the query layer: one page of the requests sent on the public website, the count of
// those pending in the caller's own region (the header's badge), and an adviser picking one up. A pick-up marks the
// answers stale: the page on screen and the badge are asked again and show what the server holds.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import type { LoadError } from '../graphql/client';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  WebsiteRequestListQuery,
  WebsiteRequestListQueryVariables,
  WebsiteRequestStatus,
} from '../graphql/generated/graphql';
import { invalidateAnswers, useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

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

/**
 * The page of requests `asked` for. While another page or filter loads the one on screen stays; one that fails shows
 * its error, never another filter's requests.
 */
export function useWebsiteRequestList(asked: MaybeRefOrGetter<WebsiteRequestListRequest>) {
  const query = useGraphQLQuery(WebsiteRequestListDocument, () => toWebsiteRequestListVariables(toValue(asked)), {
    keepPrevious: true,
  });
  return {
    page: computed<WebsiteRequestPage | null>(() => query.data.value?.websiteRequests ?? null),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
    /** Resolves once the page on screen is current: the request already on its way (after a pick-up), or a new one. */
    settled: () => query.query.refresh(),
  };
}

/**
 * The pending requests of the caller's own region, for the header; null when unknown (not asked, or the count
 * failed: a failure only hides the count). None asked for while `enabled` is false.
 */
export function usePendingWebsiteRequestCount(enabled: MaybeRefOrGetter<boolean>) {
  // One item is the smallest page the gateway allows; only the total is asked for.
  const query = useGraphQLQuery(
    PendingWebsiteRequestCountDocument,
    { status: 'PENDING', first: 1, offset: 0 },
    { enabled },
  );
  return {
    pendingCount: computed(() => (query.error.value ? null : (query.data.value?.websiteRequests.totalCount ?? null))),
    refetch: query.refetch,
  };
}

/**
 * Taking on a request: `pickUp` resolves to whether it worked, the reason is in `actionError`. When another adviser
 * was first (CONFLICT), the answers are asked again so the page shows who.
 */
export function usePickUpWebsiteRequest() {
  const mutation = useGraphQLMutation(PickUpWebsiteRequestDocument);
  /** The request being picked up, while the mutation is on its way. */
  const pickingUpId = ref<string | null>(null);
  const actionError = ref<PickUpError | null>(null);

  async function pickUp(item: Pick<WebsiteRequestItem, 'id' | 'version'>): Promise<boolean> {
    pickingUpId.value = item.id;
    actionError.value = null;
    try {
      await mutation.run({ id: item.id, version: item.version });
      return true;
    } catch (caught) {
      const requestError = toRequestError(caught);
      actionError.value = { message: requestError.message, codes: requestError.codes, requestId: item.id };
      if (requestError.codes.includes('CONFLICT')) await invalidateAnswers();
      return false;
    } finally {
      pickingUpId.value = null;
    }
  }

  return {
    pickUp,
    pickingUpId,
    actionError,
    /** Another adviser was first: the list has been asked again to show it. */
    conflict: computed(() => actionError.value?.codes.includes('CONFLICT') ?? false),
    clearActionError: () => {
      actionError.value = null;
    },
  };
}

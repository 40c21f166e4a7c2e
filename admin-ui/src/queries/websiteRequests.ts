// The website requests through the query layer: one page of the requests sent on the public website, and an adviser
// picking one up. A pick-up marks the answers stale, so the page on screen is asked again and shows what the server
// holds; the header's count of pending requests (stores/websiteRequests, session-wide) is asked again too.
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
import { useWebsiteRequestsStore } from '../stores/websiteRequests';

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
 * Taking on a request: `pickUp` resolves to whether it worked, the reason is in `actionError`. When another adviser
 * was first (CONFLICT), the answers are asked again so the page shows who.
 */
export function usePickUpWebsiteRequest() {
  const mutation = useGraphQLMutation(PickUpWebsiteRequestDocument);
  const store = useWebsiteRequestsStore();
  /** The request being picked up, while the mutation is on its way. */
  const pickingUpId = ref<string | null>(null);
  const actionError = ref<PickUpError | null>(null);

  async function pickUp(item: Pick<WebsiteRequestItem, 'id' | 'version'>): Promise<boolean> {
    pickingUpId.value = item.id;
    actionError.value = null;
    try {
      await mutation.run({ id: item.id, version: item.version });
      void store.loadPendingCount();
      return true;
    } catch (caught) {
      const requestError = toRequestError(caught);
      actionError.value = { message: requestError.message, codes: requestError.codes, requestId: item.id };
      if (requestError.codes.includes('CONFLICT')) await Promise.all([invalidateAnswers(), store.loadPendingCount()]);
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

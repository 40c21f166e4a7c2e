// The referral inbox through the query layer: one page of the caller's referrals, newest first, filtered by status
// and direction; moving a referral on (after which the inbox refetches); and every page of a filtered list for a CSV.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import type { LoadError } from '../graphql/client';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  ReferralDirection,
  ReferralInboxQuery,
  ReferralInboxQueryVariables,
  ReferralStatus,
} from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const ReferralInboxDocument = graphql(`
  query ReferralInbox($first: Int!, $offset: Int!, $status: ReferralStatus, $direction: ReferralDirection) {
    referrals(first: $first, offset: $offset, status: $status, direction: $direction) {
      totalCount
      hasNextPage
      items {
        id
        direction
        programme
        otherActor
        navOffice {
          name
        }
        status
        statusChangedOn
        statusReason
        version
        sentOn
        consentGivenOn
        note
        sharedClientData {
          name
          email
          phone
        }
        region {
          id
          name
        }
      }
    }
  }
`);

export const ChangeReferralStatusDocument = graphql(`
  mutation ChangeReferralStatus($id: ID!, $version: Int!, $status: ReferralStatus!, $reason: String) {
    changeReferralStatus(id: $id, version: $version, status: $status, reason: $reason) {
      id
      version
      status
      statusChangedOn
      statusReason
    }
  }
`);

export type ReferralPage = ReferralInboxQuery['referrals'];
export type ReferralItem = ReferralPage['items'][number];

/** How many referrals one page shows. */
export const referralPageSize = 20;
/** The largest page the subgraph serves: the CSV file is fetched in pages of this size. */
export const exportPageSize = 200;
// A guard against a paging bug looping for ever: 50 pages are 10 000 referrals, far beyond the county's.
const maxExportPages = 50;

/** The inbox's filter; null is "any". */
export interface ReferralFilter {
  status: ReferralStatus | null;
  direction: ReferralDirection | null;
}

export const noReferralFilter: ReferralFilter = { status: null, direction: null };

/** The query's variables for one page: conditions not set are left out, so the graph applies none. */
export function toReferralVariables(
  filter: ReferralFilter,
  first: number,
  offset: number,
): ReferralInboxQueryVariables {
  return {
    first,
    offset,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.direction ? { direction: filter.direction } : {}),
  };
}

/**
 * The page of the inbox at `offset` under `filter`. While another page loads, the one on screen stays (`shownOffset`
 * says where it starts), so the list does not empty between pages; a page that fails shows its error instead.
 */
export function useReferralInbox(filter: MaybeRefOrGetter<ReferralFilter>, offset: MaybeRefOrGetter<number>) {
  const inbox = useGraphQLQuery(
    ReferralInboxDocument,
    () => toReferralVariables(toValue(filter), referralPageSize, toValue(offset)),
    { keepPrevious: true },
  );
  const page = computed(() => inbox.data.value?.referrals);
  return {
    items: computed<ReferralItem[]>(() => page.value?.items ?? []),
    totalCount: computed(() => page.value?.totalCount ?? 0),
    hasNextPage: computed(() => page.value?.hasNextPage ?? false),
    /** Where the page on screen starts; null before the first answer (and after a failure). */
    shownOffset: computed(() => (page.value === undefined ? null : (inbox.shownVariables.value?.offset ?? null))),
    loading: inbox.loading,
    error: inbox.error,
    refetch: inbox.refetch,
  };
}

/** Moving a referral on: `change` resolves to whether it worked; why not is in `actionError`. */
export function useChangeReferralStatus() {
  const mutation = useGraphQLMutation(ChangeReferralStatusDocument);
  const actionError = ref<FormActionError | null>(null);

  async function change(id: string, version: number, status: ReferralStatus, reason?: string): Promise<boolean> {
    actionError.value = null;
    try {
      await mutation.run({ id, version, status, reason: reason ?? null });
      return true;
    } catch (caught) {
      actionError.value = toFormActionError(toRequestError(caught));
      return false;
    }
  }

  return {
    change,
    saving: mutation.running,
    actionError,
    /** Someone else changed the referral since it was loaded: the user must reload before trying again. */
    conflict: computed(() => actionError.value?.codes.includes('CONFLICT') ?? false),
    clearActionError: () => {
      actionError.value = null;
    },
  };
}

/**
 * Every referral the filter matches, page after page, for a CSV file (the inbox shows twenty at a time, a
 * spreadsheet wants them all). `fetchAll` resolves to null when a page could not be fetched, the reason in `error`:
 * half a list must not look whole.
 */
export function useReferralExport() {
  const exporting = ref(false);
  const error = ref<LoadError | null>(null);

  async function fetchAll(filter: ReferralFilter = noReferralFilter): Promise<ReferralItem[] | null> {
    exporting.value = true;
    error.value = null;
    const byId = new Map<string, ReferralItem>();
    try {
      for (let page = 0; page < maxExportPages; page++) {
        const data = await request(
          ReferralInboxDocument,
          toReferralVariables(filter, exportPageSize, page * exportPageSize),
        );
        // A referral sent meanwhile shifts the pages by one; the id keeps it from appearing twice.
        for (const item of data.referrals.items) if (!byId.has(item.id)) byId.set(item.id, item);
        if (!data.referrals.hasNextPage) break;
      }
      return [...byId.values()];
    } catch (caught) {
      const requestError = toRequestError(caught);
      error.value = { message: requestError.message, codes: requestError.codes };
      return null;
    } finally {
      exporting.value = false;
    }
  }

  return { exporting, error, fetchAll };
}

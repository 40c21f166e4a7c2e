// The referrals store: one page of the caller's referral inbox, newest first, and moving a referral on.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  ReferralDirection,
  ReferralInboxQuery,
  ReferralInboxQueryVariables,
  ReferralStatus,
} from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';
import type { LoadError } from './regions';

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
export type { LoadError, PartnerActionError };

/** How many referrals one page shows. */
export const referralPageSize = 20;

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

export const useReferralsStore = defineStore('referrals', () => {
  const items = ref<ReferralItem[]>([]);
  const totalCount = ref(0);
  const hasNextPage = ref(false);
  /** Where the page shown starts; null before the first successful load. */
  const offset = ref<number | null>(null);
  /** The filter the page shown was asked with. */
  const filter = ref<ReferralFilter>({ ...noReferralFilter });
  /** True while a status change is being sent. */
  const saving = ref(false);
  const actionError = ref<PartnerActionError | null>(null);
  /** Someone else changed the referral since it was loaded: the user must reload before trying again. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  // Paging quickly can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  async function load(requestedOffset = 0, requestedFilter: ReferralFilter = filter.value): Promise<void> {
    filter.value = { ...requestedFilter };
    const variables = toReferralVariables(requestedFilter, referralPageSize, requestedOffset);
    await run(() => request(ReferralInboxDocument, variables), {
      onData: (data) => {
        items.value = data.referrals.items;
        totalCount.value = data.referrals.totalCount;
        hasNextPage.value = data.referrals.hasNextPage;
        offset.value = requestedOffset;
      },
      // Another page's referrals must not stay on screen after a failed load.
      onError: () => {
        items.value = [];
        totalCount.value = 0;
        hasNextPage.value = false;
        offset.value = null;
      },
    });
  }

  /** Loads the page shown again, e.g. after a conflict. */
  async function reload(): Promise<void> {
    await load(offset.value ?? 0);
  }

  /** Moves a referral on; resolves to whether it worked, the reason is in `actionError`. */
  async function changeStatus(id: string, version: number, status: ReferralStatus, reason?: string): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await request(ChangeReferralStatusDocument, { id, version, status, reason: reason ?? null });
    } catch (caught) {
      actionError.value = toPartnerActionError(toRequestError(caught));
      return false;
    } finally {
      saving.value = false;
    }
    await reload();
    return true;
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    items,
    totalCount,
    hasNextPage,
    offset,
    filter,
    loading,
    error,
    saving,
    actionError,
    conflict,
    load,
    reload,
    changeStatus,
    clearActionError,
  };
});

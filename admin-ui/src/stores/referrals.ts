// The referrals store: one page of the caller's referral inbox, newest first, and moving a referral on.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ReferralInboxQuery, ReferralStatus } from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';
import type { LoadError } from './regions';

export const ReferralInboxDocument = graphql(`
  query ReferralInbox($first: Int!, $offset: Int!) {
    referrals(first: $first, offset: $offset) {
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

export const useReferralsStore = defineStore('referrals', () => {
  const items = ref<ReferralItem[]>([]);
  const totalCount = ref(0);
  const hasNextPage = ref(false);
  /** Where the page shown starts; null before the first successful load. */
  const offset = ref<number | null>(null);
  /** True while a status change is being sent. */
  const saving = ref(false);
  const actionError = ref<PartnerActionError | null>(null);
  /** Someone else changed the referral since it was loaded: the user must reload before trying again. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  // Paging quickly can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  async function load(requestedOffset = 0): Promise<void> {
    await run(() => request(ReferralInboxDocument, { first: referralPageSize, offset: requestedOffset }), {
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

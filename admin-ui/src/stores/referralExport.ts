// The referral export store: every referral the caller may see, page by page, for a CSV file; the inbox
// shows twenty at a time, a spreadsheet wants them all.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request, toRequestError } from '../graphql/client';
import {
  type LoadError,
  noReferralFilter,
  type ReferralFilter,
  ReferralInboxDocument,
  type ReferralItem,
  toReferralVariables,
} from './referrals';

/** The largest page the subgraph serves. */
export const exportPageSize = 200;
// A guard against a paging bug looping for ever: 50 pages are 10 000 referrals, far beyond the county's.
const maxPages = 50;

export const useReferralExportStore = defineStore('referralExport', () => {
  const exporting = ref(false);
  const error = ref<LoadError | null>(null);

  /** Resolves to all the caller's referrals the filter matches, newest first, or null with the reason in `error`. */
  async function fetchAll(filter: ReferralFilter = noReferralFilter): Promise<ReferralItem[] | null> {
    exporting.value = true;
    error.value = null;
    const byId = new Map<string, ReferralItem>();
    try {
      for (let page = 0; page < maxPages; page++) {
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

  function clearError(): void {
    error.value = null;
  }

  return { exporting, error, fetchAll, clearError };
});

// The county's queue: every region's report, accounts, plan and budget that is submitted and waits for
// the county's approval, whatever region and year the submissions page shows, longest waiting first.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { decidesForRegion } from '../composables/countySplit';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { SubmissionsAwaitingDecisionQuery } from '../graphql/generated/graphql';

// A submission is due in one year (the report on the year before by 1 May, the plan for the year after by
// 1 December); one handed in waits at most about a year, so last year, this year and next year cover the queue.
export const SubmissionsAwaitingDecisionDocument = graphql(`
  query SubmissionsAwaitingDecision($previousYear: Int!, $year: Int!, $nextYear: Int!) {
    regions {
      id
      name
      county {
        id
      }
      previousYear: submissions(year: $previousYear) {
        ...AwaitingSubmission
      }
      thisYear: submissions(year: $year) {
        ...AwaitingSubmission
      }
      nextYear: submissions(year: $nextYear) {
        ...AwaitingSubmission
      }
    }
  }

  fragment AwaitingSubmission on Submission {
    id
    kind
    coversYear
    dueDate
    status
    submittedOn
  }
`);

type RegionRow = SubmissionsAwaitingDecisionQuery['regions'][number];

/** One submission waiting for the county, with where it is decided. */
export interface AwaitingSubmission {
  regionId: string;
  regionName: string;
  kind: string;
  coversYear: number;
  /** The year it fell due in: the submissions page of that year is where it is approved or rejected. */
  dueYear: number;
  submittedOn: string | null;
}

/**
 * The submitted ones of the regions the caller decides for (their own county's since the 2024 split),
 * longest waiting first. A region whose county service did not answer adds nothing.
 */
export function awaitingOf(
  regions: readonly RegionRow[],
  caller: { role: string; organisationId?: string | null } | null,
): AwaitingSubmission[] {
  const waiting: AwaitingSubmission[] = [];
  for (const region of regions) {
    if (!decidesForRegion(caller, region.county?.id)) continue;
    for (const submissions of [region.previousYear, region.thisYear, region.nextYear]) {
      for (const item of submissions ?? []) {
        if (item.status !== 'SUBMITTED') continue;
        waiting.push({
          regionId: region.id,
          regionName: region.name,
          kind: item.kind,
          coversYear: item.coversYear,
          dueYear: Number(item.dueDate.slice(0, 4)),
          submittedOn: item.submittedOn ?? null,
        });
      }
    }
  }
  return waiting.sort(
    (a, b) =>
      (a.submittedOn ?? '').localeCompare(b.submittedOn ?? '') ||
      a.regionName.localeCompare(b.regionName, 'nb') ||
      a.coversYear - b.coversYear,
  );
}

export const useAwaitingDecisionStore = defineStore('awaitingDecision', () => {
  /** Null until the first answer. */
  const items = ref<AwaitingSubmission[] | null>(null);
  const { loading, error, run } = useLatestRequest();

  /** Loads the queue around `year` (this year, by the Oslo calendar) for the caller. */
  async function load(year: number, caller: { role: string; organisationId?: string | null } | null): Promise<void> {
    await run(
      () => request(SubmissionsAwaitingDecisionDocument, { previousYear: year - 1, year, nextYear: year + 1 }),
      {
        onData: (data) => {
          items.value = awaitingOf(data.regions, caller);
        },
      },
    );
  }

  return { items, loading, error, load };
});

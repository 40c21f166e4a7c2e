// The county's queue: every region's report, accounts, plan and budget that is submitted and waits for the county's
// decision, whatever year it is due in, longest waiting first; the submissions page lists it, the overview counts it.
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { decidesForRegion } from '../composables/countySplit';
import { graphql } from '../graphql/generated';
import type { SubmissionsAwaitingDecisionQuery } from '../graphql/generated/graphql';
import { useGraphQLQuery } from '../graphql/queries';

export const SubmissionsAwaitingDecisionDocument = graphql(`
  query SubmissionsAwaitingDecision {
    regions {
      id
      name
      county {
        id
      }
      submissionsAwaitingDecision {
        id
        kind
        coversYear
        dueDate
        status
        submittedOn
      }
    }
  }
`);

type RegionRow = SubmissionsAwaitingDecisionQuery['regions'][number];
type Caller = { role: string; organisationId?: string | null } | null;

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
 * The waiting ones of the regions the caller decides for (their own county's since the 2024 split), longest waiting
 * first. A region whose county service did not answer adds nothing.
 */
export function awaitingOf(regions: readonly RegionRow[], caller: Caller): AwaitingSubmission[] {
  const waiting: AwaitingSubmission[] = [];
  for (const region of regions) {
    if (!decidesForRegion(caller, region.county?.id)) continue;
    for (const item of region.submissionsAwaitingDecision ?? []) {
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
  return waiting.sort(
    (a, b) =>
      (a.submittedOn ?? '').localeCompare(b.submittedOn ?? '') ||
      a.regionName.localeCompare(b.regionName, 'nb') ||
      a.coversYear - b.coversYear,
  );
}

/** The queue for `caller`; asks only while `enabled` (the county officers, who decide). */
export function useAwaitingDecision(caller: MaybeRefOrGetter<Caller>, enabled: MaybeRefOrGetter<boolean>) {
  const query = useGraphQLQuery(SubmissionsAwaitingDecisionDocument, {}, { enabled });
  return {
    /** Null until the first answer. */
    items: computed<AwaitingSubmission[] | null>(() =>
      query.data.value === undefined ? null : awaitingOf(query.data.value.regions, toValue(caller)),
    ),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

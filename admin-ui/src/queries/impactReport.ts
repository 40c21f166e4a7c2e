// The impact report's data through the query layer: a region's (or the whole county's) key and impact figures for a
// year from the regions subgraph, beside the targets of the region's activity plan for that year from the county
// subgraph, where there is one.
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { graphql } from '../graphql/generated';
import type { ImpactReportCountyQuery, ImpactReportTargetsQuery } from '../graphql/generated/graphql';
import { useGraphQLQuery } from '../graphql/queries';

export const ImpactReportRegionDocument = graphql(`
  query ImpactReportRegion($id: ID!, $year: Int!) {
    region(id: $id) {
      id
      name
      statistics(year: $year) {
        ...ImpactFigures
      }
    }
  }
  fragment ImpactFigures on RegionStatistics {
    year
    newClients
    clientsWithImmigrantBackground
    immigrantBackgroundShare
    clientsCounselled
    counsellingHours
    coursesHeld
    courseParticipants
    businessesStarted
    businessesStartedYearBefore
    stillActiveAfterOneYear
    businessesStartedTwoYearsBefore
    stillActiveAfterTwoYears
    businessesStartedThreeYearsBefore
    stillActiveAfterThreeYears
    clientsWithImpact
    jobsCreated
    jobsRetained
    capitalRaised
    capitalRaisedBySource {
      source
      amount
    }
    revenueReported
    suppressed
    suppressionReason
  }
`);

export const ImpactReportCountyDocument = graphql(`
  query ImpactReportCounty($year: Int!, $countyId: ID) {
    countyStatistics(year: $year, countyId: $countyId) {
      ...ImpactFigures
    }
  }
`);

// As the overview reads the plans: the activity plan for a year is due (and listed) the year before.
export const ImpactReportTargetsDocument = graphql(`
  query ImpactReportTargets($id: ID!, $planYear: Int!) {
    region(id: $id) {
      id
      submissions(year: $planYear) {
        kind
        coversYear
        status
        targets {
          newClients
          clientsWithImmigrantBackground
          coursesHeld
          counsellingHours
          businessesStarted
        }
      }
    }
  }
`);

export type ImpactFigures = ImpactReportCountyQuery['countyStatistics'];
export type ActivityTargets = NonNullable<
  NonNullable<NonNullable<ImpactReportTargetsQuery['region']>['submissions']>[number]['targets']
>;

/** What the report is for: one region, or the county (every region the caller's county answers for). */
export type ReportScope = { kind: 'region'; regionId: string } | { kind: 'county'; countyId: string | null };

/**
 * The report of `scope` in `year`. While another year or region loads, the one on screen stays; the targets are the
 * county's, so a caller who may not read the region's submissions still gets the figures, without targets.
 */
export function useImpactReport(scope: MaybeRefOrGetter<ReportScope>, year: MaybeRefOrGetter<number>) {
  const regionId = () => {
    const current = toValue(scope);
    return current.kind === 'region' ? current.regionId : '';
  };
  const isRegion = () => toValue(scope).kind === 'region';
  const region = useGraphQLQuery(ImpactReportRegionDocument, () => ({ id: regionId(), year: toValue(year) }), {
    enabled: isRegion,
    keepPrevious: true,
  });
  const county = useGraphQLQuery(
    ImpactReportCountyDocument,
    () => {
      const current = toValue(scope);
      return { year: toValue(year), countyId: current.kind === 'county' ? current.countyId : null };
    },
    { enabled: () => !isRegion(), keepPrevious: true },
  );
  // As the overview reads the plans: the activity plan for a year is due (and listed) the year before.
  const plan = useGraphQLQuery(ImpactReportTargetsDocument, () => ({ id: regionId(), planYear: toValue(year) - 1 }), {
    enabled: isRegion,
  });
  const shown = computed(() => (isRegion() ? region : county));
  return {
    figures: computed<ImpactFigures | null>(() =>
      isRegion()
        ? ((region.data.value?.region?.statistics ?? null) as ImpactFigures | null)
        : (county.data.value?.countyStatistics ?? null),
    ),
    regionName: computed(() => (isRegion() ? (region.data.value?.region?.name ?? null) : null)),
    /** The approved (or submitted) activity plan's targets for the year; null when there is none or it cannot be read. */
    targets: computed<ActivityTargets | null>(() => {
      if (!isRegion()) return null;
      const activityPlan = (plan.data.value?.region?.submissions ?? []).find(
        (submission) =>
          submission.kind === 'ACTIVITY_PLAN' && submission.coversYear === toValue(year) && submission.targets !== null,
      );
      return activityPlan?.targets ?? null;
    }),
    loading: computed(() => shown.value.loading.value),
    error: computed(() => shown.value.error.value),
    refetch: () => shown.value.refetch(),
  };
}

// The impact report: a region's (or the whole county's) key and impact figures for a year from the regions subgraph,
// beside the targets of the region's activity plan for that year from the county subgraph, where there is one.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ImpactReportCountyQuery, ImpactReportTargetsQuery } from '../graphql/generated/graphql';

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

export const useImpactReportStore = defineStore('impactReport', () => {
  const figures = ref<ImpactFigures | null>(null);
  const regionName = ref<string | null>(null);
  /** The approved (or submitted) activity plan's targets for the year; null when there is none or it cannot be read. */
  const targets = ref<ActivityTargets | null>(null);
  const { loading, error, run } = useLatestRequest();

  async function load(scope: ReportScope, year: number): Promise<void> {
    await run(
      async () => {
        if (scope.kind === 'county') {
          const data = await request(ImpactReportCountyDocument, { year, countyId: scope.countyId });
          return { figures: data.countyStatistics as ImpactFigures, name: null, targets: null };
        }
        const data = await request(ImpactReportRegionDocument, { id: scope.regionId, year });
        // The targets are the county's: a caller who may not read the region's submissions still gets the figures.
        const plan = await request(ImpactReportTargetsDocument, { id: scope.regionId, planYear: year - 1 })
          .then((answer) =>
            (answer.region?.submissions ?? []).find(
              (submission) =>
                submission.kind === 'ACTIVITY_PLAN' && submission.coversYear === year && submission.targets !== null,
            ),
          )
          .catch(() => undefined);
        return {
          figures: (data.region?.statistics ?? null) as ImpactFigures | null,
          name: data.region?.name ?? null,
          targets: plan?.targets ?? null,
        };
      },
      {
        onData: (answer) => {
          figures.value = answer.figures;
          regionName.value = answer.name;
          targets.value = answer.targets;
        },
        onError: () => {
          figures.value = null;
          regionName.value = null;
          targets.value = null;
        },
      },
    );
  }

  return { figures, regionName, targets, loading, error, load };
});

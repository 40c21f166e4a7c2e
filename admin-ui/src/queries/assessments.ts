// Business assessments through the query layer: one page of those the caller may see under the filters the list
// offers (status, region, a client's or NAV office's name), with how many match and the regions to filter by, and
// delivering one (which marks the answers stale, so the page on screen is asked again).
import { assessmentSearchMaxLength } from '@etablerer/partners/input-limits';
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  AssessmentStatus,
  BusinessAssessmentPageQuery,
  BusinessAssessmentPageQueryVariables,
  DeliverBusinessAssessmentInput,
} from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const BusinessAssessmentPageDocument = graphql(`
  query BusinessAssessmentPage(
    $status: AssessmentStatus
    $regionId: ID
    $search: String
    $first: Int!
    $offset: Int!
  ) {
    businessAssessmentPage(status: $status, regionId: $regionId, search: $search, first: $first, offset: $offset) {
      items {
        id
        purpose
        requestedOn
        question
        status
        conclusion
        assessment
        fee
        deliveredOn
        version
        sharedClientData {
          name
        }
        navOffice {
          name
        }
        region {
          id
          name
        }
      }
      totalCount
      regions {
        id
        name
      }
    }
  }
`);

export const DeliverBusinessAssessmentDocument = graphql(`
  mutation DeliverBusinessAssessment($id: ID!, $version: Int!, $input: DeliverBusinessAssessmentInput!) {
    deliverBusinessAssessment(id: $id, version: $version, input: $input) {
      id
      version
      status
    }
  }
`);

type AssessmentPage = BusinessAssessmentPageQuery['businessAssessmentPage'];
export type AssessmentItem = AssessmentPage['items'][number];
export type AssessmentRegion = AssessmentPage['regions'][number];

/** How many assessments one page shows. */
export const assessmentPageSize = 20;
/** The longest search the server takes (the partners subgraph's limit, not a copy of it). */
export { assessmentSearchMaxLength };

/** The list's filters; null and '' are "any". */
export interface AssessmentFilter {
  status: AssessmentStatus | null;
  regionId: string;
  search: string;
}

/** The query's variables for one page: conditions not set are left out, so the graph applies none. */
export function toAssessmentVariables(
  filter: AssessmentFilter,
  first: number,
  offset: number,
): BusinessAssessmentPageQueryVariables {
  const search = filter.search.trim();
  return {
    first,
    offset,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.regionId ? { regionId: filter.regionId } : {}),
    ...(search ? { search } : {}),
  };
}

/**
 * The page of assessments at `offset` under `filter`. While another page or filter loads, the one on screen stays
 * (`shownOffset` says where it starts), so the list does not empty between pages; one that fails shows its error.
 */
export function useAssessmentPage(filter: MaybeRefOrGetter<AssessmentFilter>, offset: MaybeRefOrGetter<number>) {
  const query = useGraphQLQuery(
    BusinessAssessmentPageDocument,
    () => toAssessmentVariables(toValue(filter), assessmentPageSize, toValue(offset)),
    { keepPrevious: true },
  );
  const page = computed(() => query.data.value?.businessAssessmentPage);
  return {
    items: computed<AssessmentItem[]>(() => page.value?.items ?? []),
    totalCount: computed(() => page.value?.totalCount ?? 0),
    /** The regions of what the caller may see under the status filter, by name: what the region filter offers. */
    regions: computed<AssessmentRegion[]>(() =>
      [...(page.value?.regions ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    ),
    /** True once an answer is on screen (an empty list is an answer). */
    answered: computed(() => page.value !== undefined),
    /** Where the page on screen starts; null before the first answer (and after a failure). */
    shownOffset: computed(() => (page.value === undefined ? null : (query.shownVariables.value?.offset ?? null))),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

/** Delivering an assessment: `deliver` resolves to whether it worked; why not is in `actionError`. */
export function useDeliverAssessment() {
  const mutation = useGraphQLMutation(DeliverBusinessAssessmentDocument);
  const actionError = ref<FormActionError | null>(null);
  async function deliver(id: string, version: number, input: DeliverBusinessAssessmentInput): Promise<boolean> {
    actionError.value = null;
    try {
      await mutation.run({ id, version, input });
      return true;
    } catch (caught) {
      actionError.value = toFormActionError(toRequestError(caught));
      return false;
    }
  }
  return {
    deliver,
    saving: mutation.running,
    actionError,
    /** Someone else changed the assessment since it was loaded: the user must reload before trying again. */
    conflict: computed(() => actionError.value?.codes.includes('CONFLICT') ?? false),
    clearActionError: () => {
      actionError.value = null;
    },
  };
}

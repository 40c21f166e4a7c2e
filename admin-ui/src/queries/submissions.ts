// The submissions page's data through the query layer: one region's reports, plans and payments of a year, with last
// year's key figures, and submitting, approving and rejecting them. A change marks every answer stale, so the year on
// screen (its statuses, versions and, after an approved plan and budget, its payments) and the county's queue are
// asked again.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { serverFieldErrors } from '../composables/fieldErrors';
import { type GraphQLRequestError, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { SubmissionsWorkflowQuery, SubmitInput } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

// The year's submissions and payments, next year's payments (an activity plan and budget handed in this
// year release them), and last year's key figures, which pre-fill the annual report on last year.
export const SubmissionsWorkflowDocument = graphql(`
  query SubmissionsWorkflow($regionId: ID!, $year: Int!, $previousYear: Int!, $nextYear: Int!) {
    region(id: $regionId) {
      id
      name
      county {
        id
        name
      }
      submissions(year: $year) {
        id
        version
        kind
        coversYear
        dueDate
        status
        late
        submittedOn
        submittedBy
        documentReference
        totalAmount
        targets {
          newClients
          clientsWithImmigrantBackground
          coursesHeld
          counsellingHours
          businessesStarted
        }
        reportedFigures {
          newClients
          clientsWithImmigrantBackground
          coursesHeld
          counsellingHours
          businessesStarted
        }
        plannedTargets {
          newClients
          clientsWithImmigrantBackground
          coursesHeld
          counsellingHours
          businessesStarted
        }
        decidedOn
        decidedBy
        decisionComment
      }
      payments(year: $year) {
        year
        instalment
        dueDate
        amount
        status
        paidOn
      }
      nextYearPayments: payments(year: $nextYear) {
        year
        instalment
        dueDate
        amount
        status
        paidOn
      }
      statistics(year: $previousYear) {
        year
        newClients
        clientsWithImmigrantBackground
        coursesHeld
        counsellingHours
        businessesStarted
        suppressed
      }
    }
  }
`);

export const SubmitDocument = graphql(`
  mutation Submit($input: SubmitInput!) {
    submit(input: $input) {
      id
      version
      status
    }
  }
`);

export const ApproveSubmissionDocument = graphql(`
  mutation ApproveSubmission($id: ID!, $version: Int!) {
    approveSubmission(id: $id, version: $version) {
      id
      version
      status
    }
  }
`);

export const RejectSubmissionDocument = graphql(`
  mutation RejectSubmission($id: ID!, $version: Int!, $comment: String!) {
    rejectSubmission(id: $id, version: $version, comment: $comment) {
      id
      version
      status
    }
  }
`);

export type RegionSubmissions = NonNullable<SubmissionsWorkflowQuery['region']>;
export type SubmissionItem = NonNullable<RegionSubmissions['submissions']>[number];
export type PaymentItem = NonNullable<RegionSubmissions['payments']>[number];
export type KeyFigures = RegionSubmissions['statistics'];

/** What went wrong with a submission or a decision. */
export interface SubmissionActionError {
  action: 'submit' | 'approve' | 'reject';
  message: string;
  codes: string[];
  /**
   * The server's messages by input field, without the `input.` prefix (e.g. `documentReference`,
   * `reportedFigures.newClients`), so the form can show each beside its field.
   */
  fieldErrors: Record<string, string>;
}

function toActionError(action: SubmissionActionError['action'], error: GraphQLRequestError): SubmissionActionError {
  return { action, message: error.message, codes: error.codes, fieldErrors: serverFieldErrors(error) };
}

/**
 * The region `regionId` (none asked while null) in `year`: its submissions and payments, next year's payments (an
 * activity plan and budget handed in this year release them) and last year's key figures. The region on screen stays
 * while another region or year loads; a failed load shows none.
 */
export function useRegionSubmissions(regionId: MaybeRefOrGetter<string | null>, year: MaybeRefOrGetter<number>) {
  const query = useGraphQLQuery(
    SubmissionsWorkflowDocument,
    () => {
      const asked = toValue(year);
      return { regionId: toValue(regionId) ?? '', year: asked, previousYear: asked - 1, nextYear: asked + 1 };
    },
    { enabled: () => toValue(regionId) !== null, keepPrevious: true },
  );
  return {
    region: computed<RegionSubmissions | null>(() => query.data.value?.region ?? null),
    /** The region and year on screen; null before the first answer and after a failed load. */
    shown: computed(() => {
      const variables = query.shownVariables.value;
      return variables ? { regionId: variables.regionId, year: variables.year } : null;
    }),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

/** Submitting, approving and rejecting; each resolves to whether it worked, the reason in `actionError`. */
export function useSubmissionActions() {
  const submitting = useGraphQLMutation(SubmitDocument);
  const approving = useGraphQLMutation(ApproveSubmissionDocument);
  const rejecting = useGraphQLMutation(RejectSubmissionDocument);
  const actionError = ref<SubmissionActionError | null>(null);

  async function runAction(action: SubmissionActionError['action'], send: () => Promise<unknown>): Promise<boolean> {
    actionError.value = null;
    try {
      await send();
      return true;
    } catch (caught) {
      actionError.value = toActionError(action, toRequestError(caught));
      return false;
    }
  }

  return {
    /** True while a submission or decision is being sent. */
    saving: computed(() => submitting.running.value || approving.running.value || rejecting.running.value),
    actionError,
    /** Someone else changed the submission since it was loaded: the page must show the new state before trying again. */
    conflict: computed(() => actionError.value?.codes.includes('CONFLICT') ?? false),
    /** Submits or resubmits. */
    submit: (input: SubmitInput) => runAction('submit', () => submitting.run({ input })),
    approve: (id: string, version: number) => runAction('approve', () => approving.run({ id, version })),
    reject: (id: string, version: number, comment: string) =>
      runAction('reject', () => rejecting.run({ id, version, comment })),
    clearActionError: () => {
      actionError.value = null;
    },
  };
}

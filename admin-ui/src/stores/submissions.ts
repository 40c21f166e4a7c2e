// The submissions store: one region's reports, plans and payments of a year, and submitting, approving and rejecting them.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { serverFieldErrors } from '../composables/fieldErrors';
import { useLatestRequest } from '../composables/useLatestRequest';
import type { LoadError } from '../graphql/client';
import { type GraphQLRequestError, request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { SubmissionsWorkflowQuery, SubmitInput } from '../graphql/generated/graphql';

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
export type { LoadError };

/** What went wrong with a submission or a decision; plain data, so the store state stays serialisable. */
export interface ActionError {
  action: 'submit' | 'approve' | 'reject';
  message: string;
  codes: string[];
  /**
   * The server's messages by input field, without the `input.` prefix (e.g. `documentReference`,
   * `reportedFigures.newClients`), so the form can show each beside its field.
   */
  fieldErrors: Record<string, string>;
}

function toActionError(action: ActionError['action'], error: GraphQLRequestError): ActionError {
  const fieldErrors = serverFieldErrors(error);
  return { action, message: error.message, codes: error.codes, fieldErrors };
}

export const useSubmissionsStore = defineStore('submissions', () => {
  /** The region and year the data below is for; null before the first successful load. */
  const regionId = ref<string | null>(null);
  const year = ref<number | null>(null);
  const region = ref<RegionSubmissions | null>(null);
  /** True while a submission or decision is being sent. */
  const saving = ref(false);
  const actionError = ref<ActionError | null>(null);
  /** Someone else changed the submission since it was loaded: the user must reload before trying again. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  // Switching region or year quickly can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  async function load(requestedRegionId: string, requestedYear: number): Promise<void> {
    await run(
      () =>
        request(SubmissionsWorkflowDocument, {
          regionId: requestedRegionId,
          year: requestedYear,
          previousYear: requestedYear - 1,
          nextYear: requestedYear + 1,
        }),
      {
        onData: (data) => {
          region.value = data.region ?? null;
          regionId.value = requestedRegionId;
          year.value = requestedYear;
        },
        onError: () => {
          region.value = null;
          regionId.value = null;
          year.value = null;
        },
      },
    );
  }

  /** Loads what is shown again, e.g. after a conflict or a decision that changes the payments. */
  async function reload(): Promise<void> {
    if (regionId.value !== null && year.value !== null) await load(regionId.value, year.value);
  }

  async function runAction(action: ActionError['action'], send: () => Promise<unknown>): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await send();
    } catch (caught) {
      actionError.value = toActionError(action, toRequestError(caught));
      return false;
    } finally {
      saving.value = false;
    }
    // The status, the version and (after approving a plan and budget) the payments all change on the server.
    await reload();
    return true;
  }

  /** Submits or resubmits; resolves to whether it worked, the reason is in `actionError`. */
  function submit(input: SubmitInput): Promise<boolean> {
    return runAction('submit', () => request(SubmitDocument, { input }));
  }

  function approve(id: string, version: number): Promise<boolean> {
    return runAction('approve', () => request(ApproveSubmissionDocument, { id, version }));
  }

  function reject(id: string, version: number, comment: string): Promise<boolean> {
    return runAction('reject', () => request(RejectSubmissionDocument, { id, version, comment }));
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    regionId,
    year,
    region,
    loading,
    error,
    saving,
    actionError,
    conflict,
    load,
    reload,
    submit,
    approve,
    reject,
    clearActionError,
  };
});

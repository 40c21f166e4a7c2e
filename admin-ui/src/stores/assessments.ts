// The assessments store: business assessments NAV asked for, filtered by status, and delivering one.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  AssessmentStatus,
  BusinessAssessmentsQuery,
  DeliverBusinessAssessmentInput,
} from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';
import type { LoadError } from './regions';

export const BusinessAssessmentsDocument = graphql(`
  query BusinessAssessments($status: AssessmentStatus, $first: Int!, $offset: Int!) {
    businessAssessments(status: $status, first: $first, offset: $offset) {
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

export type AssessmentItem = BusinessAssessmentsQuery['businessAssessments'][number];
export type { LoadError, PartnerActionError };

/** How many assessments the page asks for at most. */
export const assessmentPageSize = 200;

export const useAssessmentsStore = defineStore('assessments', () => {
  const items = ref<AssessmentItem[]>([]);
  /** The status filter the list is for (null: all); undefined before the first successful load. */
  const status = ref<AssessmentStatus | null | undefined>(undefined);
  /** True while a delivery is being sent. */
  const saving = ref(false);
  const actionError = ref<PartnerActionError | null>(null);
  /** Someone else changed the assessment since it was loaded: the user must reload before trying again. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  // Switching the status filter quickly can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  async function load(requestedStatus: AssessmentStatus | null = null): Promise<void> {
    await run(
      () => request(BusinessAssessmentsDocument, { status: requestedStatus, first: assessmentPageSize, offset: 0 }),
      {
        onData: (data) => {
          items.value = data.businessAssessments;
          status.value = requestedStatus;
        },
        onError: () => {
          items.value = [];
          status.value = undefined;
        },
      },
    );
  }

  async function reload(): Promise<void> {
    await load(status.value ?? null);
  }

  /** Delivers an assessment; resolves to whether it worked, the reason is in `actionError`. */
  async function deliver(id: string, version: number, input: DeliverBusinessAssessmentInput): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await request(DeliverBusinessAssessmentDocument, { id, version, input });
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

  return { items, status, loading, error, saving, actionError, conflict, load, reload, deliver, clearActionError };
});

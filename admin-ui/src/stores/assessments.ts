// The assessments store: business assessments NAV asked for, filtered by status, and delivering one.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
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
  const loading = ref(false);
  const error = ref<LoadError | null>(null);
  /** True while a delivery is being sent. */
  const saving = ref(false);
  const actionError = ref<PartnerActionError | null>(null);
  /** Someone else changed the assessment since it was loaded: the user must reload before trying again. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  let latestRequest = 0;

  async function load(requestedStatus: AssessmentStatus | null = null): Promise<void> {
    const thisRequest = ++latestRequest;
    loading.value = true;
    error.value = null;
    try {
      const data = await request(BusinessAssessmentsDocument, {
        status: requestedStatus,
        first: assessmentPageSize,
        offset: 0,
      });
      if (thisRequest !== latestRequest) return;
      items.value = data.businessAssessments;
      status.value = requestedStatus;
    } catch (caught) {
      if (thisRequest !== latestRequest) return;
      const requestError = toRequestError(caught);
      items.value = [];
      status.value = undefined;
      error.value = { message: requestError.message, codes: requestError.codes };
    } finally {
      if (thisRequest === latestRequest) loading.value = false;
    }
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

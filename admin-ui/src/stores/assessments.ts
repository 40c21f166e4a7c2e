// The assessments store: business assessments NAV asked for, filtered by status, and delivering one.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import type { LoadError } from '../graphql/client';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  AssessmentStatus,
  BusinessAssessmentsQuery,
  DeliverBusinessAssessmentInput,
} from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';

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

/** How many assessments one request asks for: the graph's largest page. */
export const assessmentPageSize = 200;
// A guard against a paging bug looping for ever: 50 pages are 10 000 assessments, far beyond the county's.
const maxPages = 50;

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
    // Every page: the graph pages without a total, and the page filters and pages the whole list itself (stopping at
    // the first 200 left the rest of the county's hundreds out without saying so).
    const fetchAll = async () => {
      const byId = new Map<string, AssessmentItem>();
      for (let page = 0; page < maxPages; page++) {
        const data = await request(BusinessAssessmentsDocument, {
          status: requestedStatus,
          first: assessmentPageSize,
          offset: page * assessmentPageSize,
        });
        for (const item of data.businessAssessments) if (!byId.has(item.id)) byId.set(item.id, item);
        if (data.businessAssessments.length < assessmentPageSize) break;
      }
      return { businessAssessments: [...byId.values()] };
    };
    await run(fetchAll, {
      onData: (data) => {
        items.value = data.businessAssessments;
        status.value = requestedStatus;
      },
      onError: () => {
        items.value = [];
        status.value = undefined;
      },
    });
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

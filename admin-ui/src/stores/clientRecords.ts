// The client page's records beside the sessions: follow-ups, milestones, survey answers and links to the
// business community. Each save loads the client page again, so the new record shows in its list.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  AddClientLinkInput,
  MilestoneKind,
  RecordFollowUpInput,
  RecordSurveyResponseInput,
  RecordSurveyResponseMutation,
} from '../graphql/generated/graphql';
import { useClientStore } from './client';

export const RecordFollowUpDocument = graphql(`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      id
    }
  }
`);

export const RecordMilestoneDocument = graphql(`
  mutation RecordMilestone($clientId: ID!, $kind: MilestoneKind!, $reachedOn: Date!) {
    recordMilestone(clientId: $clientId, kind: $kind, reachedOn: $reachedOn) {
      kind
      reachedOn
    }
  }
`);

export const RecordSurveyResponseDocument = graphql(`
  mutation RecordSurveyResponse($input: RecordSurveyResponseInput!) {
    recordSurveyResponse(input: $input) {
      year
      responses
      averageScore
    }
  }
`);

export const AddClientLinkDocument = graphql(`
  mutation AddClientLink($input: AddClientLinkInput!) {
    addClientLink(input: $input) {
      id
    }
  }
`);

/** Which of the client page's record forms a save or an error is about. */
export type ClientRecordAction = 'followUp' | 'milestone' | 'survey' | 'link';

export interface ClientRecordError extends FormActionError {
  action: ClientRecordAction;
}

/** The region's survey results for the year of an answer just recorded (null figures are suppressed). */
export type SurveyYearResults = RecordSurveyResponseMutation['recordSurveyResponse'];

export const useClientRecordsStore = defineStore('clientRecords', () => {
  /** The form whose save is under way; null when none is. */
  const saving = ref<ClientRecordAction | null>(null);
  const actionError = ref<ClientRecordError | null>(null);
  const surveyResults = ref<SurveyYearResults | null>(null);

  async function save(
    action: ClientRecordAction,
    clientId: string,
    send: () => Promise<unknown>,
    prefixes: readonly string[] = ['input'],
  ): Promise<boolean> {
    saving.value = action;
    actionError.value = null;
    try {
      await send();
    } catch (caught) {
      actionError.value = { action, ...toFormActionError(toRequestError(caught), prefixes) };
      return false;
    } finally {
      saving.value = null;
    }
    const clientStore = useClientStore();
    await clientStore.load(clientId, clientStore.year ?? new Date().getFullYear());
    return true;
  }

  /** Records a follow-up by the signed-in adviser; resolves to whether it worked. */
  function recordFollowUp(input: RecordFollowUpInput): Promise<boolean> {
    return save('followUp', String(input.clientId), () => request(RecordFollowUpDocument, { input }));
  }

  /** Records a milestone; the server refuses one the client has reached already (CONFLICT). */
  function recordMilestone(clientId: string, kind: MilestoneKind, reachedOn: string): Promise<boolean> {
    return save(
      'milestone',
      clientId,
      () => request(RecordMilestoneDocument, { clientId, kind, reachedOn }),
      // The arguments are checked as `milestone.kind` and `milestone.reachedOn`.
      ['milestone'],
    );
  }

  /** Records a survey answer; keeps the region's results for its year, which the server answers with. */
  function recordSurveyResponse(input: RecordSurveyResponseInput): Promise<boolean> {
    surveyResults.value = null;
    return save('survey', String(input.clientId), async () => {
      surveyResults.value = (await request(RecordSurveyResponseDocument, { input })).recordSurveyResponse;
    });
  }

  /** Links the client to a mentor, business or competence environment. */
  function addLink(input: AddClientLinkInput): Promise<boolean> {
    return save('link', String(input.clientId), () => request(AddClientLinkDocument, { input }));
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  /** Forgets what another client's page left (an error, the last survey results). */
  function reset(): void {
    actionError.value = null;
    surveyResults.value = null;
  }

  return {
    saving,
    actionError,
    surveyResults,
    recordFollowUp,
    recordMilestone,
    recordSurveyResponse,
    addLink,
    clearActionError,
    reset,
  };
});

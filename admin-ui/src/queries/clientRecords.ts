// The client page's records beside the sessions, through the query layer: follow-ups, milestones, survey answers and
// links to the business community. Each save makes the page ask again, so the new record shows in its list.
import { ref } from 'vue';
import { graphql } from '../graphql/generated';
import type {
  AddClientLinkInput,
  MilestoneKind,
  RecordFollowUpInput,
  RecordSurveyResponseInput,
  RecordSurveyResponseMutation,
} from '../graphql/generated/graphql';
import { useFormAction } from './formAction';

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

/** The region's survey results for the year of an answer just recorded (null figures are suppressed). */
export type SurveyYearResults = RecordSurveyResponseMutation['recordSurveyResponse'];

/** Records a follow-up by the signed-in adviser; `record` resolves to whether it worked. */
export function useRecordFollowUp() {
  const action = useFormAction(RecordFollowUpDocument);
  return { ...action, record: async (input: RecordFollowUpInput) => (await action.send({ input })) !== null };
}

/** Records a milestone; the server refuses one the client has reached already (CONFLICT). */
export function useRecordMilestone() {
  // The arguments are checked as `milestone.kind` and `milestone.reachedOn`.
  const action = useFormAction(RecordMilestoneDocument, ['milestone']);
  return {
    ...action,
    record: async (clientId: string, kind: MilestoneKind, reachedOn: string) =>
      (await action.send({ clientId, kind, reachedOn })) !== null,
  };
}

/** Records a survey answer; keeps the region's results for its year, which the server answers with. */
export function useRecordSurveyResponse() {
  const action = useFormAction(RecordSurveyResponseDocument);
  const surveyResults = ref<SurveyYearResults | null>(null);
  return {
    ...action,
    surveyResults,
    record: async (input: RecordSurveyResponseInput) => {
      surveyResults.value = null;
      const answer = await action.send({ input });
      surveyResults.value = answer?.recordSurveyResponse ?? null;
      return answer !== null;
    },
    /** Forgets what another client's page left (an error, the last survey results). */
    reset: () => {
      action.clearActionError();
      surveyResults.value = null;
    },
  };
}

/** Links the client to a mentor, business or competence environment. */
export function useAddClientLink() {
  const action = useFormAction(AddClientLinkDocument);
  return { ...action, add: async (input: AddClientLinkInput) => (await action.send({ input })) !== null };
}

// The public pages of the one-time links in e-mails through the query layer: what a link leads to (a survey, an
// unsubscribe, a cancel, an impact figure to confirm) and doing it. Anonymous requests only; the token is the link's
// and is kept nowhere but in the page's address.
import { computed, type MaybeRefOrGetter, ref, toValue, watch } from 'vue';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { PublicLinkKind, PublicLinkQuery, SurveyAnswerInput } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';
import { type PublicActionError, toActionError } from './publicRequests';

export const PublicLinkDocument = graphql(`
  query PublicLink($token: String!) {
    publicLink(token: $token) {
      kind
      title
      valid
    }
  }
`);

export const AnswerSurveyDocument = graphql(`
  mutation AnswerSurvey($input: SurveyAnswerInput!) {
    answerSurvey(input: $input)
  }
`);

export const UnsubscribeFromSurveysDocument = graphql(`
  mutation UnsubscribeFromSurveys($token: String!) {
    unsubscribeFromSurveys(token: $token)
  }
`);

export const CancelWebsiteRequestDocument = graphql(`
  mutation CancelWebsiteRequest($token: String!) {
    cancelWebsiteRequest(token: $token)
  }
`);

export const ConfirmImpactDocument = graphql(`
  mutation ConfirmImpact($token: String!) {
    confirmImpact(token: $token)
  }
`);

export type PublicLinkTarget = PublicLinkQuery['publicLink'];

/** Where a link's page is: checking it, it cannot be checked now, it no longer works, it works, it has been used here. */
export type PublicLinkState = 'loading' | 'error' | 'invalid' | 'ready' | 'done';

/** The codes by which the server says a token is unknown, used up or expired, rather than that something failed. */
const invalidLinkCodes = ['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'GONE'];

/** Whether a refusal is about the link itself (not a field of the form, not a limit or an outage). */
function refusesLink(error: PublicActionError): boolean {
  const aboutFields = Object.keys(error.fieldErrors).some((field) => field !== 'token');
  return !aboutFields && error.codes.some((code) => invalidLinkCodes.includes(code));
}

const actionOfKind: Record<PublicLinkKind, PublicActionError['action']> = {
  SURVEY: 'survey',
  CANCEL: 'cancel',
  IMPACT_CONFIRMATION: 'impact',
  UNSUBSCRIBE: 'unsubscribe',
};

/**
 * The link `token` for the page of `kind` (a link of another kind does not work there), and what the page does with
 * it. `state` says where the page is; each action resolves to whether it was done (the reason otherwise in
 * `actionError`, or `state` says the link no longer works).
 */
export function usePublicLink(token: MaybeRefOrGetter<string>, kind: PublicLinkKind) {
  const query = useGraphQLQuery(PublicLinkDocument, () => ({ token: toValue(token) }), { anonymous: true });
  /** What using the link here came to; null until it was used. */
  const outcome = ref<'done' | 'invalid' | null>(null);
  const sendError = ref<PublicActionError | null>(null);
  const sending = ref(false);
  watch(
    () => toValue(token),
    () => {
      outcome.value = null;
      sendError.value = null;
    },
  );

  /** Why the link could not be checked, as a form shows it; null when it was, or the server refused the token. */
  const loadError = computed<PublicActionError | null>(() => {
    const caught = query.query.error.value;
    if (query.error.value === null || caught === null) return null;
    return toActionError(actionOfKind[kind], toRequestError(caught));
  });
  const state = computed<PublicLinkState>(() => {
    if (outcome.value) return outcome.value;
    if (loadError.value) return refusesLink(loadError.value) ? 'invalid' : 'error';
    const link = query.data.value?.publicLink;
    if (!link || (query.loading.value && query.shownVariables.value?.token !== toValue(token))) return 'loading';
    return link.kind === kind && link.valid ? 'ready' : 'invalid';
  });

  const answerSurveyMutation = useGraphQLMutation(AnswerSurveyDocument, { anonymous: true });
  const unsubscribeMutation = useGraphQLMutation(UnsubscribeFromSurveysDocument, { anonymous: true });
  const cancelMutation = useGraphQLMutation(CancelWebsiteRequestDocument, { anonymous: true });
  const confirmImpactMutation = useGraphQLMutation(ConfirmImpactDocument, { anonymous: true });

  async function send(action: PublicActionError['action'], perform: () => Promise<boolean>): Promise<boolean> {
    sending.value = true;
    sendError.value = null;
    try {
      // False: the server did nothing with the link (used up meanwhile, say).
      outcome.value = (await perform()) ? 'done' : 'invalid';
    } catch (caught) {
      const error = toActionError(action, toRequestError(caught));
      if (refusesLink(error)) outcome.value = 'invalid';
      else sendError.value = error;
    } finally {
      sending.value = false;
    }
    return outcome.value === 'done';
  }

  return {
    state,
    target: computed<PublicLinkTarget | null>(() =>
      state.value === 'loading' ? null : (query.data.value?.publicLink ?? null),
    ),
    sending,
    /** Why the link could not be checked, or why using it failed. */
    actionError: computed(() => sendError.value ?? (state.value === 'error' ? loadError.value : null)),
    /** Checks the link again (the retry of a link that could not be checked). */
    reload: () => query.refetch(),
    /** Answers the survey. */
    answerSurvey: (input: SurveyAnswerInput) =>
      send('survey', async () => (await answerSurveyMutation.run({ input })).answerSurvey),
    unsubscribe: (linkToken: string) =>
      send('unsubscribe', async () => (await unsubscribeMutation.run({ token: linkToken })).unsubscribeFromSurveys),
    cancel: (linkToken: string) =>
      send('cancel', async () => (await cancelMutation.run({ token: linkToken })).cancelWebsiteRequest),
    /** The client confirms the impact figure of the link. */
    confirmImpact: (linkToken: string) =>
      send('impact', async () => (await confirmImpactMutation.run({ token: linkToken })).confirmImpact),
  };
}

/** What a one-time link's page asks of the person, by the action's name. */
export type PublicLinkAction = 'unsubscribe' | 'cancel' | 'confirmImpact';

// The public pages of the one-time links in e-mails: what a link leads to (a survey, an unsubscribe, a cancel, an
// impact figure to confirm) and doing it. Anonymous requests only; the token is the link's and is kept nowhere but in the page's address.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { anonymousRequest, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { PublicLinkKind, PublicLinkQuery, SurveyAnswerInput } from '../graphql/generated/graphql';
import { type PublicActionError, toActionError } from '../queries/publicRequests';

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

export const usePublicLinksStore = defineStore('publicLinks', () => {
  const state = ref<PublicLinkState>('loading');
  const target = ref<PublicLinkTarget | null>(null);
  const sending = ref(false);
  const actionError = ref<PublicActionError | null>(null);
  let latest = 0;

  /** Checks what `token` leads to, for the page of `kind`; a link of another kind does not work there. */
  async function load(token: string, kind: PublicLinkKind): Promise<void> {
    const mine = ++latest;
    state.value = 'loading';
    target.value = null;
    actionError.value = null;
    try {
      const data = await anonymousRequest(PublicLinkDocument, { token });
      if (mine !== latest) return;
      target.value = data.publicLink;
      state.value = data.publicLink.kind === kind && data.publicLink.valid ? 'ready' : 'invalid';
    } catch (caught) {
      if (mine !== latest) return;
      const error = toActionError(
        kind === 'SURVEY'
          ? 'survey'
          : kind === 'CANCEL'
            ? 'cancel'
            : kind === 'IMPACT_CONFIRMATION'
              ? 'impact'
              : 'unsubscribe',
        toRequestError(caught),
      );
      state.value = refusesLink(error) ? 'invalid' : 'error';
      if (state.value === 'error') actionError.value = error;
    }
  }

  async function send(action: PublicActionError['action'], perform: () => Promise<boolean>): Promise<boolean> {
    sending.value = true;
    actionError.value = null;
    try {
      // False: the server did nothing with the link (used up meanwhile, say).
      state.value = (await perform()) ? 'done' : 'invalid';
    } catch (caught) {
      const error = toActionError(action, toRequestError(caught));
      if (refusesLink(error)) state.value = 'invalid';
      else actionError.value = error;
    } finally {
      sending.value = false;
    }
    return state.value === 'done';
  }

  /** Answers the survey; resolves to whether it was recorded (the reason otherwise in `actionError` or `state`). */
  function answerSurvey(input: SurveyAnswerInput): Promise<boolean> {
    return send('survey', async () => (await anonymousRequest(AnswerSurveyDocument, { input })).answerSurvey);
  }

  function unsubscribe(token: string): Promise<boolean> {
    return send(
      'unsubscribe',
      async () => (await anonymousRequest(UnsubscribeFromSurveysDocument, { token })).unsubscribeFromSurveys,
    );
  }

  function cancel(token: string): Promise<boolean> {
    return send(
      'cancel',
      async () => (await anonymousRequest(CancelWebsiteRequestDocument, { token })).cancelWebsiteRequest,
    );
  }

  /** The client confirms the impact figure of the link. */
  function confirmImpact(token: string): Promise<boolean> {
    return send('impact', async () => (await anonymousRequest(ConfirmImpactDocument, { token })).confirmImpact);
  }

  return { state, target, sending, actionError, load, answerSurvey, unsubscribe, cancel, confirmImpact };
});

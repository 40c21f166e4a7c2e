// What a person sends on the public website: a course sign-up or a request for counselling, and
// the receipt the service gives back. Anonymous requests only; nothing personal is kept here.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { serverFieldErrors } from '../composables/fieldErrors';
import { anonymousRequest, type GraphQLRequestError, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { CounsellingRequestInput, CourseSignUpInput, SignUpForCourseMutation } from '../graphql/generated/graphql';

/**
 * What the person is shown after either request: the same receipt. Not where a sign-up landed: told
 * to whoever typed the address, that would say whether it already held a place (the office confirms).
 */
export const WebsiteReceiptFields = graphql(`
  fragment WebsiteReceipt on WebsiteRequestReceipt {
    reference
    kind
    region {
      id
      name
      offices {
        name
        streetAddress
        postalCode
        postalTown
      }
    }
    course {
      id
      title
      startsOn
    }
  }
`);

export const SignUpForCourseDocument = graphql(`
  mutation SignUpForCourse($input: CourseSignUpInput!) {
    signUpForCourse(input: $input) {
      ...WebsiteReceipt
    }
  }
`);

export const RequestCounsellingDocument = graphql(`
  mutation RequestCounselling($input: CounsellingRequestInput!) {
    requestCounselling(input: $input) {
      ...WebsiteReceipt
    }
  }
`);

/** The receipt: a reference, the course signed up for and which region gets in touch; no personal data. */
export type WebsiteReceipt = SignUpForCourseMutation['signUpForCourse'];

/** Why a sign-up or request was refused; plain data, so the store state stays serialisable. */
export interface PublicActionError {
  /** The public form it came from: the two requests here, and the pages of the one-time links (stores/publicLinks). */
  action: 'sign-up' | 'counselling' | 'survey' | 'unsubscribe' | 'cancel' | 'appointment' | 'impact';
  message: string;
  codes: string[];
  /** The server's messages by input field, without the `input.` prefix (e.g. `person.email`). */
  fieldErrors: Record<string, string>;
  /** For RATE_LIMITED: how long to wait, in seconds, when the server said. */
  retryAfterSeconds: number | null;
}

export function toActionError(action: PublicActionError['action'], error: GraphQLRequestError): PublicActionError {
  let retryAfterSeconds: number | null = null;
  for (const detail of error.errors) {
    if (detail.retryAfterSeconds !== undefined) {
      retryAfterSeconds = Math.max(retryAfterSeconds ?? 0, detail.retryAfterSeconds);
    }
  }
  const fieldErrors = serverFieldErrors(error);
  return { action, message: error.message, codes: error.codes, fieldErrors, retryAfterSeconds };
}

export const usePublicRequestsStore = defineStore('publicRequests', () => {
  const sending = ref(false);
  const receipt = ref<WebsiteReceipt | null>(null);
  const actionError = ref<PublicActionError | null>(null);

  async function send(
    action: PublicActionError['action'],
    perform: () => Promise<WebsiteReceipt>,
  ): Promise<WebsiteReceipt | null> {
    sending.value = true;
    actionError.value = null;
    receipt.value = null;
    try {
      receipt.value = await perform();
      return receipt.value;
    } catch (caught) {
      actionError.value = toActionError(action, toRequestError(caught));
      return null;
    } finally {
      sending.value = false;
    }
  }

  /** Signs a person up; resolves to the receipt, or null with the reason in `actionError`. */
  function signUp(input: CourseSignUpInput): Promise<WebsiteReceipt | null> {
    return send('sign-up', async () => (await anonymousRequest(SignUpForCourseDocument, { input })).signUpForCourse);
  }

  /** Asks for counselling; resolves to the receipt, or null with the reason in `actionError`. */
  function requestCounselling(input: CounsellingRequestInput): Promise<WebsiteReceipt | null> {
    return send(
      'counselling',
      async () => (await anonymousRequest(RequestCounsellingDocument, { input })).requestCounselling,
    );
  }

  /** Forgets the last receipt and refusal, e.g. when the person starts a new form. */
  function reset(): void {
    receipt.value = null;
    actionError.value = null;
  }

  return { sending, receipt, actionError, signUp, requestCounselling, reset };
});

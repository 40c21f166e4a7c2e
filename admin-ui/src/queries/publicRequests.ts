// What a person sends on the public website: a course sign-up or a request for counselling, and the receipt the
// service gives back, through the query layer's mutations without anyone's token. Nothing personal is kept here.
import { type Ref, ref } from 'vue';
import { serverFieldErrors } from '../composables/fieldErrors';
import { type GraphQLRequestError, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { CounsellingRequestInput, CourseSignUpInput, SignUpForCourseMutation } from '../graphql/generated/graphql';
import { useGraphQLMutation } from '../graphql/queries';

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
  /** The public form it came from: the two requests here, and the pages of the one-time links (queries/publicLinks). */
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

/**
 * One public form's sending: `send` resolves to the receipt, or null with the reason in `actionError`; `reset`
 * forgets both, e.g. when the person starts a new form.
 */
function usePublicForm<Input>(
  action: PublicActionError['action'],
  perform: (input: Input) => Promise<WebsiteReceipt>,
  sending: Ref<boolean>,
) {
  const receipt = ref<WebsiteReceipt | null>(null);
  const actionError = ref<PublicActionError | null>(null);
  async function send(input: Input): Promise<WebsiteReceipt | null> {
    actionError.value = null;
    receipt.value = null;
    try {
      receipt.value = await perform(input);
      return receipt.value;
    } catch (caught) {
      actionError.value = toActionError(action, toRequestError(caught));
      return null;
    }
  }
  function reset(): void {
    receipt.value = null;
    actionError.value = null;
  }
  return { send, sending, receipt, actionError, reset };
}

/** Signing a person up for a course. */
export function useCourseSignUp() {
  const mutation = useGraphQLMutation(SignUpForCourseDocument, { anonymous: true });
  return usePublicForm<CourseSignUpInput>(
    'sign-up',
    async (input) => (await mutation.run({ input })).signUpForCourse,
    mutation.running,
  );
}

/** Asking for counselling. */
export function useCounsellingRequest() {
  const mutation = useGraphQLMutation(RequestCounsellingDocument, { anonymous: true });
  return usePublicForm<CounsellingRequestInput>(
    'counselling',
    async (input) => (await mutation.run({ input })).requestCounselling,
    mutation.running,
  );
}

// Failed course actions as plain data: which action, the message, the error codes and the server's messages by input field.

import { serverFieldErrors } from '../composables/fieldErrors';
import type { GraphQLRequestError } from '../graphql/client';

export type CourseAction = 'create' | 'enrol' | 'cancel-enrolment' | 'attendance' | 'cancel-course';

/** What went wrong; plain data, so the store state stays serialisable. */
export interface CourseActionError {
  action: CourseAction;
  message: string;
  codes: string[];
  /** The server's messages by input field, without the `input.` prefix (e.g. `participantFee`, `endsOn`). */
  fieldErrors: Record<string, string>;
}

export function toCourseActionError(action: CourseAction, error: GraphQLRequestError): CourseActionError {
  const fieldErrors = serverFieldErrors(error);
  return { action, message: error.message, codes: error.codes, fieldErrors };
}

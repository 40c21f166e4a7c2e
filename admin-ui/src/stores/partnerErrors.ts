// Failed partner-page actions as plain data: the message, the error codes and the server's messages by input field.
import type { GraphQLRequestError } from '../graphql/client';

/** What went wrong with a status change or a delivery; plain data, so the store state stays serialisable. */
export interface PartnerActionError {
  message: string;
  codes: string[];
  /** The server's messages by input field, without the `input.` prefix (e.g. `fee`, `reason`). */
  fieldErrors: Record<string, string>;
}

export function toPartnerActionError(error: GraphQLRequestError): PartnerActionError {
  const fieldErrors: Record<string, string> = {};
  for (const detail of error.errors) {
    if (!detail.field) continue;
    const field = detail.field.replace(/^input\./, '');
    const message = detail.message.startsWith(`${detail.field}:`)
      ? detail.message.slice(detail.field.length + 1).trim()
      : detail.message;
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${message}` : message;
  }
  return { message: error.message, codes: error.codes, fieldErrors };
}

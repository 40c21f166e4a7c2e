// Failed partner-page actions as plain data: the console's one form-error shape (composables/fieldErrors).
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import type { GraphQLRequestError } from '../graphql/client';

/** What went wrong with a status change or a delivery; plain data, so the store state stays serialisable. */
export type PartnerActionError = FormActionError;

export function toPartnerActionError(error: GraphQLRequestError): PartnerActionError {
  return toFormActionError(error);
}

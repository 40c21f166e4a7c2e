// A failed action as plain data: an alias of the console's one form-error shape (composables/fieldErrors), kept only
// for the county pages' queries that still import it; new code imports `FormActionError` from there directly.
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import type { GraphQLRequestError } from '../graphql/client';

/** @deprecated The same as `FormActionError` (composables/fieldErrors); import that instead. */
export type PartnerActionError = FormActionError;

/** @deprecated The same as `toFormActionError` (composables/fieldErrors); call that instead. */
export function toPartnerActionError(error: GraphQLRequestError): PartnerActionError {
  return toFormActionError(error);
}

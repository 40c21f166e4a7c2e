// The one place the server's field errors are sorted by field: without the argument's name in front
// (`input.note` → `note`), and without the path the message repeats before its colon.
import type { GraphQLRequestError } from '../graphql/client';

/** What went wrong saving a form; plain data, so a store's state stays serialisable. */
export interface FormActionError {
  message: string;
  codes: string[];
  /** The server's messages by field, without the argument prefix (e.g. `note`, `reachedOn`). */
  fieldErrors: Record<string, string>;
}

/**
 * The server's messages by field. `prefixes` are the arguments whose name the field paths start with
 * (`input` for an input object, `milestone` for the arguments of recordMilestone); two messages
 * about one field are joined.
 */
export function serverFieldErrors(
  error: Pick<GraphQLRequestError, 'errors'>,
  prefixes: readonly string[] = ['input'],
): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const detail of error.errors) {
    if (!detail.field) continue;
    const prefix = prefixes.find((one) => detail.field?.startsWith(`${one}.`));
    const field = prefix ? detail.field.slice(prefix.length + 1) : detail.field;
    // The message repeats the field's path before a colon; beside the field, only the reason is news.
    const message = detail.message.startsWith(`${detail.field}:`)
      ? detail.message.slice(detail.field.length + 1).trim()
      : detail.message;
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${message}` : message;
  }
  return fieldErrors;
}

/** A failed save as a form shows it: the message, the codes and the field errors. */
export function toFormActionError(
  error: GraphQLRequestError,
  prefixes: readonly string[] = ['input'],
): FormActionError {
  return { message: error.message, codes: error.codes, fieldErrors: serverFieldErrors(error, prefixes) };
}

// What a person is told about a failed request: a sentence in their language chosen by the GraphQL error
// code, never the code itself or the server's (English, technical) message; those go to the browser's console.
import { useI18n } from 'vue-i18n';
import type { requestErrorsNb } from '../i18n/errors.nb';

/** A failed request as the stores keep it. */
export interface RequestFailure {
  message: string;
  codes: readonly string[];
}

type ErrorKey = keyof typeof requestErrorsNb;

/** The codes with a sentence of their own, the one that says most first. */
const explainedCodes: readonly ErrorKey[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'NOT_FOUND',
  'RATE_LIMITED',
  'BAD_USER_INPUT',
  'SUBGRAPH_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
];

/** The message key for a failure: its most telling code, `network` when no answer came, else `other`. */
export function requestErrorKey(failure: RequestFailure): ErrorKey {
  const code = explainedCodes.find((one) => failure.codes.includes(one));
  if (code) return code;
  // Without any code the request got no GraphQL answer: the network or the proxy failed.
  return failure.codes.length === 0 ? 'network' : 'other';
}

// Each failure is logged once, however often a page renders it.
const logged = new WeakSet<object>();

/** Logs the technical detail of a failure to the console, once. */
export function logRequestFailure(failure: RequestFailure): void {
  if (logged.has(failure)) return;
  logged.add(failure);
  console.warn(`Request failed [${failure.codes.join(', ') || 'no code'}]: ${failure.message}`);
}

export function useRequestErrorText() {
  const { t } = useI18n();
  /** The sentence for a failure; its codes and message go to the console instead. */
  return function requestErrorText(failure: RequestFailure): string {
    logRequestFailure(failure);
    return t(`requestErrors.${requestErrorKey(failure)}`);
  };
}

/**
 * For the details line under a page's own explanation of a failed load: nothing for what the pages
 * explain themselves (no access, signed out), the sentence for the code otherwise.
 */
export function useRequestErrorDetail() {
  const requestErrorText = useRequestErrorText();
  return function requestErrorDetail(failure: RequestFailure): string | null {
    const key = requestErrorKey(failure);
    if (key === 'FORBIDDEN' || key === 'UNAUTHENTICATED') {
      logRequestFailure(failure);
      return null;
    }
    return requestErrorText(failure);
  };
}

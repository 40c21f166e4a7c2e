// English texts for a failed request, by the GraphQL error code: what a person is told instead of the code or the server's message.
import type { requestErrorsNb } from './errors.nb';

export const requestErrorsEn = {
  UNAUTHENTICATED: 'Your sign-in has expired. Sign in again.',
  FORBIDDEN: 'You do not have access to this.',
  NOT_FOUND: 'Not found. It may have been deleted or moved.',
  CONFLICT: 'Someone else changed this in the meantime. Reload and try again.',
  BAD_USER_INPUT: 'Some of what was sent was not accepted. Check the fields and try again.',
  RATE_LIMITED: 'Too many attempts in a short time. Wait a little and try again.',
  SUBGRAPH_UNAVAILABLE: 'Part of the service is not answering right now. Try again in a little while.',
  SERVICE_UNAVAILABLE: 'Part of the service is not answering right now. Try again in a little while.',
  network: 'Could not reach the service. Check the network connection and try again.',
  other: 'Something went wrong on our side. Try again in a little while.',
} satisfies typeof requestErrorsNb;

// English texts for a failed request, by the GraphQL error code: what a person is told instead of the code or the server's message.
import type { requestErrorsNb, serverReasonsNb } from './errors.nb';

export const requestErrorsEn = {
  UNAUTHENTICATED: 'Your sign-in has expired. Sign in again.',
  FORBIDDEN: 'You do not have access to this.',
  NOT_FOUND: 'Not found. It may have been deleted or moved.',
  CONFLICT:
    'This cannot be done as things stand: it conflicts with something already recorded, perhaps by someone else. Reload to see what applies.',
  BAD_USER_INPUT: 'The service did not accept what was sent.',
  RATE_LIMITED: 'Too many attempts in a short time. Wait a little and try again.',
  SUBGRAPH_UNAVAILABLE: 'Part of the service is not answering right now. Try again in a little while.',
  SERVICE_UNAVAILABLE: 'Part of the service is not answering right now. Try again in a little while.',
  network: 'Could not reach the service. Check the network connection and try again.',
  other: 'Something went wrong on our side. Try again in a little while.',
} satisfies typeof requestErrorsNb;

export const serverReasonsEn = {
  required: 'Required.',
  tooLong: 'At most {max} characters.',
  atMost: 'At most {max}.',
  atLeast: 'At least {min}.',
  atMostMinutes: 'At most {max} minutes.',
  atLeastMinutes: 'At least {min} minutes.',
  notNegative: 'Cannot be negative.',
  notFuture: 'The date cannot be in the future.',
  notBefore: 'The date is too early.',
  phone: 'Enter a phone number of 8 to 20 digits.',
  email: 'Enter a valid e-mail address.',
  municipalityNumber: 'A municipality number has four digits.',
  nameCharacters: 'Use only letters, spaces, hyphens, apostrophes and full stops.',
  organisationNumber: 'Enter a valid organisation number (nine digits).',
  other: 'The service did not accept the value in this field.',
} satisfies typeof serverReasonsNb;

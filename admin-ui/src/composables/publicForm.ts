// The public website's form rules without Vue: the drafts of a course sign-up and a request for
// counselling, checked with the same rules as the regions subgraph (subgraphs/regions/src/website.ts)
// so that a person hears about a mistake at the field before anything is sent.
import type {
  CounsellingRequestInput,
  CourseSignUpInput,
  ImmigrantBackground,
  PublicPersonInput,
} from '../graphql/generated/graphql';

export interface PersonDraft {
  name: string;
  email: string;
  phone: string;
  municipalityNumber: string;
  businessIdea: string;
  immigrantBackground: ImmigrantBackground;
  consentToProcessing: boolean;
}

/**
 * Validation messages are i18n keys under `publicSite.validation`. Error keys are the input's
 * field paths without `input.` (e.g. `person.email`), the same keys the server's field errors map to.
 */
export type PublicValidationKey =
  | 'required'
  | 'nameLength'
  | 'nameCharacters'
  | 'email'
  | 'phone'
  | 'municipality'
  | 'outsideRegion'
  | 'tooLong'
  | 'markup'
  | 'controlCharacters'
  | 'consent';

export type PublicFieldErrors = Record<string, PublicValidationKey>;

export type Checked<Input> = { ok: true; input: Input } | { ok: false; errors: PublicFieldErrors };

/**
 * The version of the privacy notice the consent refers to; the server records it with every
 * request (`privacyNoticeVersion` in subgraphs/regions/src/website.ts) and the two must match.
 */
export const privacyNoticeVersion = '2026-11-27';

export const nameMaxLength = 100;
export const textMaxLength = 1000;

export function emptyPerson(): PersonDraft {
  return {
    name: '',
    email: '',
    phone: '',
    municipalityNumber: '',
    businessIdea: '',
    immigrantBackground: 'UNKNOWN',
    consentToProcessing: false,
  };
}

const namePattern = /^\p{L}[\p{L}\p{M}'’. -]*$/u;
// zod's e-mail pattern, which the server uses.
const emailPattern =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const phonePattern = /^\+?[0-9 ]{8,20}$/;
const municipalityPattern = /^\d{4}$/;
const invisibleOrControl =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Anything that looks like markup: advisers read the text, so it must be text.
const markup = /<\s*\/?\s*[a-z!?]/i;

/** The text as the server will store it: NFC, without surrounding space. */
export function normalisedText(text: string): string {
  return text.normalize('NFC').trim();
}

/** Why a plain-text field is refused, or null when it passes. */
export function plainTextProblem(text: string, max = textMaxLength): PublicValidationKey | null {
  if (text.length > max) return 'tooLong';
  if (invisibleOrControl.test(text)) return 'controlCharacters';
  if (markup.test(text)) return 'markup';
  return null;
}

/** The region a municipality must belong to, for a course sign-up. */
export interface RegionRule {
  municipalityNumbers: readonly string[];
}

/** Checks the person's part of the form; the errors are added to `errors`. */
export function checkPerson(
  draft: PersonDraft,
  errors: PublicFieldErrors,
  region?: RegionRule,
): PublicPersonInput | null {
  const name = normalisedText(draft.name).replace(/\s+/g, ' ');
  if (name === '') errors['person.name'] = 'required';
  else if (name.length < 2 || name.length > nameMaxLength) errors['person.name'] = 'nameLength';
  else if (!namePattern.test(name)) errors['person.name'] = 'nameCharacters';

  const email = draft.email.trim();
  if (email === '') errors['person.email'] = 'required';
  else if (email.length > 254 || !emailPattern.test(email)) errors['person.email'] = 'email';

  const phone = draft.phone.trim();
  if (phone !== '' && !phonePattern.test(phone)) errors['person.phone'] = 'phone';

  if (draft.municipalityNumber === '') errors['person.municipalityNumber'] = 'required';
  else if (!municipalityPattern.test(draft.municipalityNumber)) errors['person.municipalityNumber'] = 'municipality';
  else if (region && !region.municipalityNumbers.includes(draft.municipalityNumber)) {
    errors['person.municipalityNumber'] = 'outsideRegion';
  }

  const businessIdea = normalisedText(draft.businessIdea);
  const ideaProblem = plainTextProblem(businessIdea);
  if (ideaProblem) errors['person.businessIdea'] = ideaProblem;

  if (!draft.consentToProcessing) errors['person.consentToProcessing'] = 'consent';

  if (Object.keys(errors).length > 0) return null;
  const person: PublicPersonInput = {
    name,
    email,
    municipalityNumber: draft.municipalityNumber,
    immigrantBackground: draft.immigrantBackground,
    consentToProcessing: true,
  };
  if (phone !== '') person.phone = phone;
  if (businessIdea !== '') person.businessIdea = businessIdea;
  return person;
}

/** Checks a course sign-up; the municipality must be one of the course's region. */
export function checkSignUp(courseId: string, draft: PersonDraft, region: RegionRule): Checked<CourseSignUpInput> {
  const errors: PublicFieldErrors = {};
  const person = checkPerson(draft, errors, region);
  if (!person) return { ok: false, errors };
  return { ok: true, input: { courseId, person } };
}

/** Checks a request for counselling: the person and what they would like help with. */
export function checkCounselling(draft: PersonDraft, message: string): Checked<CounsellingRequestInput> {
  const errors: PublicFieldErrors = {};
  const text = normalisedText(message);
  if (text === '') errors.message = 'required';
  else {
    const problem = plainTextProblem(text);
    if (problem) errors.message = problem;
  }
  const person = checkPerson(draft, errors);
  if (!person || errors.message) return { ok: false, errors };
  return { ok: true, input: { person, message: text } };
}

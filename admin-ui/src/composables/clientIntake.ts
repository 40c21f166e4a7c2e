// The intake form's rules without Vue: the draft of a new client and checking it before it is sent.
import { clientLimits } from '@etablerer/regions/input-limits';
import type { Gender, ImmigrantBackground, RegisterClientInput } from '../graphql/generated/graphql';

export interface IntakeDraft {
  name: string;
  municipalityNumber: string;
  email: string;
  phone: string;
  birthYear: string;
  immigrantBackground: ImmigrantBackground;
  /** '' while the client has not said ("ikke oppgitt"): then no gender is sent. */
  gender: Gender | '';
  businessIdea: string;
  /** A NACE (SN2007) code such as `62.010`, or '' when not known yet. */
  industryCode: string;
  surveyConsent: boolean;
}

/** Validation messages are i18n keys under `clients.validation`, except `industryCode` (see `validationMessageKey`). */
export type IntakeValidationKey = 'required' | 'email' | 'phone' | 'birthYear' | 'tooLong' | 'industryCode';

/** The i18n key of a validation message; the industry code's text came with the gender and industry fields. */
export function validationMessageKey(key: IntakeValidationKey): string {
  return key === 'industryCode' ? 'clientData.validation.industryCode' : `clients.validation.${key}`;
}

/** In the order the forms offer them; "not given" is the empty choice before them. */
export const genders: readonly Gender[] = ['FEMALE', 'MALE', 'OTHER'];

/**
 * The regions subgraph's rule for `industryCode`, character for character: two digits for the
 * division, optionally a dot and one to three more (`62`, `62.0`, `62.01`, `62.010`).
 */
export const industryCodePattern = /^\d{2}(\.\d{1,3})?$/;

export function isIndustryCode(code: string): boolean {
  return industryCodePattern.test(code);
}

export type IntakeCheck =
  | { ok: true; input: RegisterClientInput }
  | { ok: false; errors: Record<string, IntakeValidationKey> };

export function emptyIntake(): IntakeDraft {
  return {
    name: '',
    municipalityNumber: '',
    email: '',
    phone: '',
    birthYear: '',
    immigrantBackground: 'UNKNOWN',
    gender: '',
    businessIdea: '',
    industryCode: '',
    surveyConsent: false,
  };
}

export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const phonePattern = /^\+?[\d ]{8,20}$/;

/** What both client forms check, trimmed as it is sent, with the birth year read as a number. */
export interface CheckedClientFields {
  errors: Record<string, IntakeValidationKey>;
  name: string;
  email: string;
  phone: string;
  birthYear: number | null;
  businessIdea: string;
  industryCode: string;
}

/**
 * The fields intake and editing share, checked as the regions subgraph checks them. Error keys are
 * the input's field names, the same keys the server's field errors map to.
 */
export function checkClientFields(
  draft: Pick<
    IntakeDraft,
    'name' | 'municipalityNumber' | 'email' | 'phone' | 'birthYear' | 'businessIdea' | 'industryCode'
  >,
  thisYear: number,
): CheckedClientFields {
  const errors: Record<string, IntakeValidationKey> = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'required';
  else if (name.length > clientLimits.name) errors.name = 'tooLong';
  if (draft.municipalityNumber === '') errors.municipalityNumber = 'required';
  const email = draft.email.trim();
  if (email !== '' && !emailPattern.test(email)) errors.email = 'email';
  const phone = draft.phone.trim();
  if (phone !== '' && !phonePattern.test(phone)) errors.phone = 'phone';
  const typedYear = draft.birthYear.trim();
  let birthYear: number | null = null;
  if (typedYear !== '') {
    birthYear = /^\d{4}$/.test(typedYear) ? Number(typedYear) : null;
    if (birthYear === null || birthYear < 1900 || birthYear > thisYear) errors.birthYear = 'birthYear';
  }
  const businessIdea = draft.businessIdea.trim();
  if (businessIdea.length > clientLimits.businessIdea) errors.businessIdea = 'tooLong';
  // The server does not trim the code, so the form does it before checking and sending.
  const industryCode = draft.industryCode.trim();
  if (industryCode !== '' && !isIndustryCode(industryCode)) errors.industryCode = 'industryCode';
  return { errors, name, email, phone, birthYear, businessIdea, industryCode };
}

/**
 * Checks a draft the way the API will, and builds the input when it passes. Error keys are the
 * input's field names, the same keys the server's field errors map to.
 */
export function checkIntake(regionId: string, draft: IntakeDraft, thisYear = new Date().getFullYear()): IntakeCheck {
  const { errors, name, email, phone, birthYear, businessIdea, industryCode } = checkClientFields(draft, thisYear);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: RegisterClientInput = {
    regionId,
    municipalityNumber: draft.municipalityNumber,
    name,
    immigrantBackground: draft.immigrantBackground,
    surveyConsent: draft.surveyConsent,
  };
  if (email !== '') input.email = email;
  if (phone !== '') input.phone = phone;
  if (birthYear !== null) input.birthYear = birthYear;
  if (businessIdea !== '') input.businessIdea = businessIdea;
  if (draft.gender !== '') input.gender = draft.gender;
  if (industryCode !== '') input.industryCode = industryCode;
  return { ok: true, input };
}

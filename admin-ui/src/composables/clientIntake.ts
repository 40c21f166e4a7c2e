// The intake form's rules without Vue: the draft of a new client and checking it before it is sent.
import type { ImmigrantBackground, RegisterClientInput } from '../graphql/generated/graphql';

export interface IntakeDraft {
  name: string;
  municipalityNumber: string;
  email: string;
  phone: string;
  birthYear: string;
  immigrantBackground: ImmigrantBackground;
  businessIdea: string;
  surveyConsent: boolean;
}

/** Validation messages are i18n keys under `clients.validation`. */
export type IntakeValidationKey = 'required' | 'email' | 'phone' | 'birthYear' | 'tooLong';

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
    businessIdea: '',
    surveyConsent: false,
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[\d ]{8,20}$/;

/**
 * Checks a draft the way the API will, and builds the input when it passes. Error keys are the
 * input's field names, the same keys the server's field errors map to.
 */
export function checkIntake(regionId: string, draft: IntakeDraft, thisYear = new Date().getFullYear()): IntakeCheck {
  const errors: Record<string, IntakeValidationKey> = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'required';
  else if (name.length > 200) errors.name = 'tooLong';
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
  if (businessIdea.length > 2000) errors.businessIdea = 'tooLong';

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
  return { ok: true, input };
}

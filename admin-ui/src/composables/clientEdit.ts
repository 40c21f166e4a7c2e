// The edit form's rules without Vue: a draft filled from the client's record, checked the way the
// API checks it, and turned into an UpdateClientInput holding only what the adviser changed.
import type { Gender, ImmigrantBackground, UpdateClientInput } from '../graphql/generated/graphql';
import type { ClientDetail } from '../queries/client';
import { checkClientFields, type IntakeValidationKey } from './clientIntake';

export interface ClientEditDraft {
  name: string;
  email: string;
  phone: string;
  birthYear: string;
  municipalityNumber: string;
  immigrantBackground: ImmigrantBackground;
  /** '' for "not given": saving it clears a gender given before. */
  gender: Gender | '';
  businessIdea: string;
  industryCode: string;
  surveyConsent: boolean;
}

/** The fields of the record the form edits, as the client page has loaded them. */
export type EditableClient = Pick<
  ClientDetail,
  | 'name'
  | 'email'
  | 'phone'
  | 'birthYear'
  | 'municipality'
  | 'immigrantBackground'
  | 'gender'
  | 'businessIdea'
  | 'industryCode'
  | 'surveyConsent'
>;

export type ClientEditCheck =
  | { ok: true; input: UpdateClientInput }
  | { ok: false; errors: Record<string, IntakeValidationKey> };

export function draftFromClient(client: EditableClient): ClientEditDraft {
  return {
    name: client.name,
    email: client.email ?? '',
    phone: client.phone ?? '',
    birthYear: client.birthYear == null ? '' : String(client.birthYear),
    municipalityNumber: client.municipality.number,
    immigrantBackground: client.immigrantBackground,
    gender: client.gender ?? '',
    businessIdea: client.businessIdea ?? '',
    industryCode: client.industryCode ?? '',
    surveyConsent: client.surveyConsent,
  };
}

/**
 * Checks the draft as the regions subgraph will, and builds the input from the fields that differ
 * from the record: a field left alone is left out, so it stays as it is, and an emptied optional
 * field is sent as null, which clears it. Error keys are the input's field names, the same keys
 * the server's field errors map to.
 */
export function checkClientEdit(
  original: EditableClient,
  draft: ClientEditDraft,
  thisYear = new Date().getFullYear(),
): ClientEditCheck {
  const { errors, name, email, phone, birthYear, businessIdea, industryCode } = checkClientFields(draft, thisYear);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const orNull = (value: string) => (value === '' ? null : value);
  const input: UpdateClientInput = {};
  if (name !== original.name) input.name = name;
  if (orNull(email) !== (original.email ?? null)) input.email = orNull(email);
  if (orNull(phone) !== (original.phone ?? null)) input.phone = orNull(phone);
  if (birthYear !== (original.birthYear ?? null)) input.birthYear = birthYear;
  if (draft.municipalityNumber !== original.municipality.number) input.municipalityNumber = draft.municipalityNumber;
  if (draft.immigrantBackground !== original.immigrantBackground) input.immigrantBackground = draft.immigrantBackground;
  const gender = draft.gender === '' ? null : draft.gender;
  if (gender !== (original.gender ?? null)) input.gender = gender;
  if (orNull(businessIdea) !== (original.businessIdea ?? null)) input.businessIdea = orNull(businessIdea);
  if (orNull(industryCode) !== (original.industryCode ?? null)) input.industryCode = orNull(industryCode);
  if (draft.surveyConsent !== original.surveyConsent) input.surveyConsent = draft.surveyConsent;
  return { ok: true, input };
}

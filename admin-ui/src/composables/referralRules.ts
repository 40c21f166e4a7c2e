// The rules of referring a client, as the partners subgraph checks them (sendReferral): who may refer, which
// programmes belong to which receiving party (the graph says), and what a referral needs before it is sent.
import { otherActorMaxLength, referralNoteMaxLength } from '@etablerer/partners/input-limits';
import type { ReferralDirection, ReferralProgramme, SendReferralInput } from '../graphql/generated/graphql';

type CallerLike = { role: string; regionId: string | null } | null | undefined;

/**
 * Only advisers send referrals, for clients of their own region. The client page shows an adviser only their
 * own region's clients (the regions subgraph refuses the others), so an adviser with a region on it may refer.
 */
export function sendsReferrals(caller: CallerLike): boolean {
  return caller != null && caller.role === 'ADVISER' && caller.regionId !== null;
}

/** The ways the service refers a client; FROM_NAV is NAV's to send. */
export const referralDirections = ['TO_INNOVASJON_NORGE', 'TO_NAV', 'TO_OTHER_ACTOR'] as const;
export type OutgoingDirection = (typeof referralDirections)[number];

/** A programme with the way a referral to it goes, as the graph offers them (Query.referralProgrammes). */
export interface ProgrammeOffer {
  programme: ReferralProgramme;
  direction: ReferralDirection;
}

/**
 * The programmes of the receiving party a referral goes to, from the graph's table (the one sendReferral checks);
 * none while the table has not loaded.
 */
export function programmesFor(
  direction: ReferralDirection | '',
  offers: readonly ProgrammeOffer[] | null | undefined,
): ReferralProgramme[] {
  return direction === ''
    ? []
    : (offers ?? []).filter((offer) => offer.direction === direction).map((offer) => offer.programme);
}

// The partners subgraph's own limits (sendReferral), imported so the form can never drift from them.
export const maxNoteLength = referralNoteMaxLength;
export const maxOtherActorLength = otherActorMaxLength;

export interface NavOfficeOption {
  id: string;
  name: string;
  municipalityNumbers: readonly string[];
}

/** The local NAV office serving a municipality, if one is known. */
export function navOfficeFor(
  offices: readonly NavOfficeOption[],
  municipalityNumber: string,
): NavOfficeOption | undefined {
  return offices.find((office) => office.municipalityNumbers.includes(municipalityNumber));
}

/** The client data a referral may share; the name always goes with it. */
export interface ReferralClient {
  id: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  municipality: { number: string };
}

export interface ReferralDraft {
  direction: OutgoingDirection | '';
  programme: ReferralProgramme | '';
  otherActor: string;
  municipalityNumber: string;
  consentGiven: boolean;
  consentGivenOn: string;
  shareEmail: boolean;
  sharePhone: boolean;
  note: string;
}

/** An empty referral for the client; `today` (YYYY-MM-DD) prefills the consent's date, usually given there and then. */
export function emptyReferralDraft(client: ReferralClient, today = ''): ReferralDraft {
  return {
    direction: '',
    programme: '',
    otherActor: '',
    municipalityNumber: client.municipality.number,
    consentGiven: false,
    consentGivenOn: today,
    // Nothing beyond the name is shared until the adviser ticks what the client agreed to.
    shareEmail: false,
    sharePhone: false,
    note: '',
  };
}

/** Why a field is not ready to send; the form turns a key into a text. */
export type ReferralValidationKey =
  | 'required'
  | 'consentRequired'
  | 'future'
  | 'tooLong'
  | 'wrongProgramme'
  | 'noNavOffice';

export type ReferralCheck =
  | { ok: true; input: SendReferralInput }
  | { ok: false; errors: Partial<Record<string, ReferralValidationKey>> };

/**
 * Checks a draft as the subgraph would, and builds the input from it: only the data the client agreed to
 * share, the actor only for another actor, and the municipality only where it routes the referral (NAV).
 */
export function checkReferral(
  client: ReferralClient,
  draft: ReferralDraft,
  {
    today,
    navOffices,
    programmes,
  }: { today: string; navOffices: readonly NavOfficeOption[] | null; programmes: readonly ProgrammeOffer[] | null },
): ReferralCheck {
  const errors: Partial<Record<string, ReferralValidationKey>> = {};
  if (draft.direction === '') errors.direction = 'required';
  if (draft.programme === '') errors.programme = 'required';
  // Only when the table has loaded: otherwise the subgraph says so itself.
  else if (
    draft.direction !== '' &&
    programmes &&
    !programmesFor(draft.direction, programmes).includes(draft.programme)
  ) {
    errors.programme = 'wrongProgramme';
  }
  const otherActor = draft.otherActor.trim();
  if (draft.direction === 'TO_OTHER_ACTOR') {
    if (otherActor === '') errors.otherActor = 'required';
    else if (otherActor.length > maxOtherActorLength) errors.otherActor = 'tooLong';
  }
  if (draft.direction === 'TO_NAV') {
    if (draft.municipalityNumber === '') errors.municipalityNumber = 'required';
    // Only when the offices have loaded: otherwise the subgraph says so itself.
    else if (navOffices && !navOfficeFor(navOffices, draft.municipalityNumber))
      errors.municipalityNumber = 'noNavOffice';
  }
  if (!draft.consentGiven) errors.consent = 'consentRequired';
  if (draft.consentGivenOn === '') errors.consentGivenOn = 'required';
  else if (draft.consentGivenOn > today) errors.consentGivenOn = 'future';
  const note = draft.note.trim();
  if (note.length > maxNoteLength) errors.note = 'tooLong';
  if (Object.keys(errors).length > 0 || draft.direction === '' || draft.programme === '') {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      clientId: client.id,
      direction: draft.direction,
      programme: draft.programme,
      otherActor: draft.direction === 'TO_OTHER_ACTOR' ? otherActor : null,
      municipalityNumber: draft.direction === 'TO_NAV' ? draft.municipalityNumber : null,
      consentGivenOn: draft.consentGivenOn,
      sharedClientData: {
        name: client.name,
        email: draft.shareEmail && client.email ? client.email : null,
        phone: draft.sharePhone && client.phone ? client.phone : null,
      },
      note: note === '' ? null : note,
    },
  };
}

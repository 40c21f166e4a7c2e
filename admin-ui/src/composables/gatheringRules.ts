// Who does what with the professional gatherings, as the partners subgraph allows it, and what a new gathering needs.
import {
  gatheringDescriptionMaxLength,
  gatheringLocationMaxLength,
  gatheringTitleMaxLength,
} from '@etablerer/partners/input-limits';
import type { CreateGatheringInput } from '../graphql/generated/graphql';

type CallerLike = { role: string; regionId: string | null } | null | undefined;

/** Innovasjon Norge and the county hold the gatherings: they add them and record who attended. */
export function holdsGatherings(caller: CallerLike): boolean {
  return caller != null && (caller.role === 'INNOVASJON_NORGE' || caller.role === 'COUNTY_OFFICER');
}

/** Advisers register, for their own region (the registration is filed under the adviser's region). */
export function registersForGatherings(caller: CallerLike): boolean {
  return caller != null && caller.role === 'ADVISER' && caller.regionId !== null;
}

interface GatheringLike {
  date: string;
  invitedRegions: readonly { id: string }[];
  registrations: readonly { adviserId: string; attended: boolean | null }[];
}

interface RegistrationLike {
  adviser: { name: string } | null;
  region: { id: string };
}

/** Whether the gathering invites the region: every region when it names none. */
export function invites(gathering: GatheringLike, regionId: string | null): boolean {
  return (
    gathering.invitedRegions.length === 0 ||
    (regionId !== null && gathering.invitedRegions.some((region) => region.id === regionId))
  );
}

/** An adviser may register for a gathering that has not been held yet and invites their region. */
export function mayRegister(caller: CallerLike, gathering: GatheringLike, today: string): boolean {
  return registersForGatherings(caller) && gathering.date >= today && invites(gathering, caller?.regionId ?? null);
}

/**
 * Who may remove a registration, as the partners subgraph allows it: those who hold the gatherings
 * any, also after the day (a registration naming an adviser nobody knows among them); before the
 * day, an adviser their own (the token names them, so the row with their name in their region) and
 * a municipality officer those of the officer's region.
 */
export function mayUnregister(
  caller: (CallerLike & { name?: string }) | null | undefined,
  gathering: GatheringLike,
  registration: RegistrationLike,
  today: string,
): boolean {
  if (caller == null) return false;
  if (holdsGatherings(caller)) return true;
  if (gathering.date < today || caller.regionId === null || registration.region.id !== caller.regionId) return false;
  if (caller.role === 'MUNICIPALITY_OFFICER') return true;
  return caller.role === 'ADVISER' && registration.adviser !== null && registration.adviser.name === caller.name;
}

/** Attendance is recorded by those who held it, from the day of the gathering, for those who registered. */
export function mayRecordAttendance(caller: CallerLike, gathering: GatheringLike, today: string): boolean {
  return holdsGatherings(caller) && gathering.date <= today && gathering.registrations.length > 0;
}

/** True once attendance has been recorded for the gathering. */
export function attendanceRecorded(gathering: GatheringLike): boolean {
  return gathering.registrations.some((registration) => registration.attended !== null);
}

/** How many attended, or null while attendance is not recorded. */
export function attendedCount(gathering: GatheringLike): number | null {
  return attendanceRecorded(gathering)
    ? gathering.registrations.filter((registration) => registration.attended === true).length
    : null;
}

// The partners subgraph's own limits (createGathering), imported so the form can never drift from them.
export const maxTitleLength = gatheringTitleMaxLength;
export const maxLocationLength = gatheringLocationMaxLength;
export const maxDescriptionLength = gatheringDescriptionMaxLength;

export interface GatheringDraft {
  title: string;
  date: string;
  location: string;
  online: boolean;
  description: string;
}

export function emptyGatheringDraft(): GatheringDraft {
  return { title: '', date: '', location: '', online: false, description: '' };
}

export type GatheringValidationKey = 'required' | 'tooLong' | 'invalidDate' | 'locationOrOnline';

export type GatheringCheck =
  | { ok: true; input: CreateGatheringInput }
  | { ok: false; errors: Partial<Record<keyof GatheringDraft, GatheringValidationKey>> };

export function checkGathering(draft: GatheringDraft): GatheringCheck {
  const errors: Partial<Record<keyof GatheringDraft, GatheringValidationKey>> = {};
  const title = draft.title.trim();
  if (title === '') errors.title = 'required';
  else if (title.length > maxTitleLength) errors.title = 'tooLong';
  if (draft.date === '') errors.date = 'required';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || Number.isNaN(Date.parse(`${draft.date}T00:00:00Z`))) {
    errors.date = 'invalidDate';
  }
  const location = draft.location.trim();
  if (location.length > maxLocationLength) errors.location = 'tooLong';
  // A gathering is somewhere, online, or both; one that is neither could not be attended.
  else if (location === '' && !draft.online) errors.location = 'locationOrOnline';
  const description = draft.description.trim();
  if (description.length > maxDescriptionLength) errors.description = 'tooLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title,
      date: draft.date,
      location: location === '' ? null : location,
      online: draft.online,
      description: description === '' ? null : description,
    },
  };
}

// For CSV files only: fixed Norwegian style whatever the page's language (a spreadsheet's columns read the same for
// everyone); on screen the console uses vue-i18n's named formats. A registration is an instant; advisers read it as the
// time on the clock in Norway.
const osloDateTime = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Oslo',
});
const calendarDate = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2024-03-12T13:05:00.000Z" as "12.03.2024, 14:05", the clock in Oslo. */
export function formatInstant(instant: string): string {
  return osloDateTime.format(new Date(instant));
}

/** "2024-04-18" as "18.04.2024": a calendar day has no time zone, so it is read in UTC and never moves. */
export function formatDay(date: string): string {
  return calendarDate.format(new Date(`${date}T00:00:00Z`));
}

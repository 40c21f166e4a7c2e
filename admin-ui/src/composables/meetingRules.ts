// The meetings page's rules without Vue: the Oslo calendar day, where a required meeting stands, and checking a meeting before it is sent.
import { meetingLimits } from '@etablerer/county/input-limits';
import type { MeetingInput, MeetingKind } from '../graphql/generated/graphql';

/** The kinds in the order the form offers them. */
export const meetingKinds: readonly MeetingKind[] = [
  'COORDINATION_GROUP',
  'EXPERIENCE_MEETING',
  'SUPPLEMENTARY_CONTENT',
  'CONFLICT',
  'PROFESSIONAL_GROUP',
];

/** The day the coordination group of a year is shown for: the year's last day once it is over, else today. */
export function coordinationGroupDay(year: number, today: string): string {
  return year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
}

/** A discussion of supplementary content is with a region (§5.2); the subgraph refuses one without. */
export const needsRegion = (kind: MeetingKind | '') => kind === 'SUPPLEMENTARY_CONTENT';
/** A conflict meeting may concern a region; the other kinds concern the whole cooperation. */
export const allowsRegion = (kind: MeetingKind | '') => kind === 'SUPPLEMENTARY_CONTENT' || kind === 'CONFLICT';
/** A conflict meeting names the party that called it (§8). */
export const needsCalledBy = (kind: MeetingKind | '') => kind === 'CONFLICT';
/** A conflict meeting states the day a party asked for it (§8), so promptness can be told. */
export const needsRequestedOn = (kind: MeetingKind | '') => kind === 'CONFLICT';
/** The groups' meetings record which members were present, checked against the membership on the day. */
export const hasMembers = (kind: MeetingKind | '') => kind === 'COORDINATION_GROUP' || kind === 'PROFESSIONAL_GROUP';

export type DueMeetingState = 'HELD' | 'OVERDUE' | 'PENDING';

/**
 * Where a required meeting stands. The gateway judged `overdue` when the page loaded; a page left
 * open past midnight also counts a deadline that has passed since as overdue.
 */
export function dueMeetingState(
  due: { dueBy: string; overdue: boolean; heldAs: { id: string } | null | undefined },
  today: string,
): DueMeetingState {
  if (due.heldAs) return 'HELD';
  return due.overdue || due.dueBy < today ? 'OVERDUE' : 'PENDING';
}

/** The most the county subgraph accepts, so the form can say so before sending: the subgraph's own numbers. */
export { meetingLimits };

/** One row of a list the user adds to and removes from; the key keeps each input in place while rows come and go. */
export interface DraftRow {
  key: number;
  text: string;
}

/** What the user typed, kept as typed until it is checked. */
export interface MeetingDraft {
  kind: MeetingKind | '';
  date: string;
  regionId: string;
  calledBy: string;
  participants: DraftRow[];
  agenda: string;
  minutes: string;
  decisions: DraftRow[];
  /** The day a party asked for a conflict meeting, as typed. */
  requestedOn: string;
  /** The group members ticked as present (group meetings). */
  presentMemberIds: string[];
  /** The request a conflict meeting holds, when recorded from a due one. */
  conflictRequestId: string | null;
}

/** Validation messages are i18n keys under `meetings.validation`, so the form shows them in the user's language. */
export type MeetingValidationKey =
  | 'required'
  | 'kind'
  | 'date'
  | 'future'
  | 'region'
  | 'calledBy'
  | 'participants'
  | 'emptyRow'
  | 'tooLong'
  | 'requestedOn'
  | 'requestedAfter';

export type MeetingCheck =
  | { ok: true; input: MeetingInput }
  | { ok: false; errors: Record<string, MeetingValidationKey> };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as YYYY-MM-DD; 2024-02-30 is not one. */
export function isCalendarDate(value: string): boolean {
  const match = isoDate.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks a draft as the county subgraph will, and gives the input to send. Error keys are the
 * input's field paths without `input.` (`date`, `participants.1`), the same as the server's, so
 * one place beside each field shows either.
 */
export function checkMeetingDraft(draft: MeetingDraft, today: string): MeetingCheck {
  const errors: Record<string, MeetingValidationKey> = {};
  const kind = draft.kind;
  if (kind === '') errors.kind = 'kind';

  const date = draft.date.trim();
  if (date === '') errors.date = 'required';
  else if (!isCalendarDate(date)) errors.date = 'date';
  // A meeting is recorded once it has been held.
  else if (date > today) errors.date = 'future';

  const regionId = allowsRegion(kind) ? draft.regionId.trim() : '';
  if (needsRegion(kind) && regionId === '') errors.regionId = 'region';

  const calledBy = needsCalledBy(kind) ? draft.calledBy.trim() : '';
  // A request held from the due meetings names its party; the server takes it from there.
  if (needsCalledBy(kind) && calledBy === '' && !draft.conflictRequestId) errors.calledBy = 'calledBy';
  else if (calledBy.length > meetingLimits.calledBy) errors.calledBy = 'tooLong';

  const rows = (list: DraftRow[], field: 'participants' | 'decisions', limit: number) =>
    list.map((row, index) => {
      const text = row.text.trim();
      if (text === '') errors[`${field}.${index}`] = 'emptyRow';
      else if (text.length > limit) errors[`${field}.${index}`] = 'tooLong';
      return text;
    });
  const participants = rows(draft.participants, 'participants', meetingLimits.participant);
  const presentMemberIds = hasMembers(kind) ? draft.presentMemberIds : [];
  if (participants.length === 0 && presentMemberIds.length === 0) errors.participants = 'participants';

  // A request held from the due meetings brings its own day; the server takes it from there.
  const requestedOn = needsRequestedOn(kind) && !draft.conflictRequestId ? draft.requestedOn.trim() : '';
  if (needsRequestedOn(kind) && !draft.conflictRequestId) {
    if (requestedOn === '') errors.requestedOn = 'requestedOn';
    else if (!isCalendarDate(requestedOn)) errors.requestedOn = 'date';
    else if (errors.date === undefined && requestedOn > date) errors.requestedOn = 'requestedAfter';
  }
  const decisions = rows(draft.decisions, 'decisions', meetingLimits.decision);

  const agenda = draft.agenda.trim();
  if (agenda === '') errors.agenda = 'required';
  else if (agenda.length > meetingLimits.agenda) errors.agenda = 'tooLong';

  const minutes = draft.minutes.trim();
  if (minutes.length > meetingLimits.minutes) errors.minutes = 'tooLong';

  if (Object.keys(errors).length > 0 || kind === '') return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind,
      date,
      regionId: regionId === '' ? null : regionId,
      calledBy: calledBy === '' ? null : calledBy,
      participants,
      agenda,
      minutes: minutes === '' ? null : minutes,
      decisions,
      requestedOn: requestedOn === '' ? null : requestedOn,
      presentMemberIds,
      conflictRequestId: needsRequestedOn(kind) ? draft.conflictRequestId : null,
    },
  };
}

/** A required meeting's key on the page (test ids, the record button's id): its kind, region and deadline. */
export const dueMeetingKey = (due: { kind: string; region?: { id: string } | null; dueBy: string }) =>
  `${due.kind}-${due.region?.id ?? 'all'}-${due.dueBy}`;

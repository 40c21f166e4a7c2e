// The meeting form's draft without Vue: what it starts from, the most each field takes and the first field to correct.
import type { MeetingKind } from '../graphql/generated/graphql';
import type { MeetingItem } from '../queries/meetings';
import { type DraftRow, type MeetingDraft, meetingLimits } from './meetingRules';

/** What the page already knows of a new meeting: a required discussion's kind and region, or the conflict meeting request it holds. */
export interface MeetingPreset {
  kind: MeetingKind;
  regionId: string | null;
  conflictRequest?: { id: string; requestedOn: string; calledBy: string } | null;
}

/** The draft of a meeting to change, or of a new one from what the page knows. `row` makes a list's row. */
export function meetingDraftFrom(
  start: { meeting: MeetingItem | null; preset?: MeetingPreset | null; kinds?: readonly MeetingKind[]; today: string },
  row: (text?: string) => DraftRow,
): MeetingDraft {
  const { meeting, preset, kinds } = start;
  if (meeting) {
    return {
      kind: meeting.kind,
      date: meeting.date,
      regionId: meeting.region?.id ?? '',
      calledBy: meeting.calledBy ?? '',
      participants: meeting.participants.map((text) => row(text)),
      agenda: meeting.agenda,
      minutes: meeting.minutes ?? '',
      decisions: meeting.decisions.map((text) => row(text)),
      requestedOn: meeting.requestedOn ?? '',
      presentMemberIds: meeting.attendance?.presentMembers.map((member) => member.id) ?? [],
      conflictRequestId: null,
    };
  }
  return {
    // With one kind to choose from, it is chosen.
    kind: preset?.kind ?? (kinds?.length === 1 ? (kinds[0] ?? '') : ''),
    // Most meetings are recorded on the day or soon after.
    date: start.today,
    regionId: preset?.regionId ?? '',
    calledBy: preset?.conflictRequest?.calledBy ?? '',
    participants: [row()],
    agenda: '',
    minutes: '',
    decisions: [],
    requestedOn: preset?.conflictRequest?.requestedOn ?? '',
    presentMemberIds: [],
    conflictRequestId: preset?.conflictRequest?.id ?? null,
  };
}

/** The most a field (or a list's row, `participants.0`) takes. */
export function meetingLimitFor(key: string): number {
  if (key.startsWith('participants.')) return meetingLimits.participant;
  if (key.startsWith('decisions.')) return meetingLimits.decision;
  return meetingLimits[key as keyof typeof meetingLimits] ?? 0;
}

const fieldOrder = [
  'kind',
  'date',
  'requestedOn',
  'regionId',
  'calledBy',
  'participants',
  'agenda',
  'minutes',
  'decisions',
];

/** The first of the fields with an error in the form's order: where keyboard and screen-reader users land. */
export function firstMeetingFieldToCorrect(errors: Record<string, unknown>): string | undefined {
  const position = (key: string) => fieldOrder.indexOf(key.split('.')[0] ?? key);
  return Object.keys(errors).sort((a, b) => position(a) - position(b))[0];
}

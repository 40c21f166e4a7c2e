// The meetings page's data and changes through the query layer: a year's meetings, the meetings the agreement
// requires, the coordination and professional groups on the day they are shown for, and recording, updating and
// asking for a meeting. A change marks every answer stale, so the year on screen is asked again.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { coordinationGroupDay } from '../composables/meetingRules';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ConflictMeetingRequestInput, MeetingInput, MeetingsOfYearQuery } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

// The regions come along so that a county officer can pick the one a discussion is with.
export const MeetingsOfYearDocument = graphql(`
  query MeetingsOfYear($year: Int!, $groupOn: Date!) {
    meetings(year: $year) {
      id
      version
      kind
      date
      region {
        id
        name
      }
      calledBy
      participants
      agenda
      minutes
      decisions
      requestedOn
      daysFromRequest
      heldPromptly
      attendance {
        presentMembers {
          id
          name
          organisationName
        }
        absentMembers {
          id
          name
          organisationName
        }
        presentNonMembers
      }
    }
    dueMeetings(year: $year) {
      kind
      region {
        id
        name
      }
      dueBy
      overdue
      heldAs {
        id
        date
      }
      conflictRequest {
        id
        requestedOn
        calledBy
        subject
      }
    }
    coordinationGroup(on: $groupOn) {
      id
      name
      organisationName
      role
    }
    professionalGroup(on: $groupOn) {
      id
      name
      organisationName
      role
    }
    conflictMeetingTargetDays
    regions {
      id
      name
    }
  }
`);

export const RecordMeetingDocument = graphql(`
  mutation RecordMeeting($input: MeetingInput!) {
    recordMeeting(input: $input) {
      id
      version
      date
    }
  }
`);

export const UpdateMeetingDocument = graphql(`
  mutation UpdateMeeting($id: ID!, $version: Int!, $input: MeetingInput!) {
    updateMeeting(id: $id, version: $version, input: $input) {
      id
      version
      date
    }
  }
`);

export const RequestConflictMeetingDocument = graphql(`
  mutation RequestConflictMeeting($input: ConflictMeetingRequestInput!) {
    requestConflictMeeting(input: $input) {
      id
      dueBy
    }
  }
`);

export type MeetingItem = MeetingsOfYearQuery['meetings'][number];
export type DueMeetingItem = MeetingsOfYearQuery['dueMeetings'][number];
export type CoordinationMemberItem = MeetingsOfYearQuery['coordinationGroup'][number];
export type RegionChoice = MeetingsOfYearQuery['regions'][number];
/** What went wrong recording or updating a meeting; plain data, so the store state stays serialisable. */
export interface MeetingActionError extends FormActionError {
  action: 'record' | 'update' | 'request';
  /** The meeting an update was for; null when recording a new one. */
  meetingId: string | null;
}

/** The meeting as the gateway saved it: where the page finds it, and in which year. */
export interface SavedMeeting {
  id: string;
  date: string;
}

/**
 * The meetings of `year`, with the groups on the day `today` (YYYY-MM-DD, Oslo) picks for it. While another year
 * loads the year on screen stays (`shownYear` names it); a year that fails shows its error, not another year.
 */
export function useMeetingsOfYear(year: MaybeRefOrGetter<number>, today: MaybeRefOrGetter<string>) {
  const query = useGraphQLQuery(
    MeetingsOfYearDocument,
    () => ({ year: toValue(year), groupOn: coordinationGroupDay(toValue(year), toValue(today)) }),
    { keepPrevious: true },
  );
  const data = query.data;
  return {
    /** The year of the meetings on screen; null before the first answer and after a failed one. */
    shownYear: computed(() => (data.value === undefined ? null : (query.shownVariables.value?.year ?? null))),
    /** The day the groups below are for. */
    groupOn: computed(() => (data.value === undefined ? null : (query.shownVariables.value?.groupOn ?? null))),
    meetings: computed<MeetingItem[]>(() => data.value?.meetings ?? []),
    dueMeetings: computed<DueMeetingItem[]>(() => data.value?.dueMeetings ?? []),
    coordinationGroup: computed<CoordinationMemberItem[]>(() => data.value?.coordinationGroup ?? []),
    /** The professional group (§4) on the same day, whose members a professional group meeting is checked against. */
    professionalGroup: computed<CoordinationMemberItem[]>(() => data.value?.professionalGroup ?? []),
    /** How many days after the request a conflict meeting counts as held promptly (§8). */
    conflictMeetingTargetDays: computed(() => data.value?.conflictMeetingTargetDays ?? null),
    regions: computed<RegionChoice[]>(() => data.value?.regions ?? []),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

/**
 * Recording and updating meetings and asking for a conflict meeting: each resolves to what was saved, or to null
 * with the reason in `actionError` for the form to show at its fields.
 */
export function useMeetingActions() {
  const recordMutation = useGraphQLMutation(RecordMeetingDocument);
  const updateMutation = useGraphQLMutation(UpdateMeetingDocument);
  const requestMutation = useGraphQLMutation(RequestConflictMeetingDocument);
  const actionError = ref<MeetingActionError | null>(null);
  const saving = computed(
    () => recordMutation.running.value || updateMutation.running.value || requestMutation.running.value,
  );

  async function save<Saved>(
    action: MeetingActionError['action'],
    meetingId: string | null,
    send: () => Promise<Saved>,
  ): Promise<Saved | null> {
    actionError.value = null;
    try {
      return await send();
    } catch (caught) {
      actionError.value = { action, meetingId, ...toFormActionError(toRequestError(caught)) };
      return null;
    }
  }

  return {
    saving,
    actionError,
    /** Someone else changed the meeting since it was loaded: the user must reload before trying again. */
    conflict: computed(() => actionError.value?.codes.includes('CONFLICT') ?? false),
    record: (input: MeetingInput): Promise<SavedMeeting | null> =>
      save('record', null, async () => (await recordMutation.run({ input })).recordMeeting),
    /** Replaces a meeting as of `version`, e.g. with its minutes and decisions. */
    update: (id: string, version: number, input: MeetingInput): Promise<SavedMeeting | null> =>
      save('update', id, async () => (await updateMutation.run({ id, version, input })).updateMeeting),
    /** Records that a party asked for a conflict meeting (§8); it then shows among the meetings due. */
    requestConflictMeeting: (input: ConflictMeetingRequestInput) =>
      save('request', null, async () => (await requestMutation.run({ input })).requestConflictMeeting),
    clearActionError: () => {
      actionError.value = null;
    },
  };
}

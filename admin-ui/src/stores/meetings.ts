// The meetings store: a year's meetings of the cooperation, the meetings the agreement requires, the coordination group, and recording and updating meetings.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { coordinationGroupDay } from '../composables/meetingRules';
import { todayInOslo } from '../composables/osloCalendar';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ConflictMeetingRequestInput, MeetingInput, MeetingsOfYearQuery } from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';
import type { LoadError } from './regions';

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
export type { LoadError };

/** What went wrong recording or updating a meeting; plain data, so the store state stays serialisable. */
export interface MeetingActionError extends PartnerActionError {
  action: 'record' | 'update' | 'request';
  /** The meeting an update was for; null when recording a new one. */
  meetingId: string | null;
}

/** The meeting as the gateway saved it: where the page finds it, and in which year. */
export interface SavedMeeting {
  id: string;
  date: string;
}

export const useMeetingsStore = defineStore('meetings', () => {
  /** The year the data below is for; null before the first successful load. */
  const year = ref<number | null>(null);
  /** The day the coordination group below is for. */
  const groupOn = ref<string | null>(null);
  const meetings = ref<MeetingItem[]>([]);
  const dueMeetings = ref<DueMeetingItem[]>([]);
  const coordinationGroup = ref<CoordinationMemberItem[]>([]);
  /** The professional group (§4) on the same day, whose members a professional group meeting is checked against. */
  const professionalGroup = ref<CoordinationMemberItem[]>([]);
  /** How many days after the request a conflict meeting counts as held promptly (§8). */
  const conflictMeetingTargetDays = ref<number | null>(null);
  const regions = ref<RegionChoice[]>([]);
  /** True while a meeting is being sent. */
  const saving = ref(false);
  const actionError = ref<MeetingActionError | null>(null);
  /** Someone else changed the meeting since it was loaded: the user must reload before trying again. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  // Switching years quickly can overlap requests; only the newest may write, so no year shows another's meetings.
  const { loading, error, run } = useLatestRequest();

  /** Loads a year; `today` (YYYY-MM-DD, Oslo) picks the day the coordination group is shown for. */
  async function load(requestedYear: number, today: string = todayInOslo()): Promise<void> {
    const day = coordinationGroupDay(requestedYear, today);
    await run(() => request(MeetingsOfYearDocument, { year: requestedYear, groupOn: day }), {
      onData: (data) => {
        meetings.value = data.meetings;
        dueMeetings.value = data.dueMeetings;
        coordinationGroup.value = data.coordinationGroup;
        professionalGroup.value = data.professionalGroup;
        conflictMeetingTargetDays.value = data.conflictMeetingTargetDays;
        regions.value = data.regions;
        groupOn.value = day;
        year.value = requestedYear;
      },
      onError: () => {
        meetings.value = [];
        dueMeetings.value = [];
        coordinationGroup.value = [];
        professionalGroup.value = [];
        conflictMeetingTargetDays.value = null;
        groupOn.value = null;
        year.value = null;
      },
    });
  }

  /** Loads the shown year again, e.g. after a conflict. */
  async function reload(): Promise<void> {
    if (year.value !== null) await load(year.value);
  }

  async function save(
    action: MeetingActionError['action'],
    meetingId: string | null,
    send: () => Promise<SavedMeeting>,
  ): Promise<SavedMeeting | null> {
    saving.value = true;
    actionError.value = null;
    let saved: SavedMeeting;
    try {
      saved = await send();
    } catch (caught) {
      actionError.value = { action, meetingId, ...toPartnerActionError(toRequestError(caught)) };
      return null;
    } finally {
      saving.value = false;
    }
    // The list and whether a required meeting was held change; a meeting of another year is loaded when the page moves there.
    if (year.value !== null && saved.date.startsWith(`${year.value}-`)) await reload();
    return saved;
  }

  /** Records a meeting; resolves to the saved meeting, or null with the reason in `actionError`. */
  function record(input: MeetingInput): Promise<SavedMeeting | null> {
    return save('record', null, async () => (await request(RecordMeetingDocument, { input })).recordMeeting);
  }

  /** Replaces a meeting as of `version`, e.g. with its minutes and decisions. */
  function update(id: string, version: number, input: MeetingInput): Promise<SavedMeeting | null> {
    return save('update', id, async () => (await request(UpdateMeetingDocument, { id, version, input })).updateMeeting);
  }

  /**
   * Records that a party asked for a conflict meeting (§8); it then shows among the meetings due.
   * Resolves to the request's target day, or null with the reason in `actionError`.
   */
  async function requestConflictMeeting(
    input: ConflictMeetingRequestInput,
  ): Promise<{ id: string; dueBy: string } | null> {
    saving.value = true;
    actionError.value = null;
    let saved: { id: string; dueBy: string };
    try {
      saved = (await request(RequestConflictMeetingDocument, { input })).requestConflictMeeting;
    } catch (caught) {
      actionError.value = { action: 'request', meetingId: null, ...toPartnerActionError(toRequestError(caught)) };
      return null;
    } finally {
      saving.value = false;
    }
    if (year.value !== null) await reload();
    return saved;
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    year,
    groupOn,
    meetings,
    dueMeetings,
    coordinationGroup,
    professionalGroup,
    conflictMeetingTargetDays,
    regions,
    loading,
    error,
    saving,
    actionError,
    conflict,
    load,
    reload,
    record,
    update,
    requestConflictMeeting,
    clearActionError,
  };
});

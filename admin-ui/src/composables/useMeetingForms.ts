// Which of the meetings page's forms is open: recording a meeting (perhaps a required one), changing one, or recording a
// request for a conflict meeting. One at a time; opening one clears the last action's error and the notice, and closing
// a form gives focus back to the button that opened it, so keyboard users keep their place.
import { computed, nextTick, type Ref, ref } from 'vue';
import type { DueMeetingItem, MeetingActionError, MeetingItem } from '../queries/meetings';
import type { MeetingPreset } from './meetingDraft';
import { dueMeetingKey } from './meetingRules';

type OpenForm =
  | { mode: 'record'; preset: MeetingPreset | null; opener: string }
  | { mode: 'edit'; meetingId: string; opener: string };

const focusLater = (id: string) => void nextTick().then(() => document.getElementById(id)?.focus());

export function useMeetingForms(
  actions: { actionError: Ref<MeetingActionError | null>; clearActionError: () => void },
  notice: Ref<string | null>,
) {
  const { actionError } = actions;
  const openForm = ref<OpenForm | null>(null);
  /** The form to record a request for a conflict meeting (§8), held later from the meetings due. */
  const requestOpen = ref(false);

  const recordOpen = computed(() => openForm.value?.mode === 'record');
  const recordPreset = computed(() => (openForm.value?.mode === 'record' ? openForm.value.preset : null));
  const editingId = computed(() => (openForm.value?.mode === 'edit' ? openForm.value.meetingId : null));
  const errorOf = (action: MeetingActionError['action']) =>
    computed(() => (actionError.value?.action === action ? actionError.value : null));
  const recordError = errorOf('record');
  const requestError = errorOf('request');
  const updateErrorFor = (meeting: MeetingItem) =>
    actionError.value?.action === 'update' && actionError.value.meetingId === meeting.id ? actionError.value : null;

  function open(form: OpenForm | null, request = false): void {
    actions.clearActionError();
    notice.value = null;
    openForm.value = form;
    requestOpen.value = request;
  }

  function closeForm(returnFocus: boolean): void {
    const opener = openForm.value?.opener;
    openForm.value = null;
    actions.clearActionError();
    if (returnFocus && opener) focusLater(opener);
  }

  function closeRequest(): void {
    requestOpen.value = false;
    actions.clearActionError();
    focusLater('meetings-request-conflict');
  }

  /** Closes every form, e.g. when the page changes year. */
  function closeAll(): void {
    openForm.value = null;
    requestOpen.value = false;
  }

  return {
    requestOpen,
    recordOpen,
    recordPreset,
    editingId,
    recordError,
    requestError,
    updateErrorFor,
    openRecord: () => open({ mode: 'record', preset: null, opener: 'meetings-record' }),
    openRecordFor: (due: DueMeetingItem) =>
      open({
        mode: 'record',
        preset: { kind: due.kind, regionId: due.region?.id ?? null, conflictRequest: due.conflictRequest ?? null },
        opener: `due-record-${dueMeetingKey(due)}`,
      }),
    openEdit: (meeting: MeetingItem) =>
      open({ mode: 'edit', meetingId: meeting.id, opener: `meeting-edit-button-${meeting.id}` }),
    openRequest: () => open(null, true),
    closeForm,
    closeRequest,
    closeAll,
  };
}

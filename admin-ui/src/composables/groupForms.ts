// The groups page's forms, one open at a time: adding a member to a group, ending a membership, changing a coordination
// group member's role. Saving goes through queries/groups.ts; the confirmation is shown in the group's section.
import { computed, nextTick, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { type GroupName, useGroupActions } from '../queries/groups';
import { useServerFieldText } from './serverFieldText';
import { useMeetingFormat } from './useMeetingFormat';
import { useRequestErrorText } from './useRequestErrorText';

/** One membership as the page lists it. */
export interface MembershipRow {
  id: string;
  name: string;
  organisationName: string;
  role?: string | null;
  region?: { id: string; name: string } | null;
  validFrom: string;
  validTo?: string | null;
}

export type OpenGroupForm =
  | { kind: 'add'; group: GroupName }
  | { kind: 'end'; group: GroupName; row: MembershipRow }
  | { kind: 'changeRole'; row: MembershipRow };

/** What the open form's fields hold. */
export interface GroupFields {
  name: string;
  organisationId: string;
  organisationName: string;
  role: string;
  validFrom: string;
  regionId: string;
  day: string;
}

/** What each of the groups page's forms gets: the fields it edits in place, the failure and field errors, whether it saves. */
export interface GroupFormState {
  fields: GroupFields;
  problem: string | null;
  errorFor: (key: string) => string | null;
  saving: boolean;
}

/** `today` is the Oslo day every date field starts at; `ownRegion` the region a municipality officer adds members of. */
export function useGroupForms(today: string, ownRegion: () => string | null) {
  const { t } = useI18n();
  const serverFieldText = useServerFieldText();
  const requestErrorText = useRequestErrorText();
  const { formatDate } = useMeetingFormat();
  const actions = useGroupActions();
  const { saving, actionError } = actions;

  const openForm = ref<OpenGroupForm | null>(null);
  /** The confirmation of the last save, shown in the group's section where it was made. */
  const notice = ref<{ group: string; text: string } | null>(null);
  const fields = reactive<GroupFields>({
    name: '',
    organisationId: '',
    organisationName: '',
    role: '',
    validFrom: today,
    regionId: '',
    day: today,
  });

  /** Opens a form with fresh fields and focuses its first field (`focusId`). */
  async function open(form: OpenGroupForm, focusId: string): Promise<void> {
    actions.clearActionError();
    notice.value = null;
    Object.assign(fields, {
      name: '',
      organisationId: '',
      organisationName: '',
      role: form.kind === 'changeRole' ? (form.row.role ?? '') : '',
      validFrom: today,
      regionId: ownRegion() ?? '',
      day: today,
    });
    openForm.value = form;
    await nextTick();
    document.getElementById(focusId)?.focus();
  }

  function close(): void {
    openForm.value = null;
    actions.clearActionError();
  }

  const errorFor = (key: string) =>
    serverFieldText(actionError.value?.fieldErrors[key] ?? actionError.value?.fieldErrors[`input.${key}`]);
  const problem = computed(() => {
    const failed = actionError.value;
    if (!failed) return null;
    if (failed.codes.includes('FORBIDDEN')) return t('groups.actionError.forbidden');
    if (failed.codes.includes('CONFLICT')) return t('groups.actionError.conflict');
    if (Object.keys(failed.fieldErrors).length > 0) return t('groups.actionError.fields');
    return requestErrorText(failed);
  });

  async function submit(): Promise<void> {
    const form = openForm.value;
    if (!form) return;
    const role = fields.role.trim() === '' ? null : fields.role.trim();
    let done = false;
    if (form.kind === 'add') {
      const member = {
        name: fields.name,
        organisationId: fields.organisationId,
        organisationName: fields.organisationName,
        role,
        validFrom: fields.validFrom,
      };
      done =
        form.group === 'coordination'
          ? await actions.addCoordinationMember(member)
          : await actions.addProfessionalGroupMember({ ...member, regionId: fields.regionId || null });
      if (done) notice.value = { group: form.group, text: t('groups.done.add', { name: fields.name }) };
    } else if (form.kind === 'end') {
      done = await actions.endMembership(form.group, form.row.id, fields.day);
      if (done)
        notice.value = {
          group: form.group,
          text: t('groups.done.end', { name: form.row.name, date: formatDate(fields.day) }),
        };
    } else {
      done = await actions.changeCoordinationRole(form.row.id, role, fields.day);
      if (done)
        notice.value = {
          group: 'coordination',
          text: t('groups.done.changeRole', { name: form.row.name, date: formatDate(fields.day) }),
        };
    }
    if (done) openForm.value = null;
  }

  return { saving, openForm, notice, fields, open, close, errorFor, problem, submit };
}

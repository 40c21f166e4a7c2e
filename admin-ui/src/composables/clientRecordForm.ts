// One of the client page's record sections (links, milestones, follow-ups): who may add to it, how its days read,
// and its form: a draft for today, the console's own checks, the server's refusal beside the field it names, and the notice after a save. The section
// component (`components/client/ClientRecordSection.vue`) opens, closes and focuses the form; this says what is in it.
import { storeToRefs } from 'pinia';
import { computed, type Ref, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { calendarDay } from '../i18n';
import type { ClientDetail } from '../queries/client';
import { useAuthStore } from '../stores/auth';
import { counselsClients } from './clientAccess';
import { foundErrors, type RecordValidationKey } from './clientRecordRules';
import type { FormActionError } from './fieldErrors';
import { todayInOslo } from './osloCalendar';
import { useFormErrors } from './useFormErrors';

/** The query layer's save action a record form sends with. */
export interface RecordSaveAction {
  saving: Ref<boolean>;
  actionError: Ref<FormActionError | null>;
  clearActionError(): void;
}

/** After a send: the record was saved (the form closes), or the id of the field to focus (the first one wrong). */
export type RecordSendOutcome = { saved: true } | { focus: string | undefined };

/** What the section component needs of the form: its state and the three things it does. */
export interface RecordFormControl {
  readonly saving: boolean;
  readonly generalError: string | null;
  readonly notice: string | null;
  /** Empties the draft for a new record and forgets the last outcome; the section then opens the form. */
  reset(): string;
  cancel(): void;
  send(): Promise<RecordSendOutcome>;
}

export interface RecordFormOptions<Field extends string, Draft extends Record<Field, unknown>> {
  action: RecordSaveAction;
  /** Each field's control id, in the form's order; the first is focused when the form opens. */
  fieldIds: Record<Field, string>;
  /** A new record's draft, dated today (on the Oslo calendar). */
  blank(today: string): Draft;
  /** The console's own checks of the draft, by field (null when the field is fine). */
  check(draft: Draft, today: string): Record<Field, RecordValidationKey | null>;
  /** Sends the draft; resolves to the notice to show when it was saved, or null when the server refused it. */
  save(draft: Draft): Promise<string | null>;
  /** The field a CONFLICT refusal is about, and what to say there (a milestone reached already). */
  conflict?: { field: NoInfer<Field>; message: () => string };
}

/** Who may add to a client's record sections, and how their days read. */
export function useRecordSection(client: () => Pick<ClientDetail, 'erasedAt'>) {
  const { d } = useI18n();
  const { caller } = storeToRefs(useAuthStore());
  return {
    // The record mutations are open to the region's advisers only; an erased client is no longer worked with.
    mayRecord: computed(() => counselsClients(caller.value?.role) && !client().erasedAt),
    /** A record's day, in the reader's language; it has no time of day, so no time zone moves it. */
    formatRecordDate: (date: string) => d(calendarDay(date), 'day'),
  };
}

export function useClientRecordForm<Field extends string, Draft extends Record<Field, unknown>>(
  options: RecordFormOptions<Field, Draft>,
) {
  const { t } = useI18n();
  const { action, fieldIds, conflict } = options;
  const fields = Object.keys(fieldIds) as Field[];
  const failure = action.actionError;

  const today = ref(todayInOslo());
  const draft = reactive(options.blank(today.value)) as Draft;
  const notice = ref<string | null>(null);

  const formErrors = useFormErrors(failure, fields, undefined, () => draft);
  const { clientErrors } = formErrors;
  const conflicted = computed(() => (conflict ? (failure.value?.codes.includes('CONFLICT') ?? false) : false));

  function errorFor(key: Field): string | null {
    if (conflict && key === conflict.field && !clientErrors.value[key] && conflicted.value) return conflict.message();
    return formErrors.errorFor(key);
  }

  const generalError = computed(() =>
    conflicted.value ? t('clients.actionError.fields') : formErrors.generalError.value,
  );

  function reset(): string {
    action.clearActionError();
    today.value = todayInOslo();
    Object.assign(draft, options.blank(today.value));
    clientErrors.value = {};
    notice.value = null;
    return fieldIds[fields[0] as Field];
  }

  async function send(): Promise<RecordSendOutcome> {
    today.value = todayInOslo();
    const errors = foundErrors(options.check(draft, today.value));
    clientErrors.value = errors;
    const firstOwn = fields.find((key) => errors[key]);
    if (firstOwn) return { focus: fieldIds[firstOwn] };
    const saved = await options.save(draft);
    if (saved !== null) {
      notice.value = saved;
      return { saved: true };
    }
    const firstServer = fields.find(
      (key) => failure.value?.fieldErrors[key] || (conflict?.field === key && conflicted.value),
    );
    return { focus: firstServer ? fieldIds[firstServer] : undefined };
  }

  const control: RecordFormControl = reactive({
    saving: action.saving,
    generalError,
    notice,
    reset,
    cancel: () => action.clearActionError(),
    send,
  });

  return { today, draft, errorFor, control };
}

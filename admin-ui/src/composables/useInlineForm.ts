// An inline form that opens from a button: the focus moves into the form when it opens, Escape closes it,
// and the focus goes back to the button when it closes (or to the success message beside it after a save).
import { nextTick, ref, useTemplateRef } from 'vue';

/** The template refs of one inline form; a page with two forms names each one's own. */
export interface InlineFormRefs {
  form?: string;
  openButton?: string;
  notice?: string;
}

/**
 * For a component with a form `ref="formElement"`, its opening button `ref="openButtonElement"` and a
 * status message `ref="noticeElement"` (with tabindex="-1"), or the refs named in `refs`. Call in
 * `<script setup>`. When the form was opened from another control (a row's "correct" button), the
 * focus goes back to that control.
 */
export function useInlineForm(refs: InlineFormRefs = {}) {
  const isOpen = ref(false);
  const form = useTemplateRef<HTMLFormElement>(refs.form ?? 'formElement');
  const openButton = useTemplateRef<HTMLButtonElement>(refs.openButton ?? 'openButtonElement');
  const notice = useTemplateRef<HTMLElement>(refs.notice ?? 'noticeElement');
  let openedFrom: HTMLElement | null = null;

  /** Focuses the control with this id in the form, or the form's first control when it has none. */
  function focusField(id?: string): void {
    const element = id
      ? form.value?.querySelector<HTMLElement>(`#${id}`)
      : form.value?.querySelector<HTMLElement>(
          'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea',
        );
    element?.focus();
  }

  async function open(firstFieldId?: string): Promise<void> {
    const active = typeof document === 'undefined' ? null : document.activeElement;
    openedFrom = active instanceof HTMLElement && active !== document.body ? active : null;
    isOpen.value = true;
    await nextTick();
    focusField(firstFieldId);
  }

  /** Closes the form; the focus goes to the success message when there is one, else back to where it opened. */
  async function close(saved = false): Promise<void> {
    isOpen.value = false;
    await nextTick();
    if (saved && notice.value) notice.value.focus();
    else if (openedFrom?.isConnected) openedFrom.focus();
    else openButton.value?.focus();
    openedFrom = null;
  }

  /** For `@keydown` on the form: Escape closes it, as a dialog would. */
  function onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    void close();
  }

  return { isOpen, open, close, focusField, onKeydown };
}

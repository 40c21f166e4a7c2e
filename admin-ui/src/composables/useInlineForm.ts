// An inline form that opens from a button: the focus moves into the form when it opens, Escape closes it,
// and the focus goes back to the button when it closes (or to the success message beside it after a save).
import { nextTick, ref, useTemplateRef } from 'vue';

/**
 * For a component with a form `ref="formElement"`, its opening button `ref="openButtonElement"` and a
 * status message `ref="noticeElement"` (with tabindex="-1"). Call in `<script setup>`.
 */
export function useInlineForm() {
  const isOpen = ref(false);
  const form = useTemplateRef<HTMLFormElement>('formElement');
  const openButton = useTemplateRef<HTMLButtonElement>('openButtonElement');
  const notice = useTemplateRef<HTMLElement>('noticeElement');

  /** Focuses the control with this id in the form, or the form's first control when it has none. */
  function focusField(id?: string): void {
    const element = id
      ? form.value?.querySelector<HTMLElement>(`#${id}`)
      : form.value?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea');
    element?.focus();
  }

  async function open(firstFieldId?: string): Promise<void> {
    isOpen.value = true;
    await nextTick();
    focusField(firstFieldId);
  }

  /** Closes the form; the focus goes to the success message when there is one, else back to the button. */
  async function close(saved = false): Promise<void> {
    isOpen.value = false;
    await nextTick();
    if (saved && notice.value) notice.value.focus();
    else openButton.value?.focus();
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

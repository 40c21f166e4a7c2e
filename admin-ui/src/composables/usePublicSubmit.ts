// How the public forms are sent, the same on every page: the form's own check first, then the server; when either
// finds a problem, the focus goes to the first field marked wrong, else to the message about no field. The page's
// template names its form `ref="form"` and that message `ref="generalErrorElement"`.
import { nextTick, type Ref, useTemplateRef } from 'vue';
import type { Checked, PublicFieldErrors } from './publicForm';

export function usePublicSubmit(options: {
  /** The form's own findings by field (from usePublicFormErrors). */
  clientErrors: Ref<PublicFieldErrors>;
  /** Forgets the server's last answer, so that the form's own findings stand alone. */
  reset?: () => void;
}) {
  const form = useTemplateRef<HTMLFormElement>('form');
  /** The message about no field, focused when no field is marked wrong. */
  const problem = useTemplateRef<HTMLElement>('generalErrorElement');

  async function focusProblem(): Promise<void> {
    await nextTick();
    const invalid = form.value?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? problem.value)?.focus();
  }

  /**
   * Sends what the form's check let through; resolves to whether the server took it. The caller clears what the
   * person typed once it is sent: the next visitor at a shared computer must not see it.
   */
  async function submit<Input>(checked: Checked<Input>, send: (input: Input) => Promise<unknown>): Promise<boolean> {
    if (!checked.ok) {
      options.clientErrors.value = checked.errors;
      options.reset?.();
      await focusProblem();
      return false;
    }
    options.clientErrors.value = {};
    if (!(await send(checked.input))) {
      await focusProblem();
      return false;
    }
    return true;
  }

  return { focusProblem, submit };
}

// The props of one FormField in a checked form (see CheckedForm.vue), by the field's key: its id, label and error, the
// error's test id (`error-<key>`) and the id of its hint, so a form's fields say only what differs between them.
export function useCheckedField(
  idFor: (key: string) => string,
  errorFor: (key: string) => string | null,
  labelFor: (key: string) => string,
) {
  /** `label` names the label's key where it is not the field's; `hint` is true for the field's own hint, or the key of a hint it shares. */
  return (key: string, options: { label?: string; hint?: boolean | string } = {}) => ({
    id: idFor(key),
    label: labelFor(options.label ?? key),
    error: errorFor(key),
    errorTestid: `error-${key}`,
    hintId: options.hint ? `${idFor(options.hint === true ? key : options.hint)}-hint` : undefined,
  });
}

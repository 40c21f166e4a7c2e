// Going to a record on a list page: the meeting a link or a shared address points at (`#meeting-<id>`), or the meeting
// or evaluation just saved. A meeting of another year, or a record just saved, appears only once its list has been
// (re)loaded, so the focus waits for the list.
import { nextTick, type Ref, watch } from 'vue';
import { useRoute } from 'vue-router';

/** `hashPrefix`: the address's hash that names a record to go to (`#meeting-`); none where addresses name none. */
export function useMeetingFocus(list: Ref<readonly unknown[]>, hashPrefix: string | null = '#meeting-') {
  let pendingFocus: string | null = null;

  /** Focuses and shows the element waited for, once it is on the page. */
  async function focusPending(): Promise<void> {
    if (pendingFocus === null) return;
    await nextTick();
    const target = pendingFocus === null ? null : document.getElementById(pendingFocus);
    if (!target) return;
    pendingFocus = null;
    target.focus();
    target.scrollIntoView?.({ block: 'start' });
  }

  if (hashPrefix !== null) {
    const route = useRoute();
    watch(
      () => route.hash,
      (hash) => {
        pendingFocus = hash.startsWith(hashPrefix) ? hash.slice(1) : null;
        void focusPending();
      },
      { immediate: true },
    );
  }
  watch(list, () => void focusPending(), { flush: 'post' });

  /** Waits for the element with this id, e.g. `meeting-<id>`, `evaluation-<id>`. */
  const focusLater = (id: string) => {
    pendingFocus = id;
  };

  return { focusLater, focusPending };
}

// Going to a meeting on the meetings page: the one a link or a shared address points at (`#meeting-<id>`), or the one
// just saved. A meeting of another year, or one just saved, appears only once its year has been (re)loaded.
import { nextTick, type Ref, watch } from 'vue';
import { useRoute } from 'vue-router';

export function useMeetingFocus(meetings: Ref<readonly unknown[]>) {
  const route = useRoute();
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

  watch(
    () => route.hash,
    (hash) => {
      pendingFocus = hash.startsWith('#meeting-') ? hash.slice(1) : null;
      void focusPending();
    },
    { immediate: true },
  );
  watch(meetings, () => void focusPending(), { flush: 'post' });

  /** Waits for the element with this id, e.g. `meeting-<id>`. */
  const focusLater = (id: string) => {
    pendingFocus = id;
  };

  return { focusLater, focusPending };
}

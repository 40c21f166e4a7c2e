// One page of a list held whole in the browser: the offset, the rows on it, and back to the first page when the list
// (its filter) changes. For lists the graph gives whole; lists the graph pages are paged by the server.
import { computed, type MaybeRefOrGetter, ref, toValue, watch } from 'vue';

export function usePaging<Row>(rows: MaybeRefOrGetter<readonly Row[]>, pageSize: MaybeRefOrGetter<number>) {
  const offset = ref(0);
  const total = computed(() => toValue(rows).length);
  const size = computed(() => Math.max(1, toValue(pageSize)));
  // A new filter or a reload that shortens the list: start again rather than show an empty page.
  watch(
    () => toValue(rows),
    () => {
      offset.value = 0;
    },
  );
  const pageRows = computed(() => toValue(rows).slice(offset.value, offset.value + size.value));
  return { offset, total, size, pageRows };
}

// One page of a list held whole in the browser: the offset, the rows on it, and back to the first page when the list
// (its filter) changes. For lists the graph gives whole; lists the graph pages are paged by the server.
import { computed, type MaybeRefOrGetter, ref, toValue, watch } from 'vue';

export function usePaging<Row>(
  rows: MaybeRefOrGetter<readonly Row[]>,
  pageSize: MaybeRefOrGetter<number>,
  /** What starts the list again on its first page (a filter); by default any new list. */
  resetOn: () => unknown = () => toValue(rows),
) {
  const offset = ref(0);
  const total = computed(() => toValue(rows).length);
  const size = computed(() => Math.max(1, toValue(pageSize)));
  // A new filter (or order) starts again on the first page.
  watch(resetOn, () => {
    offset.value = 0;
  });
  // A reload that shortens the list (an item delivered and filtered away) keeps the last page rather than an empty one.
  watch(total, (count) => {
    if (offset.value >= count) offset.value = Math.max(0, Math.floor((count - 1) / size.value) * size.value);
  });
  const pageRows = computed(() => toValue(rows).slice(offset.value, offset.value + size.value));
  return { offset, total, size, pageRows };
}

// The year a page shows lives in the address (`?year=2024`), so a link or a reload shows the same
// year; anything that is not one of the overview's years falls back to the page's own default.
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { defaultOverviewYear, isOverviewYear } from '../stores/overview';

export interface YearInAddressOptions {
  /** The year when the address names none (or one outside the overview's years). */
  fallback?: () => number;
}

export function useYearInAddress({ fallback = defaultOverviewYear }: YearInAddressOptions = {}) {
  const route = useRoute();
  const router = useRouter();
  const selectedYear = computed(() => {
    const asked = Number(route.query.year);
    return isOverviewYear(asked) ? asked : fallback();
  });
  /**
   * The change handler of a year select: puts the chosen year into the address, keeping the rest
   * of the query. The #fragment goes (a push without one drops it): it pointed into the old year.
   */
  function chooseYear(event: Event): void {
    void router.push({ query: { ...route.query, year: (event.target as HTMLSelectElement).value } });
  }
  return { selectedYear, chooseYear };
}

// The year a page shows lives in the address (`?year=2024`), so a link or a reload shows the same
// year; a year the graph does not offer falls back to the page's own default. The years offered
// come from the graph (the years store); until it answers, any year of the service is taken.
import { storeToRefs } from 'pinia';
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { defaultYearOf, serviceYears, useYearsStore } from '../stores/years';

export interface YearInAddressOptions {
  /** The year when the address names none (or one not offered), given the years offered. */
  fallback?: (years: readonly number[]) => number;
}

export function useYearInAddress({ fallback = (years) => defaultYearOf(years) }: YearInAddressOptions = {}) {
  const route = useRoute();
  const router = useRouter();
  const yearsStore = useYearsStore();
  const { years } = storeToRefs(yearsStore);
  void yearsStore.load();

  const isOffered = (year: number) =>
    years.value
      ? years.value.includes(year)
      : Number.isInteger(year) && year >= serviceYears.first && year <= serviceYears.last;
  const selectedYear = computed(() => {
    const asked = Number(route.query.year);
    return isOffered(asked) ? asked : fallback(years.value ?? []);
  });
  /** The options of the page's year select: the offered years, or the shown one while they load. */
  const offeredYears = computed(() => years.value ?? [selectedYear.value]);
  /**
   * The change handler of a year select: puts the chosen year into the address, keeping the rest
   * of the query. The #fragment goes (a push without one drops it): it pointed into the old year.
   */
  function chooseYear(event: Event): void {
    void router.push({ query: { ...route.query, year: (event.target as HTMLSelectElement).value } });
  }
  return { selectedYear, offeredYears, isOffered, chooseYear };
}

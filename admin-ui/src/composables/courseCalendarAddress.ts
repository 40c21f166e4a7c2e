// The region and year a region's calendar page (courses, network events) shows, kept in the page's address so a link
// or a reload shows the same: the region in the address, else the caller's own, else the first in the list.
import { storeToRefs } from 'pinia';
import { computed, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useAuthStore } from '../stores/auth';
import { courseYears } from './courseAccess';
import type { RequestFailure } from './useRequestErrorText';

/** A query parameter's text, or null when it is missing or empty. */
export const queryText = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

export function useCalendarAddress(regions: Ref<readonly { id: string }[]>) {
  const route = useRoute();
  const router = useRouter();
  const { caller } = storeToRefs(useAuthStore());
  const years = courseYears();
  const thisYear = new Date().getFullYear();

  const selectedYear = computed(() => {
    const asked = Number(queryText(route.query.year));
    return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  });
  // The region in the address, else the caller's own (advisers, municipality officers), else the first there is.
  const selectedRegion = computed(
    () => queryText(route.query.region) ?? caller.value?.regionId ?? regions.value[0]?.id ?? null,
  );
  // A year typed into the address outside the list still shows in the list, so the select tells the truth.
  const yearOptions = computed(() =>
    years.includes(selectedYear.value) ? years : [...years, selectedYear.value].sort((a, b) => a - b),
  );

  /** Shows another region, year or kind: an empty value takes the parameter out of the address. */
  function choose(key: string, value: string): Promise<unknown> {
    return router.replace({ query: { ...route.query, [key]: value === '' ? undefined : value } });
  }

  return { route, caller, selectedYear, selectedRegion, yearOptions, choose };
}

/** What a calendar page's query answers: the calendar on screen, its region's name and how it went. */
interface CalendarAnswer {
  shown: Ref<unknown>;
  /** The region's name, or null when there is no region with the id asked for. */
  regionName: Ref<string | null>;
  loading: Ref<boolean>;
  error: Ref<RequestFailure | null | undefined>;
}

/**
 * The shown region's name and the props of the page's filters (`CalendarFilters`) and state panels (`CalendarStates`),
 * from the address, the list of regions and the calendar's answer; `count` is how many items the calendar holds.
 */
export function useCalendarPanels(
  address: ReturnType<typeof useCalendarAddress>,
  regionList: { regions: Ref<readonly { id: string; name: string }[]>; error: Ref<unknown> },
  answer: CalendarAnswer,
  count: () => number,
) {
  const { selectedRegion, selectedYear, yearOptions } = address;
  const { regions } = regionList;
  const { shown, regionName, loading, error } = answer;
  const shownRegionName = computed(
    () => regionName.value ?? regions.value.find((region) => region.id === selectedRegion.value)?.name ?? '',
  );
  const answered = computed(() => !loading.value && !error.value && shown.value !== null);
  const filters = computed(() => ({
    regions: regions.value,
    regionsError: regionList.error.value,
    selectedRegion: selectedRegion.value,
    regionName: shownRegionName.value,
    selectedYear: selectedYear.value,
    yearOptions: yearOptions.value,
  }));
  const states = computed(() => ({
    noRegion: selectedRegion.value === null && !regionList.error.value,
    error: error.value,
    loading: loading.value,
    unknownRegion: answered.value && regionName.value === null,
    empty: answered.value && regionName.value !== null && count() === 0,
  }));
  return { shownRegionName, filters, states };
}

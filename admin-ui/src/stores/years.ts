// The years the console offers (year selects, key figures across years), session-wide: every page's year select reads
// them. They load through the query layer (queries/years.ts), once per session.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { todayInOslo } from '../composables/osloCalendar';
import { loadAgreementYears } from '../queries/years';

/** The years the service records at all: an address's year outside them is never asked for. */
export const serviceYears = { first: 2000, last: 2100 } as const;

/**
 * The year shown when none is asked for, one rule for every page with a year (the overview and a
 * region's page open on the same one): this year on the Oslo calendar when it is offered, else the
 * offered year nearest to it (the last one after a period, the first before one); this year while
 * none are known.
 */
export function defaultYearOf(years: readonly number[], today: Date = new Date()): number {
  // The Norwegian year: on New Year's Eve evening a browser on UTC would still say the old one.
  const current = Number(todayInOslo(today).slice(0, 4));
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined || years.includes(current)) return current;
  return current > last ? last : first;
}

export const useYearsStore = defineStore('years', () => {
  /** Oldest first; null until the graph has answered. */
  const years = ref<number[] | null>(null);

  /** Asks once per session: the answer only changes when an agreement is recorded. */
  async function load(): Promise<void> {
    if (years.value) return;
    years.value = (await loadAgreementYears()) ?? years.value;
  }

  return { years, load };
});

// The years the console offers (year selects, key figures across years): the years the agreements
// cover, as the graph gives them (Query.agreementYears), so a new period needs no code change.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { todayInOslo } from '../composables/osloCalendar';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';

export const AgreementYearsDocument = graphql(`
  query AgreementYears {
    agreementYears
  }
`);

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
  const { loading, error, run } = useLatestRequest();

  /** Asks once per session: the answer only changes when an agreement is recorded. */
  async function load({ force = false }: { force?: boolean } = {}): Promise<void> {
    if (years.value && !force) return;
    await run(() => request(AgreementYearsDocument), {
      onData: (data) => {
        years.value = [...data.agreementYears];
      },
    });
  }

  return { years, loading, error, load };
});

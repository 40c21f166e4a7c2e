// Which services (county, regions, partners) the page's latest answers came without, for the
// banner in the console's layout: the page shows what it has, the banner says what is missing.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

/** The services the gateway composes, in the order the banner names them. */
export const knownServices = ['county', 'regions', 'partners'] as const;
export type KnownService = (typeof knownServices)[number];

export function isKnownService(service: string): service is KnownService {
  return (knownServices as readonly string[]).includes(service);
}

export const useServiceStatusStore = defineStore('serviceStatus', () => {
  /** What each source of answers (one store's loads) last came without. */
  const missingBySource = ref<Record<string, readonly string[]>>({});

  /** Every service some answer on the page is missing, each once, known services first. */
  const unavailableServices = computed(() => {
    const all = new Set(Object.values(missingBySource.value).flat());
    return [
      ...knownServices.filter((service) => all.has(service)),
      ...[...all].filter((service) => !isKnownService(service)).sort(),
    ];
  });

  /** Records what the newest answer of `source` lacked; an empty list says it came complete. */
  function report(source: string, services: readonly string[]): void {
    const { [source]: _previous, ...others } = missingBySource.value;
    missingBySource.value = services.length > 0 ? { ...others, [source]: [...services] } : others;
  }

  /** Forgets every report: on a new page, only that page's answers count. */
  function clear(): void {
    missingBySource.value = {};
  }

  return { unavailableServices, report, clear };
});

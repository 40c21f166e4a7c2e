// Loading state for a store whose loads can overlap (switching year or region quickly): only the
// newest request may write, data of an earlier choice is cleared when the newest fails, and
// loading ends with the newest. One place for what every page store needs. It also tells the
// layout's banner which services (county, regions, partners) the newest answer came without.
import { ref } from 'vue';
import type { LoadError } from '../graphql/client';
import { loadErrorOf, toRequestError, unavailableServicesIn, unavailableServicesOf } from '../graphql/client';
import { useServiceStatusStore } from '../stores/serviceStatus';

let sources = 0;

export interface LatestRequestHandlers<Data> {
  /** Writes the newest answer into the store. */
  onData: (data: Data) => void;
  /** Clears what an earlier choice left, so it never shows under the new one's heading. */
  onError?: () => void;
}

export function useLatestRequest() {
  const loading = ref(false);
  const error = ref<LoadError | null>(null);
  let latest = 0;
  const source = `request-${++sources}`;

  async function run<Data>(send: () => Promise<Data>, handlers: LatestRequestHandlers<Data>): Promise<void> {
    const mine = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const data = await send();
      if (mine !== latest) return;
      handlers.onData(data);
      useServiceStatusStore().report(source, unavailableServicesOf(data));
    } catch (caught) {
      if (mine !== latest) return;
      handlers.onError?.();
      const requestError = toRequestError(caught);
      error.value = loadErrorOf(requestError);
      // An answer with nothing but an unavailable service's fields fails; the banner says which.
      useServiceStatusStore().report(source, unavailableServicesIn(requestError.errors));
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  return { loading, error, run };
}

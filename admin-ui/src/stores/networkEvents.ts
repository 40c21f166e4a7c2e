// The network events store: a region's network events of a year, and recording one.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  CreateNetworkEventInput,
  NetworkEventRegionsQuery,
  RegionNetworkEventsQuery,
} from '../graphql/generated/graphql';
import type { LoadError } from './regions';

export const NetworkEventRegionsDocument = graphql(`
  query NetworkEventRegions {
    regions {
      id
      name
    }
  }
`);

export const RegionNetworkEventsDocument = graphql(`
  query RegionNetworkEvents($regionId: ID!, $year: Int!) {
    region(id: $regionId) {
      id
      name
      networkEvents(year: $year) {
        id
        title
        date
        participantCount
      }
    }
  }
`);

export const CreateNetworkEventDocument = graphql(`
  mutation CreateNetworkEvent($input: CreateNetworkEventInput!) {
    createNetworkEvent(input: $input) {
      id
      title
      date
      participantCount
    }
  }
`);

export type NetworkEventRegionOption = NetworkEventRegionsQuery['regions'][number];
export type NetworkEventItem = NonNullable<RegionNetworkEventsQuery['region']>['networkEvents'][number];
export type { FormActionError, LoadError };

/** Which region's year to show. */
export interface NetworkEventsRequest {
  regionId: string;
  year: number;
}

export const useNetworkEventsStore = defineStore('networkEvents', () => {
  const regions = ref<NetworkEventRegionOption[]>([]);
  const regionsError = ref<LoadError | null>(null);
  /** The region and year the events below are for; null before the first successful load. */
  const shown = ref<NetworkEventsRequest | null>(null);
  /** The region's name, or null when there is no region with the id asked for. */
  const regionName = ref<string | null>(null);
  const events = ref<NetworkEventItem[]>([]);
  const saving = ref(false);
  const actionError = ref<FormActionError | null>(null);

  async function loadRegions(): Promise<void> {
    regionsError.value = null;
    try {
      regions.value = (await request(NetworkEventRegionsDocument)).regions;
    } catch (caught) {
      const requestError = toRequestError(caught);
      regions.value = [];
      regionsError.value = { message: requestError.message, codes: requestError.codes };
    }
  }

  // A quick change of year can overlap a slow earlier request; only the newest one may write the state.
  const { loading, error, run } = useLatestRequest();

  async function load(asked: NetworkEventsRequest): Promise<void> {
    await run(() => request(RegionNetworkEventsDocument, { ...asked }), {
      onData: (data) => {
        regionName.value = data.region?.name ?? null;
        events.value = [...(data.region?.networkEvents ?? [])].sort(
          (a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'nb'),
        );
        shown.value = { ...asked };
      },
      // Another region's or year's events must not stay on screen under the new heading.
      onError: () => {
        events.value = [];
        regionName.value = null;
        shown.value = null;
      },
    });
  }

  /** Records an event of the adviser's region; resolves to the event, or null with the reason in `actionError`. */
  async function create(input: CreateNetworkEventInput): Promise<NetworkEventItem | null> {
    saving.value = true;
    actionError.value = null;
    try {
      return (await request(CreateNetworkEventDocument, { input })).createNetworkEvent;
    } catch (caught) {
      actionError.value = toFormActionError(toRequestError(caught));
      return null;
    } finally {
      saving.value = false;
    }
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    regions,
    regionsError,
    shown,
    regionName,
    events,
    loading,
    error,
    saving,
    actionError,
    loadRegions,
    load,
    create,
    clearActionError,
  };
});

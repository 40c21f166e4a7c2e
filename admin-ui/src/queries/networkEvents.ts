// Network events through the query layer: the regions to choose from, a region's events of a year in date order,
// and recording one (which marks the answers stale, so the year on screen is asked again).
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  CreateNetworkEventInput,
  NetworkEventRegionsQuery,
  RegionNetworkEventsQuery,
} from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

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
/** Which region's year to show. */
export interface NetworkEventsRequest {
  regionId: string;
  year: number;
}

/** The regions a caller may pick from. */
export function useNetworkEventRegions() {
  const query = useGraphQLQuery(NetworkEventRegionsDocument, {});
  return {
    regions: computed<NetworkEventRegionOption[]>(() => query.data.value?.regions ?? []),
    error: query.error,
  };
}

/**
 * The events of the region and year `asked` (none asked while null), in date order. While another region or year
 * loads, the one on screen stays (`shown` names it); one that fails shows its error, never another's events.
 */
export function useNetworkEvents(asked: MaybeRefOrGetter<NetworkEventsRequest | null>) {
  const query = useGraphQLQuery(RegionNetworkEventsDocument, () => toValue(asked) ?? { regionId: '', year: 0 }, {
    enabled: () => toValue(asked) !== null,
    keepPrevious: true,
  });
  return {
    /** The region and year the events are for; null before an answer. */
    shown: computed<NetworkEventsRequest | null>(() =>
      query.data.value === undefined ? null : (query.shownVariables.value ?? null),
    ),
    /** The region's name, or null when there is no region with the id asked for. */
    regionName: computed(() => query.data.value?.region?.name ?? null),
    events: computed<NetworkEventItem[]>(() =>
      [...(query.data.value?.region?.networkEvents ?? [])].sort(
        (a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'nb'),
      ),
    ),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

/** Recording an event: resolves to the event, or null with the reason in `actionError` for the form. */
export function useCreateNetworkEvent() {
  const mutation = useGraphQLMutation(CreateNetworkEventDocument);
  const actionError = ref<FormActionError | null>(null);
  async function create(input: CreateNetworkEventInput): Promise<NetworkEventItem | null> {
    actionError.value = null;
    try {
      return (await mutation.run({ input })).createNetworkEvent;
    } catch (caught) {
      actionError.value = toFormActionError(toRequestError(caught));
      return null;
    }
  }
  return {
    create,
    saving: mutation.running,
    actionError,
    clearActionError: () => {
      actionError.value = null;
    },
  };
}

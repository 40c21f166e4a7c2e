// Professional gatherings through the query layer: a year's gatherings with the count against the agreement's
// minimum, the region's advisers to register, and the actions on them (adding a gathering, registering and
// unregistering advisers, recording attendance). A successful action marks the answers stale, so the year on screen
// is asked again and shows what was saved.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { type GraphQLErrorDetail, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  CreateGatheringInput,
  CreateGatheringMutation,
  GatheringsOfYearQuery,
  RegionAdvisersQuery,
} from '../graphql/generated/graphql';
import { invalidateAnswers, useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const GatheringsOfYearDocument = graphql(`
  query GatheringsOfYear($year: Int!) {
    gatherings(year: $year) {
      id
      title
      date
      location
      online
      organisers
      programme
      description
      attendeeCount
      invitedRegions {
        id
        name
      }
      registrations {
        adviserId
        adviser {
          id
          name
        }
        region {
          id
          name
        }
        registeredAt
        attended
      }
    }
    gatheringYear(year: $year) {
      year
      count
      minimum
      meetsMinimum
      regionsWithoutAttendance {
        id
        name
      }
      advisersWithoutAttendance {
        id
        name
      }
    }
  }
`);

export const RegionAdvisersDocument = graphql(`
  query RegionAdvisers($regionId: ID!) {
    region(id: $regionId) {
      id
      advisers {
        id
        name
      }
    }
  }
`);

export const CreateGatheringDocument = graphql(`
  mutation CreateGathering($input: CreateGatheringInput!) {
    createGathering(input: $input) {
      id
      title
      date
    }
  }
`);

export const RegisterForGatheringDocument = graphql(`
  mutation RegisterForGathering($gatheringId: ID!, $adviserId: ID!) {
    registerForGathering(gatheringId: $gatheringId, adviserId: $adviserId) {
      id
    }
  }
`);

export const UnregisterFromGatheringDocument = graphql(`
  mutation UnregisterFromGathering($gatheringId: ID!, $adviserId: ID!) {
    unregisterFromGathering(gatheringId: $gatheringId, adviserId: $adviserId) {
      id
    }
  }
`);

export const RecordGatheringAttendanceDocument = graphql(`
  mutation RecordGatheringAttendance($gatheringId: ID!, $attendedAdviserIds: [ID!]!) {
    recordGatheringAttendance(gatheringId: $gatheringId, attendedAdviserIds: $attendedAdviserIds) {
      id
    }
  }
`);

export type GatheringItem = NonNullable<GatheringsOfYearQuery['gatherings']>[number];
export type GatheringRegistrationItem = GatheringItem['registrations'][number];
export type GatheringYearSummary = GatheringsOfYearQuery['gatheringYear'];
export type AdviserOption = NonNullable<RegionAdvisersQuery['region']>['advisers'][number];
export type CreatedGathering = CreateGatheringMutation['createGathering'];
export type GatheringAction = 'create' | 'register' | 'unregister' | 'attendance';

/** What went wrong with an action on a gathering: the form's error shape, with what was done and to which. */
export interface GatheringActionError extends FormActionError {
  action: GatheringAction;
  /** The gathering acted on; null when adding one. */
  gatheringId: string | null;
}

/**
 * An error on one registration's adviser: the regions service does not know the id (a registration
 * made before registrations were checked). The registration shows without a name; the page stays.
 */
export function isUnknownAdviserOfRegistration(error: GraphQLErrorDetail): boolean {
  const [root, , list, , field] = error.path ?? [];
  return root === 'gatherings' && list === 'registrations' && field === 'adviser';
}

/**
 * A year's gatherings and its count against the minimum. While another year loads the one on screen stays
 * (`year` names it); a year that fails shows its error, never another year's gatherings.
 */
export function useGatheringYear(year: MaybeRefOrGetter<number>) {
  const query = useGraphQLQuery(GatheringsOfYearDocument, () => ({ year: toValue(year) }), {
    tolerated: isUnknownAdviserOfRegistration,
    keepPrevious: true,
  });
  return {
    /** The year the gatherings below are for; null before an answer (and after a failure). */
    year: computed(() => (query.data.value === undefined ? null : (query.shownVariables.value?.year ?? null))),
    // Null only with the partners service down, and then gatheringYear fails the whole answer.
    gatherings: computed<GatheringItem[]>(() => query.data.value?.gatherings ?? []),
    summary: computed<GatheringYearSummary | null>(() => query.data.value?.gatheringYear ?? null),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

/** The advisers of a region to register; none asked for while `regionId` is null. */
export function useRegionAdvisers(regionId: MaybeRefOrGetter<string | null>) {
  const query = useGraphQLQuery(RegionAdvisersDocument, () => ({ regionId: toValue(regionId) ?? '' }), {
    enabled: () => toValue(regionId) !== null,
  });
  return {
    advisers: computed<AdviserOption[]>(() => query.data.value?.region?.advisers ?? []),
    loading: query.loading,
    error: query.error,
  };
}

/**
 * The actions on gatherings. Each resolves to whether it worked (`create` to the new gathering or null); why not is in
 * `actionError`, with the server's field errors by field (without the `input.` or `registration.` prefix).
 */
export function useGatheringActions() {
  const createMutation = useGraphQLMutation(CreateGatheringDocument);
  const registerMutation = useGraphQLMutation(RegisterForGatheringDocument);
  const unregisterMutation = useGraphQLMutation(UnregisterFromGatheringDocument);
  const attendanceMutation = useGraphQLMutation(RecordGatheringAttendanceDocument);
  /** The action being sent, if any. */
  const saving = ref<GatheringAction | null>(null);
  const actionError = ref<GatheringActionError | null>(null);
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  async function attempt<Result>(
    action: GatheringAction,
    gatheringId: string | null,
    send: () => Promise<Result>,
  ): Promise<Result | null> {
    saving.value = action;
    actionError.value = null;
    try {
      return await send();
    } catch (caught) {
      const requestError = toRequestError(caught);
      actionError.value = { action, gatheringId, ...toFormActionError(requestError, ['input', 'registration']) };
      // Registered or removed already (perhaps by a colleague): the list shows how it stands once asked again.
      const stale = action === 'unregister' ? 'NOT_FOUND' : 'CONFLICT';
      if (requestError.codes.includes(stale)) await invalidateAnswers();
      return null;
    } finally {
      saving.value = null;
    }
  }

  return {
    saving,
    actionError,
    conflict,
    create: async (input: CreateGatheringInput): Promise<CreatedGathering | null> =>
      attempt('create', null, async () => (await createMutation.run({ input })).createGathering),
    register: async (gatheringId: string, adviserId: string): Promise<boolean> =>
      (await attempt('register', gatheringId, () => registerMutation.run({ gatheringId, adviserId }))) !== null,
    unregister: async (gatheringId: string, adviserId: string): Promise<boolean> =>
      (await attempt('unregister', gatheringId, () => unregisterMutation.run({ gatheringId, adviserId }))) !== null,
    /** Records who attended (everyone else registered did not). */
    recordAttendance: async (gatheringId: string, attendedAdviserIds: string[]): Promise<boolean> =>
      (await attempt('attendance', gatheringId, () => attendanceMutation.run({ gatheringId, attendedAdviserIds }))) !==
      null,
    clearActionError: () => {
      actionError.value = null;
    },
  };
}

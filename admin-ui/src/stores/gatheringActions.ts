// The gathering actions store: adding a gathering (Innovasjon Norge, county), registering advisers (advisers),
// removing registrations and recording attendance (Innovasjon Norge, county); after each, the year's gatherings
// load again.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LoadError } from '../graphql/client';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { CreateGatheringInput, CreateGatheringMutation, RegionAdvisersQuery } from '../graphql/generated/graphql';
import { useGatheringsStore } from './gatherings';
import { toPartnerActionError } from './partnerErrors';

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

export type AdviserOption = NonNullable<RegionAdvisersQuery['region']>['advisers'][number];
export type CreatedGathering = CreateGatheringMutation['createGathering'];
export type GatheringAction = 'create' | 'register' | 'unregister' | 'attendance';

/** What went wrong with an action; plain data, so the store state stays serialisable. */
export interface GatheringActionError {
  action: GatheringAction;
  /** The gathering acted on; null when adding one. */
  gatheringId: string | null;
  message: string;
  codes: string[];
  /**
   * The server's messages by field, without the `input.` or `registration.` prefix
   * (e.g. `title`, `adviserId`, `attendedAdviserIds`).
   */
  fieldErrors: Record<string, string>;
}

export const useGatheringActionsStore = defineStore('gatheringActions', () => {
  /** The active advisers of the region below, for registering; empty until loaded. */
  const advisers = ref<AdviserOption[]>([]);
  const advisersRegionId = ref<string | null>(null);
  const advisersLoading = ref(false);
  const advisersError = ref<LoadError | null>(null);
  /** The action being sent, if any. */
  const saving = ref<GatheringAction | null>(null);
  const actionError = ref<GatheringActionError | null>(null);
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  async function loadAdvisers(regionId: string): Promise<void> {
    if (advisersRegionId.value === regionId && advisers.value.length > 0) return;
    advisersLoading.value = true;
    advisersError.value = null;
    try {
      const data = await request(RegionAdvisersDocument, { regionId });
      advisers.value = data.region?.advisers ?? [];
      advisersRegionId.value = regionId;
    } catch (caught) {
      const requestError = toRequestError(caught);
      advisers.value = [];
      advisersRegionId.value = null;
      advisersError.value = { message: requestError.message, codes: requestError.codes };
    } finally {
      advisersLoading.value = false;
    }
  }

  function fail(action: GatheringAction, gatheringId: string | null, caught: unknown): void {
    const { message, codes, fieldErrors } = toPartnerActionError(toRequestError(caught));
    const fields = Object.fromEntries(
      Object.entries(fieldErrors).map(([field, text]) => [field.replace(/^registration\./, ''), text]),
    );
    actionError.value = { action, gatheringId, message, codes, fieldErrors: fields };
  }

  /** The year's gatherings again, so counts, registrations and attendance show what was saved. */
  async function reloadYear(): Promise<void> {
    const gatherings = useGatheringsStore();
    if (gatherings.year !== null) await gatherings.load(gatherings.year);
  }

  /** Adds a gathering; resolves to it, or null with the reason in `actionError`. */
  async function create(input: CreateGatheringInput): Promise<CreatedGathering | null> {
    saving.value = 'create';
    actionError.value = null;
    let created: CreatedGathering;
    try {
      created = (await request(CreateGatheringDocument, { input })).createGathering;
    } catch (caught) {
      fail('create', null, caught);
      return null;
    } finally {
      saving.value = null;
    }
    await reloadYear();
    return created;
  }

  /** Registers an adviser; resolves to whether it worked, the reason is in `actionError`. */
  async function register(gatheringId: string, adviserId: string): Promise<boolean> {
    saving.value = 'register';
    actionError.value = null;
    try {
      await request(RegisterForGatheringDocument, { gatheringId, adviserId });
    } catch (caught) {
      fail('register', gatheringId, caught);
      // Registered already (perhaps by a colleague): the list shows it once loaded again.
      if (conflict.value) await reloadYear();
      return false;
    } finally {
      saving.value = null;
    }
    await reloadYear();
    return true;
  }

  /** Removes an adviser's registration; resolves to whether it worked, the reason is in `actionError`. */
  async function unregister(gatheringId: string, adviserId: string): Promise<boolean> {
    saving.value = 'unregister';
    actionError.value = null;
    try {
      await request(UnregisterFromGatheringDocument, { gatheringId, adviserId });
    } catch (caught) {
      fail('unregister', gatheringId, caught);
      // Removed already (perhaps by a colleague): the list shows it once loaded again.
      if (toRequestError(caught).codes.includes('NOT_FOUND')) await reloadYear();
      return false;
    } finally {
      saving.value = null;
    }
    await reloadYear();
    return true;
  }

  /** Records who attended (everyone else registered did not); resolves to whether it worked. */
  async function recordAttendance(gatheringId: string, attendedAdviserIds: string[]): Promise<boolean> {
    saving.value = 'attendance';
    actionError.value = null;
    try {
      await request(RecordGatheringAttendanceDocument, { gatheringId, attendedAdviserIds });
    } catch (caught) {
      fail('attendance', gatheringId, caught);
      return false;
    } finally {
      saving.value = null;
    }
    await reloadYear();
    return true;
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    advisers,
    advisersRegionId,
    advisersLoading,
    advisersError,
    saving,
    actionError,
    conflict,
    loadAdvisers,
    create,
    register,
    unregister,
    recordAttendance,
    clearActionError,
  };
});

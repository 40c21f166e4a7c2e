// The appointments page's data through the query layer (issue 22): the region's slots with their bookings between two
// days, an adviser publishing slots and withdrawing one (after which the list on screen refetches).
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import type { LoadError } from '../graphql/client';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { AppointmentSlotListQuery, NewAppointmentSlotInput } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const AppointmentSlotListDocument = graphql(`
  query AppointmentSlotList($from: Date!, $to: Date!, $includeCancelled: Boolean!) {
    appointmentSlots(from: $from, to: $to, includeCancelled: $includeCancelled) {
      id
      startsAt
      endsAt
      durationMinutes
      form
      location
      cancelledAt
      version
      adviser {
        id
        name
      }
      office {
        id
        name
      }
      booking {
        id
        name
        email
        phone
        topic
        bookedAt
        websiteRequest {
          id
          reference
        }
        client {
          id
        }
      }
    }
  }
`);

export const PublishAppointmentSlotsDocument = graphql(`
  mutation PublishAppointmentSlots($input: PublishAppointmentSlotsInput!) {
    publishAppointmentSlots(input: $input) {
      id
    }
  }
`);

export const CancelAppointmentSlotDocument = graphql(`
  mutation CancelAppointmentSlot($id: ID!, $version: Int) {
    cancelAppointmentSlot(id: $id, version: $version) {
      id
      cancelledAt
      version
    }
  }
`);

export type AppointmentSlotItem = AppointmentSlotListQuery['appointmentSlots'][number];

/** What the list shows: the days (YYYY-MM-DD, both included) and whether withdrawn slots are listed. */
export interface AppointmentRange {
  from: string;
  to: string;
  includeCancelled: boolean;
}

/** A refused action: the server's message, its codes, and the input field it names, if any. */
export interface AppointmentActionError extends LoadError {
  field: string | null;
}

/**
 * The slots of `range` (none asked for while it is null, e.g. a day left empty). While another range loads, the slots
 * on screen stay; a range that fails shows its error instead.
 */
export function useAppointmentSlots(range: MaybeRefOrGetter<AppointmentRange | null>) {
  const slots = useGraphQLQuery(
    AppointmentSlotListDocument,
    () => toValue(range) ?? { from: '', to: '', includeCancelled: false },
    { enabled: () => toValue(range) !== null, keepPrevious: true },
  );
  return {
    slots: computed<AppointmentSlotItem[]>(() => slots.data.value?.appointmentSlots ?? []),
    /** Whether an answer is on screen (an empty period is one). */
    answered: computed(() => slots.data.value !== undefined),
    loading: slots.loading,
    error: slots.error,
    refetch: slots.refetch,
  };
}

const actionErrorOf = (caught: unknown): AppointmentActionError => {
  const failed = toRequestError(caught);
  return {
    message: failed.errors[0]?.message ?? failed.message,
    codes: failed.codes,
    field: failed.errors[0]?.field ?? null,
  };
};

/**
 * Publishing slots (all or none) and withdrawing one (its booking, if any, is cancelled and both sides told); each
 * resolves to whether it worked, the reason in `publishError` or `cancelError`. A withdrawal refused with CONFLICT
 * (booked or changed meanwhile) calls `showChanges`, so the list shows why.
 */
export function useAppointmentActions(showChanges: () => Promise<unknown>) {
  const publishing = useGraphQLMutation(PublishAppointmentSlotsDocument);
  const cancelling = useGraphQLMutation(CancelAppointmentSlotDocument);
  const publishError = ref<AppointmentActionError | null>(null);
  const cancellingId = ref<string | null>(null);
  const cancelError = ref<AppointmentActionError | null>(null);

  async function publish(newSlots: NewAppointmentSlotInput[]): Promise<boolean> {
    publishError.value = null;
    try {
      await publishing.run({ input: { slots: newSlots } });
      return true;
    } catch (caught) {
      publishError.value = actionErrorOf(caught);
      return false;
    }
  }

  async function cancel(slot: Pick<AppointmentSlotItem, 'id' | 'version'>): Promise<boolean> {
    cancellingId.value = slot.id;
    cancelError.value = null;
    try {
      await cancelling.run({ id: slot.id, version: slot.version });
      return true;
    } catch (caught) {
      cancelError.value = actionErrorOf(caught);
      if (cancelError.value.codes.includes('CONFLICT')) await showChanges();
      return false;
    } finally {
      cancellingId.value = null;
    }
  }

  return { publish, publishing: publishing.running, publishError, cancel, cancellingId, cancelError };
}

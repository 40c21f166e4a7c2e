// The appointments store (issue 22): the region's slots with their bookings between two days, an adviser publishing slots and withdrawing one.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { AppointmentSlotListQuery, NewAppointmentSlotInput } from '../graphql/generated/graphql';
import type { LoadError } from './regions';

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

export const useAppointmentsStore = defineStore('appointments', () => {
  const range = ref<AppointmentRange | null>(null);
  const slots = ref<AppointmentSlotItem[]>([]);
  const publishing = ref(false);
  const publishError = ref<AppointmentActionError | null>(null);
  const cancellingId = ref<string | null>(null);
  const cancelError = ref<AppointmentActionError | null>(null);
  const { loading, error, run } = useLatestRequest();

  async function load(next: AppointmentRange): Promise<void> {
    await run(() => request(AppointmentSlotListDocument, next), {
      onData: (data) => {
        slots.value = data.appointmentSlots;
        range.value = { ...next };
      },
      onError: () => {
        slots.value = [];
        range.value = null;
      },
    });
  }

  async function reload(): Promise<void> {
    if (range.value) await load(range.value);
  }

  const actionErrorOf = (caught: unknown): AppointmentActionError => {
    const failed = toRequestError(caught);
    return {
      message: failed.errors[0]?.message ?? failed.message,
      codes: failed.codes,
      field: failed.errors[0]?.field ?? null,
    };
  };

  /** Publishes the slots, all or none; resolves to whether it worked (the reason in `publishError`). */
  async function publish(newSlots: NewAppointmentSlotInput[]): Promise<boolean> {
    publishing.value = true;
    publishError.value = null;
    try {
      await request(PublishAppointmentSlotsDocument, { input: { slots: newSlots } });
    } catch (caught) {
      publishError.value = actionErrorOf(caught);
      return false;
    } finally {
      publishing.value = false;
    }
    await reload();
    return true;
  }

  /**
   * Withdraws a slot (its booking, if any, is cancelled and both sides told); resolves to whether
   * it worked. After a CONFLICT (booked or changed meanwhile) the list is loaded again to show why.
   */
  async function cancel(slot: Pick<AppointmentSlotItem, 'id' | 'version'>): Promise<boolean> {
    cancellingId.value = slot.id;
    cancelError.value = null;
    try {
      await request(CancelAppointmentSlotDocument, { id: slot.id, version: slot.version });
    } catch (caught) {
      cancelError.value = actionErrorOf(caught);
      if (cancelError.value.codes.includes('CONFLICT')) await reload();
      return false;
    } finally {
      cancellingId.value = null;
    }
    await reload();
    return true;
  }

  function clearErrors(): void {
    publishError.value = null;
    cancelError.value = null;
  }

  return {
    range,
    slots,
    loading,
    error,
    publishing,
    publishError,
    cancellingId,
    cancelError,
    load,
    reload,
    publish,
    cancel,
    clearErrors,
  };
});

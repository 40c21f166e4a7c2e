// The public website's appointment booking through the query layer (issue 22): a region's free times, and booking
// one. Anonymous requests only: the website sends no one's token.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  AppointmentBookingInput,
  AvailableAppointmentSlotsQuery,
  BookAppointmentMutation,
} from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';
import { type PublicActionError, toActionError } from '../queries/publicRequests';

export const AvailableAppointmentSlotsDocument = graphql(`
  query AvailableAppointmentSlots($regionId: ID!, $from: Date!, $to: Date!) {
    availableAppointmentSlots(regionId: $regionId, from: $from, to: $to) {
      id
      startsAt
      endsAt
      durationMinutes
      form
      location
      adviserName
      office {
        name
        streetAddress
        postalTown
      }
    }
  }
`);

export const BookAppointmentDocument = graphql(`
  mutation BookAppointment($input: AppointmentBookingInput!) {
    bookAppointment(input: $input) {
      reference
      region {
        id
        name
      }
      slot {
        id
        startsAt
        durationMinutes
        form
        adviserName
      }
    }
  }
`);

export type AvailableSlot = AvailableAppointmentSlotsQuery['availableAppointmentSlots'][number];
export type AppointmentReceipt = BookAppointmentMutation['bookAppointment'];

/** The days the booking page offers: today and the next four weeks. */
export function bookingWindow(now = new Date()): { from: string; to: string } {
  return {
    from: now.toISOString().slice(0, 10),
    to: new Date(now.getTime() + 27 * 86_400_000).toISOString().slice(0, 10),
  };
}

/** The free times of the region in the booking window; none asked for until a region is chosen (''). */
export function useAvailableSlots(regionId: MaybeRefOrGetter<string>) {
  const slots = useGraphQLQuery(
    AvailableAppointmentSlotsDocument,
    () => ({ regionId: toValue(regionId), ...bookingWindow() }),
    { anonymous: true, enabled: () => toValue(regionId) !== '' },
  );
  return {
    slots: computed<AvailableSlot[]>(() => slots.data.value?.availableAppointmentSlots ?? []),
    loading: slots.loading,
    error: slots.error,
    refetch: slots.refetch,
  };
}

/**
 * Booking a time: `book` resolves to the receipt, or null with the reason in `actionError`. When the time was taken
 * meanwhile (CONFLICT), `showChanges` is called so the free times are asked for again.
 */
export function useBookAppointment(showChanges: () => Promise<unknown>) {
  const mutation = useGraphQLMutation(BookAppointmentDocument, { anonymous: true });
  const receipt = ref<AppointmentReceipt | null>(null);
  const actionError = ref<PublicActionError | null>(null);

  async function book(input: AppointmentBookingInput): Promise<AppointmentReceipt | null> {
    actionError.value = null;
    receipt.value = null;
    try {
      receipt.value = (await mutation.run({ input })).bookAppointment;
      return receipt.value;
    } catch (caught) {
      actionError.value = toActionError('appointment', toRequestError(caught));
      if (actionError.value.codes.includes('CONFLICT')) await showChanges();
      return null;
    }
  }

  function reset(): void {
    receipt.value = null;
    actionError.value = null;
  }

  return { book, sending: mutation.running, receipt, actionError, reset };
}

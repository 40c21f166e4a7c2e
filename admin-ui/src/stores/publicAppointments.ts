// The public website's appointment booking (issue 22): a region's free times, and booking one. Anonymous requests only.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { anonymousRequest, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  AppointmentBookingInput,
  AvailableAppointmentSlotsQuery,
  BookAppointmentMutation,
} from '../graphql/generated/graphql';
import { type PublicActionError, toActionError } from './publicRequests';

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

export const usePublicAppointmentsStore = defineStore('publicAppointments', () => {
  const regionId = ref<string | null>(null);
  const slots = ref<AvailableSlot[]>([]);
  const loading = ref(false);
  const loadError = ref<string | null>(null);
  const sending = ref(false);
  const receipt = ref<AppointmentReceipt | null>(null);
  const actionError = ref<PublicActionError | null>(null);
  let latest = 0;

  /** The region's free times in the booking window; a newer choice of region wins over a slower answer. */
  async function load(region: string): Promise<void> {
    const mine = ++latest;
    regionId.value = region;
    loading.value = true;
    loadError.value = null;
    try {
      const data = await anonymousRequest(AvailableAppointmentSlotsDocument, { regionId: region, ...bookingWindow() });
      if (mine === latest) slots.value = data.availableAppointmentSlots;
    } catch (caught) {
      if (mine !== latest) return;
      slots.value = [];
      loadError.value = toRequestError(caught).message;
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  /**
   * Books the time; resolves to the receipt, or null with the reason in `actionError`. When the
   * time was taken meanwhile (CONFLICT) the free times are loaded again.
   */
  async function book(input: AppointmentBookingInput): Promise<AppointmentReceipt | null> {
    sending.value = true;
    actionError.value = null;
    receipt.value = null;
    try {
      receipt.value = (await anonymousRequest(BookAppointmentDocument, { input })).bookAppointment;
      return receipt.value;
    } catch (caught) {
      actionError.value = toActionError('appointment', toRequestError(caught));
      if (actionError.value.codes.includes('CONFLICT') && regionId.value) await load(regionId.value);
      return null;
    } finally {
      sending.value = false;
    }
  }

  function reset(): void {
    receipt.value = null;
    actionError.value = null;
  }

  return { regionId, slots, loading, loadError, sending, receipt, actionError, load, book, reset };
});

// Appointments (issue 22): the advisers' slots with their bookings, the public website's
// available times and booking, and the types they return.
import { forbidden, regionsWithPersonalData } from '@etablerer/kit';
import type {
  AppointmentBookingResolvers,
  AppointmentReceiptResolvers,
  AppointmentSlotResolvers,
  MutationResolvers,
  PublicAppointmentSlotResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types.js';
import {
  appointmentSlotsOf,
  availableAppointmentSlots,
  bookAppointment,
  cancelAppointmentSlot,
  publishAppointmentSlots,
} from '../appointments.js';
import type { Context } from '../context.js';
import type { AppointmentSlot as Slot } from '../entities/appointment-slot.js';
import { visibleClient } from './Client.js';

const endsAt = (slot: Slot) => new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000).toISOString();

async function adviserOf(slot: Slot, { loaders }: Context) {
  const adviser = await loaders.adviser.load(slot.adviser.id);
  if (!adviser) throw new Error(`Appointment slot ${slot.id} has no adviser`);
  return adviser;
}

const officeOf = (slot: Slot, { loaders }: Context) =>
  slot.office ? loaders.office.load(slot.office.id).then((office) => office ?? null) : null;

export const appointmentQueryFields: Pick<QueryResolvers, 'appointmentSlots' | 'availableAppointmentSlots'> = {
  appointmentSlots: async (_parent, args, { em, caller }) => {
    const regionId = args.regionId ?? caller.regionId;
    const visible = regionsWithPersonalData(caller);
    if (!regionId || (visible !== 'all' && !visible.includes(regionId))) {
      throw forbidden("Only the region's advisers and the owners of its client list see its appointment slots.");
    }
    return appointmentSlotsOf(em, { ...args, regionId });
  },
  availableAppointmentSlots: (_parent, args, { em }) => availableAppointmentSlots(em, args),
};

export const appointmentMutationFields: Pick<
  MutationResolvers,
  'publishAppointmentSlots' | 'cancelAppointmentSlot' | 'bookAppointment'
> = {
  publishAppointmentSlots: (_parent, { input }, { em, caller }) => publishAppointmentSlots(em, caller, input),
  cancelAppointmentSlot: (_parent, { id, version }, { em, caller }) => cancelAppointmentSlot(em, caller, id, version),
  bookAppointment: (_parent, { input }, { em }) => bookAppointment(em, input),
};

export const AppointmentSlot: AppointmentSlotResolvers = {
  adviser: (slot, _args, context) => adviserOf(slot, context),
  office: (slot, _args, context) => officeOf(slot, context),
  startsAt: (slot) => slot.startsAt.toISOString(),
  endsAt: (slot) => endsAt(slot),
  cancelledAt: (slot) => slot.cancelledAt?.toISOString() ?? null,
  booking: async (slot, _args, { loaders }) =>
    (await loaders.bookingsOfSlot.load(slot.id)).find((booking) => !booking.cancelledAt) ?? null,
  bookings: (slot, _args, { loaders }) => loaders.bookingsOfSlot.load(slot.id),
};

export const AppointmentBooking: AppointmentBookingResolvers = {
  bookedAt: (booking) => booking.bookedAt.toISOString(),
  cancelledAt: (booking) => booking.cancelledAt?.toISOString() ?? null,
  client: (booking, _args, context) => visibleClient(context, booking.client.id, 'appointment booking'),
  websiteRequest: async (booking, _args, { loaders }) => {
    const request = await loaders.websiteRequest.load(booking.websiteRequest.id);
    if (!request) throw new Error(`Appointment booking ${booking.id} has no website request`);
    return request;
  },
};

export const PublicAppointmentSlot: PublicAppointmentSlotResolvers = {
  startsAt: (slot) => slot.startsAt.toISOString(),
  endsAt: (slot) => endsAt(slot),
  office: (slot, _args, context) => officeOf(slot, context),
  adviserName: async (slot, _args, context) => (await adviserOf(slot, context)).name,
};

export const AppointmentReceipt: AppointmentReceiptResolvers = {
  reference: ({ request }) => request.reference,
  region: async ({ request }, _args, { loaders }) => {
    const region = await loaders.region.load(request.region.id);
    if (!region) throw new Error(`Website request ${request.id} has no region`);
    return region;
  },
  slot: ({ slot }) => slot,
};

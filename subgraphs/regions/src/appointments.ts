// Appointments (issue 22): advisers publish times for counselling; a person books one on the
// public website, which files a request for counselling as `requestCounselling` does (it shows
// under "Fra nettsiden") and sends the person and the adviser a calendar invitation; either side
// can cancel (the person with the receipt's cancel link, the adviser by withdrawing the slot),
// which frees the slot and sends both a calendar cancellation. Each change is one transaction.
import {
  addDays,
  badUserInput,
  type Caller,
  conflict,
  forbidden,
  notFound,
  parseInput,
  publicWebsiteActor,
  recordAudit,
  requireRole,
  startOfDayInNorway,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { type AppointmentBooking, AppointmentBookingSchema } from './entities/appointment-booking.js';
import { type AppointmentSlot, AppointmentSlotSchema } from './entities/appointment-slot.js';
import { sessionForms } from './entities/counselling-session.js';
import { OfficeSchema } from './entities/office.js';
import { RegionSchema } from './entities/region.js';
import { type WebsiteRequest, WebsiteRequestSchema } from './entities/website-request.js';
import { appointmentLimits } from './input-limits.js';
import { lockAdviserSlots } from './locks.js';
import {
  appointmentDetails,
  enqueueAppointmentCancellations,
  enqueueAppointmentInvitations,
} from './messages/appointments.js';
import { publicPageUrl } from './messages/links.js';
import { createLink } from './public-links.js';
import { adviserRecordOf } from './resolvers/Mutation.js';
import { fileRequest, limitPerAddress, locale, municipalityOf, personInput, plainText } from './website.js';

/** Slots published in one go at most: a few weeks of an adviser's week. */
export const maxSlotsPerPublication = appointmentLimits.slotsPerPublication;
/** How far ahead slots may be published. */
export const publishAheadDays = 366;
/** The longest span the public website may ask for at once. */
export const publicRangeDays = 62;
/** The longest span an adviser's list may cover. */
export const adviserRangeDays = 400;

const dayMs = 24 * 60 * 60 * 1000;
const endsAt = (slot: Pick<AppointmentSlot, 'startsAt' | 'durationMinutes'>) =>
  new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000);

const newSlot = z.object({
  startsAt: z.iso
    .datetime({ offset: true, message: 'a time as ISO 8601 with its offset, e.g. 2027-01-12T09:00:00+01:00' })
    .transform((value) => new Date(value))
    .refine((at) => at.getTime() > Date.now(), 'in the future')
    .refine((at) => at.getTime() <= Date.now() + publishAheadDays * dayMs, `at most ${publishAheadDays} days ahead`),
  durationMinutes: z
    .number()
    .int()
    .min(15, 'at least 15 minutes')
    .max(appointmentLimits.durationMinutes, `at most ${appointmentLimits.durationMinutes} minutes`)
    .refine((value) => value % 15 === 0, 'in quarter-hour steps (a multiple of 15)'),
  form: z.enum(sessionForms),
  officeId: z.uuid('not an office of the region').nullish(),
  location: plainText(appointmentLimits.location).nullish(),
});

const publishInput = z.object({
  slots: z
    .array(newSlot)
    .min(1, 'at least one slot')
    .max(maxSlotsPerPublication, `at most ${maxSlotsPerPublication} slots at once`),
});

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * Publishes the adviser's (the caller's) slots, all or none: each in the future, none
 * overlapping another of the list or one of the adviser's slots not withdrawn (CONFLICT).
 */
export async function publishAppointmentSlots(em: EntityManager, caller: Caller, input: unknown) {
  requireRole(caller, 'ADVISER');
  const { slots } = parseInput(publishInput, input);
  return em.transactional(async (tx) => {
    const adviser = await adviserRecordOf(tx, caller);
    // Publications of one adviser one at a time: two at once must not both miss each other's overlap.
    await lockAdviserSlots(tx, adviser.id);
    const wanted = slots.map((slot, index) => ({
      index,
      start: slot.startsAt.getTime(),
      end: slot.startsAt.getTime() + slot.durationMinutes * 60_000,
    }));
    for (const a of wanted) {
      const clash = wanted.find((b) => b.index < a.index && overlaps(a, b));
      if (clash) {
        throw conflict(`input.slots.${a.index}: overlaps slot ${clash.index} of the same list`, {
          field: `input.slots.${a.index}`,
        });
      }
    }
    const first = Math.min(...wanted.map((slot) => slot.start));
    const last = Math.max(...wanted.map((slot) => slot.end));
    const existing = await tx.find(AppointmentSlotSchema, {
      adviser,
      cancelledAt: null,
      startsAt: { $lt: new Date(last), $gte: new Date(first - 240 * 60_000) },
    });
    for (const a of wanted) {
      const clash = existing.find((slot) =>
        overlaps(a, { start: slot.startsAt.getTime(), end: endsAt(slot).getTime() }),
      );
      if (clash) {
        throw conflict(
          `input.slots.${a.index}: overlaps your slot at ${clash.startsAt.toISOString()} (${clash.durationMinutes} minutes)`,
          { field: `input.slots.${a.index}` },
        );
      }
    }
    const officeIds = [...new Set(slots.map((slot) => slot.officeId).filter((id): id is string => !!id))];
    const offices = officeIds.length ? await tx.find(OfficeSchema, { id: { $in: officeIds } }) : [];
    const created = slots.map((slot, index) => {
      const office = slot.officeId ? offices.find((candidate) => candidate.id === slot.officeId) : null;
      if (slot.officeId && office?.region.id !== adviser.region.id) {
        throw badUserInput(
          `input.slots.${index}.officeId: not an office of your region`,
          `input.slots.${index}.officeId`,
        );
      }
      return tx.create(AppointmentSlotSchema, {
        adviser,
        region: adviser.region,
        office: office ?? null,
        startsAt: slot.startsAt,
        durationMinutes: slot.durationMinutes,
        form: slot.form,
        location: slot.location || null,
        createdAt: new Date(),
        cancelledAt: null,
      });
    });
    await tx.flush();
    return created.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  });
}

/** The booking of the slot that is not cancelled, or null. */
export const activeBookingOf = (em: EntityManager, slotId: string) =>
  em.findOne(AppointmentBookingSchema, { slot: slotId, cancelledAt: null });

/**
 * Cancels a booking in the caller's transaction: marked cancelled (the slot is free again unless
 * withdrawn), the calendar event's SEQUENCE raised, and the cancellation with METHOD:CANCEL
 * enqueued to the person and the adviser.
 */
async function cancelBooking(
  em: EntityManager,
  slot: AppointmentSlot,
  booking: AppointmentBooking,
  request: Pick<WebsiteRequest, 'reference'>,
  by: 'PERSON' | 'ADVISER',
): Promise<void> {
  booking.cancelledAt = new Date();
  slot.calendarSequence += 1;
  await em.flush();
  const details = await appointmentDetails(em, slot, booking);
  await enqueueAppointmentCancellations(em, details, booking, request.reference, by);
}

/**
 * Withdraws a slot (advisers of its region): it is no longer offered, and a booking it has is
 * cancelled with a calendar cancellation to both. CONFLICT when it was withdrawn already or
 * `version` is not the current one; BAD_USER_INPUT once it has started.
 */
export async function cancelAppointmentSlot(em: EntityManager, caller: Caller, id: string, version?: number | null) {
  requireRole(caller, 'ADVISER');
  return em.transactional(async (tx) => {
    const slot = z.uuid().safeParse(id).success
      ? await tx.findOne(AppointmentSlotSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!slot || slot.region.id !== caller.regionId) {
      throw forbidden('You may not withdraw this slot, or there is no slot with this id.');
    }
    if (typeof version === 'number' && slot.version !== version) {
      throw conflict('The slot was changed since you saw it (it may have been booked): look again.');
    }
    if (slot.cancelledAt) throw conflict('The slot was withdrawn already.');
    if (slot.startsAt.getTime() <= Date.now()) throw badUserInput('id: the slot has started already', 'id');
    slot.cancelledAt = new Date();
    const booking = await activeBookingOf(tx, slot.id);
    if (booking) {
      const request = await tx.findOneOrFail(WebsiteRequestSchema, { id: booking.websiteRequest.id });
      await cancelBooking(tx, slot, booking, request, 'ADVISER');
      await recordAudit(tx, caller, [
        { operation: 'UPDATE', recordType: 'Client', recordId: booking.client.id, detail: 'cancelAppointmentSlot' },
      ]);
    }
    await tx.flush();
    return slot;
  });
}

/** The two days of a range argument, checked: BAD_USER_INPUT naming `from` or `to`. */
function parseRange(maxDays: number, args: { from: string; to: string }) {
  const result = rangeInput(maxDays).safeParse({ from: args.from, to: args.to });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? 'from');
  throw badUserInput(`${field}: ${issue?.message ?? 'invalid value'}`, field);
}

const rangeInput = (maxDays: number) =>
  z
    .object({ from: z.iso.date('a date as YYYY-MM-DD'), to: z.iso.date('a date as YYYY-MM-DD') })
    .refine(({ from, to }) => from <= to, { message: 'not before from', path: ['to'] })
    .refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= maxDays * dayMs, {
      message: `at most ${maxDays} days after from`,
      path: ['to'],
    });

/** Oslo's midnight at the start of a day, and after the last day (UTC+1 or +2; an hour's edge either way is harmless here). */
const afterDay = (date: string) => startOfDayInNorway(addDays(date, 1));

/**
 * PUBLIC: a region's slots a person may book between two days: published, not withdrawn, not
 * booked, not started. Nothing about any booking or person.
 */
export async function availableAppointmentSlots(
  em: EntityManager,
  args: { regionId: string; from: string; to: string },
) {
  const { from, to } = parseRange(publicRangeDays, args);
  const slots = await em.find(
    AppointmentSlotSchema,
    {
      region: args.regionId,
      cancelledAt: null,
      // A time at midnight belongs to its day; one starting now can no longer be booked.
      startsAt: { $gte: startOfDayInNorway(from), $gt: new Date(), $lt: afterDay(to) },
    },
    { orderBy: { startsAt: 'asc', id: 'asc' } },
  );
  if (!slots.length) return slots;
  const booked = await em.find(
    AppointmentBookingSchema,
    { slot: { $in: slots.map((slot) => slot.id) }, cancelledAt: null },
    { fields: ['slot'] },
  );
  const bookedIds = new Set(booked.map((booking) => booking.slot.id));
  return slots.filter((slot) => !bookedIds.has(slot.id));
}

/** The slots of a region (or one adviser of it) between two days, with their bookings: its advisers and the owners of its client list. */
export async function appointmentSlotsOf(
  em: EntityManager,
  args: { regionId: string; adviserId?: string | null; from: string; to: string; includeCancelled: boolean },
) {
  const { from, to } = parseRange(adviserRangeDays, args);
  return em.find(
    AppointmentSlotSchema,
    {
      region: args.regionId,
      ...(args.adviserId ? { adviser: args.adviserId } : {}),
      ...(args.includeCancelled ? {} : { cancelledAt: null }),
      startsAt: { $gte: startOfDayInNorway(from), $lt: afterDay(to) },
    },
    { orderBy: { startsAt: 'asc', id: 'asc' } },
  );
}

const bookingInput = z.object({
  slotId: z.uuid('not a slot from the list of available times'),
  person: personInput,
  topic: plainText(appointmentLimits.topic).pipe(z.string().min(1, 'say briefly what you would like help with')),
  locale,
});

export interface AppointmentReceipt {
  request: WebsiteRequest;
  slot: AppointmentSlot;
}

/**
 * PUBLIC: books a slot for a person: filed under a client of the slot's region with a request
 * for counselling (as `requestCounselling` files it), the person's receipt and the adviser's copy
 * each with the calendar invitation. CONFLICT when the slot was booked (or withdrawn) meanwhile;
 * BAD_USER_INPUT for a municipality outside the slot's region. The limits of `requestCounselling`.
 */
export async function bookAppointment(em: EntityManager, input: unknown): Promise<AppointmentReceipt> {
  const { slotId, person, topic, locale: language } = parseInput(bookingInput, input);
  return em.transactional(async (tx) => {
    await limitPerAddress(tx, person.email);
    // Locked: two people booking the same time at once get one booking and one CONFLICT.
    const slot = await tx.findOne(AppointmentSlotSchema, { id: slotId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!slot) throw notFound('There is no such appointment time: choose one from the list.');
    if (slot.cancelledAt || slot.startsAt.getTime() <= Date.now() || (await activeBookingOf(tx, slot.id))) {
      throw conflict('This time is no longer available: someone booked it, or it was withdrawn. Choose another.');
    }
    const municipality = await municipalityOf(tx, person.municipalityNumber);
    if (municipality.region.id !== slot.region.id) {
      const [home, slotRegion] = await Promise.all([
        tx.findOneOrFail(RegionSchema, { id: municipality.region.id }),
        tx.findOneOrFail(RegionSchema, { id: slot.region.id }),
      ]);
      throw badUserInput(
        `input.person.municipalityNumber: these times are for people living in ${slotRegion.name}; ${municipality.name} belongs to ${home.name}, whose times you can book instead`,
        'input.person.municipalityNumber',
      );
    }
    const request = await fileRequest(tx, 'COUNSELLING', person, slot.region.id, { message: topic });
    const booking = tx.create(AppointmentBookingSchema, {
      slot,
      websiteRequest: request,
      client: request.client,
      name: person.name,
      email: person.email,
      phone: person.phone ?? null,
      topic,
      locale: language,
      bookedAt: new Date(),
      cancelledAt: null,
    });
    slot.calendarSequence += 1;
    await tx.flush();
    // The receipt's cancel link cancels the request and so the booking (public-links.ts), until the slot starts.
    const token = createLink(tx, {
      kind: 'CANCEL',
      client: request.client,
      locale: language,
      websiteRequest: request,
      expiresAt: slot.startsAt,
    });
    await tx.flush();
    const details = await appointmentDetails(tx, slot, booking);
    await enqueueAppointmentInvitations(tx, details, booking, request.reference, publicPageUrl('cancel', token));
    return { request, slot };
  });
}

/**
 * What the cancel link of a booked request must know: the booking not cancelled yet, and whether
 * it may still be cancelled (until the slot starts). Null for a request with no such booking.
 */
export async function bookingOfRequest(
  em: EntityManager,
  requestId: string,
): Promise<{ booking: AppointmentBooking; slot: AppointmentSlot } | null> {
  const booking = await em.findOne(AppointmentBookingSchema, { websiteRequest: requestId, cancelledAt: null });
  if (!booking) return null;
  const slot = await em.findOneOrFail(AppointmentSlotSchema, { id: booking.slot.id });
  return { booking, slot };
}

/** The person cancels with their link: the booking is cancelled, the slot free, both told (public-links.ts). */
export async function cancelBookingOfRequest(em: EntityManager, request: WebsiteRequest): Promise<void> {
  const found = await bookingOfRequest(em, request.id);
  if (!found) return;
  await em.lock(found.slot, LockMode.PESSIMISTIC_WRITE);
  await cancelBooking(em, found.slot, found.booking, request, 'PERSON');
  await recordAudit(em, publicWebsiteActor, [
    { operation: 'UPDATE', recordType: 'Client', recordId: found.booking.client.id, detail: 'appointment cancelled' },
  ]);
}

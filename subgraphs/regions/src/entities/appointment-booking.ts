// A person's booking of an appointment slot from the public website: what they gave, filed
// under a client with a website request as a request for counselling is. A slot holds at most
// one booking that is not cancelled (a partial unique index); a cancelled one frees the slot.
import { type MessageLocale, messageLocales, uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AppointmentSlotSchema } from './appointment-slot.js';
import { ClientSchema } from './client.js';
import { WebsiteRequestSchema } from './website-request.js';

export const AppointmentBookingSchema = defineEntity({
  name: 'AppointmentBooking',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    slot: p.manyToOne(AppointmentSlotSchema),
    /** The request it filed (kind COUNSELLING): it shows under "Fra nettsiden", and its cancel link cancels this. */
    websiteRequest: p.manyToOne(WebsiteRequestSchema).unique(),
    client: p.manyToOne(ClientSchema).index(),
    /** As the person gave them when booking (the client record may hold others). */
    name: p.string().length(200),
    email: p.string().length(254),
    phone: p.string().length(20).nullable(),
    /** What the person would like help with. */
    topic: p.text(),
    /** The language of the person's e-mails. */
    locale: p.enum(messageLocales as unknown as MessageLocale[]),
    bookedAt: p.datetime(),
    /** When the person (cancel link) or the adviser (slot withdrawn) cancelled it. */
    cancelledAt: p.datetime().nullable(),
  }),
  indexes: [
    // One booking of a slot at a time: two people booking at once get one slot and one CONFLICT.
    {
      name: 'appointment_booking_one_per_slot',
      expression:
        'create unique index "appointment_booking_one_per_slot" on "appointment_booking" ("slot_id") where "cancelled_at" is null',
    },
  ],
});

export type AppointmentBooking = InferEntity<typeof AppointmentBookingSchema>;

// A time an adviser offers for counselling, which a person can book on the public website
// (issue 22): published ahead, withdrawn by the adviser when it no longer suits.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AdviserSchema } from './adviser.js';
import { type SessionForm, sessionForms } from './counselling-session.js';
import { OfficeSchema } from './office.js';
import { RegionSchema } from './region.js';

export const AppointmentSlotSchema = defineEntity({
  name: 'AppointmentSlot',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    adviser: p.manyToOne(AdviserSchema),
    /** The adviser's region when published: the public website lists a region's slots. */
    region: p.manyToOne(RegionSchema),
    /** Where a meeting is held, when at one of the region's offices. */
    office: p.manyToOne(OfficeSchema).nullable(),
    startsAt: p.datetime(),
    /** A multiple of 15, at most 4 hours. */
    durationMinutes: p.smallint(),
    /** Meeting, phone or video: the forms a counselling session is recorded in. */
    form: p.enum(sessionForms as unknown as SessionForm[]),
    /** Where to meet or how to join (an address, a room, a video link's description). */
    location: p.string().length(300).nullable(),
    createdAt: p.datetime(),
    /** When the adviser withdrew it; a booking it had is cancelled with it. */
    cancelledAt: p.datetime().nullable(),
    /**
     * The iCalendar SEQUENCE of the slot's event (its UID is the slot's): raised with every
     * invitation or cancellation sent, so calendars apply each change over the one before.
     */
    calendarSequence: p.integer().default(0),
    version: p.integer().version(),
  }),
  // The public website lists a region's slots by time; an adviser's own are checked for overlap.
  indexes: [{ properties: ['region', 'startsAt'] }, { properties: ['adviser', 'startsAt'] }],
  checks: [
    {
      name: 'appointment_slot_quarter_hours',
      expression: 'duration_minutes >= 15 and duration_minutes <= 240 and duration_minutes % 15 = 0',
    },
  ],
});

export type AppointmentSlot = InferEntity<typeof AppointmentSlotSchema>;

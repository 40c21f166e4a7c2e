// The e-mails of an appointment booked on the public website, in bokmål and English: the
// invitation (iCalendar METHOD:REQUEST) to the person and to the adviser, and the cancellation
// (METHOD:CANCEL, same UID, a higher SEQUENCE) to both. The .ics is made by ical-generator and
// sent through the kit's outbox as a calendar part of the e-mail.
import { defineTemplate, enqueue, html, type MessageLocale, mailLink } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { AdviserSchema } from '../entities/adviser.js';
import type { AppointmentBooking } from '../entities/appointment-booking.js';
import type { AppointmentSlot } from '../entities/appointment-slot.js';
import type { SessionForm } from '../entities/counselling-session.js';
import { OfficeSchema } from '../entities/office.js';
import { RegionSchema } from '../entities/region.js';

export const appointmentMessageKinds = {
  invitation: 'regions.appointment-invitation',
  cancellation: 'regions.appointment-cancellation',
} as const;

/** The event's UID: one per slot, so a cancellation or a later booking replaces the event in calendars. */
export const appointmentUid = (slotId: string) => `appointment-${slotId}@etablerertjenesten`;

const timeFormats: Record<MessageLocale, Intl.DateTimeFormat> = {
  nb: new Intl.DateTimeFormat('nb-NO', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Oslo' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Oslo' }),
};

/** A moment as people in Norway read it: `torsdag 10. desember 2026 kl. 10:00`, `Thursday 10 December 2026 at 10:00`. */
export const appointmentTime = (at: Date, locale: MessageLocale) => timeFormats[locale].format(at);

const formNames: Record<MessageLocale, Record<SessionForm, string>> = {
  nb: { MEETING: 'Møte', PHONE: 'Telefon', VIDEO: 'Video' },
  en: { MEETING: 'Meeting', PHONE: 'Phone', VIDEO: 'Video' },
};

export interface AppointmentDetails {
  slotId: string;
  startsAt: Date;
  endsAt: Date;
  form: SessionForm;
  /** Where: the office's address and/or the slot's location text. */
  where: string | null;
  regionName: string;
  adviser: { name: string; email: string };
  person: { name: string; email: string; phone: string | null };
  topic: string;
  /** The REQUEST's or CANCEL's SEQUENCE. */
  sequence: number;
}

/** The slot and its booking as the e-mails and the calendar event need them. */
export async function appointmentDetails(
  em: EntityManager,
  slot: AppointmentSlot,
  booking: AppointmentBooking,
): Promise<AppointmentDetails> {
  const [adviser, region, office] = await Promise.all([
    em.findOneOrFail(AdviserSchema, { id: slot.adviser.id }),
    em.findOneOrFail(RegionSchema, { id: slot.region.id }),
    slot.office ? em.findOneOrFail(OfficeSchema, { id: slot.office.id }) : null,
  ]);
  const address = office ? `${office.name}, ${office.streetAddress}, ${office.postalCode} ${office.postalTown}` : null;
  return {
    slotId: slot.id,
    startsAt: slot.startsAt,
    endsAt: new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000),
    form: slot.form,
    where: [address, slot.location].filter(Boolean).join(' – ') || null,
    regionName: region.name,
    adviser: { name: adviser.name, email: adviser.email },
    person: { name: booking.name, email: booking.email, phone: booking.phone ?? null },
    topic: booking.topic,
    sequence: slot.calendarSequence,
  };
}

const summary = (details: AppointmentDetails, locale: MessageLocale) =>
  locale === 'nb'
    ? `Veiledning – Etablerertjenesten i ${details.regionName}`
    : `Counselling – the entrepreneur service in ${details.regionName}`;

/**
 * The iCalendar text of the appointment: METHOD:REQUEST to invite, METHOD:CANCEL (with
 * STATUS:CANCELLED) to withdraw; organizer the adviser, attendee the person, times in UTC.
 */
export function appointmentCalendar(
  details: AppointmentDetails,
  method: 'REQUEST' | 'CANCEL',
  locale: MessageLocale,
): string {
  const calendar = ical({
    prodId: { company: 'Etablerertjenesten', product: 'Appointments', language: locale === 'nb' ? 'NB' : 'EN' },
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  calendar.createEvent({
    id: appointmentUid(details.slotId),
    sequence: details.sequence,
    stamp: new Date(),
    start: details.startsAt,
    end: details.endsAt,
    summary: summary(details, locale),
    description: `${formNames[locale][details.form]}: ${details.topic}`,
    location: details.where,
    status: method === 'REQUEST' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: { name: details.adviser.name, email: details.adviser.email },
    attendees: [
      {
        name: details.person.name,
        email: details.person.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}

const rows = (details: AppointmentDetails, locale: MessageLocale, forAdviser: boolean): [string, string][] => {
  const label =
    locale === 'nb'
      ? { when: 'Når', form: 'Form', where: 'Hvor', adviser: 'Veileder', person: 'Hvem', topic: 'Tema' }
      : { when: 'When', form: 'Form', where: 'Where', adviser: 'Adviser', person: 'Who', topic: 'Topic' };
  const person = [details.person.name, details.person.email, details.person.phone].filter(Boolean).join(', ');
  return [
    [label.when, appointmentTime(details.startsAt, locale)],
    [label.form, formNames[locale][details.form]],
    ...(details.where ? [[label.where, details.where] as [string, string]] : []),
    forAdviser ? [label.person, person] : [label.adviser, `${details.adviser.name} (${details.adviser.email})`],
    [label.topic, details.topic],
  ];
};
const textRows = (list: [string, string][]) => list.map(([label, value]) => `${label}: ${value}`).join('\n');
const htmlRows = (list: [string, string][]) =>
  html`<table role="presentation" style="border-collapse:collapse">${list.map(
    ([label, value]) =>
      html`<tr><th style="text-align:left;padding:2px 12px 2px 0">${label}</th><td>${value}</td></tr>`,
  )}</table>`;

interface InvitationData {
  details: AppointmentDetails;
  reference: string;
  /** The person's cancel link; null in the adviser's copy. */
  cancelUrl: string | null;
}

/** To the person who booked, and to the adviser (without the cancel link, with the person's contact). */
export const appointmentInvitation = defineTemplate<InvitationData>({
  subject: ({ details, reference }, locale) =>
    locale === 'nb'
      ? `Time for veiledning ${appointmentTime(details.startsAt, locale)} (${reference})`
      : `Counselling appointment ${appointmentTime(details.startsAt, locale)} (${reference})`,
  text: ({ details, reference, cancelUrl }, locale) => {
    const list = textRows(rows(details, locale, !cancelUrl));
    if (!cancelUrl) {
      return locale === 'nb'
        ? `En person har bestilt en av timene dine fra nettsiden (referanse ${reference}).\n\n${list}\n\nTimen ligger som invitasjon i denne e-posten.`
        : `A person booked one of your appointment slots on the website (reference ${reference}).\n\n${list}\n\nThe appointment is attached to this e-mail as an invitation.`;
    }
    return locale === 'nb'
      ? `Hei ${details.person.name},\n\ntimen din hos Etablerertjenesten i ${details.regionName} er bestilt. Legg den i kalenderen din med invitasjonen i denne e-posten.\n\nReferanse: ${reference}\n${list}\n\nKan du ikke komme? Avbestill her:\n${cancelUrl}`
      : `Hello ${details.person.name},\n\nyour appointment with the entrepreneur service in ${details.regionName} is booked. Add it to your calendar with the invitation in this e-mail.\n\nReference: ${reference}\n${list}\n\nCannot come? Cancel here:\n${cancelUrl}`;
  },
  html: ({ details, reference, cancelUrl }, locale) => {
    const list = htmlRows(rows(details, locale, !cancelUrl));
    if (!cancelUrl) {
      return locale === 'nb'
        ? html`<p>En person har bestilt en av timene dine fra nettsiden (referanse <strong>${reference}</strong>).</p>${list}<p>Timen ligger som invitasjon i denne e-posten.</p>`
        : html`<p>A person booked one of your appointment slots on the website (reference <strong>${reference}</strong>).</p>${list}<p>The appointment is attached to this e-mail as an invitation.</p>`;
    }
    return locale === 'nb'
      ? html`<p>Hei ${details.person.name},</p><p>timen din hos Etablerertjenesten i ${details.regionName} er bestilt. Legg den i kalenderen din med invitasjonen i denne e-posten.</p><p>Referanse: <strong>${reference}</strong></p>${list}<p>Kan du ikke komme? ${mailLink(cancelUrl, 'Avbestill her')}.</p>`
      : html`<p>Hello ${details.person.name},</p><p>your appointment with the entrepreneur service in ${details.regionName} is booked. Add it to your calendar with the invitation in this e-mail.</p><p>Reference: <strong>${reference}</strong></p>${list}<p>Cannot come? ${mailLink(cancelUrl, 'Cancel here')}.</p>`;
  },
});

interface CancellationData {
  details: AppointmentDetails;
  reference: string;
  /** Who cancelled: the person (their link) or the adviser (the slot withdrawn). */
  by: 'PERSON' | 'ADVISER';
  forAdviser: boolean;
}

/** To the person and the adviser when a booked appointment is cancelled, by either. */
export const appointmentCancellation = defineTemplate<CancellationData>({
  subject: ({ details, reference }, locale) =>
    locale === 'nb'
      ? `Avlyst: veiledning ${appointmentTime(details.startsAt, locale)} (${reference})`
      : `Cancelled: counselling ${appointmentTime(details.startsAt, locale)} (${reference})`,
  text: ({ details, reference, by, forAdviser }, locale) => {
    const list = textRows(rows(details, locale, forAdviser));
    const why =
      locale === 'nb'
        ? by === 'PERSON'
          ? 'Timen er avbestilt av personen som bestilte den.'
          : `Veilederen kan dessverre ikke likevel. Bestill gjerne en annen time hos Etablerertjenesten i ${details.regionName}.`
        : by === 'PERSON'
          ? 'The appointment was cancelled by the person who booked it.'
          : `The adviser can no longer make it, sorry. You are welcome to book another time with the entrepreneur service in ${details.regionName}.`;
    return locale === 'nb'
      ? `Timen for veiledning er avlyst (referanse ${reference}).\n\n${why}\n\n${list}`
      : `The counselling appointment is cancelled (reference ${reference}).\n\n${why}\n\n${list}`;
  },
  html: ({ details, reference, by, forAdviser }, locale) => {
    const list = htmlRows(rows(details, locale, forAdviser));
    const why =
      locale === 'nb'
        ? by === 'PERSON'
          ? 'Timen er avbestilt av personen som bestilte den.'
          : `Veilederen kan dessverre ikke likevel. Bestill gjerne en annen time hos Etablerertjenesten i ${details.regionName}.`
        : by === 'PERSON'
          ? 'The appointment was cancelled by the person who booked it.'
          : `The adviser can no longer make it, sorry. You are welcome to book another time with the entrepreneur service in ${details.regionName}.`;
    return locale === 'nb'
      ? html`<p>Timen for veiledning er avlyst (referanse <strong>${reference}</strong>).</p><p>${why}</p>${list}`
      : html`<p>The counselling appointment is cancelled (reference <strong>${reference}</strong>).</p><p>${why}</p>${list}`;
  },
});

/** The adviser's e-mails are in bokmål: the console's language for staff by default. */
const adviserLocale: MessageLocale = 'nb';

/** The invitation, with its .ics (METHOD:REQUEST), to the person (in their language) and to the adviser. */
export async function enqueueAppointmentInvitations(
  em: EntityManager,
  details: AppointmentDetails,
  booking: AppointmentBooking,
  reference: string,
  cancelUrl: string,
): Promise<void> {
  const kind = appointmentMessageKinds.invitation;
  for (const [recipient, locale, url] of [
    ['person', booking.locale, cancelUrl],
    ['adviser', adviserLocale, null],
  ] as const) {
    const to = recipient === 'person' ? details.person : details.adviser;
    await enqueue(em, {
      channel: 'EMAIL',
      kind,
      locale,
      dedupeKey: `${kind}:${booking.id}:${recipient}`,
      to: { email: to.email, name: to.name },
      ...appointmentInvitation.render({ details, reference, cancelUrl: url }, locale),
      calendar: { method: 'REQUEST', content: appointmentCalendar(details, 'REQUEST', locale) },
    });
  }
}

/** The cancellation, with its .ics (METHOD:CANCEL), to the person and to the adviser. */
export async function enqueueAppointmentCancellations(
  em: EntityManager,
  details: AppointmentDetails,
  booking: AppointmentBooking,
  reference: string,
  by: CancellationData['by'],
): Promise<void> {
  const kind = appointmentMessageKinds.cancellation;
  for (const [recipient, locale] of [
    ['person', booking.locale],
    ['adviser', adviserLocale],
  ] as const) {
    const to = recipient === 'person' ? details.person : details.adviser;
    await enqueue(em, {
      channel: 'EMAIL',
      kind,
      locale,
      dedupeKey: `${kind}:${booking.id}:${recipient}`,
      to: { email: to.email, name: to.name },
      ...appointmentCancellation.render({ details, reference, by, forAdviser: recipient === 'adviser' }, locale),
      calendar: {
        method: 'CANCEL',
        content: appointmentCalendar(details, 'CANCEL', locale),
        filename: 'cancellation.ics',
      },
    });
  }
}

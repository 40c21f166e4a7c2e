// Appointments (issue 22): an adviser publishes times for counselling, a person books one on the
// public website (filed as a request for counselling), both get a calendar invitation (.ics,
// METHOD:REQUEST) through the outbox, and a cancellation by either side frees the slot and sends
// both METHOD:CANCEL with the same UID and a higher SEQUENCE. Real PostgreSQL; the .ics parsed by
// ical.js as a calendar program would.
import { todayInNorway } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { publicMutationLimit } from '../src/public-limits.js';
import { regionsSubgraph } from '../src/server.js';

const site = 'https://etablerer.example.no';
let subgraph: TestSubgraph<Context>;
const siteBefore = process.env.PUBLIC_SITE_URL;
beforeAll(async () => {
  process.env.PUBLIC_SITE_URL = site;
  subgraph = await createTestSubgraph(regionsSubgraph);
});
afterAll(async () => {
  if (siteBefore === undefined) delete process.env.PUBLIC_SITE_URL;
  else process.env.PUBLIC_SITE_URL = siteBefore;
  await subgraph?.close();
});

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const adviser = { as: 'follo.adviser' };
const anonymous = { as: null };

async function ok<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  options: { as?: string | null; clientAddress?: string } = adviser,
): Promise<Data> {
  const result = await subgraph.execute<Data>(query, variables, options);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as Data;
}

const publish = `mutation Publish($input: PublishAppointmentSlotsInput!) {
  publishAppointmentSlots(input: $input) { id startsAt endsAt durationMinutes form location version adviser { name } }
}`;
const withdraw = `mutation Withdraw($id: ID!, $version: Int) { cancelAppointmentSlot(id: $id, version: $version) { id cancelledAt version } }`;
const available = `query Available($regionId: ID!, $from: Date!, $to: Date!) {
  availableAppointmentSlots(regionId: $regionId, from: $from, to: $to) { id startsAt endsAt durationMinutes form location adviserName }
}`;
const slotsQuery = `query Slots($from: Date!, $to: Date!, $includeCancelled: Boolean!) {
  appointmentSlots(from: $from, to: $to, includeCancelled: $includeCancelled) {
    id startsAt cancelledAt
    booking { name email topic locale cancelledAt client { id name } websiteRequest { reference kind status message } }
    bookings { email cancelledAt }
  }
}`;
const book = `mutation Book($input: AppointmentBookingInput!) {
  bookAppointment(input: $input) { reference region { id } slot { id startsAt adviserName } }
}`;
const cancel = `mutation Cancel($token: String!) { cancelWebsiteRequest(token: $token) }`;
const linkQuery = `query Link($token: String!) { publicLink(token: $token) { kind title valid } }`;

let counter = 0;
const uniqueEmail = (name: string) => `${name}.${++counter}.${Date.now()}@example.no`;
const person = (email: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Amina Haugen',
  email,
  phone: '+47 912 34 567',
  municipalityNumber: '3021',
  consentToProcessing: true,
  ...overrides,
});

/**
 * A whole hour some weeks ahead, different for every call, so the tests' slots never overlap each
 * other nor the demo's slots (which fill the coming three weeks).
 */
let hourOffset = 0;
function futureHour(daysAhead = 40): Date {
  const at = new Date(Date.now() + daysAhead * 24 * 60 * 60 * 1000);
  at.setUTCMinutes(0, 0, 0);
  at.setUTCHours(at.getUTCHours() + 3 * ++hourOffset);
  return at;
}
// The Norwegian calendar day of an instant, as the public site and the advisers ask for days.
const day = (at: Date, plusDays = 0) => todayInNorway(new Date(at.getTime() + plusDays * 86_400_000));

interface Slot {
  id: string;
  startsAt: string;
  version: number;
}

async function publishOne(startsAt = futureHour(), extra: Record<string, unknown> = {}): Promise<Slot> {
  const data = await ok<{ publishAppointmentSlots: Slot[] }>(publish, {
    input: { slots: [{ startsAt: startsAt.toISOString(), durationMinutes: 60, form: 'MEETING', ...extra }] },
  });
  return data.publishAppointmentSlots[0] as Slot;
}

interface Mail {
  kind: string;
  locale: string;
  recipient_email: string;
  subject: string;
  text_body: string;
  dedupe_key: string;
  calendar: { method: string; content: string } | null;
}

const mailsOfBooking = (kind: string, slotStartsAt: string): Promise<Mail[]> =>
  subgraph.orm.em.fork().execute(
    `select kind, locale, recipient_email, subject, text_body, dedupe_key, payload->'calendar' as calendar
       from outbox_message where kind = ? and split_part(dedupe_key, ':', 2) in
        (select b.id::text from appointment_booking b join appointment_slot s on s.id = b.slot_id where s.starts_at = ?)
      order by recipient_email`,
    [kind, slotStartsAt],
  );

/** The .ics as a calendar program reads it: the calendar's METHOD and the one event's properties. */
function readCalendar(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const [vevent] = calendar.getAllSubcomponents('vevent');
  if (!vevent) throw new Error(`no event in ${content}`);
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue('status'),
    organizer: String(vevent.getFirstPropertyValue('organizer')).toLowerCase(),
    attendees: event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
    summary: event.summary,
  };
}

function cancelTokenIn(mail: Mail | undefined): string {
  const match = mail?.text_body.match(/\/public\/cancel\/([A-Za-z0-9_-]{43})/);
  if (!match?.[1]) throw new Error(`no cancel link in ${mail?.text_body}`);
  return match[1];
}

describe('publishing appointment slots', () => {
  it('publishes several slots at once for the adviser, listed for the region with no booking', async () => {
    const first = futureHour();
    const second = new Date(first.getTime() + 60 * 60_000);
    const data = await ok<{ publishAppointmentSlots: (Slot & Record<string, unknown>)[] }>(publish, {
      input: {
        slots: [
          { startsAt: second.toISOString(), durationMinutes: 45, form: 'PHONE' },
          { startsAt: first.toISOString(), durationMinutes: 60, form: 'MEETING', location: 'Rom 2, Ski' },
        ],
      },
    });
    expect(data.publishAppointmentSlots).toMatchObject([
      { startsAt: first.toISOString(), durationMinutes: 60, form: 'MEETING', location: 'Rom 2, Ski' },
      { startsAt: second.toISOString(), durationMinutes: 45, form: 'PHONE', location: null },
    ]);
    expect(data.publishAppointmentSlots[0]?.endsAt).toBe(second.toISOString());
    const listed = await ok<{ appointmentSlots: { id: string; booking: unknown }[] }>(slotsQuery, {
      from: day(first),
      to: day(second),
      includeCancelled: false,
    });
    const ids = data.publishAppointmentSlots.map((slot) => slot.id);
    expect(listed.appointmentSlots.filter((slot) => ids.includes(slot.id))).toEqual([
      expect.objectContaining({ id: ids[0], booking: null }),
      expect.objectContaining({ id: ids[1], booking: null }),
    ]);
  });

  it('refuses overlapping slots with CONFLICT, in the list or against the adviser\u2019s own, and stores none', async () => {
    const at = futureHour();
    const inList = await subgraph.execute(
      publish,
      {
        input: {
          slots: [
            { startsAt: at.toISOString(), durationMinutes: 60, form: 'MEETING' },
            { startsAt: new Date(at.getTime() + 30 * 60_000).toISOString(), durationMinutes: 30, form: 'VIDEO' },
          ],
        },
      },
      adviser,
    );
    expect(code(inList)).toBe('CONFLICT');
    expect(inList.errors?.[0]?.message).toContain('input.slots.1');
    await publishOne(at);
    const later = new Date(at.getTime() + 24 * 60 * 60_000);
    const againstOwn = await subgraph.execute(
      publish,
      {
        input: {
          slots: [
            { startsAt: later.toISOString(), durationMinutes: 60, form: 'MEETING' },
            { startsAt: new Date(at.getTime() + 45 * 60_000).toISOString(), durationMinutes: 60, form: 'MEETING' },
          ],
        },
      },
      adviser,
    );
    expect(code(againstOwn)).toBe('CONFLICT');
    // All or none: the slot of the list that did not overlap was not stored either.
    const [row] = await subgraph.orm.em
      .fork()
      .execute<{ count: number }[]>('select count(*)::int as count from appointment_slot where starts_at = ?', [later]);
    expect(row?.count).toBe(0);
    // Right after the slot ends is no overlap.
    await publishOne(new Date(at.getTime() + 60 * 60_000));
  });

  it('refuses slots in the past, off the quarter hour, and callers who are not advisers', async () => {
    const past = await subgraph.execute(
      publish,
      { input: { slots: [{ startsAt: '2020-01-06T09:00:00+01:00', durationMinutes: 60, form: 'MEETING' }] } },
      adviser,
    );
    expect(code(past)).toBe('BAD_USER_INPUT');
    expect(past.errors?.[0]?.extensions?.field).toBe('input.slots.0.startsAt');
    const odd = await subgraph.execute(
      publish,
      { input: { slots: [{ startsAt: futureHour().toISOString(), durationMinutes: 50, form: 'MEETING' }] } },
      adviser,
    );
    expect(odd.errors?.[0]?.extensions?.field).toBe('input.slots.0.durationMinutes');
    const officer = await subgraph.execute(
      publish,
      { input: { slots: [{ startsAt: futureHour().toISOString(), durationMinutes: 60, form: 'MEETING' }] } },
      { as: 'akershus.officer' },
    );
    expect(code(officer)).toBe('FORBIDDEN');
    const nobody = await subgraph.execute(
      slotsQuery,
      { from: '2027-01-01', to: '2027-01-31', includeCancelled: false },
      { as: 'drammen.adviser' },
    );
    expect(nobody.data?.appointmentSlots ?? []).toEqual([]);
  });
});

describe('booking on the public website', () => {
  it('lists a time at midnight in Oslo under its Norwegian day, not the UTC one', async () => {
    // 23:00 UTC is midnight (winter) or 01:00 (summer) the next day in Oslo.
    const at = futureHour(20); // before the days the other tests' times take
    at.setUTCHours(23, 0, 0, 0);
    const slot = await publishOne(at);
    const norwegianDay = day(at);
    expect(norwegianDay).not.toBe(at.toISOString().slice(0, 10));
    for (const [from, listed] of [
      [norwegianDay, true],
      [at.toISOString().slice(0, 10), false],
    ] as const) {
      const open = await ok<{ availableAppointmentSlots: { id: string }[] }>(
        available,
        { regionId: 'follo', from, to: from },
        anonymous,
      );
      expect(open.availableAppointmentSlots.some((s) => s.id === slot.id)).toBe(listed);
      const own = await ok<{ appointmentSlots: { id: string }[] }>(slotsQuery, {
        from,
        to: from,
        includeCancelled: false,
      });
      expect(own.appointmentSlots.some((s) => s.id === slot.id)).toBe(listed);
    }
  });

  it('books a slot, files a request for counselling, and invites the person and the adviser with a .ics', async () => {
    const slot = await publishOne(futureHour(), { location: 'Ski næringshage' });
    const email = uniqueEmail('amina');
    const open = await ok<{ availableAppointmentSlots: { id: string }[] }>(
      available,
      { regionId: 'follo', from: day(new Date(slot.startsAt)), to: day(new Date(slot.startsAt)) },
      anonymous,
    );
    expect(open.availableAppointmentSlots.map((s) => s.id)).toContain(slot.id);

    const receipt = await ok<{ bookAppointment: { reference: string; region: { id: string }; slot: unknown } }>(
      book,
      { input: { slotId: slot.id, person: person(email), topic: 'Budsjett for kafé', locale: 'en' } },
      anonymous,
    );
    expect(receipt.bookAppointment).toMatchObject({
      reference: expect.stringMatching(/^ET-[0-9A-Z]{6}$/),
      region: { id: 'follo' },
      slot: { id: slot.id, startsAt: slot.startsAt, adviserName: expect.any(String) },
    });

    // Booked: no longer offered to anyone.
    const after = await ok<{ availableAppointmentSlots: { id: string }[] }>(
      available,
      { regionId: 'follo', from: day(new Date(slot.startsAt)), to: day(new Date(slot.startsAt)) },
      anonymous,
    );
    expect(after.availableAppointmentSlots.map((s) => s.id)).not.toContain(slot.id);

    // The adviser sees the booking and the request it filed under "Fra nettsiden".
    const listed = await ok<{ appointmentSlots: { id: string; booking: Record<string, unknown> | null }[] }>(
      slotsQuery,
      { from: day(new Date(slot.startsAt)), to: day(new Date(slot.startsAt)), includeCancelled: false },
    );
    expect(listed.appointmentSlots.find((s) => s.id === slot.id)?.booking).toMatchObject({
      name: 'Amina Haugen',
      email,
      topic: 'Budsjett for kafé',
      locale: 'en',
      cancelledAt: null,
      client: { name: 'Amina Haugen' },
      websiteRequest: {
        reference: receipt.bookAppointment.reference,
        kind: 'COUNSELLING',
        status: 'PENDING',
        message: 'Budsjett for kafé',
      },
    });

    const mails = await mailsOfBooking('regions.appointment-invitation', slot.startsAt);
    const adviserMail = mails.find((mail) => mail.recipient_email !== email);
    const personMail = mails.find((mail) => mail.recipient_email === email);
    expect(mails).toHaveLength(2);
    expect(personMail).toMatchObject({ locale: 'en', calendar: { method: 'REQUEST' } });
    expect(personMail?.subject).toContain(receipt.bookAppointment.reference);
    expect(personMail?.text_body).toContain(`${site}/public/cancel/`);
    expect(adviserMail).toMatchObject({ locale: 'nb', calendar: { method: 'REQUEST' } });
    expect(adviserMail?.text_body).toContain(email);
    expect(adviserMail?.text_body).not.toContain('/public/cancel/');

    const invitation = readCalendar(personMail?.calendar?.content ?? '');
    expect(invitation).toMatchObject({
      method: 'REQUEST',
      uid: `appointment-${slot.id}@etablerertjenesten`,
      start: slot.startsAt,
      end: new Date(Date.parse(slot.startsAt) + 60 * 60_000).toISOString(),
      status: 'CONFIRMED',
      organizer: `mailto:${adviserMail?.recipient_email}`,
      attendees: [`mailto:${email}`],
    });
    expect(readCalendar(adviserMail?.calendar?.content ?? '')).toMatchObject({
      method: 'REQUEST',
      uid: invitation.uid,
      sequence: invitation.sequence,
    });
  });

  it('gives a slot to one of two people booking it at once, and CONFLICT to the other', async () => {
    const slot = await publishOne();
    const results = await Promise.all(
      ['first', 'second'].map((name) =>
        subgraph.execute(
          book,
          { input: { slotId: slot.id, person: person(uniqueEmail(name)), topic: 'Regnskap' } },
          anonymous,
        ),
      ),
    );
    expect(results.map(code).sort()).toEqual(['CONFLICT', undefined]);
    const [row] = await subgraph.orm.em
      .fork()
      .execute<{ count: number }[]>('select count(*)::int as count from appointment_booking where slot_id = ?', [
        slot.id,
      ]);
    expect(row?.count).toBe(1);
  });

  it('refuses a person from another region, and keeps nothing of them', async () => {
    const slot = await publishOne();
    const email = uniqueEmail('drammen');
    const result = await subgraph.execute(
      book,
      { input: { slotId: slot.id, person: person(email, { municipalityNumber: '3005' }), topic: 'Idé' } },
      anonymous,
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('input.person.municipalityNumber');
    const [row] = await subgraph.orm.em
      .fork()
      .execute<{ count: number }[]>('select count(*)::int as count from client where email = ?', [email]);
    expect(row?.count).toBe(0);
  });

  it('counts bookings in the public mutation limit: an operation over it is refused whole', async () => {
    const slot = await publishOne();
    const fields = publicMutationLimit.points + 1;
    const names = Array.from({ length: fields }, (_, i) => `b${i}`);
    const query = `mutation Many(${names.map((name) => `$${name}: AppointmentBookingInput!`).join(', ')}) {
      ${names.map((name) => `${name}: bookAppointment(input: $${name}) { reference }`).join('\n')}
    }`;
    const variables = Object.fromEntries(
      names.map((name) => [name, { slotId: slot.id, person: person(uniqueEmail(name)), topic: 'Mange' }]),
    );
    const result = await subgraph.execute(query, variables, { as: null, clientAddress: '203.0.113.77' });
    expect(code(result)).toBe('RATE_LIMITED');
    const [row] = await subgraph.orm.em
      .fork()
      .execute<{ count: number }[]>('select count(*)::int as count from appointment_booking where slot_id = ?', [
        slot.id,
      ]);
    expect(row?.count).toBe(0);
  });
});

describe('cancelling a booked appointment', () => {
  it('lets the person cancel with the link: the slot is free again and both get METHOD:CANCEL', async () => {
    const slot = await publishOne();
    const email = uniqueEmail('cancels');
    await ok(book, { input: { slotId: slot.id, person: person(email), topic: 'Markedsføring' } }, anonymous);
    const [invitation] = (await mailsOfBooking('regions.appointment-invitation', slot.startsAt)).filter(
      (mail) => mail.recipient_email === email,
    );
    const token = cancelTokenIn(invitation);
    const link = await ok<{ publicLink: { kind: string; title: string; valid: boolean } }>(
      linkQuery,
      { token },
      anonymous,
    );
    expect(link.publicLink).toMatchObject({ kind: 'CANCEL', valid: true });
    expect(link.publicLink.title).toMatch(/^Time for veiledning /);

    expect(await ok(cancel, { token }, anonymous)).toEqual({ cancelWebsiteRequest: true });

    const open = await ok<{ availableAppointmentSlots: { id: string }[] }>(
      available,
      { regionId: 'follo', from: day(new Date(slot.startsAt)), to: day(new Date(slot.startsAt)) },
      anonymous,
    );
    expect(open.availableAppointmentSlots.map((s) => s.id)).toContain(slot.id);

    const cancellations = await mailsOfBooking('regions.appointment-cancellation', slot.startsAt);
    expect(cancellations).toHaveLength(2);
    const before = readCalendar(invitation?.calendar?.content ?? '');
    for (const mail of cancellations) {
      expect(mail.calendar?.method).toBe('CANCEL');
      const withdrawn = readCalendar(mail.calendar?.content ?? '');
      expect(withdrawn).toMatchObject({ method: 'CANCEL', uid: before.uid, status: 'CANCELLED', start: slot.startsAt });
      expect(withdrawn.sequence).toBeGreaterThan(before.sequence);
    }

    // Free again: someone else can book it, and their invitation outranks the cancellation.
    await ok(book, { input: { slotId: slot.id, person: person(uniqueEmail('next')), topic: 'Skatt' } }, anonymous);
    const again = (await mailsOfBooking('regions.appointment-invitation', slot.startsAt)).filter(
      (mail) => mail.recipient_email !== email && mail.locale === 'nb' && mail.text_body.includes('Skatt'),
    );
    const cancelSequence = readCalendar(cancellations[0]?.calendar?.content ?? '').sequence;
    expect(again.length).toBeGreaterThan(0);
    for (const mail of again)
      expect(readCalendar(mail.calendar?.content ?? '').sequence).toBeGreaterThan(cancelSequence);
  });

  it('lets the adviser withdraw a booked slot: both get METHOD:CANCEL and the slot is offered no more', async () => {
    const slot = await publishOne();
    const email = uniqueEmail('withdrawn');
    await ok(
      book,
      { input: { slotId: slot.id, person: person(email), topic: 'Finansiering', locale: 'nb' } },
      anonymous,
    );
    // The booking changed the slot: the version the adviser saw before it is stale.
    const stale = await subgraph.execute(withdraw, { id: slot.id, version: slot.version }, adviser);
    expect(code(stale)).toBe('CONFLICT');
    const withdrawn = await ok<{ cancelAppointmentSlot: { cancelledAt: string | null } }>(withdraw, { id: slot.id });
    expect(withdrawn.cancelAppointmentSlot.cancelledAt).not.toBeNull();
    expect(code(await subgraph.execute(withdraw, { id: slot.id }, adviser))).toBe('CONFLICT');

    const cancellations = await mailsOfBooking('regions.appointment-cancellation', slot.startsAt);
    expect(cancellations.map((mail) => mail.calendar?.method)).toEqual(['CANCEL', 'CANCEL']);
    const toPerson = cancellations.find((mail) => mail.recipient_email === email);
    expect(toPerson?.text_body).toContain('Veilederen kan dessverre ikke likevel');

    const open = await ok<{ availableAppointmentSlots: { id: string }[] }>(
      available,
      { regionId: 'follo', from: day(new Date(slot.startsAt)), to: day(new Date(slot.startsAt)) },
      anonymous,
    );
    expect(open.availableAppointmentSlots.map((s) => s.id)).not.toContain(slot.id);
    const listed = await ok<{ appointmentSlots: { id: string; booking: unknown; bookings: unknown[] }[] }>(slotsQuery, {
      from: day(new Date(slot.startsAt)),
      to: day(new Date(slot.startsAt)),
      includeCancelled: true,
    });
    expect(listed.appointmentSlots.find((s) => s.id === slot.id)).toMatchObject({
      booking: null,
      bookings: [{ email, cancelledAt: expect.any(String) }],
    });
    // Another region's adviser may not withdraw it.
    const other = await publishOne();
    expect(code(await subgraph.execute(withdraw, { id: other.id }, { as: 'drammen.adviser' }))).toBe('FORBIDDEN');
  });
});

describe('erasing a person who booked', () => {
  // The erasure also asks the partners subgraph to erase its copies, which takes a while here.
  it('anonymises the booking and removes the appointment e-mails, the adviser\u2019s copies included', {
    timeout: 120_000,
  }, async () => {
    const slot = await publishOne();
    const email = uniqueEmail('erased.booker');
    await ok(book, { input: { slotId: slot.id, person: person(email), topic: 'Hemmelig forretningsidé' } }, anonymous);
    const [booking] = await subgraph.orm.em
      .fork()
      .execute<{ id: string; client_id: string }[]>(
        'select b.id, b.client_id from appointment_booking b where b.slot_id = ?',
        [slot.id],
      );
    expect(await mailsOfBooking('regions.appointment-invitation', slot.startsAt)).toHaveLength(2);
    await ok(`mutation X($id: ID!) { eraseClient(id: $id, reason: REQUEST) { id } }`, { id: booking?.client_id });
    const [after] = await subgraph.orm.em
      .fork()
      .execute<{ name: string; email: string; phone: string | null; topic: string }[]>(
        'select name, email, phone, topic from appointment_booking where id = ?',
        [booking?.id],
      );
    expect(after).toEqual({ name: '(anonymised)', email: '(anonymised)', phone: null, topic: '(anonymised)' });
    expect(await mailsOfBooking('regions.appointment-invitation', slot.startsAt)).toEqual([]);
  });
});

// One-time links in e-mails to public persons: 256-bit random tokens of which only the SHA-256 is
// stored, with what each leads to; and what the public pages do with them (answer a survey, stop
// survey invitations, cancel a sign-up or request, confirm an impact figure). Each use runs in
// one transaction with what it causes, e-mails included.
import { createHash, randomBytes } from 'node:crypto';
import {
  badUserInput,
  longDate,
  type MessageLocale,
  notFound,
  parseInput,
  publicWebsiteActor,
  recordAudit,
  todayInNorway,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { bookingOfRequest, cancelBookingOfRequest } from './appointments.js';
import { freePlaceOf } from './enrolments.js';
import { ClientSchema } from './entities/client.js';
import { CourseSchema } from './entities/course.js';
import { EnrolmentSchema } from './entities/enrolment.js';
import { ImpactRecordSchema } from './entities/impact-record.js';
import { type PublicLink, type PublicLinkKind, PublicLinkSchema } from './entities/public-link.js';
import { SurveyResponseSchema } from './entities/survey-response.js';
import { WebsiteRequestSchema } from './entities/website-request.js';
import { confirmThroughLink, describeImpact } from './impact.js';
import { websiteLimits } from './input-limits.js';
import { appointmentTime } from './messages/appointments.js';
import { clientGroup } from './personal-data.js';

/** A survey link works this long after the invitation. */
export const surveyLinkDays = 30;
/** A counselling request's cancel link works this long (a course sign-up's until the course starts). */
export const counsellingCancelLinkDays = 90;

/** 256 random bits, URL-safe: 43 characters. */
export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

type LinkTarget = Pick<PublicLink, 'kind' | 'locale'> & Partial<PublicLink>;

/** Stores a new link in the caller's transaction and returns its token (to put in the e-mail, never stored). */
export function createLink(
  em: EntityManager,
  link: Omit<LinkTarget, 'client'> & { client: PublicLink['client'] | string; expiresAt: Date | null },
): string {
  const token = newToken();
  em.create(PublicLinkSchema, {
    tokenHash: hashToken(token),
    occasion: null,
    course: null,
    counsellingSession: null,
    websiteRequest: null,
    impactRecord: null,
    createdAt: new Date(),
    usedAt: null,
    ...link,
  } as never);
  return token;
}

/** The end of a calendar day in Norway, roughly (UTC+2 covers summer time): when a date-bound link stops. */
export const endOfDay = (date: string) => new Date(`${date}T23:59:59+01:00`);
export const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);

/** The link of a token, locked for the rest of the transaction when asked; null when there is none. */
async function linkOf(em: EntityManager, token: string, lock = false): Promise<PublicLink | null> {
  if (!tokenShape.test(token)) return null;
  return em.findOne(
    PublicLinkSchema,
    { tokenHash: hashToken(token) },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
}

const unknownLink = () => notFound('There is no such link: check that the whole address from the e-mail was used.');

/** Why a link no longer works, or null while it does. */
async function whyNotValid(em: EntityManager, link: PublicLink): Promise<string | null> {
  if (link.kind !== 'UNSUBSCRIBE' && link.usedAt) return 'The link has been used already: it works once.';
  if (link.expiresAt && link.expiresAt.getTime() < Date.now()) return 'The link has expired.';
  const client = await em.findOneOrFail(ClientSchema, { id: link.client.id });
  if (client.erasedAt) return 'The link no longer works.';
  if (link.kind === 'SURVEY' && !client.surveyConsent) {
    return 'The link no longer works: you have asked not to get user surveys.';
  }
  if (link.kind === 'IMPACT_CONFIRMATION') {
    const record = await em.findOneOrFail(ImpactRecordSchema, { id: link.impactRecord?.id as string });
    if (record.confirmedAt) return 'The figure is confirmed already.';
  }
  if (link.kind === 'CANCEL') {
    const request = await em.findOneOrFail(WebsiteRequestSchema, { id: link.websiteRequest?.id as string });
    if (request.status === 'CANCELLED') return 'The sign-up or request was cancelled already.';
    // A booked appointment may be cancelled until it starts, whether or not an adviser took the request on.
    const appointment = await bookingOfRequest(em, request.id);
    if (appointment) {
      if (appointment.slot.startsAt.getTime() <= Date.now()) {
        return 'The appointment has started: contact the office.';
      }
    } else if (request.kind === 'COURSE_SIGN_UP') {
      const course = await em.findOneOrFail(CourseSchema, { id: request.course?.id as string });
      if (course.status !== 'PLANNED' || course.startsOn < todayInNorway()) {
        return 'The course has started or is no longer planned: contact the office to cancel.';
      }
    } else if (request.status !== 'PENDING') {
      return 'An adviser has taken on the request already: contact the office.';
    }
  }
  return null;
}

async function titleOf(em: EntityManager, link: PublicLink): Promise<string | null> {
  const locale: MessageLocale = link.locale;
  if (link.course) return (await em.findOneOrFail(CourseSchema, { id: link.course.id })).title;
  if (link.kind === 'SURVEY' && link.counsellingSession) {
    const session = await em.execute<{ date: string; region: string }[]>(
      `select to_char(s.date, 'YYYY-MM-DD') as date, r.name as region
         from counselling_session s join region r on r.id = s.region_id where s.id = ?`,
      [link.counsellingSession.id],
    );
    const [row] = session;
    if (!row) return null;
    return locale === 'nb'
      ? `Veiledning i ${row.region} ${longDate(row.date, locale)}`
      : `Counselling in ${row.region} on ${longDate(row.date, locale)}`;
  }
  if (link.kind === 'CANCEL' && link.websiteRequest) {
    const appointment = await bookingOfRequest(em, link.websiteRequest.id);
    if (appointment) {
      const at = appointmentTime(appointment.slot.startsAt, locale);
      return locale === 'nb' ? `Time for veiledning ${at}` : `Counselling appointment ${at}`;
    }
  }
  if (link.kind === 'CANCEL') return locale === 'nb' ? 'Forespørsel om veiledning' : 'Request for counselling';
  if (link.kind === 'IMPACT_CONFIRMATION' && link.impactRecord) {
    return describeImpact(await em.findOneOrFail(ImpactRecordSchema, { id: link.impactRecord.id }), locale);
  }
  return null;
}

export interface PublicLinkTarget {
  kind: PublicLinkKind;
  title: string | null;
  valid: boolean;
}

/** What the public page of a token shows; NOT_FOUND for a token of no link. */
export async function publicLinkTarget(em: EntityManager, token: string): Promise<PublicLinkTarget> {
  const link = await linkOf(em, token);
  if (!link) throw unknownLink();
  return { kind: link.kind, title: await titleOf(em, link), valid: (await whyNotValid(em, link)) === null };
}

/** The link of the token, of the kind asked for and still working, locked; NOT_FOUND or BAD_USER_INPUT otherwise. */
async function usableLink(em: EntityManager, token: string, kind: PublicLinkKind): Promise<PublicLink> {
  const link = await linkOf(em, token, true);
  if (link?.kind !== kind) throw unknownLink();
  const why = await whyNotValid(em, link);
  if (why) throw badUserInput(`token: ${why}`, 'token');
  return link;
}

const answerInput = z.object({
  token: z.string().max(websiteLimits.token),
  score: z.number().int().min(1, 'from 1').max(6, 'to 6'),
  comment: z
    .string()
    .transform((text) => text.normalize('NFC').trim())
    .pipe(z.string().max(websiteLimits.text, `at most ${websiteLimits.text} characters`))
    .nullish(),
});

/**
 * Records the answer in the survey results as `recordSurveyResponse` does (the client's region,
 * the occasion, the course for an answer after one, answered today) and uses the link up.
 */
export async function answerSurvey(em: EntityManager, input: unknown): Promise<boolean> {
  const data = parseInput(answerInput, input);
  return em.transactional(async (tx) => {
    const link = await usableLink(tx, data.token, 'SURVEY');
    // A record merged since the invitation: the answer belongs to the record kept.
    let client = await tx.findOneOrFail(ClientSchema, { id: link.client.id });
    while (client.mergedIntoId) client = await tx.findOneOrFail(ClientSchema, { id: client.mergedIntoId });
    tx.create(SurveyResponseSchema, {
      client,
      region: client.region,
      occasion: link.occasion as NonNullable<PublicLink['occasion']>,
      course: link.occasion === 'AFTER_COURSE' ? (link.course ?? null) : null,
      score: data.score,
      comment: data.comment || null,
      answeredOn: todayInNorway(),
    });
    link.usedAt = new Date();
    await tx.flush();
    await recordAudit(tx, publicWebsiteActor, [
      { operation: 'UPDATE', recordType: 'Client', recordId: client.id, detail: 'answerSurvey (survey link)' },
    ]);
    return true;
  });
}

/**
 * Withdraws the survey consent of the link's person: the client of the link, the record it was
 * merged into since (where invitations now go), and that record's other merged records.
 * Repeatable: a second use changes nothing and says so no differently.
 */
export async function unsubscribeFromSurveys(em: EntityManager, token: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    const link = await linkOf(tx, token, true);
    if (link?.kind !== 'UNSUBSCRIBE') throw unknownLink();
    let root = await tx.findOneOrFail(ClientSchema, { id: link.client.id });
    while (root.mergedIntoId) root = await tx.findOneOrFail(ClientSchema, { id: root.mergedIntoId });
    const withdrawn = await tx.execute<{ id: string }[]>(
      `update client set survey_consent = false, version = version + 1
        where id = any(?::uuid[]) and survey_consent returning id`,
      [`{${(await clientGroup(tx, root.id)).join(',')}}`],
    );
    if (withdrawn.length) {
      await recordAudit(
        tx,
        publicWebsiteActor,
        withdrawn.map(({ id }) => ({
          operation: 'UPDATE' as const,
          recordType: 'Client',
          recordId: id,
          detail: 'unsubscribeFromSurveys',
        })),
      );
    }
    link.usedAt ??= new Date();
    await tx.flush();
    return true;
  });
}

/**
 * Cancels the sign-up or request of the receipt: the request is marked cancelled for the advisers;
 * a course place is freed, and the first on the waiting list gets it (and an e-mail).
 */
export async function cancelWebsiteRequest(em: EntityManager, token: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    const link = await usableLink(tx, token, 'CANCEL');
    const request = await tx.findOneOrFail(
      WebsiteRequestSchema,
      { id: link.websiteRequest?.id as string },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    request.status = 'CANCELLED';
    if (request.kind === 'COURSE_SIGN_UP' && request.course) {
      // The course's row lock first, as every change of its places takes it.
      const course = await tx.findOneOrFail(
        CourseSchema,
        { id: request.course.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const enrolment = await tx.findOne(EnrolmentSchema, { course, client: request.client.id });
      if (enrolment && enrolment.status !== 'CANCELLED') await freePlaceOf(tx, enrolment, course);
    }
    // A booked appointment's slot is freed, and the person and the adviser get the calendar cancellation.
    await cancelBookingOfRequest(tx, request);
    link.usedAt = new Date();
    await tx.flush();
    await recordAudit(tx, publicWebsiteActor, [
      {
        operation: 'UPDATE',
        recordType: 'Client',
        recordId: request.client.id,
        detail: `cancelWebsiteRequest ${request.reference}`,
      },
    ]);
    return true;
  });
}

/**
 * The client confirms the impact figure of the link (CLIENT_LINK); the link is used up. A figure
 * corrected since the e-mail has its links expired, so only the figure the client read is confirmed.
 */
export async function confirmImpact(em: EntityManager, token: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    const link = await usableLink(tx, token, 'IMPACT_CONFIRMATION');
    const record = await tx.findOneOrFail(
      ImpactRecordSchema,
      { id: link.impactRecord?.id as string },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    link.usedAt = new Date();
    await confirmThroughLink(tx, record);
    return true;
  });
}

// What the regions subgraph tells public persons by e-mail, written to the outbox in the
// transaction of the change that causes it: receipts, a waiting-list place, survey invitations.
import { enqueue, type MessageLocale, todayInNorway } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Client, ClientSchema } from '../entities/client.js';
import type { CounsellingSession } from '../entities/counselling-session.js';
import type { Course } from '../entities/course.js';
import type { Enrolment } from '../entities/enrolment.js';
import { RegionSchema } from '../entities/region.js';
import type { SurveyOccasion } from '../entities/survey-response.js';
import type { WebsiteRequest } from '../entities/website-request.js';
import { counsellingCancelLinkDays, createLink, daysFromNow, endOfDay, surveyLinkDays } from '../public-links.js';
import { publicPageUrl } from './links.js';
import {
  type CourseDetails,
  counsellingRequestReceipt,
  courseSignUpReceipt,
  surveyInvitation,
  waitingListPlaceOffered,
} from './templates.js';

export const messageKinds = {
  signUpReceipt: 'regions.course-sign-up-receipt',
  counsellingReceipt: 'regions.counselling-request-receipt',
  placeOffered: 'regions.waiting-list-place',
  surveyInvitation: 'regions.survey-invitation',
} as const;

const courseDetails = (course: Course): CourseDetails => ({
  title: course.title,
  startsOn: course.startsOn,
  endsOn: course.endsOn,
  location: course.location ?? null,
  online: course.online,
});

const regionName = async (em: EntityManager, regionId: string) =>
  (await em.findOneOrFail(RegionSchema, { id: regionId })).name;

/** The language a person last used with the service (their latest e-mail link's), bokmål when unknown. */
export async function localeOf(em: EntityManager, clientId: string): Promise<MessageLocale> {
  const [row] = await em.execute<{ locale: MessageLocale }[]>(
    'select locale from public_link where client_id = ? order by created_at desc limit 1',
    [clientId],
  );
  return row?.locale ?? 'nb';
}

/** The receipt of a sign-up or request from the website, with its cancel link, in the person's language. */
export async function enqueueReceipt(
  em: EntityManager,
  request: WebsiteRequest,
  person: { name: string; email: string },
  locale: MessageLocale,
  course?: Course,
): Promise<void> {
  const expiresAt = course ? endOfDay(course.startsOn) : daysFromNow(counsellingCancelLinkDays);
  const token = createLink(em, {
    kind: 'CANCEL',
    client: request.client,
    locale,
    websiteRequest: request,
    course: course ?? null,
    expiresAt,
  });
  const common = {
    name: person.name,
    reference: request.reference,
    regionName: await regionName(em, request.region.id),
    cancelUrl: publicPageUrl('cancel', token),
  };
  const mail = course
    ? courseSignUpReceipt.render({ ...common, course: courseDetails(course) }, locale)
    : counsellingRequestReceipt.render(common, locale);
  await em.flush();
  await enqueue(em, {
    channel: 'EMAIL',
    kind: course ? messageKinds.signUpReceipt : messageKinds.counsellingReceipt,
    locale,
    dedupeKey: `${course ? messageKinds.signUpReceipt : messageKinds.counsellingReceipt}:${request.id}`,
    to: { email: person.email, name: person.name },
    ...mail,
  });
}

/** Tells the client who got a place from the waiting list; nothing when they have no e-mail address. */
export async function enqueuePlaceOffered(em: EntityManager, enrolment: Enrolment, course: Course): Promise<void> {
  const client = await em.findOneOrFail(ClientSchema, { id: enrolment.client.id });
  if (!client.email || client.erasedAt) return;
  const locale = await localeOf(em, client.id);
  const mail = waitingListPlaceOffered.render(
    { name: client.name, regionName: await regionName(em, course.region.id), course: courseDetails(course) },
    locale,
  );
  await enqueue(em, {
    channel: 'EMAIL',
    kind: messageKinds.placeOffered,
    locale,
    to: { email: client.email, name: client.name },
    ...mail,
  });
}

/** Occasions more than this many days ago (a session or course recorded late) get no invitation. */
export const surveyInvitationWindowDays = 30;

const dayBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

export type SurveyOccasionRecord =
  | { occasion: Extract<SurveyOccasion, 'AFTER_COURSE'>; course: Course }
  | { occasion: Extract<SurveyOccasion, 'AFTER_COUNSELLING'>; session: CounsellingSession };

/**
 * Invites the client to a user survey after the occasion, with a one-time survey link and an
 * unsubscribe link: only a client who agreed to surveys and has an e-mail address, and once per
 * client and occasion (the dedupe key: a repeated recording of attendance invites nobody twice);
 * after counselling, not while an earlier counselling invitation of the client is still open; and
 * not for an occasion more than 30 days ago.
 */
export async function inviteToSurvey(em: EntityManager, client: Client, what: SurveyOccasionRecord): Promise<boolean> {
  if (!client.surveyConsent || !client.email || client.erasedAt || client.mergedIntoId) return false;
  // A session or course recorded long after it happened is not worth asking about any more.
  const lastDay = what.occasion === 'AFTER_COURSE' ? what.course.endsOn : what.session.date;
  if (lastDay < dayBefore(todayInNorway(), surveyInvitationWindowDays)) return false;
  const occasionId = what.occasion === 'AFTER_COURSE' ? what.course.id : what.session.id;
  const dedupeKey = `${messageKinds.surveyInvitation}:${what.occasion}:${occasionId}:${client.id}`;
  const [sent] = await em.execute('select 1 from outbox_message where dedupe_key = ?', [dedupeKey]);
  if (sent) return false;
  // Counselling often runs over several sessions: while an invitation after one is still open
  // (not answered, not expired), the next session asks nothing more.
  if (what.occasion === 'AFTER_COUNSELLING') {
    const [open] = await em.execute(
      `select 1 from public_link where client_id = ? and kind = 'SURVEY' and occasion = 'AFTER_COUNSELLING'
          and used_at is null and expires_at > now() limit 1`,
      [client.id],
    );
    if (open) return false;
  }
  const locale = await localeOf(em, client.id);
  const expiresAt = daysFromNow(surveyLinkDays);
  const surveyToken = createLink(em, {
    kind: 'SURVEY',
    client,
    locale,
    occasion: what.occasion,
    course: what.occasion === 'AFTER_COURSE' ? what.course : null,
    counsellingSession: what.occasion === 'AFTER_COUNSELLING' ? what.session : null,
    expiresAt,
  });
  const unsubscribeToken = createLink(em, { kind: 'UNSUBSCRIBE', client, locale, expiresAt: null });
  const mail = surveyInvitation.render(
    {
      name: client.name,
      regionName: await regionName(em, client.region.id),
      courseTitle: what.occasion === 'AFTER_COURSE' ? what.course.title : null,
      surveyUrl: publicPageUrl('survey', surveyToken),
      unsubscribeUrl: publicPageUrl('unsubscribe', unsubscribeToken),
      validUntil: expiresAt.toISOString().slice(0, 10),
    },
    locale,
  );
  await em.flush();
  const { created } = await enqueue(em, {
    channel: 'EMAIL',
    kind: messageKinds.surveyInvitation,
    locale,
    dedupeKey,
    to: { email: client.email, name: client.name },
    ...mail,
  });
  return created;
}

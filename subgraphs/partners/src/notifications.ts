// What the partners subgraph tells staff of referrals and business assessments, and of professional
// gatherings the year still lacks (issue 21, NOTIFY-DESIGN.md §5): a NOTIFY outbox message, written in the transaction of the change that
// causes it, which the county delivers to everyone in its audience.
import { enqueue, type MessageLocale, type NotificationAudience } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BusinessAssessment } from './entities/business-assessment.js';
import type { Referral, ReferralStatus } from './entities/referral.js';
import { type ConsolePage, type NotificationText, notificationMail } from './messages/notifications.js';
import {
  assessmentDeliveredText,
  assessmentRequestedText,
  referralAnsweredText,
  referralReceivedText,
} from './messages/referrals.js';

/** Staff have no language of their own on the platform yet: their notifications are in bokmål. */
const locale: MessageLocale = 'nb';

/**
 * The status steps that answer a referral: every step the receiving party takes. Each tells the
 * sender something new (it arrived, the decision, the outcome), and a referral takes each at most once.
 */
export const answeringSteps: readonly ReferralStatus[] = ['RECEIVED', 'ACCEPTED', 'DECLINED', 'COMPLETED'];

/** Where a referral goes, as an audience; null for another actor, who is not on the platform. */
function receivingAudience(referral: Referral): NotificationAudience | null {
  switch (referral.direction) {
    case 'TO_INNOVASJON_NORGE':
      return { role: 'INNOVASJON_NORGE' };
    // Every NAV user sees every referral to NAV (access.ts); a NAV person's organisation is their
    // NAV division (e.g. nav-vest-viken), not the local office the referral names, so naming the
    // office would reach no one.
    case 'TO_NAV':
      return { role: 'NAV' };
    case 'FROM_NAV':
      return { role: 'ADVISER', regionId: referral.regionId };
    case 'TO_OTHER_ACTOR':
      return null;
  }
}

/** The kinds of notification the partners make (the county's NotificationKind holds them all). */
export type PartnersNotificationKind = 'REFERRAL_RECEIVED' | 'REFERRAL_ANSWERED' | 'MEETING_NOT_HELD';

/** Enqueues a notification in `em`'s transaction; false when its dedupe key was enqueued before. */
export async function notify(
  em: EntityManager,
  kind: PartnersNotificationKind,
  audience: NotificationAudience,
  page: ConsolePage,
  dedupeKey: string,
  text: (locale: MessageLocale) => NotificationText,
) {
  const { title, body } = text(locale);
  const email = notificationMail.render({ text, page }, locale);
  const { created } = await enqueue(em, {
    channel: 'NOTIFY',
    kind,
    locale,
    dedupeKey,
    audience,
    title,
    body,
    link: `/${page}`,
    email,
  });
  return created;
}

/** A referral was sent: the receiving organisation hears of it. */
export async function notifyReferralReceived(em: EntityManager, referral: Referral) {
  const audience = receivingAudience(referral);
  if (!audience) return;
  await notify(em, 'REFERRAL_RECEIVED', audience, 'referrals', `referral-received:${referral.id}`, (language) =>
    referralReceivedText(referral, language),
  );
}

/** The receiving party moved a referral on: its sender hears of each answering step. */
export async function notifyReferralAnswered(em: EntityManager, referral: Referral) {
  // Another actor's steps are recorded by the service itself; it needs no telling.
  if (referral.direction === 'TO_OTHER_ACTOR' || !referral.sentBySubject) return;
  const status = referral.status as ReferralStatus;
  if (!answeringSteps.includes(status)) return;
  await notify(
    em,
    'REFERRAL_ANSWERED',
    { subject: referral.sentBySubject },
    'referrals',
    `referral-answered:${referral.id}:${status}`,
    (language) => referralAnsweredText(referral, language),
  );
}

/** NAV asked for a business assessment: the region's advisers, who make it, hear of it. */
export async function notifyAssessmentRequested(em: EntityManager, assessment: BusinessAssessment) {
  await notify(
    em,
    'REFERRAL_RECEIVED',
    { role: 'ADVISER', regionId: assessment.regionId },
    'assessments',
    `assessment-requested:${assessment.id}`,
    (language) => assessmentRequestedText(assessment, language),
  );
}

/** The service delivered a business assessment: the NAV officer who asked hears of it. */
export async function notifyAssessmentDelivered(em: EntityManager, assessment: BusinessAssessment) {
  if (!assessment.requestedBySubject) return;
  await notify(
    em,
    'REFERRAL_ANSWERED',
    { subject: assessment.requestedBySubject },
    'assessments',
    `assessment-delivered:${assessment.id}`,
    (language) => assessmentDeliveredText(assessment, language),
  );
}

// A client's history as one timeline: sessions, courses, referrals, milestones, impact and follow-ups,
// each on its day, newest first, from what the client page loads anyway.
import type { ClientDetail } from '../queries/client';

type Session = ClientDetail['counsellingSessions'][number];
type Enrolment = ClientDetail['enrolments'][number];
type Referral = NonNullable<ClientDetail['referrals']>[number];
type Milestone = ClientDetail['milestones'][number];
type Impact = ClientDetail['impactRecords'][number];
type FollowUp = ClientDetail['followUps'][number];

/** One event of the history; `key` is unique on the page. */
export type HistoryEntry = { key: string; date: string } & (
  | { kind: 'session'; session: Session }
  | { kind: 'course'; enrolment: Enrolment }
  | { kind: 'referral'; referral: Referral }
  | { kind: 'milestone'; milestone: Milestone }
  | { kind: 'impact'; impact: Impact }
  | { kind: 'followUp'; followUp: FollowUp }
);

export type HistorySource = Pick<
  ClientDetail,
  'counsellingSessions' | 'enrolments' | 'referrals' | 'milestones' | 'impactRecords' | 'followUps'
>;

/** Which of one day's events comes first: the order work usually happens in on a day, newest first. */
const sameDayOrder: HistoryEntry['kind'][] = ['impact', 'milestone', 'referral', 'followUp', 'course', 'session'];

/** Every event, newest day first; a course counts on its first day, a referral on the day it was sent. */
export function clientHistory(client: HistorySource): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...client.counsellingSessions.map((session) => ({
      key: `session-${session.id}`,
      date: session.date,
      kind: 'session' as const,
      session,
    })),
    ...client.enrolments.map((enrolment) => ({
      key: `course-${enrolment.id}`,
      date: enrolment.course.startsOn,
      kind: 'course' as const,
      enrolment,
    })),
    ...(client.referrals ?? []).map((referral) => ({
      key: `referral-${referral.id}`,
      date: referral.sentOn,
      kind: 'referral' as const,
      referral,
    })),
    ...client.milestones.map((milestone) => ({
      key: `milestone-${milestone.kind}`,
      date: milestone.reachedOn,
      kind: 'milestone' as const,
      milestone,
    })),
    ...client.impactRecords.map((impact) => ({
      key: `impact-${impact.id}`,
      date: impact.recordedFor,
      kind: 'impact' as const,
      impact,
    })),
    ...client.followUps.map((followUp) => ({
      key: `follow-up-${followUp.id}`,
      date: followUp.date,
      kind: 'followUp' as const,
      followUp,
    })),
  ];
  return entries.sort(
    (a, b) =>
      b.date.slice(0, 10).localeCompare(a.date.slice(0, 10)) ||
      sameDayOrder.indexOf(a.kind) - sameDayOrder.indexOf(b.kind) ||
      a.key.localeCompare(b.key),
  );
}

// English texts of the client page's referrals and its history timeline.
import type { clientHistoryNb } from './clientHistory.nb';

export const clientHistoryEn = {
  title: 'History',
  intro:
    'Everything recorded on the client, newest first: counselling, courses, referrals, milestones, impact and follow-ups.',
  empty: 'Nothing is recorded on the client yet.',
  listLabel: "The client's history",
  kind: {
    session: 'Counselling',
    course: 'Course',
    referral: 'Referral',
    milestone: 'Milestone',
    impact: 'Impact',
    followUp: 'Follow-up',
  },
  session: '{form}, {minutes} min: {topic}',
  course: '{title} – {status}',
  referral: '{direction}: {programme} – {status}',
  referrals: {
    title: 'Referrals',
    empty: 'The client has not been referred.',
    unavailable: 'The referrals cannot be shown right now.',
    sentOn: 'Sent',
    receiver: 'To',
    programme: 'Programme',
    status: 'Status',
    statusLine: '{status} {date}',
    reason: 'Reason: {reason}',
  },
} satisfies typeof clientHistoryNb;

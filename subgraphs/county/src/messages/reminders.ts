// The county's reminders (issue 21 §3) in bokmål and English: each as a console notification (title
// and body, plain text) and an e-mail (subject, text and HTML in the kit's layout).
import {
  defineTemplate,
  html,
  longDate,
  type MessageLocale,
  type NotifyMessage,
  type SafeHtml,
  type TemplateDefinition,
} from '@etablerer/kit';
import type { MeetingKind } from '../entities/coordination.js';
import type { NotificationKind } from '../entities/notification.js';
import type { Instalment } from '../entities/payment.js';
import type { SubmissionKind } from '../entities/submission.js';

/** Øre as kroner: "kr 1 234 567,50" / "NOK 1,234,567.50". */
export function kroner(ore: bigint, locale: MessageLocale): string {
  const amount = Number(ore) / 100;
  return locale === 'nb'
    ? `kr ${new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)}`
    : `NOK ${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)}`;
}

const submissionNames: Record<MessageLocale, Record<SubmissionKind, string>> = {
  nb: { ANNUAL_REPORT: 'årsrapport', ACCOUNTS: 'regnskap', ACTIVITY_PLAN: 'aktivitetsplan', BUDGET: 'budsjett' },
  en: { ANNUAL_REPORT: 'annual report', ACCOUNTS: 'accounts', ACTIVITY_PLAN: 'activity plan', BUDGET: 'budget' },
};

const and = (items: string[], locale: MessageLocale) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${locale === 'nb' ? 'og' : 'and'} ${items.at(-1)}`;

const inDays = (days: number, locale: MessageLocale) => {
  if (locale === 'nb') return days === 0 ? 'i dag' : days === 1 ? 'i morgen' : `om ${days} dager`;
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
};

/** A template's parts in one place: the notification is the subject and the text body, the e-mail all of it in the layout. */
interface ReminderTemplate<Data> extends TemplateDefinition<Data> {
  link: string;
}

function paragraphs(lines: string[]): { text: string; html: SafeHtml } {
  return { text: lines.join('\n\n'), html: html`${lines.map((line) => html`<p>${line}</p>`)}` };
}

/** A report, accounts, plan or budget not yet submitted, due soon (daysLeft ≥ 0) or overdue. */
export interface ReportDeadlineData {
  regionName: string;
  dueDate: string;
  /** What is owed: not submitted, or rejected and not yet resubmitted. */
  missing: { kind: SubmissionKind; coversYear: number }[];
  /** Days until the due date; negative once it has passed. */
  daysLeft: number;
}

const owed = (data: ReportDeadlineData, locale: MessageLocale) =>
  and(
    data.missing.map(({ kind, coversYear }) => `${submissionNames[locale][kind]} ${coversYear}`),
    locale,
  );

function reportLines(data: ReportDeadlineData, locale: MessageLocale): string[] {
  const what = owed(data, locale);
  const due = longDate(data.dueDate, locale);
  if (locale === 'nb') {
    return data.daysLeft >= 0
      ? [
          `${data.regionName} har ikke levert ${what} til fylkeskommunen. Fristen er ${due} (${inDays(data.daysLeft, locale)}).`,
          'Lever i konsollet under «Innsendinger». En avvist innsending må sendes inn på nytt.',
        ]
      : [
          `Fristen for ${what} fra ${data.regionName} var ${due}, og fylkeskommunen har ikke mottatt den.`,
          'Lever så snart som mulig i konsollet under «Innsendinger»: utbetalinger venter på godkjent aktivitetsplan og budsjett (§ 7).',
        ];
  }
  return data.daysLeft >= 0
    ? [
        `${data.regionName} has not submitted its ${what} to the county. The deadline is ${due} (${inDays(data.daysLeft, locale)}).`,
        'Submit in the console under "Submissions". A rejected submission must be submitted again.',
      ]
    : [
        `The ${what} of ${data.regionName} was due on ${due} and the county has not received it.`,
        'Submit as soon as possible in the console under "Submissions": payments wait for an approved activity plan and budget (§7).',
      ];
}

const reportTemplate: ReminderTemplate<ReportDeadlineData> = {
  link: '/submissions',
  subject: (data, locale) =>
    data.daysLeft >= 0
      ? locale === 'nb'
        ? `Påminnelse: frist ${longDate(data.dueDate, locale)} for ${data.regionName}`
        : `Reminder: ${data.regionName}'s deadline ${longDate(data.dueDate, locale)}`
      : locale === 'nb'
        ? `Fristen er passert: ${owed(data, locale)} fra ${data.regionName}`
        : `Overdue: ${owed(data, locale)} of ${data.regionName}`,
  text: (data, locale) => paragraphs(reportLines(data, locale)).text,
  html: (data, locale) => paragraphs(reportLines(data, locale)).html,
};

/** One paying county's part of an instalment, not yet paid (confirmed). */
export interface InstalmentData {
  regionName: string;
  year: number;
  instalment: Instalment;
  dueDate: string;
  payerName: string;
  amountOre: bigint;
  /** The plan and budget of the year are not both approved: it may not be paid yet (§7). */
  blocked: boolean;
  /** Recorded, awaiting a second officer's confirmation. */
  recorded: boolean;
  daysLeft: number;
}

const instalmentName = (data: InstalmentData, locale: MessageLocale) =>
  locale === 'nb'
    ? `${data.instalment === 'JANUARY' ? 'januar' : 'august'}-utbetalingen ${data.year}`
    : `the ${data.instalment === 'JANUARY' ? 'January' : 'August'} ${data.year} instalment`;

function instalmentLines(data: InstalmentData, locale: MessageLocale): string[] {
  const what = instalmentName(data, locale);
  const due = longDate(data.dueDate, locale);
  const amount = kroner(data.amountOre, locale);
  if (locale === 'nb') {
    const state = data.recorded
      ? 'Den er registrert og venter på at en annen saksbehandler bekrefter den.'
      : data.blocked
        ? 'Den kan ikke betales før årets aktivitetsplan og budsjett er godkjent (§ 7).'
        : 'Registrer utbetalingen i konsollet under «Finansiering»; en annen saksbehandler bekrefter den.';
    return [
      data.daysLeft >= 0
        ? `${data.payerName}s del av ${what} til ${data.regionName}, ${amount}, forfaller ${due} (${inDays(data.daysLeft, locale)}).`
        : `${data.payerName}s del av ${what} til ${data.regionName}, ${amount}, forfalt ${due} og er ikke betalt.`,
      state,
    ];
  }
  const state = data.recorded
    ? 'It is recorded and awaits a second officer’s confirmation.'
    : data.blocked
      ? 'It may not be paid before the year’s activity plan and budget are approved (§7).'
      : 'Record the payment in the console under "Funding"; a second officer confirms it.';
  return [
    data.daysLeft >= 0
      ? `${data.payerName}'s part of ${what} to ${data.regionName}, ${amount}, is due on ${due} (${inDays(data.daysLeft, locale)}).`
      : `${data.payerName}'s part of ${what} to ${data.regionName}, ${amount}, was due on ${due} and is not paid.`,
    state,
  ];
}

const instalmentTemplate: ReminderTemplate<InstalmentData> = {
  link: '/funding',
  subject: (data, locale) =>
    data.daysLeft >= 0
      ? locale === 'nb'
        ? `Utbetaling forfaller ${longDate(data.dueDate, locale)}: ${data.regionName}`
        : `Instalment due ${longDate(data.dueDate, locale)}: ${data.regionName}`
      : locale === 'nb'
        ? `Utbetaling forfalt: ${data.regionName}, ${instalmentName(data, locale)}`
        : `Instalment overdue: ${data.regionName}, ${instalmentName(data, locale)}`,
  text: (data, locale) => paragraphs(instalmentLines(data, locale)).text,
  html: (data, locale) => paragraphs(instalmentLines(data, locale)).html,
};

/** A meeting the agreement requires, not held by its date. */
export interface MeetingNotHeldData {
  meetingKind: MeetingKind;
  /** The region of a discussion of supplementary content; null for the experience meeting (all regions). */
  regionName: string | null;
  dueBy: string;
}

const meetingNames: Record<MessageLocale, Partial<Record<MeetingKind, string>>> = {
  nb: {
    EXPERIENCE_MEETING: 'erfaringsmøtet midtveis i avtaleperioden (§ 5.1)',
    SUPPLEMENTARY_CONTENT: 'halvårlig drøfting av supplerende innhold (§ 5.2)',
    CONFLICT: 'møtet en part ba om ved konflikt eller uklarhet (§ 8)',
  },
  en: {
    EXPERIENCE_MEETING: 'the experience meeting midway through the agreement period (§5.1)',
    SUPPLEMENTARY_CONTENT: 'the twice-yearly discussion of supplementary content (§5.2)',
    CONFLICT: 'the meeting a party asked for over a conflict or uncertainty (§8)',
  },
};

function meetingLines(data: MeetingNotHeldData, locale: MessageLocale): string[] {
  const what = meetingNames[locale][data.meetingKind] ?? data.meetingKind;
  const due = longDate(data.dueBy, locale);
  if (locale === 'nb')
    return [
      `Ingen møte er registrert for ${what}${data.regionName ? ` med ${data.regionName}` : ''}, som skulle vært holdt innen ${due}.`,
      'Hold møtet og registrer det i konsollet under «Møter».',
    ];
  return [
    `No meeting is recorded for ${what}${data.regionName ? ` with ${data.regionName}` : ''}, due by ${due}.`,
    'Hold the meeting and record it in the console under "Meetings".',
  ];
}

const meetingTemplate: ReminderTemplate<MeetingNotHeldData> = {
  link: '/meetings',
  subject: (data, locale) =>
    locale === 'nb'
      ? `Møte ikke holdt${data.regionName ? `: ${data.regionName}` : ''} (frist ${longDate(data.dueBy, locale)})`
      : `Meeting not held${data.regionName ? `: ${data.regionName}` : ''} (due ${longDate(data.dueBy, locale)})`,
  text: (data, locale) => paragraphs(meetingLines(data, locale)).text,
  html: (data, locale) => paragraphs(meetingLines(data, locale)).html,
};

/** Each reminder kind's template. */
export const reminderTemplates = {
  REPORT_DEADLINE_REMINDER: reportTemplate,
  REPORT_OVERDUE: reportTemplate,
  INSTALMENT_DUE: instalmentTemplate,
  INSTALMENT_OVERDUE: instalmentTemplate,
  MEETING_NOT_HELD: meetingTemplate,
} satisfies Partial<Record<NotificationKind, ReminderTemplate<never>>>;

export type ReminderKind = keyof typeof reminderTemplates;
export type ReminderData<Kind extends ReminderKind> = Parameters<(typeof reminderTemplates)[Kind]['text']>[0];

/** The NOTIFY message of a reminder (without audience and dedupe key): the console's notification and the e-mail. */
export function reminderMessage<Kind extends ReminderKind>(
  kind: Kind,
  data: ReminderData<Kind>,
  locale: MessageLocale = 'nb',
): Omit<NotifyMessage, 'audience' | 'dedupeKey'> {
  const template = reminderTemplates[kind] as unknown as ReminderTemplate<ReminderData<Kind>>;
  return {
    channel: 'NOTIFY',
    kind,
    locale,
    title: template.subject(data, locale),
    body: template.text(data, locale),
    link: template.link,
    email: defineTemplate(template).render(data, locale),
  };
}

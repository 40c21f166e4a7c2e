// The county's reminders (issue 21 §3): what the reporting model, the instalments and the meeting
// rules say is owed, turned into NOTIFY messages in the county's outbox (delivered to the console
// and by e-mail like any other notification). A run on a day makes every reminder due that day
// once: each message has a dedupe key, so the same day run twice (or by two instances) adds nothing.
import {
  audienceKey,
  enqueue,
  logger,
  type NotificationAudience,
  type Orm,
  referenceRegions,
  regionCounty,
  reminderTiming,
  runExclusively,
} from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { agreementForYear, paymentsOf, submissionsDueFrom } from './agreements.js';
import { yearOf } from './calendar.js';
import { conflictMeetingsDueIn } from './conflict-meetings.js';
import { type Context, createLoaders } from './context.js';
import { AgreementSchema } from './entities/agreement.js';
import type { NotificationKind } from './entities/notification.js';
import { experienceMeetingsDueIn, supplementaryContentDiscussions } from './meetings.js';
import { type ReminderData, type ReminderKind, reminderMessage } from './messages/reminders.js';

/** REMINDER_DAYS by default: a month, a week and a day before a deadline. */
export const defaultReminderDays = [30, 7, 1] as const;
/** The advisory lock of a reminder run (see kit retention-task.ts): one run at a time over all instances. */
export const reminderLockKey = 7_364_203;

export interface ReminderRun {
  today: string;
  /** New messages in the outbox, by kind. */
  created: Partial<Record<NotificationKind, number>>;
  /** Reminders due today that an earlier run made already. */
  existing: number;
}

const regionNames = () => new Map(referenceRegions().map((region) => [region.id, region.name]));

/**
 * Enqueues every reminder due on `today` in the transaction `tx`. Dedupe keys
 * `<kind>:<region>:<year>:<what>:<offset>:<audience>` (region `all` for what concerns every region).
 */
export async function enqueueReminders(
  tx: EntityManager,
  { today, days = defaultReminderDays }: { today: string; days?: readonly number[] },
): Promise<ReminderRun> {
  // The reporting model's own rules, with "today" the run's day; loaders read through the
  // transaction. One query at a time: the transaction has one connection.
  const context = { em: tx, loaders: createLoaders(tx), today: () => today } as unknown as Context;
  const run: ReminderRun = { today, created: {}, existing: 0 };
  const names = regionNames();
  const nameOf = (regionId: string) => names.get(regionId) ?? regionId;
  const send = async <Kind extends ReminderKind>(
    kind: Kind,
    data: ReminderData<Kind>,
    key: string,
    audiences: NotificationAudience[],
  ) => {
    for (const audience of audiences) {
      const { created } = await enqueue(tx, {
        ...reminderMessage(kind, data),
        audience,
        dedupeKey: `${key}:${audienceKey(audience)}`,
      });
      if (created) run.created[kind] = (run.created[kind] ?? 0) + 1;
      else run.existing += 1;
    }
  };
  const agreements = await tx.find(AgreementSchema, { signedOn: { $ne: null } }, { orderBy: { regionId: 'asc' } });
  const regionIds = [...new Set(agreements.map((agreement) => agreement.regionId))];
  const thisYear = yearOf(today);
  // A deadline within the reminder days may be in the next year; an overdue one in the last.
  const years = [thisYear - 1, thisYear, thisYear + 1];

  // §7 reports and plans: the contract municipality's officers and the operator's advisers.
  for (const regionId of regionIds) {
    const audiences: NotificationAudience[] = [
      { regionId, role: 'MUNICIPALITY_OFFICER' },
      { regionId, role: 'ADVISER' },
    ];
    for (const year of years) {
      const owed = (await submissionsDueFrom(regionId, year, context)).filter(
        (view) => !view.row || view.row.status === 'REJECTED',
      );
      for (const dueDate of [...new Set(owed.map((view) => view.dueDate))]) {
        const timing = reminderTiming(dueDate, today, days);
        if (!timing) continue;
        const missing = owed
          .filter((view) => view.dueDate === dueDate)
          .map(({ kind, coversYear }) => ({ kind, coversYear }));
        const coversYear = missing[0]?.coversYear ?? year;
        const what = dueDate.endsWith('-05-01') ? 'annual-report-and-accounts' : 'activity-plan-and-budget';
        const kind = timing.offset === 'overdue' ? 'REPORT_OVERDUE' : 'REPORT_DEADLINE_REMINDER';
        await send(
          kind,
          { regionName: nameOf(regionId), dueDate, missing, daysLeft: timing.daysLeft },
          `${kind}:${regionId}:${coversYear}:${what}:${timing.offset}`,
          audiences,
        );
      }
    }
  }

  // §7 instalments: each paying county's part, to that county's officers.
  for (const regionId of regionIds) {
    for (const year of years) {
      const agreement = await agreementForYear(regionId, year, context);
      if (!agreement) continue;
      for (const payment of await paymentsOf(agreement, year, context)) {
        const timing = reminderTiming(payment.dueDate, today, days);
        if (!timing) continue;
        const kind = timing.offset === 'overdue' ? 'INSTALMENT_OVERDUE' : 'INSTALMENT_DUE';
        for (const share of payment.shares) {
          if (share.status === 'PAID') continue;
          await send(
            kind,
            {
              regionName: nameOf(regionId),
              year,
              instalment: payment.instalment,
              dueDate: payment.dueDate,
              payerName: share.payerName,
              amountOre: share.amountOre,
              blocked: payment.blocked,
              recorded: share.paid !== undefined,
              daysLeft: timing.daysLeft,
            },
            `${kind}:${regionId}:${year}:${payment.instalment}-${share.payerId}:${timing.offset}`,
            [{ role: 'COUNTY_OFFICER', organisationId: share.payerId }],
          );
        }
      }
    }
  }

  // §5.1, §5.2 required meetings not held: the county's officers and its coordination group members.
  const countyAudiences = (county: string): NotificationAudience[] => [
    { role: 'COUNTY_OFFICER', organisationId: county },
    { role: 'COORDINATION_MEMBER', organisationId: county },
  ];
  const periods = new Map<string, { validFrom: string; validTo: string; counties: Set<string> }>();
  for (const agreement of agreements) {
    const key = `${agreement.validFrom}:${agreement.originalValidTo}`;
    const period = periods.get(key) ?? {
      validFrom: agreement.validFrom,
      validTo: agreement.originalValidTo,
      counties: new Set<string>(),
    };
    const county = regionCounty(agreement.regionId);
    if (county) period.counties.add(county);
    periods.set(key, period);
  }
  for (const period of periods.values()) {
    for (const year of years) {
      for (const due of await experienceMeetingsDueIn(year, [period], context)) {
        if (due.heldAs) continue;
        const timing = reminderTiming(due.dueBy, today, days);
        if (timing?.offset !== 'overdue') continue;
        await send(
          'MEETING_NOT_HELD',
          { meetingKind: due.kind, regionName: null, dueBy: due.dueBy },
          `MEETING_NOT_HELD:all:${year}:experience-meeting-${period.validFrom}-${period.validTo}:overdue`,
          [...period.counties].sort().flatMap(countyAudiences),
        );
      }
    }
  }
  for (const regionId of regionIds) {
    const county = regionCounty(regionId);
    if (!county) continue;
    for (const year of years) {
      for (const due of await supplementaryContentDiscussions(regionId, year, context)) {
        if (due.heldAs) continue;
        const timing = reminderTiming(due.dueBy, today, days);
        if (timing?.offset !== 'overdue') continue;
        await send(
          'MEETING_NOT_HELD',
          { meetingKind: due.kind, regionName: nameOf(regionId), dueBy: due.dueBy },
          `MEETING_NOT_HELD:${regionId}:${year}:supplementary-content-${due.dueBy}:overdue`,
          countyAudiences(county),
        );
      }
    }
  }
  // §8 conflict meetings asked for and not held within the county's target: the officers and
  // coordination members of the region's county, or of every county when it concerns no region.
  const everyCounty = [...new Set([...periods.values()].flatMap((period) => [...period.counties]))].sort();
  for (const year of years) {
    for (const due of await conflictMeetingsDueIn(year, context)) {
      if (due.heldAs || !due.conflictRequest) continue;
      const timing = reminderTiming(due.dueBy, today, days);
      if (timing?.offset !== 'overdue') continue;
      const county = due.regionId ? regionCounty(due.regionId) : null;
      await send(
        'MEETING_NOT_HELD',
        { meetingKind: 'CONFLICT', regionName: due.regionId ? nameOf(due.regionId) : null, dueBy: due.dueBy },
        `MEETING_NOT_HELD:${due.regionId ?? 'all'}:${year}:conflict-${due.conflictRequest.id}:overdue`,
        (county ? [county] : everyCounty).flatMap(countyAudiences),
      );
    }
  }
  return run;
}

/**
 * One reminder run over the whole database, in one transaction, by one instance at a time (the
 * retention task's run-once mechanism); null when another instance is running it.
 */
export function runReminders(
  orm: Orm,
  options: { today: string; days?: readonly number[] },
): Promise<ReminderRun | null> {
  return runExclusively(orm, reminderLockKey, (em) => enqueueReminders(em, options));
}

/** What a run did, for the log. */
export function logReminderRun(run: ReminderRun | null): void {
  if (!run) {
    logger.info('reminders: another instance is running them; skipped');
    return;
  }
  const created = Object.values(run.created).reduce((sum, count) => sum + count, 0);
  logger.info({ reminders: run }, `reminders: ${created} new for ${run.today} (${run.existing} made before)`);
}

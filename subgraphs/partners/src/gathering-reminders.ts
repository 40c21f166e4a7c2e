// The reminder of the professional gatherings the agreement requires (§5.4: Innovasjon Norge and
// the county hold at least two a year; issue 21 §3): while the year has fewer held or planned, the
// days before its end in GATHERING_REMINDER_DAYS; and once it is over with fewer held, an overdue
// notice. To Innovasjon Norge's staff, the county officers and the coordination group, as NOTIFY
// messages the county delivers (console and e-mail). A run on a day makes what is due that day
// once: each message has a dedupe key, so the same day run twice (or by two instances) adds nothing.
import {
  audienceKey,
  logger,
  type NotificationAudience,
  type Orm,
  reminderTiming,
  runExclusively,
} from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GatheringSchema } from './entities/gathering.js';
import { minimumGatheringsPerYear } from './gathering-year.js';
import { gatheringShortfallText } from './messages/gatherings.js';
import { notify } from './notifications.js';

/** GATHERING_REMINDER_DAYS by default: four, two and one month before the year ends — time to plan one. */
export const defaultGatheringReminderDays = [120, 60, 30] as const;
/** The advisory lock of a reminder run (kit retention-task.ts): one run at a time over all instances. */
export const gatheringReminderLockKey = 7_364_204;

/** Who holds the gatherings and who follows the agreement: Innovasjon Norge, every county, the coordination group. */
export const gatheringAudiences: NotificationAudience[] = [
  { role: 'INNOVASJON_NORGE' },
  { role: 'COUNTY_OFFICER' },
  { role: 'COORDINATION_MEMBER' },
];

export interface GatheringReminderRun {
  today: string;
  /** New messages in the outbox. */
  created: number;
  /** Reminders due today that an earlier run made already. */
  existing: number;
}

/**
 * Enqueues, in the transaction `tx`, the gathering reminders due on `today`: for this year (ahead
 * of its end, counting gatherings held or planned) and for last year (overdue, within the kit's
 * announcement window). Dedupe keys `MEETING_NOT_HELD:all:<year>:professional-gatherings:<offset>:<audience>`.
 */
export async function enqueueGatheringReminders(
  tx: EntityManager,
  { today, days = defaultGatheringReminderDays }: { today: string; days?: readonly number[] },
): Promise<GatheringReminderRun> {
  const run: GatheringReminderRun = { today, created: 0, existing: 0 };
  const thisYear = Number(today.slice(0, 4));
  for (const year of [thisYear - 1, thisYear]) {
    const timing = reminderTiming(`${year}-12-31`, today, days);
    if (!timing) continue;
    const count = await tx.count(GatheringSchema, { date: { $gte: `${year}-01-01`, $lt: `${year + 1}-01-01` } });
    if (count >= minimumGatheringsPerYear) continue;
    const data = { year, count, minimum: minimumGatheringsPerYear, daysLeft: timing.daysLeft };
    for (const audience of gatheringAudiences) {
      const created = await notify(
        tx,
        'MEETING_NOT_HELD',
        audience,
        'gatherings',
        `MEETING_NOT_HELD:all:${year}:professional-gatherings:${timing.offset}:${audienceKey(audience)}`,
        (locale) => gatheringShortfallText(data, locale),
      );
      if (created) run.created += 1;
      else run.existing += 1;
    }
  }
  return run;
}

/** One run over the whole database, in one transaction, by one instance at a time; null when another is running it. */
export function runGatheringReminders(
  orm: Orm,
  options: { today: string; days?: readonly number[] },
): Promise<GatheringReminderRun | null> {
  return runExclusively(orm, gatheringReminderLockKey, (em) => enqueueGatheringReminders(em, options));
}

/** What a run did, for the log. */
export function logGatheringReminderRun(run: GatheringReminderRun | null): void {
  if (!run) {
    logger.info('gathering reminders: another instance is running them; skipped');
    return;
  }
  logger.info(
    { reminders: run },
    `gathering reminders: ${run.created} new for ${run.today} (${run.existing} made before)`,
  );
}

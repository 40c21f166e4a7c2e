// The retention task: a subgraph that keeps personal data erases what is past retention on a
// schedule, so the privacy notice's promise (deleted at the latest three years after the last
// contact) is kept without anyone having to remember to run it.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Cron, CronPattern } from 'croner';
import { logger } from './logger.js';
import { type Orm, withUnlimitedOrm } from './orm.js';

/** What a retention run did or, in a dry run, would do; each subgraph adds its counts by kind of record. */
export interface RetentionRun {
  dryRun: boolean;
  /** Contacts before this day are past retention. */
  cutoff: string | null;
}

/** Erases (or, in a dry run, counts) what is past retention, inside the transaction it is given. */
export type RetentionTask = (em: EntityManager, options: { dryRun: boolean }) => Promise<RetentionRun>;

/**
 * Every night at 02:30, Norwegian time: after the day's work, before the next. The default in
 * production only: elsewhere the demo data's older clients would lose their names while someone
 * is trying the console.
 */
export const defaultRetentionSchedule = '30 2 * * *';
const retentionTimeZone = 'Europe/Oslo';

/** The pattern, once it is known to be one: a typo stops the start instead of leaving data unerased. */
export function checkedRetentionSchedule(pattern: string): string {
  try {
    new CronPattern(pattern, retentionTimeZone);
    return pattern;
  } catch (error) {
    throw new Error(
      `RETENTION_SCHEDULE "${pattern}" is not a cron pattern (${error instanceof Error ? error.message : String(error)}); use e.g. "${defaultRetentionSchedule}", or "off"`,
    );
  }
}

/** The advisory lock one run holds: any number no other lock of a subgraph's database uses. */
export const retentionLockKey = 7_364_202;

/**
 * Runs `work` once, in one transaction holding the advisory lock `lockKey` (any number no other
 * lock of the database uses). When another instance of the subgraph holds it at that moment, this
 * one skips (null) rather than do the same work twice. Scheduled work of any kind (the retention
 * task, the county's reminders) runs through here.
 */
export function runExclusively<Result>(
  orm: Orm,
  lockKey: number,
  work: (em: EntityManager) => Promise<Result>,
): Promise<Result | null> {
  // The first run over years of data may take longer than any request is allowed to.
  return withUnlimitedOrm(orm, (unlimited) =>
    unlimited.em.fork().transactional(async (em) => {
      const [lock] = await em.execute<{ locked: boolean }[]>('select pg_try_advisory_xact_lock(?) as locked', [
        lockKey,
      ]);
      if (!lock?.locked) return null;
      return work(em as EntityManager);
    }),
  );
}

/**
 * Runs the task once, in one transaction. When another instance of the subgraph is running it
 * at that moment, this one skips (null) rather than erase and audit the same persons twice.
 */
export function runRetentionTask(orm: Orm, task: RetentionTask, { dryRun = false } = {}): Promise<RetentionRun | null> {
  return runExclusively(orm, retentionLockKey, (em) => task(em, { dryRun }));
}

export interface ScheduledRetention {
  /** No more runs; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/** A task that runs on a schedule: its name (for the log), a cron pattern (Norwegian time), and one run. */
export interface ScheduledTaskDefinition {
  name: string;
  pattern: string;
  /** One run; it logs what it did. A failure is logged and the next run tries again. */
  run(): Promise<void>;
}

/** Runs `task` on its pattern; a run still going when the next is due is not doubled. */
export function scheduleTask(task: ScheduledTaskDefinition): ScheduledRetention {
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      await task.run();
    } catch (error) {
      logger.error({ err: error }, `${task.name}: the run failed and changed nothing; the next run tries again`);
    }
  };
  // protect: a run still going when the next is due (a very large first run) is not doubled.
  const job = new Cron(task.pattern, { timezone: retentionTimeZone, protect: true }, () => {
    running = run();
    return running;
  });
  logger.info({ schedule: task.pattern, nextRun: job.nextRun()?.toISOString() }, `${task.name} task scheduled`);
  return {
    async stop() {
      job.stop();
      await running;
    },
  };
}

/** Runs the task on `pattern` (RETENTION_SCHEDULE, see subgraph-config.ts); a failed run is logged and tried again next time. */
export function scheduleRetention(orm: Orm, task: RetentionTask, pattern: string): ScheduledRetention {
  return scheduleTask({
    name: 'retention',
    pattern: checkedRetentionSchedule(pattern),
    async run() {
      const result = await runRetentionTask(orm, task);
      if (result) logger.info({ retention: result }, 'retention: data past retention erased');
      else logger.info('retention: another instance is running it; skipped');
    },
  });
}

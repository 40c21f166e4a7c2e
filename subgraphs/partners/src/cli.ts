// `pnpm migrate | seed | seed:county-scale | migration:create | retention [--dry-run] | reminders [--today YYYY-MM-DD]`
// for the partners subgraph.
import { isValidDate, readConfiguration, subgraphCli, todayInNorway, withSubgraphDatabase } from '@etablerer/kit';
import { z } from 'zod';
import { logGatheringReminderRun, runGatheringReminders } from './gathering-reminders.js';
import { partnersSubgraph } from './server.js';

const [command, ...args] = process.argv.slice(2);

if (command === 'reminders') {
  // The scheduled gathering reminders once, now (or as on another day, --today YYYY-MM-DD): what is
  // due that day and not made already goes into the outbox, which the running partners delivers.
  const at = args.indexOf('--today');
  const today = at >= 0 ? args[at + 1] : todayInNorway();
  if (!today || !isValidDate(today)) throw new Error('Usage: node dist/cli.js reminders [--today YYYY-MM-DD]');
  const { GATHERING_REMINDER_DAYS: days } = readConfiguration(
    'partners reminders',
    z.object({ GATHERING_REMINDER_DAYS: partnersSubgraph.variables?.GATHERING_REMINDER_DAYS as z.ZodType<number[]> }),
  );
  logGatheringReminderRun(
    await withSubgraphDatabase(partnersSubgraph, (orm) => runGatheringReminders(orm, { today, days })),
  );
} else {
  await subgraphCli(partnersSubgraph, command, ...args);
}

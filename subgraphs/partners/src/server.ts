// The partners subgraph as the kit runs it: database, schema, demo and county-scale data, request context.
import { fileURLToPath } from 'node:url';
import {
  cronVariable,
  daysListVariable,
  defaultReminderSchedule,
  type SubgraphDefinition,
  scheduleTask,
  todayInNorway,
} from '@etablerer/kit';
import { type Context, createContext } from './context.js';
import { GatheringSchema } from './entities/gathering.js';
import { entities } from './entities/index.js';
import { defaultGatheringReminderDays, logGatheringReminderRun, runGatheringReminders } from './gathering-reminders.js';
import { migrations } from './migrations/index.js';
import { erasePartnerDataPastRetention } from './personal-data.js';
import { schema } from './schema.js';
import { CountyScaleSeeder } from './seeders/CountyScaleSeeder.js';
import { DemoSeeder } from './seeders/DemoSeeder.js';

export const partnersSubgraph: SubgraphDefinition<Context> = {
  name: 'partners',
  database: 'partners',
  defaultPort: 4003,
  schema,
  entities,
  migrations,
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  demoSeeder: DemoSeeder,
  countyScaleSeeder: CountyScaleSeeder,
  isEmpty: async (orm) => (await orm.em.fork().count(GatheringSchema)) === 0,
  context: createContext,
  // Regions erases partners' copies of a client; partners asks regions whose client an id is.
  trustedServices: ['gateway', 'regions'],
  // Its outbox's notifications go to the county's /internal/notifications (kit outbox-dispatcher.ts).
  calls: ['regions', 'county'],
  retention: (em, { dryRun }) => erasePartnerDataPastRetention(em, { dryRun }),
  variables: {
    REMINDER_SCHEDULE: cronVariable(
      'When the reminders of professional gatherings the year still lacks are made (§5.4; issue 21): a cron pattern (minute hour day month weekday, Norwegian time), or `off`. `node dist/cli.js reminders [--today YYYY-MM-DD]` makes them once.',
      `\`${defaultReminderSchedule}\` with NODE_ENV=production, \`off\` otherwise`,
    ),
    GATHERING_REMINDER_DAYS: daysListVariable(
      "How many days before the year's end a reminder goes out while it has fewer than two professional gatherings held or planned, comma-separated; a year that ended with fewer is told the day after.",
      defaultGatheringReminderDays,
    ),
  },
  // The reminders, on REMINDER_SCHEDULE: run once per day over all instances (kit retention-task.ts).
  tasks: (orm, { values, production }) => {
    const pattern =
      values.REMINDER_SCHEDULE === undefined ? (production ? defaultReminderSchedule : null) : values.REMINDER_SCHEDULE;
    if (typeof pattern !== 'string') return [];
    const days = (values.GATHERING_REMINDER_DAYS as number[] | undefined) ?? defaultGatheringReminderDays;
    return [
      scheduleTask({
        name: 'gathering reminders',
        pattern,
        run: async () => logGatheringReminderRun(await runGatheringReminders(orm, { today: todayInNorway(), days })),
      }),
    ];
  },
};

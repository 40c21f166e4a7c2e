// The county subgraph as the kit runs it: database, schema, demo and county-scale data, request context.
import { fileURLToPath } from 'node:url';
import {
  cronVariable,
  daysListVariable,
  defaultReminderSchedule,
  type SubgraphDefinition,
  scheduleTask,
  todayInNorway,
} from '@etablerer/kit';
import { conflictMeetingTargetDaysVariable } from './conflict-meetings.js';
import { type Context, createContext } from './context.js';
import { RoleAssignmentSchema } from './entities/access.js';
import { AgreementSchema } from './entities/agreement.js';
import { entities } from './entities/index.js';
import { countyInternalRoutes } from './internal-access.js';
import { migrations } from './migrations/index.js';
import { deliverOwnNotification } from './notifications.js';
import { defaultReminderDays, logReminderRun, runReminders } from './reminders.js';
import { schema } from './schema.js';
import { CountyScaleSeeder } from './seeders/CountyScaleSeeder.js';
import { DemoSeeder } from './seeders/DemoSeeder.js';

export const countySubgraph: SubgraphDefinition<Context> = {
  name: 'county',
  database: 'county',
  defaultPort: 4001,
  schema,
  entities,
  migrations,
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  demoSeeder: DemoSeeder,
  countyScaleSeeder: CountyScaleSeeder,
  // Agreements decide: a database seeded before they existed holds population figures only; one
  // seeded before role assignments existed gets the demo people's (the seeder adds only what is missing).
  isEmpty: async (orm) => {
    const em = orm.em.fork();
    return (await em.count(AgreementSchema)) === 0 || (await em.count(RoleAssignmentSchema)) === 0;
  },
  context: (orm, caller, request) => createContext(orm, caller, request),
  // The gateway's sign-in asks whom a person is, and which keys a partner system holds; the
  // regions and partners deliver their notifications.
  internalRoutes: countyInternalRoutes,
  // Its own NOTIFY messages (the reminders) are delivered in process, as the others' are over the route.
  deliverNotification: deliverOwnNotification,
  variables: {
    REMINDER_SCHEDULE: cronVariable(
      'When the reminders are made (reporting deadlines, instalments, required meetings not held; issue 21): a cron pattern (minute hour day month weekday, Norwegian time), or `off`. `node dist/cli.js reminders [--today YYYY-MM-DD]` makes them once.',
      `\`${defaultReminderSchedule}\` with NODE_ENV=production, \`off\` otherwise`,
    ),
    CONFLICT_MEETING_TARGET_DAYS: conflictMeetingTargetDaysVariable,
    REMINDER_DAYS: daysListVariable(
      "How many days before a reporting deadline or an instalment's due date a reminder goes out, comma-separated; overdue ones are told the day after.",
      defaultReminderDays,
    ),
  },
  // The reminders, on REMINDER_SCHEDULE: run once per day over all instances (kit retention-task.ts).
  tasks: (orm, { values, production }) => {
    const pattern =
      values.REMINDER_SCHEDULE === undefined ? (production ? defaultReminderSchedule : null) : values.REMINDER_SCHEDULE;
    if (typeof pattern !== 'string') return [];
    const days = (values.REMINDER_DAYS as number[] | undefined) ?? defaultReminderDays;
    return [
      scheduleTask({
        name: 'reminders',
        pattern,
        run: async () => logReminderRun(await runReminders(orm, { today: todayInNorway(), days })),
      }),
    ];
  },
};

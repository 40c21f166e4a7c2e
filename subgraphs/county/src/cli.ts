// `pnpm migrate | seed | seed:county-scale | migration:create [name] | import:population <file> [--preview]
// | assign-role --email <e-mail> --name <name> --county <akershus|buskerud|ostfold> | reminders [--today YYYY-MM-DD]`
// for the county subgraph.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import {
  type Caller,
  countyNames,
  isCountyId,
  logger,
  readConfiguration,
  subgraphCli,
  todayInNorway,
  withSubgraphDatabase,
} from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { isValidDate } from './calendar.js';
import { importSsbPopulation } from './population/import.js';
import { readSsbPopulation } from './population/ssb-json-stat.js';
import { logReminderRun, runReminders } from './reminders.js';
import { assignRole } from './resolvers/RoleAssignment.js';
import { countySubgraph } from './server.js';

const [command, ...args] = process.argv.slice(2);
const [argument] = args.filter((arg) => !arg.startsWith('--'));

if (command === 'import-population') {
  if (!argument) {
    throw new Error('Usage: pnpm import:population <file.json> [--preview] (SSB table 01222, JSON-stat 2)');
  }
  // pnpm runs scripts in the package folder; a relative path is meant from where the user stood.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), argument);
  // The command line has no request size to respect: a whole country's file is read as it is.
  const read = readSsbPopulation(JSON.parse(await readFile(file, 'utf8')));
  const preview = args.includes('--preview');
  const result = await withSubgraphDatabase(countySubgraph, (orm) =>
    orm.em.fork().transactional((tx) =>
      importSsbPopulation(tx as EntityManager, read, {
        importedBy: `command line (${userInfo().username})`,
        preview,
      }),
    ),
  );
  for (const row of result.skipped) {
    logger.info(row, `skipped ${row.regionCode}${row.period ? ` ${row.period}` : ''}: ${row.message}`);
  }
  logger.info(
    {
      table: result.table,
      sourceUpdatedAt: result.sourceUpdatedAt,
      dates: result.dates,
      skipped: result.skipped.length,
    },
    `${preview ? 'would import' : 'imported'} ${result.figures.length} population figures from Statistics Norway`,
  );
} else if (command === 'assign-role') {
  // A new installation has no role assignments, so nobody could give the first one in the console:
  // whoever runs the county's image gives a county officer their role, audited as the command line's.
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const [email, personName, county] = [option('email'), option('name'), option('county')];
  if (!email || !personName || !county || !isCountyId(county) || county === 'viken') {
    throw new Error(
      'Usage: node dist/cli.js assign-role --email <e-mail> --name <name> --county <akershus|buskerud|ostfold> (gives a county officer their role)',
    );
  }
  const operator = userInfo().username;
  const commandLine: Caller = {
    subject: `command-line:${operator}`,
    name: `command line (${operator})`,
    role: 'COUNTY_OFFICER',
    organisation: { id: county, kind: 'COUNTY', name: countyNames[county] },
    scopes: [],
  };
  const assignment = await withSubgraphDatabase(countySubgraph, (orm) =>
    assignRole(orm.em.fork() as EntityManager, commandLine, { email, personName, role: 'COUNTY_OFFICER' }),
  );
  logger.info(
    { id: assignment.id, email: assignment.email, county },
    `${personName} is a county officer of ${countyNames[county]}; they assign the others' roles in the console`,
  );
} else if (command === 'reminders') {
  // The scheduled reminders once, now (or as on another day, --today YYYY-MM-DD): what is due that
  // day and not made already goes into the outbox, which the running county delivers.
  const at = args.indexOf('--today');
  const today = at >= 0 ? args[at + 1] : todayInNorway();
  if (!today || !isValidDate(today)) throw new Error('Usage: node dist/cli.js reminders [--today YYYY-MM-DD]');
  const { REMINDER_DAYS: days } = readConfiguration(
    'county reminders',
    z.object({ REMINDER_DAYS: countySubgraph.variables?.REMINDER_DAYS as z.ZodType<number[]> }),
  );
  logReminderRun(await withSubgraphDatabase(countySubgraph, (orm) => runReminders(orm, { today, days })));
} else {
  await subgraphCli(countySubgraph, command, ...args);
}

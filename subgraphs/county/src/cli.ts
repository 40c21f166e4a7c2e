// `pnpm migrate | seed | seed:county-scale | migration:create [name] | import:population <file> [--preview]` for the county subgraph.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { logger, subgraphCli, withSubgraphDatabase } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { importSsbPopulation } from './population/import.js';
import { readSsbPopulation } from './population/ssb-json-stat.js';
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
} else {
  await subgraphCli(countySubgraph, command, ...args);
}

// `pnpm migrate | seed | seed:county-scale | migration:create [name] | import:population <file>` for the county subgraph.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { logger, subgraphCli, withSubgraphDatabase } from '@etablerer/kit';
import { importSsbPopulation } from './population/import.js';
import { countySubgraph } from './server.js';

const [command, ...args] = process.argv.slice(2);
const [argument] = args;

if (command === 'import-population') {
  if (!argument) throw new Error('Usage: pnpm import:population <file.json> (SSB table 01222, JSON-stat2)');
  // pnpm runs scripts in the package folder; a relative path is meant from where the user stood.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), argument);
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  const result = await withSubgraphDatabase(countySubgraph, (orm) => importSsbPopulation(orm, json));
  logger.info(result, `imported ${result.imported} population figures from Statistics Norway`);
} else {
  await subgraphCli(countySubgraph, command, ...args);
}

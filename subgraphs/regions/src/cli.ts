// `pnpm migrate | seed | seed:county-scale | migration:create | retention [--dry-run]` for the regions subgraph.
import { subgraphCli } from '@etablerer/kit';
import { regionsSubgraph } from './server.js';

const [command, ...args] = process.argv.slice(2);
await subgraphCli(regionsSubgraph, command, ...args);

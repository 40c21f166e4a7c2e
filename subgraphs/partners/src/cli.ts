// `pnpm migrate | seed | seed:county-scale | migration:create | retention [--dry-run]` for the partners subgraph.
import { subgraphCli } from '@etablerer/kit';
import { partnersSubgraph } from './server.js';

const [command, ...args] = process.argv.slice(2);
await subgraphCli(partnersSubgraph, command, ...args);

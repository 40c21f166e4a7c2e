// Starts the regions subgraph (PORT, default 4002) with the configuration in its environment (see config.ts).
import { runAsProcess, startSubgraph } from '@etablerer/kit';
import { configuration } from './config.js';
import { regionsSubgraph } from './server.js';

await runAsProcess(() => startSubgraph(regionsSubgraph, configuration()));

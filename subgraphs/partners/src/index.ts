// Starts the partners subgraph (PORT, default 4003) with the configuration in its environment (see config.ts).
import { runAsProcess, startSubgraph } from '@etablerer/kit';
import { configuration } from './config.js';
import { partnersSubgraph } from './server.js';

await runAsProcess(() => startSubgraph(partnersSubgraph, configuration()));

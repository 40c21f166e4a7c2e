// Starts the partners subgraph (PORT, default 4003) against DATABASE_URL.
import { requiredDatabaseUrl, runAsProcess, startSubgraph } from '@etablerer/kit';
import { partnersSubgraph } from './server.js';

await runAsProcess(() => startSubgraph(partnersSubgraph, { server: requiredDatabaseUrl() }));

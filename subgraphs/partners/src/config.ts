// The partners subgraph's configuration: the variables every subgraph reads (the kit's
// subgraph-config.ts, shaped by this subgraph's definition), checked once at start.
import { subgraphConfigSchema, subgraphOptionsFromEnvironment } from '@etablerer/kit';
import { partnersSubgraph } from './server.js';

export const configurationSchema = subgraphConfigSchema(partnersSubgraph);

/** The start options from the environment; a bad or missing variable stops the start, naming it. */
export const configuration = (env: NodeJS.ProcessEnv = process.env) =>
  subgraphOptionsFromEnvironment(partnersSubgraph, env);

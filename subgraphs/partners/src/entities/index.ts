// Every entity of the partners subgraph, as MikroORM loads them.
import { GatheringSchema } from './gathering.js';

export const entities = [GatheringSchema];

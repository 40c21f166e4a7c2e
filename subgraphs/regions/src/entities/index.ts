// Every entity of the regions subgraph, as MikroORM loads them.
import { MunicipalitySchema } from './municipality.js';
import { RegionSchema } from './region.js';

export const entities = [RegionSchema, MunicipalitySchema];

// Every entity of the regions subgraph, as MikroORM loads them.
import { AuditEntrySchema } from '@etablerer/kit';
import { ClientSchema } from './client.js';
import { MunicipalitySchema } from './municipality.js';
import { RegionSchema } from './region.js';

export const entities = [RegionSchema, MunicipalitySchema, ClientSchema, AuditEntrySchema];

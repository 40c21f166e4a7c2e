// Every entity of the partners subgraph, as MikroORM loads them.
import { AuditEntrySchema } from '@etablerer/kit';
import { GatheringSchema } from './gathering.js';
import { ReferralSchema } from './referral.js';

export const entities = [GatheringSchema, ReferralSchema, AuditEntrySchema];

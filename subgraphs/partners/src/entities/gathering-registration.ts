// An adviser's registration for a professional gathering, and whether they attended.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { GatheringSchema } from './gathering.js';

export const GatheringRegistrationSchema = defineEntity({
  name: 'GatheringRegistration',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    gathering: p.manyToOne(GatheringSchema),
    /** The Adviser entity of the regions subgraph. */
    adviserId: p.uuid().index(),
    /** The adviser's region at registration, so attendance per region needs no cross-subgraph join. */
    regionId: p.string(),
    registeredAt: p.datetime(),
    attended: p.boolean().nullable(),
  }),
  uniques: [{ properties: ['gathering', 'adviserId'] }],
});

export type GatheringRegistration = InferEntity<typeof GatheringRegistrationSchema>;

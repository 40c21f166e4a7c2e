// An adviser (veileder) working for an operator in one region.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { OperatorSchema } from './operator.js';
import { RegionSchema } from './region.js';

export const AdviserSchema = defineEntity({
  name: 'Adviser',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    operator: p.manyToOne(OperatorSchema),
    region: p.manyToOne(RegionSchema).index(),
    name: p.string().length(200),
    /** Public contact at work; shown on the public website later. */
    email: p.string().length(254),
    phone: p.string().length(20).nullable(),
    /** The adviser's subject at the identity provider, linking a signed-in user to this record. */
    username: p.string().length(200).unique().nullable(),
    active: p.boolean().default(true),
  }),
});

export type Adviser = InferEntity<typeof AdviserSchema>;

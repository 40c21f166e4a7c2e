// A network event a region holds for entrepreneurs and established businesses.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { RegionSchema } from './region.js';

export const NetworkEventSchema = defineEntity({
  name: 'NetworkEvent',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    region: p.manyToOne(RegionSchema),
    title: p.string().length(200),
    date: p.date(),
    participantCount: p.smallint().default(0),
  }),
  indexes: [{ properties: ['region', 'date'] }],
});

export type NetworkEvent = InferEntity<typeof NetworkEventSchema>;

// A municipality and the region it belongs to.
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { RegionSchema } from './region.js';

export const MunicipalitySchema = defineEntity({
  name: 'Municipality',
  properties: (p) => ({
    number: p.string().length(4).primary(),
    name: p.string(),
    region: p.manyToOne(RegionSchema).index(),
  }),
});

export type Municipality = InferEntity<typeof MunicipalitySchema>;

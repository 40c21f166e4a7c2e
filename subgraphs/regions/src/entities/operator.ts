// The organisation that runs the service in a region: an operator company or foundation, or the
// contract municipality itself.
import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { RegionSchema } from './region.js';

export const OperatorSchema = defineEntity({
  name: 'Operator',
  properties: (p) => ({
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    region: p.manyToOne(RegionSchema).index(),
    name: p.string().length(200),
    /** Nine digits with a mod-11 check digit; null when the municipality runs the service itself. */
    organisationNumber: p.string().length(9).nullable(),
    runByContractMunicipality: p.boolean().default(false),
  }),
});

export type Operator = InferEntity<typeof OperatorSchema>;

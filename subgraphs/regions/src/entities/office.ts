// An office of the service in a region, preferably co-located with other business actors (§5.2).
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { MunicipalitySchema } from './municipality.js';
import { RegionSchema } from './region.js';

export const OfficeSchema = defineEntity({
  name: 'Office',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    region: p.manyToOne(RegionSchema).index(),
    municipality: p.manyToOne(MunicipalitySchema),
    name: p.string().length(200),
    streetAddress: p.string().length(200),
    postalCode: p.string().length(4),
    postalTown: p.string().length(100),
    /** Which business actors share the premises, e.g. "Næringshagen i Follo, Innovasjon Norge". */
    coLocatedWith: p.string().length(500).nullable(),
  }),
});

export type Office = InferEntity<typeof OfficeSchema>;

// A client of the service and the personal data the service holds about them.
import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { MunicipalitySchema } from './municipality.js';
import { RegionSchema } from './region.js';

export const immigrantBackgrounds = ['YES', 'NO', 'UNKNOWN'] as const;
export type ImmigrantBackground = (typeof immigrantBackgrounds)[number];

export const ClientSchema = defineEntity({
  name: 'Client',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    region: p.manyToOne(RegionSchema),
    municipality: p.manyToOne(MunicipalitySchema).index(),
    name: p.string().length(200),
    email: p.string().length(254).nullable(),
    phone: p.string().length(20).nullable(),
    birthYear: p.smallint().nullable(),
    immigrantBackground: p.enum(immigrantBackgrounds as unknown as ImmigrantBackground[]),
    registeredOn: p.date(),
    version: p.integer().version(),
  }),
  // The lists page by region and registration date; the key figures count by region and year.
  indexes: [{ properties: ['region', 'registeredOn'] }],
});

export type Client = InferEntity<typeof ClientSchema>;

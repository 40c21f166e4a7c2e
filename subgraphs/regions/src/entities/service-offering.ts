// A service a region offers beyond the minimum of §5.2.1, valid for a period: the list changes
// during the agreement.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { RegionSchema } from './region.js';

export const serviceKinds = [
  'OFFICE_COMMUNITY',
  'MENTOR_SCHEME_FOR_IMMIGRANTS',
  'BUSINESS_ASSESSMENT',
  'GROWTH_FOLLOW_UP',
  'OTHER',
] as const;
export type ServiceKind = (typeof serviceKinds)[number];

export const ServiceOfferingSchema = defineEntity({
  name: 'ServiceOffering',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    region: p.manyToOne(RegionSchema).index(),
    kind: p.enum(serviceKinds as unknown as ServiceKind[]),
    description: p.string().length(500),
    validFrom: p.date(),
    validTo: p.date().nullable(),
  }),
});

export type ServiceOffering = InferEntity<typeof ServiceOfferingSchema>;

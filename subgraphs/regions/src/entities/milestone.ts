// A milestone a client's business has reached: the key figures for survival and growth.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ClientSchema } from './client.js';

export const milestoneKinds = [
  'BUSINESS_REGISTERED',
  'FIRST_REVENUE',
  'FIRST_EMPLOYEE',
  'ACTIVE_AFTER_1_YEAR',
  'ACTIVE_AFTER_2_YEARS',
  'ACTIVE_AFTER_3_YEARS',
] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

export const MilestoneSchema = defineEntity({
  name: 'Milestone',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    client: p.manyToOne(ClientSchema),
    kind: p.enum(milestoneKinds as unknown as MilestoneKind[]),
    reachedOn: p.date(),
  }),
  uniques: [{ properties: ['client', 'kind'] }],
  // The key figures count a kind of milestone reached in a year (first employees) per region.
  indexes: [{ properties: ['kind', 'reachedOn'] }],
});

export type Milestone = InferEntity<typeof MilestoneSchema>;

// A follow-up (oppfølging) of a client after counselling or a course.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AdviserSchema } from './adviser.js';
import { ClientSchema } from './client.js';

export const FollowUpSchema = defineEntity({
  name: 'FollowUp',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    client: p.manyToOne(ClientSchema).index(),
    adviser: p.manyToOne(AdviserSchema),
    date: p.date(),
    note: p.text(),
  }),
});

export type FollowUp = InferEntity<typeof FollowUpSchema>;

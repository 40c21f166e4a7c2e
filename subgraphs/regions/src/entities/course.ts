// A course of the service: the free basic entrepreneur course or a theme course (a fee may apply).
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AdviserSchema } from './adviser.js';
import { RegionSchema } from './region.js';

export const courseKinds = ['BASIC', 'THEME'] as const;
export type CourseKind = (typeof courseKinds)[number];
export const courseStatuses = ['PLANNED', 'HELD', 'CANCELLED'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

export const CourseSchema = defineEntity({
  name: 'Course',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    region: p.manyToOne(RegionSchema),
    kind: p.enum(courseKinds as unknown as CourseKind[]),
    title: p.string().length(200),
    startsOn: p.date(),
    endsOn: p.date(),
    location: p.string().length(200).nullable(),
    online: p.boolean().default(false),
    capacity: p.smallint(),
    /** In øre; always 0 for a basic course (§5.2.1: free for participants). */
    participantFeeOre: p.bigint('number').default(0),
    instructors: p.manyToMany(AdviserSchema),
    /** An instructor from outside the service, e.g. "Innovasjon Norge". */
    partnerInstructor: p.string().length(200).nullable(),
    status: p.enum(courseStatuses as unknown as CourseStatus[]).default('PLANNED'),
    version: p.integer().version(),
  }),
  indexes: [{ properties: ['region', 'startsOn'] }],
  checks: [
    { name: 'course_basic_is_free', expression: "kind <> 'BASIC' or participant_fee_ore = 0" },
    { name: 'course_dates_in_order', expression: 'ends_on >= starts_on' },
    { name: 'course_capacity_positive', expression: 'capacity > 0' },
  ],
});

export type Course = InferEntity<typeof CourseSchema>;

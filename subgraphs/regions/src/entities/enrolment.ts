// A client's place on a course, or on its waiting list when the course is full.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ClientSchema } from './client.js';
import { CourseSchema } from './course.js';

export const enrolmentStatuses = ['ENROLLED', 'WAITLISTED', 'CANCELLED'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

export const EnrolmentSchema = defineEntity({
  name: 'Enrolment',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    course: p.manyToOne(CourseSchema),
    client: p.manyToOne(ClientSchema).index(),
    status: p.enum(enrolmentStatuses as unknown as EnrolmentStatus[]),
    /** The waiting list is served in this order. */
    enrolledAt: p.datetime(),
    /** Null until the course is held. */
    attended: p.boolean().nullable(),
  }),
  uniques: [{ properties: ['course', 'client'] }],
  indexes: [{ properties: ['course', 'status', 'enrolledAt'] }],
});

export type Enrolment = InferEntity<typeof EnrolmentSchema>;

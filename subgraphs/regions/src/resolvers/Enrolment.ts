// Enrolment: its course and client, and the place on the waiting list.
import type { EnrolmentResolvers } from '../__generated__/resolvers-types.js';
import { visibleClient } from './Client.js';

export const Enrolment: EnrolmentResolvers = {
  course: async (enrolment, _args, { loaders }) => {
    const course = await loaders.course.load(enrolment.course.id);
    if (!course) throw new Error(`Enrolment ${enrolment.id} has no course`);
    return course;
  },
  client: (enrolment, _args, context) => visibleClient(context, enrolment.client.id, 'enrolment'),
  enrolledAt: (enrolment) => enrolment.enrolledAt.toISOString(),
  waitlistPosition: async (enrolment, _args, { loaders }) => {
    if (enrolment.status !== 'WAITLISTED') return null;
    const waiting = (await loaders.enrolmentsOfCourse.load(enrolment.course.id)).filter(
      (e) => e.status === 'WAITLISTED',
    );
    return waiting.findIndex((e) => e.id === enrolment.id) + 1;
  },
};

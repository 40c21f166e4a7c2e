// Course: readable by every signed-in role (the calendar is public information); who is
// enrolled is personal data, shown only to the region's advisers and the client list's owners.
import { canSeePersonalDataIn } from '@etablerer/kit';
import type { CourseResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { Adviser } from '../entities/adviser.js';
import type { Course as CourseEntity } from '../entities/course.js';
import { auditReads } from './Client.js';

/** Places left on a course, from the count of places taken (the calendars need no enrolment rows). */
export async function seatsLeft(course: CourseEntity, { loaders }: Pick<Context, 'loaders'>): Promise<number> {
  return Math.max(0, course.capacity - (await loaders.enrolledCountOfCourse.load(course.id)));
}

export const Course: CourseResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.course.load(id).then((course) => course ?? null),
  region: async (course, _args, { loaders }) => {
    const region = await loaders.region.load(course.region.id);
    if (!region) throw new Error(`Course ${course.id} has no region`);
    return region;
  },
  participantFee: (course) => course.participantFeeOre,
  instructors: async (course, _args, { loaders }) => {
    const advisers = await loaders.adviser.loadMany(await loaders.instructorsOfCourse.load(course.id));
    return advisers.filter((adviser): adviser is Adviser => !!adviser && !(adviser instanceof Error));
  },
  enrolledCount: (course, _args, { loaders }) => loaders.enrolledCountOfCourse.load(course.id),
  waitlistCount: async (course, _args, { loaders }) =>
    (await loaders.enrolmentsOfCourse.load(course.id)).filter((e) => e.status === 'WAITLISTED').length,
  seatsLeft: (course, _args, context) => seatsLeft(course, context),
  enrolments: async (course, _args, context) => {
    const { loaders, caller } = context;
    if (!canSeePersonalDataIn(caller, course.region.id)) return [];
    const enrolments = await loaders.enrolmentsOfCourse.load(course.id);
    const clients = await loaders.client.loadMany(enrolments.map((e) => e.client.id));
    await auditReads(context, clients.filter((c) => !!c && !(c instanceof Error)) as never[], 'course enrolments');
    return enrolments;
  },
};

// Course: readable by every signed-in role (the calendar is public information); who is
// enrolled is personal data, shown only to the region's advisers and the client list's owners,
// and to everyone else its counts of 1–4 persons are suppressed (docs/suppression.md).
import { canSeePersonalDataIn, todayInNorway } from '@etablerer/kit';
import type { CourseResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { Adviser } from '../entities/adviser.js';
import type { Course as CourseEntity } from '../entities/course.js';
import { type CourseFigure, courseFiguresToHide } from '../held-courses.js';
import { auditReads } from './Client.js';

/** Places left on a course, from the count of places taken (the calendars need no enrolment rows). */
export async function seatsLeft(course: CourseEntity, { loaders }: Pick<Context, 'loaders'>): Promise<number> {
  return Math.max(0, course.capacity - (await loaders.enrolledCountOfCourse.load(course.id)));
}

/**
 * The course's figures the caller is not shown: none to those who may see who is enrolled; to the others
 * (aggregate readers) what the course's own table hides (courseFiguresToHide). A held course's answer is
 * read from its region's year's held courses, decided once with the region's course participants for
 * Region.statistics too (held-courses.ts).
 */
async function hiddenFigures(
  course: CourseEntity,
  { loaders, caller }: Pick<Context, 'loaders' | 'caller'>,
): Promise<Set<CourseFigure>> {
  if (canSeePersonalDataIn(caller, course.region.id)) return new Set();
  if (course.status === 'HELD') {
    const key = { regionId: course.region.id, year: Number(course.startsOn.slice(0, 4)) };
    let held = (await loaders.heldCourses.load(key)).hiddenOfCourse.get(course.id);
    if (!held) {
      // Held after the table was read in this request: read it again, so both answers stay one.
      loaders.keyFigureRows.clear(key);
      held = (await loaders.heldCourses.clear(key).load(key)).hiddenOfCourse.get(course.id);
    }
    if (held) return held;
  }
  const enrolled = await loaders.enrolledCountOfCourse.load(course.id);
  const waiting = (await loaders.enrolmentsOfCourse.load(course.id)).filter((e) => e.status === 'WAITLISTED').length;
  const onPublicCalendar = course.status === 'PLANNED' && course.startsOn >= todayInNorway();
  return courseFiguresToHide({ capacity: course.capacity, enrolled, waiting, onPublicCalendar });
}

/** A figure of the course, or null when the caller is not shown it. */
const unlessHidden =
  (figure: CourseFigure, value: (course: CourseEntity, context: Context) => number | Promise<number>) =>
  async (course: CourseEntity, _args: unknown, context: Context) =>
    (await hiddenFigures(course, context)).has(figure) ? null : value(course, context);

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
  capacity: unlessHidden('capacity', (course) => course.capacity),
  enrolledCount: unlessHidden('enrolledCount', (course, { loaders }) => loaders.enrolledCountOfCourse.load(course.id)),
  waitlistCount: unlessHidden(
    'waitlistCount',
    async (course, { loaders }) =>
      (await loaders.enrolmentsOfCourse.load(course.id)).filter((e) => e.status === 'WAITLISTED').length,
  ),
  seatsLeft: unlessHidden('seatsLeft', (course, context) => seatsLeft(course, context)),
  enrolments: async (course, _args, context) => {
    const { loaders, caller } = context;
    if (!canSeePersonalDataIn(caller, course.region.id)) return [];
    const enrolments = await loaders.enrolmentsOfCourse.load(course.id);
    const clients = await loaders.client.loadMany(enrolments.map((e) => e.client.id));
    await auditReads(context, clients.filter((c) => !!c && !(c instanceof Error)) as never[], 'course enrolments');
    return enrolments;
  },
};

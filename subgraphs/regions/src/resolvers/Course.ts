// Course: readable by every signed-in role (the calendar is public information); who is
// enrolled is personal data, shown only to the region's advisers and the client list's owners,
// and to everyone else its counts of 1–4 persons are suppressed (docs/suppression.md).
import { canSeePersonalDataIn, cellsToHide, todayInNorway } from '@etablerer/kit';
import type { CourseResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { Adviser } from '../entities/adviser.js';
import type { Course as CourseEntity } from '../entities/course.js';
import type { CourseFigure } from '../held-courses.js';
import { auditReads } from './Client.js';

/** Places left on a course, from the count of places taken (the calendars need no enrolment rows). */
export async function seatsLeft(course: CourseEntity, { loaders }: Pick<Context, 'loaders'>): Promise<number> {
  return Math.max(0, course.capacity - (await loaders.enrolledCountOfCourse.load(course.id)));
}

/**
 * The course's figures the caller is not shown. Those who may see who is enrolled see every figure; to
 * the others (aggregate readers) 1–4 enrolled or waiting are suppressed, and so is what would give the
 * enrolled away: capacity = enrolled + places left. Places left of a course open for sign-up are on the
 * public calendar for anyone, so there the capacity goes instead. A course no one has signed up for
 * shows its 0: it names no one, and the public calendar's places left show it anyway. A held course's
 * figures are decided with the other held courses of its region's year and the region's course
 * participants, their sum (held-courses.ts), once for all of them and for Region.statistics.
 */
async function hiddenFigures(course: CourseEntity, { loaders, caller }: Pick<Context, 'loaders' | 'caller'>) {
  if (canSeePersonalDataIn(caller, course.region.id)) return new Set<CourseFigure>();
  if (course.status === 'HELD') {
    const key = { regionId: course.region.id, year: Number(course.startsOn.slice(0, 4)) };
    const held =
      (await loaders.heldCourses.load(key)).hiddenOfCourse.get(course.id) ??
      // Held after the table was read in this request: read it again, and never decide the course on its own.
      (await loaders.heldCourses.clear(key).load(key)).hiddenOfCourse.get(course.id);
    return held ?? new Set<CourseFigure>(['capacity', 'enrolledCount', 'seatsLeft', 'waitlistCount']);
  }
  const enrolled = await loaders.enrolledCountOfCourse.load(course.id);
  const waiting = (await loaders.enrolmentsOfCourse.load(course.id)).filter((e) => e.status === 'WAITLISTED').length;
  const onPublicCalendar = course.status === 'PLANNED' && course.startsOn >= todayInNorway();
  const places = {
    value: Math.max(0, course.capacity - enrolled),
    countsPersons: false,
    shownElsewhere: onPublicCalendar,
  };
  return cellsToHide(
    {
      capacity: { value: course.capacity, countsPersons: false },
      enrolledCount: { value: enrolled },
      seatsLeft: places,
      waitlistCount: { value: waiting },
    },
    // Places left are never below 0: with more enrolled than places the sum no longer holds.
    enrolled <= course.capacity ? [{ total: 'capacity', parts: ['enrolledCount', 'seatsLeft'] }] : [],
    { hideZero: false },
  ) as Set<CourseFigure>;
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

// PublicCourse: a course as anyone may see it; places left are counted in SQL, never listed.
import type { PublicCourseResolvers } from '../__generated__/resolvers-types.js';

export const PublicCourse: PublicCourseResolvers = {
  region: async (course, _args, { loaders }) => {
    const region = await loaders.region.load(course.region.id);
    if (!region) throw new Error(`Course ${course.id} has no region`);
    return region;
  },
  participantFee: (course) => course.participantFeeOre,
  seatsLeft: async (course, _args, { loaders }) =>
    Math.max(0, course.capacity - (await loaders.enrolledCountOfCourse.load(course.id))),
};

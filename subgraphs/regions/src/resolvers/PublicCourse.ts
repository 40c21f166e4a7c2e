// PublicCourse: a course as anyone may see it; places left are counted in SQL, never listed.
import type { PublicCourseResolvers } from '../__generated__/resolvers-types.js';
import { seatsLeft } from './Course.js';

export const PublicCourse: PublicCourseResolvers = {
  region: async (course, _args, { loaders }) => {
    const region = await loaders.region.load(course.region.id);
    if (!region) throw new Error(`Course ${course.id} has no region`);
    return region;
  },
  participantFee: (course) => course.participantFeeOre,
  seatsLeft: (course, _args, context) => seatsLeft(course, context),
};

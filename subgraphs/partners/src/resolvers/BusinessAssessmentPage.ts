// BusinessAssessmentPage: what a region filter of the assessments list offers.
import type { BusinessAssessmentPageResolvers } from '../__generated__/resolvers-types.js';
import { BusinessAssessmentSchema } from '../entities/business-assessment.js';

export const BusinessAssessmentPage: BusinessAssessmentPageResolvers = {
  // One statement whatever the number of assessments: the distinct region ids, counted in SQL.
  regions: async ({ regionsOf }, _args, { em }) => {
    if (!regionsOf) return [];
    const rows = await em
      .createQueryBuilder(BusinessAssessmentSchema, 'a')
      .select('a.regionId', true)
      .where(regionsOf)
      .orderBy({ regionId: 'asc' })
      .execute<{ regionId: string }[]>('all');
    return rows.map(({ regionId }) => ({ id: regionId }));
  },
};

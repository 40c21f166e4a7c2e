// BusinessAssessment: seen by NAV and the client's region; its client, region and NAV office.
import { forbidden } from '@etablerer/kit';
import type { BusinessAssessmentResolvers } from '../__generated__/resolvers-types.js';
import { canSeeAssessment } from '../access.js';
import type { Context } from '../context.js';
import { sharedClientDataOf } from '../shared-client-data.js';

export async function visibleAssessment({ loaders, caller }: Context, id: string) {
  const assessment = await loaders.assessment.load(id);
  if (!assessment || !canSeeAssessment(caller, assessment)) {
    throw forbidden('You may not see this assessment, or there is no assessment with this id.');
  }
  return assessment;
}

export const BusinessAssessment: BusinessAssessmentResolvers = {
  __resolveReference: ({ id }, context) => visibleAssessment(context, id),
  client: (assessment) => ({ id: assessment.clientId }),
  erasedAt: (assessment) => assessment.erasedAt?.toISOString() ?? null,
  sharedClientData: (assessment) => sharedClientDataOf('BusinessAssessment', assessment),
  region: (assessment) => ({ id: assessment.regionId }),
  navOffice: async (assessment, _args, { loaders }) => {
    const office = await loaders.navOffice.load(assessment.navOfficeId);
    if (!office) throw new Error(`Assessment ${assessment.id} names unknown NAV office ${assessment.navOfficeId}`);
    return office;
  },
  purpose: (assessment) => assessment.purpose as never,
  fee: (assessment) => assessment.feeOre,
};

// QualificationMeasure: its partners, and its participants for those who may see the clients.
import { canSeePersonalDataIn } from '@etablerer/kit';
import type { QualificationMeasureResolvers } from '../__generated__/resolvers-types.js';

export const QualificationMeasure: QualificationMeasureResolvers = {
  region: (measure) => ({ id: measure.regionId }),
  participantCount: (measure) => (measure.participantClientIds ?? []).length,
  participants: (measure, _args, { caller }) =>
    canSeePersonalDataIn(caller, measure.regionId) ? (measure.participantClientIds ?? []).map((id) => ({ id })) : [],
  partners: (measure, _args, { loaders }) => loaders.partnersOfMeasure.load(measure.id) as never,
};

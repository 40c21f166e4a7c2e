// QualificationMeasure: its partners, and its participants for those who may see the clients; to others
// a count of 1–4 participants is suppressed (docs/suppression.md).
import { canSeePersonalDataIn, cellsToHide, storedRegionReference } from '@etablerer/kit';
import type { QualificationMeasureResolvers } from '../__generated__/resolvers-types.js';

export const QualificationMeasure: QualificationMeasureResolvers = {
  region: (measure) => storedRegionReference(measure.regionId),
  // A measure no client has joined shows its 0: it names no one. No other figure adds up with the count.
  participantCount: (measure, _args, { caller }) => {
    const count = (measure.participantClientIds ?? []).length;
    if (canSeePersonalDataIn(caller, measure.regionId)) return count;
    return cellsToHide({ participantCount: { value: count } }, [], { hideZero: false }).size > 0 ? null : count;
  },
  participants: (measure, _args, { caller }) =>
    canSeePersonalDataIn(caller, measure.regionId) ? (measure.participantClientIds ?? []).map((id) => ({ id })) : [],
  partners: (measure, _args, { loaders }) => loaders.partnersOfMeasure.load(measure.id) as never,
};

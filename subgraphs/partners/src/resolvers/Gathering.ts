// Gathering: resolved by id for other subgraphs; registrations and attendance through loaders.
import type { GatheringResolvers } from '../__generated__/resolvers-types.js';

export const Gathering: GatheringResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.gathering.load(id).then((gathering) => gathering ?? null),
  organisers: (gathering) => gathering.organisers ?? [],
  invitedRegions: (gathering) => (gathering.invitedRegionIds ?? []).map((id) => ({ id })),
  registrations: (gathering, _args, { loaders }) => loaders.registrationsOfGathering.load(gathering.id),
  // Before attendance is recorded, those registered are the expected attendees. Counted in SQL:
  // the overview asks for every gathering's count, not for its registrations.
  attendeeCount: (gathering, _args, { loaders }) => loaders.attendeeCount.load(gathering.id),
};

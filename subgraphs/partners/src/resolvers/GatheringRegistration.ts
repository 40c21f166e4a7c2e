// GatheringRegistration: the adviser and region as references to the regions subgraph.
import type { GatheringRegistrationResolvers } from '../__generated__/resolvers-types.js';

export const GatheringRegistration: GatheringRegistrationResolvers = {
  adviser: (registration) => ({ id: registration.adviserId }),
  region: (registration) => ({ id: registration.regionId }),
  registeredAt: (registration) => registration.registeredAt.toISOString(),
};

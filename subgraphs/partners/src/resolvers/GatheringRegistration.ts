// GatheringRegistration: the adviser and region as references to the regions subgraph.
import { notFound } from '@etablerer/kit';
import type { GatheringRegistrationResolvers } from '../__generated__/resolvers-types.js';

export const GatheringRegistration: GatheringRegistrationResolvers = {
  // An id the regions subgraph does not know (registered before registrations were checked) is an
  // error on this registration only: the gateway would otherwise get no adviser and say nothing.
  adviser: async (registration, _args, { loaders }) => {
    if (!(await loaders.knownAdviser.load(registration.adviserId))) {
      throw notFound(
        `The regions subgraph knows no adviser ${registration.adviserId}; the registration can be removed.`,
      );
    }
    return { id: registration.adviserId };
  },
  region: (registration) => ({ id: registration.regionId }),
  registeredAt: (registration) => registration.registeredAt.toISOString(),
};

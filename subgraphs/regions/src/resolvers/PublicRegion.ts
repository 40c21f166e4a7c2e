// PublicRegion: what the public website shows of a region; through the same loaders as Region.
import { todayInNorway } from '@etablerer/kit';
import type { PublicRegionResolvers } from '../__generated__/resolvers-types.js';

export const PublicRegion: PublicRegionResolvers = {
  contractMunicipality: async (region, _args, { loaders }) => {
    const municipality = await loaders.municipality.load(region.contractMunicipalityNumber);
    if (!municipality) throw new Error(`Region ${region.id} has no contract municipality`);
    return municipality;
  },
  municipalities: (region, _args, { loaders }) => loaders.municipalitiesOfRegion.load(region.id),
  operatorName: async (region, _args, { loaders }) => (await loaders.operatorOfRegion.load(region.id))?.name ?? null,
  offices: (region, _args, { loaders }) => loaders.officesOfRegion.load(region.id),
  advisers: async (region, _args, { loaders }) =>
    (await loaders.advisersOfRegion.load(region.id)).filter((adviser) => adviser.active),
  freeCounsellingHoursPerClientYear: (region) => region.freeCounsellingMinutesPerClientYear / 60,
  services: async (region, _args, { loaders }) => {
    const today = todayInNorway();
    const services = await loaders.servicesOfRegion.load(region.id);
    return services.filter((service) => service.validFrom <= today && (!service.validTo || service.validTo >= today));
  },
};

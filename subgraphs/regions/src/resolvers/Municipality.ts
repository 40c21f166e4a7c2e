// Municipality: resolved by either of its numbers for other subgraphs, with its region through a loader.
import { countyNames, municipalityKeyOrSelf, municipalityNumberOn, municipalityNumbers } from '@etablerer/kit';
import type { MunicipalityResolvers } from '../__generated__/resolvers-types.js';

export const Municipality: MunicipalityResolvers = {
  __resolveReference: ({ number }, { loaders }) =>
    loaders.municipality.load(municipalityKeyOrSelf(number)).then((municipality) => municipality ?? null),
  region: async (municipality, _args, { loaders }) => {
    const region = await loaders.region.load(municipality.region.id);
    if (!region) throw new Error(`Municipality ${municipality.number} has no region`);
    return region;
  },
  numberOn: (municipality, { date }) => municipalityNumberOn(municipality.number, date) ?? municipality.number,
  numbers: (municipality) =>
    municipalityNumbers(municipality.number).map((period) => ({
      number: period.number,
      validFrom: period.validFrom,
      validTo: period.validTo,
      countyName: countyNames[period.county],
    })),
};

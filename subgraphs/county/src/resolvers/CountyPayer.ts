// A county paying the county amount for some of a region's municipalities: amounts in øre inside, NOK in the graph.
import type { CountyPayerResolvers } from '../__generated__/resolvers-types.js';

export const CountyPayer: CountyPayerResolvers = {
  county: (payer) => ({ id: payer.payerId, name: payer.payerName }),
  municipalities: (payer) => payer.municipalityNumbers.map((number) => ({ number })),
  amount: (payer) => payer.amountOre,
};

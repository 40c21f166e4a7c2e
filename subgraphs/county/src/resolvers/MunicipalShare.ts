// One municipality's part of the municipal contribution.
import type { MunicipalShareResolvers } from '../__generated__/resolvers-types.js';

export const MunicipalShare: MunicipalShareResolvers = {
  municipality: (share) => ({ number: share.municipalityNumber }),
  frame: (share) => share.frameOre,
  amount: (share) => share.amountOre,
};

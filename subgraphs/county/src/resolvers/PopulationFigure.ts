// A population figure and where it comes from: the SSB table, when SSB updated it, who imported it.
import type { PopulationFigureResolvers } from '../__generated__/resolvers-types.js';

export const PopulationFigure: PopulationFigureResolvers = {
  sourceUpdatedAt: (figure) => figure.sourceUpdatedAt?.toISOString() ?? null,
  recordedAt: (figure) => figure.recordedAt.toISOString(),
};

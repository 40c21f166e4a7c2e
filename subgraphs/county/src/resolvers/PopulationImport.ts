// Importing population figures from Statistics Norway (county officers), and what an import did.
import { badUserInput, requireRole } from '@etablerer/kit';
import type { MutationResolvers, PopulationImportResolvers } from '../__generated__/resolvers-types.js';
import { importSsbPopulation, parsePopulationFile } from '../population/import.js';
import { SsbFormatError } from '../population/ssb-json-stat.js';

/**
 * A file that is not what the import takes is the caller's input at fault: BAD_USER_INPUT, saying why in English and
 * as `extensions.reason`, which the console words in the officer's language.
 */
function asUserInput(error: unknown): never {
  if (error instanceof SsbFormatError)
    throw badUserInput(`input.content: ${error.message}`, 'input.content', { reason: error.reason });
  throw error;
}

export const populationImportMutations: Pick<MutationResolvers, 'importPopulationFigures'> = {
  importPopulationFigures: async (_parent, { input }, { caller, em }) => {
    requireRole(caller, 'COUNTY_OFFICER');
    const read = (() => {
      try {
        return parsePopulationFile(input.content);
      } catch (error) {
        return asUserInput(error);
      }
    })();
    const importedBy = `${caller.name} (${caller.organisation.name})`;
    return em
      .transactional((tx) => importSsbPopulation(tx, read, { importedBy, preview: input.preview ?? false }))
      .catch(asUserInput);
  },
};

export const PopulationImport: PopulationImportResolvers = {
  sourceUpdatedAt: (result) => result.sourceUpdatedAt.toISOString(),
  figureCount: (result) => result.figures.length,
};

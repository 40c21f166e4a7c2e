// Per-request loaders of population figures, found by either number a municipality has had
// (Viken's 30xx or its 2024 number), so old and new records resolve to the same figures.

import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { fundingPopulationDate, type PopulationFigure, PopulationFigureSchema } from '../entities/population-figure.js';
import { numbersOfSameMunicipality } from './municipality-numbers.js';

function figuresByMunicipality(find: (numbers: string[]) => Promise<PopulationFigure[]>) {
  return new DataLoader<string, PopulationFigure[]>(async (numbers) => {
    const rows = await find([...new Set(numbers.flatMap(numbersOfSameMunicipality))]);
    return numbers.map((number) => {
      const numbers = numbersOfSameMunicipality(number);
      return rows.filter((row) => numbers.includes(row.municipalityNumber));
    });
  });
}

export function populationLoaders(em: EntityManager) {
  return {
    /** The figure funding uses (as of 2021-07-01) of each municipality: none or one. */
    fundingPopulation: figuresByMunicipality((all) =>
      em.find(PopulationFigureSchema, { municipalityNumber: { $in: all }, date: fundingPopulationDate }),
    ),
    /** Every figure of each municipality, oldest first. */
    populationFigures: figuresByMunicipality((all) =>
      em.find(PopulationFigureSchema, { municipalityNumber: { $in: all } }, { orderBy: { date: 'asc' } }),
    ),
  };
}

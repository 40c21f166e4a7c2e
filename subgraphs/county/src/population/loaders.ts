// Per-request loaders of population figures, found by either number a municipality has had
// (Viken's 30xx or its 2024 number), so old and new records resolve to the same figures.

import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { fundingPopulationDate, type PopulationSource } from '../entities/population-figure.js';
import { numbersOfSameMunicipality } from './municipality-numbers.js';

function figuresByMunicipality(find: (numbers: string[]) => Promise<PopulationFigureRecord[]>) {
  return new DataLoader<string, PopulationFigureRecord[]>(async (numbers) => {
    const rows = await find([...new Set(numbers.flatMap(numbersOfSameMunicipality))]);
    return numbers.map((number) => {
      const numbers = numbersOfSameMunicipality(number);
      return rows.filter((row) => numbers.includes(row.municipalityNumber));
    });
  });
}

/** A population figure as a plain row (the PopulationFigure entity's fields): read only, and many at once. */
export interface PopulationFigureRecord {
  municipalityNumber: string;
  date: string;
  population: number;
  source: PopulationSource;
  recordedAt: Date;
  sourceTable?: string | null;
  sourceUpdatedAt?: Date | null;
  importedBy?: string | null;
}

/**
 * The figures of the municipalities `numbers` (of one date, or all), oldest first, as plain rows:
 * every region's municipalities ask for theirs in the overview, and hydrating them as entities cost
 * several times what reading them does.
 */
async function figureRecords(em: EntityManager, numbers: string[], date?: string): Promise<PopulationFigureRecord[]> {
  const rows: (Omit<PopulationFigureRecord, 'recordedAt' | 'sourceUpdatedAt'> & {
    recordedAt: string | number;
    sourceUpdatedAt: string | number | null;
  })[] = await em.execute(
    `select municipality_number as "municipalityNumber", to_char(date, 'YYYY-MM-DD') as date, population, source,
            extract(epoch from recorded_at) * 1000 as "recordedAt", source_table as "sourceTable",
            extract(epoch from source_updated_at) * 1000 as "sourceUpdatedAt",
            imported_by as "importedBy"
       from population_figure
      where municipality_number in (?)${date ? ' and date = ?' : ''}
      order by date, municipality_number`,
    date ? [numbers, date] : [numbers],
  );
  // Timestamps as epoch milliseconds (numeric, which the driver gives as text), whatever the session's
  // time zone; the entity (and the graph's resolvers) hold Dates.
  return rows.map((row) => ({
    ...row,
    recordedAt: new Date(Number(row.recordedAt)),
    sourceUpdatedAt: row.sourceUpdatedAt === null ? null : new Date(Number(row.sourceUpdatedAt)),
  }));
}

export function populationLoaders(em: EntityManager) {
  return {
    /** The figure funding uses (as of 2021-07-01) of each municipality: none or one. */
    fundingPopulation: figuresByMunicipality((all) => figureRecords(em, all, fundingPopulationDate)),
    /** Every figure of each municipality, oldest first. */
    populationFigures: figuresByMunicipality((all) => figureRecords(em, all)),
  };
}

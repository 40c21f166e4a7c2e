// Replaces population figures with those of an SSB JSON-stat2 file, all or nothing.
import type { Orm } from '@etablerer/kit';
import { PopulationFigureSchema } from '../entities/population-figure.js';
import { readSsbPopulation } from './ssb-json-stat.js';

export interface PopulationImportResult {
  imported: number;
  dates: string[];
  skipped: string[];
}

export async function importSsbPopulation(orm: Orm, json: unknown): Promise<PopulationImportResult> {
  const { figures, skipped } = readSsbPopulation(json);
  if (figures.length === 0) throw new Error('The file holds no municipality figures');
  await orm.em.fork().transactional(async (em) => {
    await em.upsertMany(
      PopulationFigureSchema,
      figures.map((figure) => ({ ...figure, source: 'SSB' as const, recordedAt: new Date() })),
    );
  });
  return { imported: figures.length, dates: [...new Set(figures.map((f) => f.date))].sort(), skipped };
}

// Imports population figures from an SSB JSON-stat 2 file, all or nothing, recording per figure
// the table, when SSB updated it, who imported it and when; or previews what an import would do.
import type { EntityManager } from '@mikro-orm/postgresql';
import { PopulationFigureSchema, type PopulationSource } from '../entities/population-figure.js';
import { largestPopulationFile } from '../input-limits.js';
import { readSsbPopulation, type SkippedRow, SsbFormatError, type SsbPopulationFigure } from './ssb-json-stat.js';

// The largest file accepted, in characters (the gateway takes requests up to 64 kB, escaping included): one number
// for this check and the console's, kept with the county's other input limits.
export { largestPopulationFile } from '../input-limits.js';

export interface ImportedFigure extends SsbPopulationFigure {
  /** The figure held before for the same municipality and date, if any. */
  previousPopulation: number | null;
  previousSource: PopulationSource | null;
}

export interface PopulationImportResult {
  /** False for a preview: nothing was written. */
  applied: boolean;
  table: string;
  sourceUpdatedAt: Date;
  figures: ImportedFigure[];
  /** The dates the figures count inhabitants on, with how many figures each, oldest first. */
  dates: { date: string; figureCount: number }[];
  skipped: SkippedRow[];
}

/** Reads the file's text; a file that is too large, not JSON or not table 01222 throws SsbFormatError. */
export function parsePopulationFile(content: string) {
  if (content.length > largestPopulationFile) {
    throw new SsbFormatError(
      `The file has ${content.length} characters; at most ${largestPopulationFile} are accepted (select only the county's municipalities and the quarters needed)`,
      'TOO_LARGE',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new SsbFormatError(`The file is not JSON: ${(error as Error).message}`, 'NOT_JSON');
  }
  return readSsbPopulation(json);
}

/**
 * Writes the figures of `json` in the transaction `tx` (the caller runs one), replacing figures of the
 * same municipality and date; with `preview` it only reports what it would write.
 */
export async function importSsbPopulation(
  tx: EntityManager,
  read: ReturnType<typeof readSsbPopulation>,
  { importedBy, preview = false }: { importedBy: string; preview?: boolean },
): Promise<PopulationImportResult> {
  const { table, updatedAt, figures, skipped } = read;
  if (figures.length === 0) {
    throw new SsbFormatError(
      `The file holds no figures for the county's municipalities (${skipped.length} rows skipped)`,
      'NO_FIGURES',
    );
  }
  // A superset (every number × every date), matched exactly below: one short query whatever the file's size.
  const held = await tx.find(PopulationFigureSchema, {
    municipalityNumber: { $in: [...new Set(figures.map((figure) => figure.municipalityNumber))] },
    date: { $in: [...new Set(figures.map((figure) => figure.date))] },
  });
  const heldBy = new Map(held.map((figure) => [`${figure.municipalityNumber} ${figure.date}`, figure]));
  const sorted = [...figures].sort(
    (a, b) => a.date.localeCompare(b.date) || a.municipalityNumber.localeCompare(b.municipalityNumber),
  );
  const imported = sorted.map((figure) => {
    const previous = heldBy.get(`${figure.municipalityNumber} ${figure.date}`);
    return { ...figure, previousPopulation: previous?.population ?? null, previousSource: previous?.source ?? null };
  });
  if (!preview) {
    const recordedAt = new Date();
    await tx.upsertMany(
      PopulationFigureSchema,
      sorted.map(({ municipalityNumber, date, population }) => ({
        municipalityNumber,
        date,
        population,
        source: 'SSB' as const,
        recordedAt,
        sourceTable: table,
        sourceUpdatedAt: updatedAt,
        importedBy,
      })),
    );
  }
  const perDate = new Map<string, number>();
  for (const { date } of sorted) perDate.set(date, (perDate.get(date) ?? 0) + 1);
  return {
    applied: !preview,
    table,
    sourceUpdatedAt: updatedAt,
    figures: imported,
    dates: [...perDate].map(([date, figureCount]) => ({ date, figureCount })),
    skipped,
  };
}

// User survey results per region and year, overall and per occasion, computed in SQL and
// suppressed below 5 answers, with the complement that keeps the year's total from giving them away.
import { cellsToHide } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { type SurveyOccasion, surveyOccasions } from './entities/survey-response.js';

interface Result {
  responses: number | null;
  averageScore: number | null;
}

export interface SurveyResults extends Result {
  year: number;
  byOccasion: (Result & { occasion: SurveyOccasion })[];
}

/**
 * Which of a region-year's survey figures to hide: occasions with fewer than 5 answers, and beside one of
 * them the other occasion (or the year), since the year's answers are the sum of the occasions'. An average
 * goes with its count: the scores' sums add up as the counts do, so hiding both alike protects both.
 * The key figures (RegionStatistics) publish the year's figures too and call this with the same counts.
 */
export function hiddenSurveyFigures(year: number, byOccasion: Record<SurveyOccasion, number>) {
  const hidden = cellsToHide(
    { year: { value: year }, ...Object.fromEntries(surveyOccasions.map((o) => [o, { value: byOccasion[o] }])) },
    [{ total: 'year', parts: [...surveyOccasions] }],
  );
  return { year: hidden.has('year'), occasion: (occasion: SurveyOccasion) => hidden.has(occasion) };
}

const shown = (hidden: boolean, responses: number, average: number | null): Result =>
  hidden ? { responses: null, averageScore: null } : { responses, averageScore: average };

export function surveyResultsLoader(em: EntityManager) {
  return new DataLoader<{ regionId: string; year: number }, SurveyResults, string>(
    async (keys) => {
      const results = new Map<string, SurveyResults>();
      for (const year of new Set(keys.map((key) => key.year))) {
        const regionIds = keys.filter((key) => key.year === year).map((key) => key.regionId);
        const rows: {
          region_id: string;
          occasion: SurveyOccasion | null;
          responses: number;
          average: number | null;
        }[] = await em.execute(
          `select region_id, occasion, count(*)::int as responses, round(avg(score), 2)::float as average
               from survey_response
              where region_id in (?) and answered_on >= ? and answered_on < ?
              group by grouping sets ((region_id), (region_id, occasion))`,
          [regionIds, `${year}-01-01`, `${year + 1}-01-01`],
        );
        for (const regionId of regionIds) {
          const overall = rows.find((row) => row.region_id === regionId && row.occasion === null);
          const rowOf = (occasion: SurveyOccasion) =>
            rows.find((row) => row.region_id === regionId && row.occasion === occasion);
          const hidden = hiddenSurveyFigures(
            overall?.responses ?? 0,
            Object.fromEntries(surveyOccasions.map((o) => [o, rowOf(o)?.responses ?? 0])) as Record<
              SurveyOccasion,
              number
            >,
          );
          results.set(`${regionId}:${year}`, {
            year,
            ...shown(hidden.year, overall?.responses ?? 0, overall?.average ?? null),
            byOccasion: surveyOccasions.map((occasion) => {
              const row = rowOf(occasion);
              return { occasion, ...shown(hidden.occasion(occasion), row?.responses ?? 0, row?.average ?? null) };
            }),
          });
        }
      }
      return keys.map((key) => results.get(`${key.regionId}:${key.year}`) as SurveyResults);
    },
    { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
  );
}

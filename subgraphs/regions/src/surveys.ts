// User survey results per region and year, overall and per occasion, computed in SQL and
// suppressed below 5 answers so no one's answer can be singled out.
import { smallestShownCount } from '@etablerer/kit';
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

const shown = (responses: number, average: number | null): Result =>
  responses < smallestShownCount ? { responses: null, averageScore: null } : { responses, averageScore: average };

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
          results.set(`${regionId}:${year}`, {
            year,
            ...shown(overall?.responses ?? 0, overall?.average ?? null),
            byOccasion: surveyOccasions.map((occasion) => {
              const row = rows.find((r) => r.region_id === regionId && r.occasion === occasion);
              return { occasion, ...shown(row?.responses ?? 0, row?.average ?? null) };
            }),
          });
        }
      }
      return keys.map((key) => results.get(`${key.regionId}:${key.year}`) as SurveyResults);
    },
    { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
  );
}

// The region's key figures for a year (new clients, immigrant background, counselling, courses,
// businesses, surveys), computed in SQL for all the regions of a request in one statement, and
// suppressed where a figure would count fewer than 5 persons.
import { smallestShownCount } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

interface Row {
  region_id: string;
  new_clients: number;
  immigrant_background: number;
  clients_counselled: number;
  counselling_minutes: number;
  minutes_beyond_free_limit: number;
  courses_held: number;
  course_participants: number;
  businesses_started: number;
  survey_responses: number;
  growth_potential: number;
  first_employees: number;
  started_year_before: number;
  active_after_one_year: number;
  average_survey_score: number | null;
}

export interface RegionStatistics {
  year: number;
  newClients: number | null;
  clientsWithImmigrantBackground: number | null;
  immigrantBackgroundShare: number | null;
  clientsCounselled: number | null;
  counsellingHours: number | null;
  hoursBeyondFreeLimit: number | null;
  coursesHeld: number;
  courseParticipants: number | null;
  businessesStarted: number | null;
  surveyResponses: number | null;
  averageSurveyScore: number | null;
  clientsWithGrowthPotential: number | null;
  businessesWithFirstEmployee: number | null;
  businessesStartedYearBefore: number | null;
  stillActiveAfterOneYear: number | null;
  suppressed: string[];
  suppressionReason: string | null;
}

// Every subquery is bounded by region and date, each backed by an index on (region, date).
const statisticsSql = `
select r.id as region_id,
  (select count(*)::int from client c
     where c.region_id = r.id and c.merged_into_id is null and c.registered_on >= ? and c.registered_on < ?) as new_clients,
  (select count(*)::int from client c
     where c.region_id = r.id and c.merged_into_id is null and c.registered_on >= ? and c.registered_on < ?
       and c.immigrant_background = 'YES') as immigrant_background,
  counselling.clients_counselled,
  counselling.counselling_minutes,
  counselling.minutes_beyond_free_limit,
  (select count(*)::int from course k
     where k.region_id = r.id and k.status = 'HELD' and k.starts_on >= ? and k.starts_on < ?) as courses_held,
  (select count(distinct e.client_id)::int from enrolment e join course k on k.id = e.course_id
     where k.region_id = r.id and k.starts_on >= ? and k.starts_on < ? and e.attended) as course_participants,
  (select count(*)::int from business b join client c on c.id = b.client_id
     where c.region_id = r.id and b.registered_on >= ? and b.registered_on < ?) as businesses_started,
  (select count(*)::int from survey_response v
     where v.region_id = r.id and v.answered_on >= ? and v.answered_on < ?) as survey_responses,
  (select round(avg(v.score), 2)::float from survey_response v
     where v.region_id = r.id and v.answered_on >= ? and v.answered_on < ?) as average_survey_score,
  (select count(*)::int from client c
     where c.region_id = r.id and c.merged_into_id is null and c.registered_on >= ? and c.registered_on < ?
       and c.growth_potential = 'HIGH') as growth_potential,
  (select count(*)::int from milestone m join client c on c.id = m.client_id
     where c.region_id = r.id and m.kind = 'FIRST_EMPLOYEE' and m.reached_on >= ? and m.reached_on < ?) as first_employees,
  (select count(*)::int from business b join client c on c.id = b.client_id
     where c.region_id = r.id and b.registered_on >= (?::date - interval '1 year') and b.registered_on < ?::date - interval '1 year')
     as started_year_before,
  (select count(*)::int from business b join client c on c.id = b.client_id
     where c.region_id = r.id and b.registered_on >= (?::date - interval '1 year') and b.registered_on < ?::date - interval '1 year'
       and exists (select 1 from milestone m where m.client_id = c.id and m.kind = 'ACTIVE_AFTER_1_YEAR')) as active_after_one_year
from region r
-- The year's sessions of the region read once, per client, for all three counselling figures.
cross join lateral (
  select count(*)::int as clients_counselled,
         coalesce(sum(per_client.minutes), 0)::int as counselling_minutes,
         coalesce(sum(greatest(0, per_client.minutes - r.free_counselling_minutes_per_client_year)), 0)::int
           as minutes_beyond_free_limit
    from (select sum(s.duration_minutes) as minutes from counselling_session s
           where s.region_id = r.id and s.date >= ? and s.date < ? group by s.client_id) per_client
) counselling
where r.id in (?)`;

/** Date ranges the statement takes, all the same year's. */
const subqueries = 12;

function suppress(row: Row, year: number): RegionStatistics {
  const suppressed: string[] = [];
  const persons = (field: string, count: number) => {
    if (count >= smallestShownCount) return count;
    suppressed.push(field);
    return null;
  };
  const newClients = persons('newClients', row.new_clients);
  const clientsWithImmigrantBackground = persons('clientsWithImmigrantBackground', row.immigrant_background);
  const clientsCounselled = persons('clientsCounselled', row.clients_counselled);
  // Hours of fewer than 5 clients could be traced to them: they go with the count of clients.
  if (clientsCounselled === null) suppressed.push('counsellingHours', 'hoursBeyondFreeLimit');
  const courseParticipants = persons('courseParticipants', row.course_participants);
  const businessesStarted = persons('businessesStarted', row.businesses_started);
  const surveyResponses = persons('surveyResponses', row.survey_responses);
  if (surveyResponses === null) suppressed.push('averageSurveyScore');
  const clientsWithGrowthPotential = persons('clientsWithGrowthPotential', row.growth_potential);
  const businessesWithFirstEmployee = persons('businessesWithFirstEmployee', row.first_employees);
  const businessesStartedYearBefore = persons('businessesStartedYearBefore', row.started_year_before);
  const stillActiveAfterOneYear = persons('stillActiveAfterOneYear', row.active_after_one_year);
  return {
    year,
    newClients,
    clientsWithImmigrantBackground,
    immigrantBackgroundShare:
      newClients !== null && clientsWithImmigrantBackground !== null
        ? Math.round((clientsWithImmigrantBackground / newClients) * 1000) / 1000
        : null,
    clientsCounselled,
    counsellingHours: clientsCounselled === null ? null : row.counselling_minutes / 60,
    hoursBeyondFreeLimit: clientsCounselled === null ? null : row.minutes_beyond_free_limit / 60,
    coursesHeld: row.courses_held,
    courseParticipants,
    businessesStarted,
    surveyResponses,
    averageSurveyScore: surveyResponses === null ? null : row.average_survey_score,
    clientsWithGrowthPotential,
    businessesWithFirstEmployee,
    businessesStartedYearBefore,
    stillActiveAfterOneYear,
    suppressed,
    suppressionReason: suppressed.length
      ? `Fewer than ${smallestShownCount} persons: not shown, so no one can be singled out.`
      : null,
  };
}

/** Key figures per (region, year); one SQL statement per year asked for in a request. */
export function statisticsLoader(em: EntityManager) {
  return new DataLoader<{ regionId: string; year: number }, RegionStatistics, string>(
    async (keys) => {
      const results = new Map<string, RegionStatistics>();
      for (const year of new Set(keys.map((key) => key.year))) {
        const regionIds = keys.filter((key) => key.year === year).map((key) => key.regionId);
        const range = [`${year}-01-01`, `${year + 1}-01-01`];
        const rows: Row[] = await em.execute(statisticsSql, [
          ...Array.from({ length: subqueries }, () => range).flat(),
          regionIds,
        ]);
        for (const row of rows) results.set(`${row.region_id}:${year}`, suppress(row, year));
      }
      return keys.map((key) => results.get(`${key.regionId}:${key.year}`) ?? new Error(`No region ${key.regionId}`));
    },
    { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
  );
}

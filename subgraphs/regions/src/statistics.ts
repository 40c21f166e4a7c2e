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

// One statement for all the regions of a request. What a region's own rows give (clients,
// sessions, courses, surveys) is read per region through indexes on (region, date); businesses
// and milestones reach their region through the client, so they are read once for all regions
// and grouped (per region, that join cost 8 ms a region at county scale: 100 of 160 ms).
// Named parameters: :starts and :ends bound the year, :regionIds the regions.
const statisticsSql = `
with businesses as (
  select c.region_id,
    count(*) filter (where b.registered_on >= :starts)::int as businesses_started,
    count(*) filter (where b.registered_on < :ends::date - interval '1 year')::int as started_year_before,
    count(*) filter (where b.registered_on < :ends::date - interval '1 year' and m.client_id is not null)::int
      as active_after_one_year
  from business b
  join client c on c.id = b.client_id
  left join milestone m on m.client_id = b.client_id and m.kind = 'ACTIVE_AFTER_1_YEAR'
  where c.region_id in (:regionIds)
    and b.registered_on >= :starts::date - interval '1 year' and b.registered_on < :ends
  group by c.region_id),
first_employees as (
  -- Few milestones a year: each finds its client's region by the primary key.
  select (select c.region_id from client c where c.id = m.client_id) as region_id, count(*)::int as first_employees
  from milestone m
  where m.kind = 'FIRST_EMPLOYEE' and m.reached_on >= :starts and m.reached_on < :ends
  group by 1)
select r.id as region_id,
  clients.new_clients, clients.immigrant_background, clients.growth_potential,
  counselling.clients_counselled, counselling.counselling_minutes, counselling.minutes_beyond_free_limit,
  (select count(*)::int from course k
     where k.region_id = r.id and k.status = 'HELD' and k.starts_on >= :starts and k.starts_on < :ends) as courses_held,
  (select count(distinct e.client_id)::int from enrolment e join course k on k.id = e.course_id
     where k.region_id = r.id and k.starts_on >= :starts and k.starts_on < :ends and e.attended) as course_participants,
  surveys.survey_responses, surveys.average_survey_score,
  coalesce(b.businesses_started, 0) as businesses_started,
  coalesce(b.started_year_before, 0) as started_year_before,
  coalesce(b.active_after_one_year, 0) as active_after_one_year,
  coalesce(f.first_employees, 0) as first_employees
from region r
cross join lateral (
  select count(*)::int as new_clients,
         count(*) filter (where c.immigrant_background = 'YES')::int as immigrant_background,
         count(*) filter (where c.growth_potential = 'HIGH')::int as growth_potential
    from client c
   where c.region_id = r.id and c.merged_into_id is null and c.registered_on >= :starts and c.registered_on < :ends
) clients
cross join lateral (
  select count(*)::int as clients_counselled,
         coalesce(sum(per_client.minutes), 0)::int as counselling_minutes,
         coalesce(sum(greatest(0, per_client.minutes - r.free_counselling_minutes_per_client_year)), 0)::int
           as minutes_beyond_free_limit
    from (select sum(s.duration_minutes) as minutes from counselling_session s
           where s.region_id = r.id and s.date >= :starts and s.date < :ends group by s.client_id) per_client
) counselling
cross join lateral (
  select count(*)::int as survey_responses, round(avg(v.score), 2)::float as average_survey_score
    from survey_response v
   where v.region_id = r.id and v.answered_on >= :starts and v.answered_on < :ends
) surveys
left join businesses b on b.region_id = r.id
left join first_employees f on f.region_id = r.id
where r.id in (:regionIds)`;

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
        const rows: Row[] = await em.execute(
          em.getKnex().raw(statisticsSql, { starts: `${year}-01-01`, ends: `${year + 1}-01-01`, regionIds }),
        );
        for (const row of rows) results.set(`${row.region_id}:${year}`, suppress(row, year));
      }
      return keys.map((key) => results.get(`${key.regionId}:${key.year}`) ?? new Error(`No region ${key.regionId}`));
    },
    { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
  );
}

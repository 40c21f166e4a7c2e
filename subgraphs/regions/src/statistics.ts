// The region's key figures for a year (new clients, immigrant background, counselling, courses,
// businesses, surveys), computed in SQL for all the regions of a request in one statement, and
// suppressed where a figure would count fewer than 5 persons or let such a count be worked out. The
// course participants come with the held courses they are the sum of (held-courses.ts), suppressed with them.
import { type Cell, cellsToHide, type Relation, smallestShownCount, todayInNorway } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { type CapitalSource, capitalSources } from './entities/impact-record.js';
import { type HeldCourseRows, type HeldCourses, heldCourseRowsOf, suppressHeldCourses } from './held-courses.js';
import { keptPerRegion } from './key-figures-cache.js';
import { hiddenSurveyFigures } from './surveys.js';

interface Row {
  region_id: string;
  new_clients: number;
  immigrant_background: number;
  clients_counselled: number;
  counselling_minutes: number;
  minutes_beyond_free_limit: number;
  courses_held: number;
  businesses_started: number;
  survey_responses: number;
  survey_after_counselling: number;
  survey_after_course: number;
  growth_potential: number;
  first_employees: number;
  started_year_before: number;
  active_after_one_year: number;
  started_two_years_before: number;
  active_after_two_years: number;
  started_three_years_before: number;
  active_after_three_years: number;
  two_years_before_active_after_one_year: number;
  three_years_before_active_after_one_year: number;
  three_years_before_active_after_two_years: number;
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
  businessesStartedTwoYearsBefore: number | null;
  stillActiveAfterTwoYears: number | null;
  businessesStartedThreeYearsBefore: number | null;
  stillActiveAfterThreeYears: number | null;
  suppressed: string[];
  suppressionReason: string | null;
}

/**
 * The businesses registered `years` before the year (the cohort: by registeredOn, as businessesStarted
 * counts them, so the figures of consecutive years agree), and those of them that survived that long:
 * the anniversary has passed, and the register of legal entities had neither deleted them nor opened
 * bankruptcy before it (nor left them out of an import: they were deleted by then). Not milestones typed
 * by advisers: the register's dates, set by its import (business-register.ts).
 */
function cohort(years: 1 | 2 | 3): string {
  const names = {
    1: ['year_before', 'one_year'],
    2: ['two_years_before', 'two_years'],
    3: ['three_years_before', 'three_years'],
  };
  const [started, active] = names[years];
  return `count(*) filter (where ${inCohort(years)})::int as started_${started},
    ${survivors(years, years)} as active_after_${active}`;
}

const inCohort = (years: number) =>
  `b.registered_on >= :starts::date - interval '${years} years' and b.registered_on < :ends::date - interval '${years} years'`;

/** Of the cohort registered `cohortYears` before the year, those active `years` after registration. */
function survivors(cohortYears: number, years: number): string {
  const anniversary = `b.registered_on + interval '${years} years'`;
  const ended = 'least(b.deleted_on, b.bankrupt_on, b.missing_from_register_since)';
  return `count(*) filter (where ${inCohort(cohortYears)} and ${anniversary} <= :today::date
      and (${ended} is null or ${ended} >= ${anniversary}))::int`;
}

// One statement for all the regions of a request. What a region's own rows give (clients,
// sessions, courses, surveys) is read per region through indexes on (region, date); businesses
// and milestones reach their region through the client, so they are read once for all regions
// and grouped (per region, that join cost 8 ms a region at county scale: 100 of 160 ms).
// Named parameters: :starts and :ends bound the year, :regionIds the regions, :today is today in Norway.
const statisticsSql = `
with businesses as (
  select c.region_id,
    count(*) filter (where b.registered_on >= :starts)::int as businesses_started,
    ${cohort(1)},
    ${cohort(2)},
    ${cohort(3)},
    -- What earlier years published of the same cohorts (their one- and two-year survival), never shown here.
    ${survivors(2, 1)} as two_years_before_active_after_one_year,
    ${survivors(3, 1)} as three_years_before_active_after_one_year,
    ${survivors(3, 2)} as three_years_before_active_after_two_years
  from business b
  join client c on c.id = b.client_id
  where c.region_id in (:regionIds)
    and b.registered_on >= :starts::date - interval '3 years' and b.registered_on < :ends
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
  surveys.survey_responses, surveys.survey_after_counselling, surveys.survey_after_course,
  surveys.average_survey_score,
  coalesce(b.businesses_started, 0) as businesses_started,
  coalesce(b.started_year_before, 0) as started_year_before,
  coalesce(b.active_after_one_year, 0) as active_after_one_year,
  coalesce(b.started_two_years_before, 0) as started_two_years_before,
  coalesce(b.active_after_two_years, 0) as active_after_two_years,
  coalesce(b.started_three_years_before, 0) as started_three_years_before,
  coalesce(b.active_after_three_years, 0) as active_after_three_years,
  coalesce(b.two_years_before_active_after_one_year, 0) as two_years_before_active_after_one_year,
  coalesce(b.three_years_before_active_after_one_year, 0) as three_years_before_active_after_one_year,
  coalesce(b.three_years_before_active_after_two_years, 0) as three_years_before_active_after_two_years,
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
  select count(*)::int as survey_responses,
         count(*) filter (where v.occasion = 'AFTER_COUNSELLING')::int as survey_after_counselling,
         count(*) filter (where v.occasion = 'AFTER_COURSE')::int as survey_after_course,
         round(avg(v.score), 2)::float as average_survey_score
    from survey_response v
   where v.region_id = r.id and v.answered_on >= :starts and v.answered_on < :ends
) surveys
left join businesses b on b.region_id = r.id
left join first_employees f on f.region_id = r.id
where r.id in (:regionIds)`;

/** Why figures are left out, for the ones suppressed and the ones hidden beside them alike. */
export const suppressionReason = `Fewer than ${smallestShownCount} persons, or a figure from which such a count could be worked out: not shown, so no one can be singled out.`;

/**
 * How the key figures relate, as a reader who sees them all knows (docs/suppression.md). The subgroups of
 * the new clients, and the survivors of the businesses started the year before, leave a remainder
 * (whole − part) that is a count of persons too. Region.clientCount is newClients, read from here.
 * The survey figures are suppressed with surveyResults' own rule, as both publish them.
 */
const keyFigureRelations: Relation[] = [
  { whole: 'newClients', part: 'clientsWithImmigrantBackground' },
  { whole: 'newClients', part: 'clientsWithGrowthPotential' },
  { whole: 'businessesStartedYearBefore', part: 'stillActiveAfterOneYear' },
  { whole: 'businessesStartedTwoYearsBefore', part: 'stillActiveAfterTwoYears' },
  { whole: 'businessesStartedThreeYearsBefore', part: 'stillActiveAfterThreeYears' },
];

function suppress(row: Row, year: number, courses: HeldCourses): RegionStatistics {
  const counts = {
    newClients: row.new_clients,
    clientsWithImmigrantBackground: row.immigrant_background,
    clientsCounselled: row.clients_counselled,
    courseParticipants: courses.participants,
    businessesStarted: row.businesses_started,
    clientsWithGrowthPotential: row.growth_potential,
    businessesWithFirstEmployee: row.first_employees,
    businessesStartedYearBefore: row.started_year_before,
    stillActiveAfterOneYear: row.active_after_one_year,
    businessesStartedTwoYearsBefore: row.started_two_years_before,
    stillActiveAfterTwoYears: row.active_after_two_years,
    businessesStartedThreeYearsBefore: row.started_three_years_before,
    stillActiveAfterThreeYears: row.active_after_three_years,
  };
  const { courseParticipants, ...related } = counts;
  const hidden = cellsToHide(
    Object.fromEntries(Object.entries(related).map(([name, value]): [string, Cell] => [name, { value }])),
    keyFigureRelations,
  );
  // Decided with the region's held courses, as Course's figures are.
  if (courses.participantsHidden) hidden.add('courseParticipants');
  // A cohort's survival is published year after year: this year's beside what an earlier year's statistics
  // showed of the same businesses would count those that ended in between. Hidden when that is 1–4.
  const endedBetween = (earlier: number, now: number) => earlier - now > 0 && earlier - now < smallestShownCount;
  if (endedBetween(row.two_years_before_active_after_one_year, row.active_after_two_years))
    hidden.add('stillActiveAfterTwoYears');
  if (
    endedBetween(row.three_years_before_active_after_one_year, row.active_after_three_years) ||
    endedBetween(row.three_years_before_active_after_two_years, row.active_after_three_years)
  )
    hidden.add('stillActiveAfterThreeYears');
  const survey = hiddenSurveyFigures(row.survey_responses, {
    AFTER_COUNSELLING: row.survey_after_counselling,
    AFTER_COURSE: row.survey_after_course,
  });
  const shown = (field: keyof typeof counts) => (hidden.has(field) ? null : counts[field]);
  const suppressed: string[] = [];
  const newClients = shown('newClients');
  const clientsWithImmigrantBackground = shown('clientsWithImmigrantBackground');
  const clientsCounselled = shown('clientsCounselled');
  const surveyResponses = survey.year ? null : row.survey_responses;
  const immigrantBackgroundShare =
    newClients !== null && clientsWithImmigrantBackground !== null
      ? Math.round((clientsWithImmigrantBackground / newClients) * 1000) / 1000
      : null;
  for (const field of Object.keys(counts) as (keyof typeof counts)[]) {
    if (hidden.has(field)) suppressed.push(field);
    // A share of a hidden count gives it away with the other count.
    if (field === 'clientsWithImmigrantBackground' && immigrantBackgroundShare === null)
      suppressed.push('immigrantBackgroundShare');
    // Hours of fewer than 5 clients could be traced to them: they go with the count of clients.
    if (field === 'clientsCounselled' && clientsCounselled === null)
      suppressed.push('counsellingHours', 'hoursBeyondFreeLimit');
    if (field === 'businessesStarted' && surveyResponses === null)
      suppressed.push('surveyResponses', 'averageSurveyScore');
  }
  return {
    year,
    newClients,
    clientsWithImmigrantBackground,
    immigrantBackgroundShare,
    clientsCounselled,
    counsellingHours: clientsCounselled === null ? null : row.counselling_minutes / 60,
    hoursBeyondFreeLimit: clientsCounselled === null ? null : row.minutes_beyond_free_limit / 60,
    coursesHeld: row.courses_held,
    courseParticipants: shown('courseParticipants'),
    businessesStarted: shown('businessesStarted'),
    surveyResponses,
    averageSurveyScore: surveyResponses === null ? null : row.average_survey_score,
    clientsWithGrowthPotential: shown('clientsWithGrowthPotential'),
    businessesWithFirstEmployee: shown('businessesWithFirstEmployee'),
    businessesStartedYearBefore: shown('businessesStartedYearBefore'),
    stillActiveAfterOneYear: shown('stillActiveAfterOneYear'),
    businessesStartedTwoYearsBefore: shown('businessesStartedTwoYearsBefore'),
    stillActiveAfterTwoYears: shown('stillActiveAfterTwoYears'),
    businessesStartedThreeYearsBefore: shown('businessesStartedThreeYearsBefore'),
    stillActiveAfterThreeYears: shown('stillActiveAfterThreeYears'),
    suppressed,
    suppressionReason: suppressed.length ? suppressionReason : null,
  };
}

/** What a region's year of key figures is computed from: the rows of three statements, before suppression. */
export interface KeyFigureRows {
  statistics: Row;
  heldCourses: HeldCourseRows;
  impact: ImpactRow;
}

/** The key figures' rows of the regions' year, by region: three statements (statistics, held courses, impact). */
async function computeKeyFigureRows(
  em: EntityManager,
  year: number,
  today: string,
  regionIds: string[],
): Promise<Map<string, KeyFigureRows>> {
  const [rows, heldCourses, impact] = await Promise.all([
    em.execute<Row[]>(
      em.getKnex().raw(statisticsSql, { starts: `${year}-01-01`, ends: `${year + 1}-01-01`, today, regionIds }),
    ),
    heldCourseRowsOf(em, year, regionIds),
    impactRowsOf(em, year, regionIds),
  ]);
  const computed = new Map<string, KeyFigureRows>();
  for (const row of rows) {
    const held = heldCourses.get(row.region_id);
    if (held)
      computed.set(row.region_id, {
        statistics: row,
        heldCourses: held,
        impact: impact.get(row.region_id) ?? noImpact,
      });
  }
  return computed;
}

/**
 * The key figures' rows per (region, year): kept in the process while the region's data is unchanged
 * (key-figures-cache.ts: one statement that reads the regions' generations), the others computed in three
 * statements per year asked for in a request.
 */
export function keyFigureRowsLoader(em: EntityManager) {
  return new DataLoader<{ regionId: string; year: number }, KeyFigureRows, string>(
    async (keys) => {
      const results = new Map<string, KeyFigureRows>();
      const today = todayInNorway();
      for (const year of new Set(keys.map((key) => key.year))) {
        const regionIds = [...new Set(keys.filter((key) => key.year === year).map((key) => key.regionId))];
        const rows = await keptPerRegion(em, year, today, regionIds, (missing) =>
          computeKeyFigureRows(em, year, today, missing),
        );
        for (const [regionId, regionRows] of rows) results.set(`${regionId}:${year}`, regionRows);
      }
      return keys.map((key) => results.get(`${key.regionId}:${key.year}`) ?? new Error(`No region ${key.regionId}`));
    },
    { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
  );
}

/**
 * The suppressed figures of kept rows, kept with them: suppression is a function of the rows alone (and
 * deciding it for a year's hundreds of held courses cost the regions subgraph more CPU than the rest of the
 * overview), so rows used again give the very answer they gave before. Never changed by their readers.
 */
const suppressedOf = new WeakMap<KeyFigureRows, { heldCourses: HeldCourses; figures: Map<number, KeyFigures> }>();

/** The held courses of a region's year, suppressed (held-courses.ts), from the rows the key figures are read from. */
export function heldCoursesOf(rows: KeyFigureRows): HeldCourses {
  const known = suppressedOf.get(rows);
  if (known) return known.heldCourses;
  const heldCourses = suppressHeldCourses(rows.heldCourses.participants, rows.heldCourses.courses);
  suppressedOf.set(rows, { heldCourses, figures: new Map() });
  return heldCourses;
}

function keyFiguresOf(rows: KeyFigureRows, year: number): KeyFigures {
  const heldCourses = heldCoursesOf(rows);
  const figures = suppressedOf.get(rows)?.figures;
  const known = figures?.get(year);
  if (known) return known;
  const computed = withImpact(suppress(rows.statistics, year, heldCourses), rows.impact);
  figures?.set(year, computed);
  return computed;
}

/** Key figures per (region, year), suppressed from the rows the key figures' loader reads. */
export function statisticsLoader(keyFigureRows: DataLoader<{ regionId: string; year: number }, KeyFigureRows, string>) {
  return new DataLoader<{ regionId: string; year: number }, KeyFigures, string>(
    async (keys) =>
      (await keyFigureRows.loadMany(keys)).map((rows, i) =>
        rows instanceof Error ? rows : keyFiguresOf(rows, (keys[i] as { year: number }).year),
      ),
    { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
  );
}

// ---- Impact (issue 22): the year's client-confirmed impact records, summed per region ----

interface ImpactRow {
  clients_with_impact: number;
  jobs_created_clients: number;
  jobs_created: number;
  jobs_retained_clients: number;
  jobs_retained: number;
  capital_clients: number;
  capital_ore: string;
  revenue_clients: number;
  revenue_ore: string;
  /** Per capital source: its clients and its sum in øre. */
  sources: Record<CapitalSource, { clients: number; ore: string }>;
}

const noImpact: ImpactRow = {
  clients_with_impact: 0,
  jobs_created_clients: 0,
  jobs_created: 0,
  jobs_retained_clients: 0,
  jobs_retained: 0,
  capital_clients: 0,
  capital_ore: '0',
  revenue_clients: 0,
  revenue_ore: '0',
  sources: Object.fromEntries(
    capitalSources.map((source) => [source, { clients: 0, ore: '0' }]),
  ) as ImpactRow['sources'],
};

const perKind = (kind: string, sum: string, name: string) => `
  count(distinct i.client_id) filter (where i.kind = '${kind}')::int as ${name}_clients,
  coalesce(sum(${sum}) filter (where i.kind = '${kind}'), 0)${sum === 'i.fte' ? '::float' : '::text'} as ${name}`;

/**
 * Only records the client confirmed count, by the day they are true on; each sum comes with the
 * clients it sums over (its suppression basis). `grouped` false sums all the regions as one.
 */
const impactSql = (grouped: boolean) => `
select ${grouped ? 'i.region_id' : "'all' as region_id"},
  count(distinct i.client_id)::int as clients_with_impact,
  ${perKind('JOBS_CREATED', 'i.fte', 'jobs_created')},
  ${perKind('JOBS_RETAINED', 'i.fte', 'jobs_retained')},
  ${perKind('CAPITAL_RAISED', 'i.amount_ore', 'capital_ore').replace('capital_ore_clients', 'capital_clients')},
  ${perKind('REVENUE', 'i.amount_ore', 'revenue_ore').replace('revenue_ore_clients', 'revenue_clients')},
  ${capitalSources
    .map(
      (
        source,
      ) => `count(distinct i.client_id) filter (where i.capital_source = '${source}')::int as "${source}_clients",
  coalesce(sum(i.amount_ore) filter (where i.capital_source = '${source}'), 0)::text as "${source}_ore"`,
    )
    .join(',\n  ')}
from impact_record i
where i.region_id in (:regionIds) and i.confirmed_at is not null
  and i.recorded_for >= :starts and i.recorded_for < :ends
${grouped ? 'group by i.region_id' : ''}`;

/** The impact rows of the regions for the year, by region; or (`grouped` false) of them all together under `all`. */
async function impactRowsOf(
  em: EntityManager,
  year: number,
  regionIds: string[],
  grouped = true,
): Promise<Map<string, ImpactRow>> {
  const rows = await em.execute<Record<string, number | string>[]>(
    em.getKnex().raw(impactSql(grouped), { starts: `${year}-01-01`, ends: `${year + 1}-01-01`, regionIds }),
  );
  return new Map(
    rows.map((row) => [
      String(row.region_id),
      {
        ...(row as unknown as ImpactRow),
        sources: Object.fromEntries(
          capitalSources.map((source) => [
            source,
            { clients: Number(row[`${source}_clients`]), ore: String(row[`${source}_ore`]) },
          ]),
        ) as ImpactRow['sources'],
      },
    ]),
  );
}

const sourceCell = (source: CapitalSource) => `capitalRaisedBySource.${source}`;

/**
 * The impact figures with their suppression: none while 1–4 clients have confirmed impact
 * (clientsWithImpact is a count of persons); each sum
 * hidden when it sums over fewer than 5 clients; and, as the sources add up to capitalRaised,
 * one more hidden where a hidden source could be worked out from the total and the others.
 */
export function impactFigures(row: ImpactRow): ImpactStatistics & { suppressed: string[] } {
  // No client with confirmed impact names no one (unlike a subgroup of the new clients, it is no trait of theirs):
  // 0 is shown, and a region without impact records keeps the key figures' suppression as it was.
  const withImpact = cellsToHide({ clientsWithImpact: { value: row.clients_with_impact } }, [], { hideZero: false });
  const sums: Record<string, Cell> = {
    jobsCreated: { value: row.jobs_created_clients },
    jobsRetained: { value: row.jobs_retained_clients },
    capitalRaised: { value: row.capital_clients },
    revenueReported: { value: row.revenue_clients },
    ...Object.fromEntries(capitalSources.map((source) => [sourceCell(source), { value: row.sources[source].clients }])),
  };
  // A sum of no one's figures (0 clients) names no one; a small one does.
  const hidden = withImpact.has('clientsWithImpact')
    ? new Set(Object.keys(sums))
    : cellsToHide(sums, [{ total: 'capitalRaised', parts: capitalSources.map(sourceCell) }], { hideZero: false });
  const shown = <T>(name: string, value: T) => (hidden.has(name) ? null : value);
  const suppressed = [
    ...(withImpact.has('clientsWithImpact') ? ['clientsWithImpact'] : []),
    ...['jobsCreated', 'jobsRetained', 'capitalRaised', 'revenueReported'].filter((name) => hidden.has(name)),
    ...capitalSources.filter((source) => hidden.has(sourceCell(source))).map(sourceCell),
  ];
  return {
    clientsWithImpact: withImpact.has('clientsWithImpact') ? null : row.clients_with_impact,
    jobsCreated: shown('jobsCreated', Number(row.jobs_created)),
    jobsRetained: shown('jobsRetained', Number(row.jobs_retained)),
    capitalRaised: shown('capitalRaised', Number(row.capital_ore)),
    capitalRaisedBySource: capitalSources.map((source) => ({
      source,
      amount: shown(sourceCell(source), Number(row.sources[source].ore)),
    })),
    revenueReported: shown('revenueReported', Number(row.revenue_ore)),
    suppressed,
  };
}

export interface ImpactStatistics {
  clientsWithImpact: number | null;
  jobsCreated: number | null;
  jobsRetained: number | null;
  /** Øre. */
  capitalRaised: number | null;
  capitalRaisedBySource: { source: CapitalSource; amount: number | null }[];
  /** Øre. */
  revenueReported: number | null;
}

/** What RegionStatistics answers: the key figures and the impact figures. */
export type KeyFigures = RegionStatistics & ImpactStatistics;

/** The key figures with the impact figures added, their suppressions listed with the others'. */
function withImpact(statistics: RegionStatistics, row: ImpactRow): KeyFigures {
  const { suppressed, ...impact } = impactFigures(row);
  const all = [...statistics.suppressed, ...suppressed];
  return { ...statistics, ...impact, suppressed: all, suppressionReason: all.length ? suppressionReason : null };
}

/**
 * The key figures of several regions together (a county): every count summed over the regions'
 * unsuppressed rows of the same statement, then suppressed as one region's are (so a figure hidden
 * in a region is not hidden in the total just for that, nor can the total give it away beside
 * the shown regions: the regions' figures are never added up after suppression). The impact
 * figures are summed in SQL over all the regions at once.
 */
export async function combinedStatistics(
  em: EntityManager,
  keyFigureRows: DataLoader<{ regionId: string; year: number }, KeyFigureRows, string>,
  year: number,
  regionIds: string[],
): Promise<KeyFigures> {
  const regionRows = (await keyFigureRows.loadMany(regionIds.map((regionId) => ({ regionId, year })))).map((rows) => {
    if (rows instanceof Error) throw rows;
    return rows;
  });
  const rows = regionRows.map((region) => region.statistics);
  const courses = regionRows.map(heldCoursesOf);
  const total = { region_id: 'all' } as Record<string, unknown>;
  for (const row of rows)
    for (const [name, value] of Object.entries(row))
      if (typeof value === 'number' && name !== 'average_survey_score')
        total[name] = ((total[name] as number | undefined) ?? 0) + value;
  // The average over every answer: each region's average weighted by its answers.
  const answers = rows.reduce((sum, row) => sum + row.survey_responses, 0);
  total.average_survey_score = answers
    ? Math.round(
        (rows.reduce((sum, row) => sum + (row.average_survey_score ?? 0) * row.survey_responses, 0) / answers) * 100,
      ) / 100
    : null;
  let participants = 0;
  for (const held of courses) participants += held.participants;
  const combinedCourses: HeldCourses = {
    participants,
    participantsHidden: participants < smallestShownCount,
    hiddenOfCourse: new Map(),
  };
  const impact = await impactRowsOf(em, year, regionIds, false);
  return withImpact(suppress(total as unknown as Row, year, combinedCourses), impact.get('all') ?? noImpact);
}

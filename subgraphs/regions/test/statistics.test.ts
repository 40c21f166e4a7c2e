// Region.statistics against a small hand-built region whose key figures are counted by hand.
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph, { seed: false });
  const sql = (text: string, params: unknown[] = []) => subgraph.orm.em.fork().execute(text, params);
  await sql(
    `insert into region (id, name, contract_municipality_number, free_counselling_minutes_per_client_year) values ('test', 'Testregionen', '9001', 300)`,
  );
  await sql(`insert into municipality (number, name, region_id) values ('9001', 'Testby', 'test')`);
  await sql(
    `insert into operator (id, region_id, name, run_by_contract_municipality) values ('op', 'test', 'Testoperatør', false)`,
  );
  await sql(
    `insert into adviser (id, operator_id, region_id, name, email, active) values ('${id(900)}', 'op', 'test', 'Veileder', 'v@example.org', true)`,
  );
  // Six clients in 2024 (five with an immigrant background), one in 2023, one 2024 duplicate merged away.
  const clients: [number, string, string, string | null][] = [
    [1, '2024-01-10', 'YES', null],
    [2, '2024-02-10', 'YES', null],
    [3, '2024-03-10', 'YES', null],
    [4, '2024-04-10', 'YES', null],
    [5, '2024-05-10', 'YES', null],
    [6, '2024-12-31', 'UNKNOWN', null],
    [7, '2023-12-31', 'YES', null],
    [8, '2024-06-10', 'YES', id(1)],
  ];
  for (const [n, registeredOn, background, mergedInto] of clients) {
    await sql(
      `insert into client (id, region_id, municipality_number, name, immigrant_background, registered_on, merged_into_id) values (?, 'test', '9001', ?, ?, ?, ?)`,
      [id(n), `Klient ${n}`, background, registeredOn, mergedInto],
    );
  }
  // Client 1: 240 + 120 minutes in 2024, one hour over the 300-minute free limit; clients 2–6 one hour each.
  const sessions: [number, number, string, number][] = [
    [101, 1, '2024-01-11', 240],
    [102, 1, '2024-02-11', 120],
    [103, 2, '2024-02-12', 60],
    [104, 3, '2024-03-12', 60],
    [105, 4, '2024-04-12', 60],
    [106, 5, '2024-05-12', 60],
    [107, 6, '2024-12-31', 60],
    [108, 7, '2023-12-31', 600],
  ];
  for (const [n, client, date, minutes] of sessions) {
    await sql(
      `insert into counselling_session (id, client_id, adviser_id, region_id, date, duration_minutes, form, topic) values (?, ?, '${id(900)}', 'test', ?, ?, 'MEETING', 'Plan')`,
      [id(n), id(client), date, minutes],
    );
  }
  await sql(
    `insert into course (id, region_id, kind, title, starts_on, ends_on, capacity, status) values
       ('${id(201)}', 'test', 'BASIC', 'Kurs', '2024-03-01', '2024-03-21', 20, 'HELD'),
       ('${id(202)}', 'test', 'THEME', 'Avlyst', '2024-05-01', '2024-05-01', 10, 'CANCELLED')`,
  );
  for (const n of [1, 2, 3, 4, 5, 6]) {
    await sql(
      `insert into enrolment (id, course_id, client_id, status, enrolled_at, attended) values (?, '${id(201)}', ?, 'ENROLLED', now(), ?)`,
      [id(300 + n), id(n), n !== 6],
    );
  }
  for (const n of [1, 2]) {
    await sql(
      `insert into business (id, client_id, name, organisation_number, registered_on, legal_form) values (?, ?, 'Firma', ?, '2024-08-01', 'ENK')`,
      [id(400 + n), id(n), `98639944${n}`],
    );
  }
});
afterAll(() => subgraph?.close());

const statisticsQuery = `query Statistics($id: ID!, $year: Int!) {
  region(id: $id) { statistics(year: $year) {
    year newClients clientsWithImmigrantBackground immigrantBackgroundShare clientsCounselled counsellingHours
    hoursBeyondFreeLimit coursesHeld courseParticipants businessesStarted surveyResponses averageSurveyScore
    suppressed suppressionReason
  } }
}`;

describe('Region.statistics', () => {
  // 6 new clients, 5 with an immigrant background: shown together they would give away the one without.
  it('counts the year by hand: merged duplicates out, hours beyond the free limit flagged, small counts suppressed', async () => {
    const { data, errors } = await subgraph.execute(
      statisticsQuery,
      { id: 'test', year: 2024 },
      { as: 'coordination.member' },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      region: {
        statistics: {
          year: 2024,
          newClients: 6,
          clientsWithImmigrantBackground: null,
          immigrantBackgroundShare: null,
          clientsCounselled: 6,
          counsellingHours: 11,
          hoursBeyondFreeLimit: 1,
          coursesHeld: 1,
          // The one course's 6 enrolled are shown, and 5 participants beside them would give away the one absent.
          courseParticipants: null,
          businessesStarted: null,
          surveyResponses: null,
          averageSurveyScore: null,
          suppressed: [
            'clientsWithImmigrantBackground',
            'immigrantBackgroundShare',
            'courseParticipants',
            'businessesStarted',
            'surveyResponses',
            'averageSurveyScore',
            'clientsWithGrowthPotential',
            'businessesWithFirstEmployee',
            'businessesStartedYearBefore',
            'stillActiveAfterOneYear',
            'businessesStartedTwoYearsBefore',
            'stillActiveAfterTwoYears',
            'businessesStartedThreeYearsBefore',
            'stillActiveAfterThreeYears',
          ],
          suppressionReason:
            'Fewer than 5 persons, or a figure from which such a count could be worked out: not shown, so no one can be singled out.',
        },
      },
    });
  });

  it('suppresses the counselling hours with the count of clients when fewer than 5 were counselled', async () => {
    const { data } = await subgraph.execute<{
      region: {
        statistics: { clientsCounselled: number | null; counsellingHours: number | null; suppressed: string[] };
      };
    }>(statisticsQuery, { id: 'test', year: 2023 }, { as: 'coordination.member' });
    expect(data?.region.statistics).toMatchObject({ clientsCounselled: null, counsellingHours: null, coursesHeld: 0 });
    expect(data?.region.statistics.suppressed).toEqual(
      expect.arrayContaining(['newClients', 'clientsCounselled', 'counsellingHours', 'hoursBeyondFreeLimit']),
    );
  });

  it('gives survival against the businesses started the year before, over the demo data', async () => {
    const demo = await createTestSubgraph(regionsSubgraph);
    try {
      const { data } = await demo.execute<{
        region: { statistics: Record<string, number> };
      }>(
        `query S { region(id: "nedre-romerike") { statistics(year: 2025) {
          businessesStartedYearBefore stillActiveAfterOneYear businessesStartedTwoYearsBefore stillActiveAfterTwoYears
          businessesStartedThreeYearsBefore stillActiveAfterThreeYears } } }`,
        {},
        { as: 'coordination.member' },
      );
      const figures = data?.region.statistics ?? {};
      // The demo's register facts thin survival out year by year (2025: the businesses of 2024, 2023 and 2022).
      for (const [started, active] of [
        ['businessesStartedYearBefore', 'stillActiveAfterOneYear'],
        ['businessesStartedTwoYearsBefore', 'stillActiveAfterTwoYears'],
        ['businessesStartedThreeYearsBefore', 'stillActiveAfterThreeYears'],
      ] as const) {
        expect(figures[started]).toBeGreaterThan(20);
        expect(figures[active]).toBeLessThan(figures[started] ?? 0);
        expect(figures[active]).toBeGreaterThan((figures[started] ?? 0) / 2);
      }
    } finally {
      await demo.close();
    }
  });

  it('is shown to an API client with the aggregates scope', async () => {
    const { data, errors } = await subgraph.execute<{ region: { statistics: { newClients: number } } }>(
      statisticsQuery,
      { id: 'test', year: 2024 },
      { as: 'partner.api' },
    );
    expect(errors).toBeUndefined();
    expect(data?.region.statistics.newClients).toBe(6);
  });
});

// The red team's differences (issue 16): each pair of figures below, shown together, gave away a count of
// 1–4 persons. A region of its own, built so that every one of them would.
describe('complementary suppression of the key figures', () => {
  beforeAll(async () => {
    const sql = (text: string, params: unknown[] = []) => subgraph.orm.em.fork().execute(text, params);
    await sql(
      `insert into region (id, name, contract_municipality_number, free_counselling_minutes_per_client_year) values ('small', 'Småregionen', '9002', 300)`,
    );
    await sql(`insert into municipality (number, name, region_id) values ('9002', 'Småby', 'small')`);
    // 2023: nine clients who each registered a business; the register deleted three within the year, so six
    // were still active a year later.
    // 2024: seven new clients and a duplicate of one merged away; 8 survey answers after counselling, 3 after a course.
    for (let n = 0; n < 17; n++) {
      const registeredOn = n < 9 ? '2023-03-01' : '2024-03-01';
      const mergedInto = n === 16 ? id(1000 + 9) : null;
      await sql(
        `insert into client (id, region_id, municipality_number, name, immigrant_background, registered_on, merged_into_id, survey_consent) values (?, 'small', '9002', ?, 'NO', ?, ?, true)`,
        [id(1000 + n), `Klient S${n}`, registeredOn, mergedInto],
      );
      if (n < 9) {
        await sql(
          `insert into business (id, client_id, name, registered_on, legal_form, deleted_on) values (?, ?, 'Firma', '2023-04-01', 'ENK', ?)`,
          [id(1100 + n), id(1000 + n), n < 6 ? null : '2023-10-01'],
        );
      }
      if (n < 11)
        await sql(
          `insert into survey_response (id, client_id, region_id, occasion, score, answered_on) values (?, ?, 'small', ?, ?, '2024-06-01')`,
          [id(1300 + n), id(1000 + n), n < 8 ? 'AFTER_COUNSELLING' : 'AFTER_COURSE', n < 8 ? 5 : 2],
        );
    }
  });

  /** Every difference of two figures a reader is shown, named as the reader would compute it. */
  const differences = (figures: Record<string, number | null>, pairs: [string, string][]) =>
    pairs.flatMap(([whole, part]) => {
      const a = figures[whole];
      const b = figures[part];
      return a == null || b == null ? [] : [{ difference: `${whole} − ${part}`, value: a - b }];
    });
  const small = (value: number) => value > 0 && value < 5;

  it('gives no count of 1–4 persons away by a difference of the figures it shows', async () => {
    const { data, errors } = await subgraph.execute<{
      region: {
        clientCount: { value: number | null };
        y2023: { businessesStarted: number | null };
        y2024: Record<string, number | null>;
        surveyResults: {
          responses: number | null;
          averageScore: number | null;
          byOccasion: { occasion: string; responses: number | null; averageScore: number | null }[];
        };
      };
    }>(
      `query Figures($id: ID!) { region(id: $id) {
        clientCount(year: 2024) { value }
        y2023: statistics(year: 2023) { businessesStarted }
        y2024: statistics(year: 2024) { newClients surveyResponses averageSurveyScore businessesStartedYearBefore stillActiveAfterOneYear }
        surveyResults(year: 2024) { responses averageScore byOccasion { occasion responses averageScore } }
      } }`,
      { id: 'small' },
      { as: 'coordination.member' },
    );
    expect(errors).toBeUndefined();
    const region = data?.region;
    const occasion = (name: string) => region?.surveyResults.byOccasion.find((o) => o.occasion === name);
    const counts = {
      clientCount: region?.clientCount.value ?? null,
      newClients: region?.y2024.newClients ?? null,
      businessesStartedYearBefore: region?.y2024.businessesStartedYearBefore ?? null,
      stillActiveAfterOneYear: region?.y2024.stillActiveAfterOneYear ?? null,
      surveyResponses: region?.surveyResults.responses ?? null,
      afterCounselling: occasion('AFTER_COUNSELLING')?.responses ?? null,
      afterCourse: occasion('AFTER_COURSE')?.responses ?? null,
    };
    const sumOf = (responses?: number | null, average?: number | null) =>
      responses == null || average == null ? null : responses * average;
    const scoreSums = {
      year: sumOf(region?.surveyResults.responses, region?.surveyResults.averageScore),
      afterCounselling: sumOf(occasion('AFTER_COUNSELLING')?.responses, occasion('AFTER_COUNSELLING')?.averageScore),
      afterCourse: sumOf(occasion('AFTER_COURSE')?.responses, occasion('AFTER_COURSE')?.averageScore),
    };
    const revealed = differences(counts, [
      ['clientCount', 'newClients'],
      ['businessesStartedYearBefore', 'stillActiveAfterOneYear'],
      ['surveyResponses', 'afterCounselling'],
      ['surveyResponses', 'afterCourse'],
    ]).filter(({ value }) => small(value));
    expect(revealed).toEqual([]);
    // The score sum of the 3 answers after a course (6) is not to be had either.
    expect(
      differences(scoreSums, [
        ['year', 'afterCounselling'],
        ['year', 'afterCourse'],
      ]),
    ).toEqual([]);
    // What is shown stays shown: the totals, and the same figure alike wherever it is published.
    expect(counts).toMatchObject({
      clientCount: 7,
      newClients: 7,
      businessesStartedYearBefore: 9,
      surveyResponses: 11,
    });
    expect(region?.y2023.businessesStarted).toBe(9);
    expect(region?.y2024.surveyResponses).toBe(11);
    expect(region?.y2024.averageSurveyScore).toBe(region?.surveyResults.averageScore);
  });
});

// The difference across types the key figures alone did not close: a held course's enrolledCount against the
// region's courseParticipants, the sum of its courses' attendance. An aggregate reader reads both.
describe("complementary suppression of the courses and the region's course participants", () => {
  type Figure = number | null;
  interface Read {
    region: {
      statistics: { courseParticipants: Figure };
      courses: { status: string; capacity: Figure; enrolledCount: Figure; seatsLeft: Figure }[];
    };
  }
  const statisticsFirst = `query R($id: ID!) { region(id: $id) {
    statistics(year: 2024) { courseParticipants }
    courses(year: 2024) { status capacity enrolledCount seatsLeft } } }`;
  const coursesFirst = `query R($id: ID!) { region(id: $id) {
    courses(year: 2024) { status capacity enrolledCount seatsLeft }
    statistics(year: 2024) { courseParticipants } } }`;

  /** A region of its own whose 2024 courses were held with these enrolled and attending. */
  async function regionWithCourses(regionId: string, number: number, courses: [enrolled: number, attended: number][]) {
    const sql = (text: string, params: unknown[] = []) => subgraph.orm.em.fork().execute(text, params);
    const municipality = String(9100 + number);
    await sql(
      `insert into region (id, name, contract_municipality_number, free_counselling_minutes_per_client_year) values (?, ?, ?, 300)`,
      [regionId, `Region ${regionId}`, municipality],
    );
    await sql(`insert into municipality (number, name, region_id) values (?, ?, ?)`, [
      municipality,
      regionId,
      regionId,
    ]);
    let client = number * 100_000;
    for (const [k, [enrolled, attended]] of courses.entries()) {
      const course = id(number * 100_000 + 90_000 + k);
      await sql(
        `insert into course (id, region_id, kind, title, starts_on, ends_on, capacity, status) values (?, ?, 'BASIC', 'Kurs', '2024-04-0${k + 1}', '2024-04-2${k + 1}', 12, 'HELD')`,
        [course, regionId],
      );
      for (let i = 0; i < enrolled; i++) {
        client++;
        await sql(
          `insert into client (id, region_id, municipality_number, name, immigrant_background, registered_on) values (?, ?, ?, 'Deltaker', 'NO', '2024-01-15')`,
          [id(client), regionId, municipality],
        );
        await sql(
          `insert into enrolment (id, course_id, client_id, status, enrolled_at, attended) values (?, ?, ?, 'ENROLLED', now(), ?)`,
          [id(client + 50_000), course, id(client), i < attended],
        );
      }
    }
  }

  /**
   * What a reader works out of what is shown: a course's enrolled (shown, or capacity − places left), and then
   * the region's participants against them — with one course, its participants; its non-attendees, and with
   * several, those who missed a course in all.
   */
  function worksOut({ region }: Read) {
    const enrolled = region.courses.map(
      ({ capacity, enrolledCount, seatsLeft }) =>
        enrolledCount ?? (capacity !== null && seatsLeft !== null ? capacity - seatsLeft : null),
    );
    const participants = region.statistics.courseParticipants;
    const known = enrolled.every((value) => value !== null);
    const sumEnrolled = enrolled.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    return {
      participantsOfTheOnlyCourse: region.courses.length === 1 ? participants : null,
      missedTheirCourse: known && participants !== null ? sumEnrolled - participants : null,
    };
  }
  const small = (value: number | null) => value !== null && value >= 1 && value <= 4;

  it('keeps the one who missed the region’s only course from being worked out, whichever is read first', async () => {
    // 6 enrolled, 5 attended: 6 − 5 = 1 did not.
    await regionWithCourses('one-course', 1, [[6, 5]]);
    const reads: Read[] = [];
    for (const query of [statisticsFirst, coursesFirst]) {
      const { data, errors } = await subgraph.execute<Read>(query, { id: 'one-course' }, { as: 'coordination.member' });
      expect(errors).toBeUndefined();
      if (data) reads.push(data);
    }
    for (const read of reads) {
      const { participantsOfTheOnlyCourse, missedTheirCourse } = worksOut(read);
      expect(small(participantsOfTheOnlyCourse)).toBe(false);
      expect(missedTheirCourse === null || !small(missedTheirCourse)).toBe(true);
    }
    // The same answer both ways, and something is left to read.
    expect(reads[0]?.region.statistics).toEqual(reads[1]?.region.statistics);
    expect(reads[0]?.region.courses).toEqual(reads[1]?.region.courses);
    const [course] = reads[0]?.region.courses ?? [];
    expect(reads[0]?.region.statistics.courseParticipants !== null || course?.enrolledCount !== null).toBe(true);
  });

  it('keeps those who missed one of two courses from being worked out from the courses and the total', async () => {
    // 6 + 7 enrolled, 5 + 6 attended: 13 − 11 = 2 missed theirs, and no course has fewer than 5 of either.
    await regionWithCourses('two-courses', 2, [
      [6, 5],
      [7, 6],
    ]);
    for (const query of [statisticsFirst, coursesFirst]) {
      const { data, errors } = await subgraph.execute<Read>(
        query,
        { id: 'two-courses' },
        { as: 'coordination.member' },
      );
      expect(errors).toBeUndefined();
      if (!data) throw new Error('no data');
      expect(data.region.courses).toHaveLength(2);
      const { missedTheirCourse } = worksOut(data);
      expect(missedTheirCourse === null || !small(missedTheirCourse)).toBe(true);
    }
  });
});

// The key figures' rows are kept between requests while the region's data is unchanged (key-figures-cache.ts).
describe('the key figures after a change', () => {
  const sql = <Row>(text: string, params: unknown[] = []) => subgraph.orm.em.fork().execute<Row[]>(text, params);
  const figures = async () => {
    const { data, errors } = await subgraph.execute<{
      region: { statistics: { counsellingHours: number | null; coursesHeld: number } };
    }>(statisticsQuery, { id: 'test', year: 2024 }, { as: 'coordination.member' });
    expect(errors).toBeUndefined();
    return data?.region.statistics;
  };

  it('counts a session logged, a course held and a change undone in the very next request', async () => {
    expect(await figures()).toMatchObject({ counsellingHours: 11, coursesHeld: 1 });
    await sql(
      `insert into counselling_session (id, client_id, adviser_id, region_id, date, duration_minutes, form, topic) values (?, ?, ?, 'test', '2024-09-01', 60, 'MEETING', 'Plan')`,
      [id(109), id(2), id(900)],
    );
    expect(await figures()).toMatchObject({ counsellingHours: 12, coursesHeld: 1 });
    await sql(`update course set status = 'HELD' where id = ?`, [id(202)]);
    expect(await figures()).toMatchObject({ counsellingHours: 12, coursesHeld: 2 });
    await sql(`update course set status = 'CANCELLED' where id = ?`, [id(202)]);
    await sql(`delete from counselling_session where id = ?`, [id(109)]);
    expect(await figures()).toMatchObject({ counsellingHours: 11, coursesHeld: 1 });
  });

  it('renews the region’s generation with a change to any table the figures count, in the same transaction', async () => {
    const generation = async () =>
      (
        await sql<{ generation: string }>(`select generation::text from key_figure_generation where region_id = 'test'`)
      )[0]?.generation;
    // A row of region `test` in each table the figures count, however the table finds its region.
    const changes = [
      `update region set name = name where id = 'test'`,
      `update client set name = name where region_id = 'test'`,
      `update counselling_session set topic = topic where region_id = 'test'`,
      `update course set title = title where region_id = 'test'`,
      `update enrolment set attended = attended where course_id = '${id(201)}'`,
      `update business set name = name where client_id = '${id(1)}'`,
    ];
    for (const change of changes) {
      const before = await generation();
      await subgraph.orm.em.fork().transactional(async (em) => {
        await em.execute(change);
        expect(
          await em.execute(`select generation::text from key_figure_generation where region_id = 'test'`),
        ).not.toEqual([{ generation: before }]);
      });
      expect(await generation(), change).not.toBe(before);
    }
  });
});

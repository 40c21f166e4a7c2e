// Courses: the basic course is free, places and the waiting list hold under concurrency,
// attendance is recorded, and who is enrolled is personal data.
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
let clientIds: string[];
beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
  const { data } = await subgraph.execute<{ clients: { items: { id: string }[] } }>(
    'query C { clients(regionId: "follo", first: 6, offset: 0) { items { id } } }',
    {},
    { as: 'follo.adviser' },
  );
  clientIds = data?.clients.items.map((c) => c.id) ?? [];
});
afterAll(() => subgraph?.close());

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const create = `mutation Create($input: CreateCourseInput!) {
  createCourse(input: $input) { id kind participantFee capacity seatsLeft status version }
}`;
const enrol = `mutation Enrol($course: ID!, $client: ID!) { enrolClient(courseId: $course, clientId: $client) { id status waitlistPosition } }`;
const course = (overrides: Record<string, unknown> = {}) => ({
  regionId: 'follo',
  kind: 'THEME',
  title: 'Prising og lønnsomhet',
  startsOn: '2030-03-01',
  endsOn: '2030-03-01',
  location: 'Ski',
  capacity: 2,
  ...overrides,
});
async function newCourse(overrides: Record<string, unknown> = {}) {
  const { data, errors } = await subgraph.execute<{ createCourse: { id: string; version: number } }>(
    create,
    { input: course(overrides) },
    { as: 'follo.adviser' },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data?.createCourse as { id: string; version: number };
}

describe('creating a course', () => {
  it('refuses a fee on a basic course, naming the field', async () => {
    const result = await subgraph.execute(
      create,
      { input: course({ kind: 'BASIC', participantFee: '250.00' }) },
      { as: 'follo.adviser' },
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('input.participantFee');
  });

  it('takes a theme course with an exact fee, and a basic course as free', async () => {
    const theme = await subgraph.execute(
      create,
      { input: course({ participantFee: '450.5' }) },
      { as: 'follo.adviser' },
    );
    expect(theme.data).toMatchObject({
      createCourse: { kind: 'THEME', participantFee: '450.50', seatsLeft: 2, status: 'PLANNED' },
    });
    const basic = await subgraph.execute(create, { input: course({ kind: 'BASIC' }) }, { as: 'follo.adviser' });
    expect(basic.data).toMatchObject({ createCourse: { kind: 'BASIC', participantFee: '0.00' } });
  });

  it('refuses a fee that is not an exact amount', async () => {
    const result = await subgraph.execute(
      create,
      { input: course({ participantFee: '12.345' }) },
      { as: 'follo.adviser' },
    );
    expect(result.errors?.[0]?.message).toMatch(/Not an amount in NOK/);
  });

  it("is FORBIDDEN to another region's adviser and to a county officer", async () => {
    for (const username of ['drammen.adviser', 'county.officer']) {
      expect(code(await subgraph.execute(create, { input: course() }, { as: username }))).toBe('FORBIDDEN');
    }
  });
});

describe('places and the waiting list', () => {
  it('waitlists when full, moves the longest-waiting up when a place is cancelled, refuses a second place', async () => {
    const { id } = await newCourse();
    const [a, b, c] = clientIds;
    const first = await subgraph.execute(enrol, { course: id, client: a }, { as: 'follo.adviser' });
    await subgraph.execute(enrol, { course: id, client: b }, { as: 'follo.adviser' });
    const third = await subgraph.execute<{ enrolClient: { id: string } }>(
      enrol,
      { course: id, client: c },
      { as: 'follo.adviser' },
    );
    expect(third.data).toMatchObject({ enrolClient: { status: 'WAITLISTED', waitlistPosition: 1 } });
    expect(code(await subgraph.execute(enrol, { course: id, client: a }, { as: 'follo.adviser' }))).toBe('CONFLICT');

    const firstId = (first.data as { enrolClient: { id: string } }).enrolClient.id;
    await subgraph.execute(
      'mutation X($id: ID!) { cancelEnrolment(enrolmentId: $id) { status } }',
      { id: firstId },
      { as: 'follo.adviser' },
    );
    const { data } = await subgraph.execute(
      'query Q($id: ID!) { course(id: $id) { enrolledCount waitlistCount seatsLeft } }',
      { id },
    );
    expect(data).toEqual({ course: { enrolledCount: 2, waitlistCount: 0, seatsLeft: 0 } });
  });

  it('never gives more places than the capacity when advisers enrol at the same moment', async () => {
    const { id } = await newCourse();
    const results = await Promise.all(
      clientIds.slice(0, 5).map((client) => subgraph.execute(enrol, { course: id, client }, { as: 'follo.adviser' })),
    );
    const statuses = results.map((r) => (r.data as { enrolClient: { status: string } }).enrolClient.status).sort();
    expect(statuses).toEqual(['ENROLLED', 'ENROLLED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
  });

  it("shows who is enrolled to the region's advisers, and to no one outside the client list's owners", async () => {
    const { id } = await newCourse();
    await subgraph.execute(enrol, { course: id, client: clientIds[0] }, { as: 'follo.adviser' });
    const query = 'query Q($id: ID!) { course(id: $id) { enrolledCount enrolments { client { id } } } }';
    expect((await subgraph.execute(query, { id }, { as: 'nordrefollo.officer' })).data).toEqual({
      course: { enrolledCount: 1, enrolments: [{ client: { id: clientIds[0] } }] },
    });
    // 1 enrolled is fewer than 5 persons: suppressed for those who may not see who (docs/suppression.md).
    expect((await subgraph.execute(query, { id }, { as: 'innovasjonnorge.officer' })).data).toEqual({
      course: { enrolledCount: null, enrolments: [] },
    });
  });
});

// The red team (issue 16) read 1–4 enrolled as an aggregate reader, straight or as capacity − places left.
describe('the counts of a course for those who may not see who is enrolled', () => {
  const query = 'query Q($id: ID!) { course(id: $id) { capacity enrolledCount seatsLeft waitlistCount } }';
  const publicQuery = 'query P($id: ID!) { publicCourse(id: $id) { seatsLeft } }';
  async function courseWith(enrolled: number) {
    const { id } = await newCourse({ capacity: 12 });
    for (const client of clientIds.slice(0, enrolled))
      await subgraph.execute(enrol, { course: id, client }, { as: 'follo.adviser' });
    return id;
  }

  it('suppresses 1–4 enrolled, and the capacity beside the public places left, for every aggregate reader', async () => {
    const id = await courseWith(3);
    const publicSeats = (await subgraph.execute(publicQuery, { id }, { as: null })).data;
    expect(publicSeats).toEqual({ publicCourse: { seatsLeft: 9 } });
    for (const reader of [
      'innovasjonnorge.officer',
      'nav.officer',
      'coordination.member',
      'drammen.adviser',
      'partner.api',
    ]) {
      const { data, errors } = await subgraph.execute(query, { id }, { as: reader });
      expect(errors).toBeUndefined();
      expect({ reader, ...data }).toEqual({
        reader,
        course: { capacity: null, enrolledCount: null, seatsLeft: 9, waitlistCount: 0 },
      });
    }
    expect((await subgraph.execute(query, { id }, { as: 'follo.adviser' })).data).toEqual({
      course: { capacity: 12, enrolledCount: 3, seatsLeft: 9, waitlistCount: 0 },
    });
  });

  it('suppresses the places left instead once the course is off the public calendar, and shows 5 and more', async () => {
    const held = await courseWith(3);
    await subgraph.orm.em
      .fork()
      .execute(`update course set starts_on = '2024-03-01', ends_on = '2024-03-01', status = 'HELD' where id = ?`, [
        held,
      ]);
    expect((await subgraph.execute(query, { id: held }, { as: 'coordination.member' })).data).toEqual({
      course: { capacity: 12, enrolledCount: null, seatsLeft: null, waitlistCount: 0 },
    });
    const full = await courseWith(6);
    expect((await subgraph.execute(query, { id: full }, { as: 'coordination.member' })).data).toEqual({
      course: { capacity: 12, enrolledCount: 6, seatsLeft: 6, waitlistCount: 0 },
    });
  });
});

describe('attendance and cancellation', () => {
  it('refuses attendance before the course starts, and records it after', async () => {
    const future = await newCourse();
    const early = await subgraph.execute(
      'mutation A($id: ID!, $ids: [ID!]!) { recordAttendance(courseId: $id, attendedClientIds: $ids) { status } }',
      { id: future.id, ids: [] },
      { as: 'follo.adviser' },
    );
    expect(code(early)).toBe('BAD_USER_INPUT');

    const past = await newCourse({ startsOn: '2024-03-01', endsOn: '2024-03-01' });
    await subgraph.execute(enrol, { course: past.id, client: clientIds[0] }, { as: 'follo.adviser' });
    await subgraph.execute(enrol, { course: past.id, client: clientIds[1] }, { as: 'follo.adviser' });
    const held = await subgraph.execute(
      'mutation A($id: ID!, $ids: [ID!]!) { recordAttendance(courseId: $id, attendedClientIds: $ids) { status enrolments { client { id } } } }',
      { id: past.id, ids: [clientIds[0]] },
      { as: 'follo.adviser' },
    );
    expect(held.errors).toBeUndefined();
    const { data } = await subgraph.execute(
      'query Q($id: ID!) { course(id: $id) { status enrolments { attended } } }',
      { id: past.id },
      { as: 'follo.adviser' },
    );
    expect(data).toEqual({ course: { status: 'HELD', enrolments: [{ attended: true }, { attended: false }] } });
  });

  it('cancels a course with its places, and refuses a cancellation based on a stale version', async () => {
    const planned = await newCourse();
    await subgraph.execute(enrol, { course: planned.id, client: clientIds[0] }, { as: 'follo.adviser' });
    const cancel =
      'mutation C($id: ID!, $v: Int!) { cancelCourse(courseId: $id, version: $v) { status enrolledCount } }';
    expect(
      code(await subgraph.execute(cancel, { id: planned.id, v: planned.version + 1 }, { as: 'follo.adviser' })),
    ).toBe('CONFLICT');
    expect(
      (await subgraph.execute(cancel, { id: planned.id, v: planned.version }, { as: 'follo.adviser' })).data,
    ).toEqual({
      cancelCourse: { status: 'CANCELLED', enrolledCount: 0 },
    });
  });

  it('resolves Course references by id for other subgraphs', async () => {
    const { id } = await newCourse();
    const { data } = await subgraph.execute(
      'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Course { id title region { id } } } }',
      {
        r: [
          { __typename: 'Course', id },
          { __typename: 'Course', id: 'no-such-course' },
        ],
      },
    );
    expect(data).toEqual({ _entities: [{ id, title: 'Prising og lønnsomhet', region: { id: 'follo' } }, null] });
  });
});

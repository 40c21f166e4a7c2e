// The input limits the console shows (maxlength, its own checks) are the subgraph's own: each is taken at exactly
// its length, and one character more is refused with BAD_USER_INPUT at the field, so a limit changed in
// src/input-limits.ts changes what the server takes and what the console offers together.
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { clientLimits, courseLimits, recordLimits, sessionLimits } from '../src/input-limits.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
let clientId: string;
beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
  const { data } = await subgraph.execute<{ clients: { items: { id: string }[] } }>(
    'query C { clients(regionId: "follo", first: 1, offset: 0) { items { id } } }',
    {},
    adviser,
  );
  clientId = data?.clients.items[0]?.id ?? '';
});
afterAll(() => subgraph?.close());

const adviser = { as: 'follo.adviser' };
type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const refusal = (result: Result) => ({
  code: result.errors?.[0]?.extensions?.code,
  field: result.errors?.[0]?.extensions?.field,
});
/** A text of `length` characters that is not blank and has no markup. */
const text = (length: number) => 'a'.repeat(length);

const register = `mutation Register($input: RegisterClientInput!) { registerClient(input: $input) { id } }`;
let serial = 0;
const client = (overrides: Record<string, unknown>) => ({
  regionId: 'follo',
  municipalityNumber: '3020',
  name: `Grenseklient Nummer${++serial}`,
  immigrantBackground: 'NO',
  surveyConsent: false,
  confirmedNotDuplicate: true,
  ...overrides,
});

describe("a client's record", () => {
  it.each([
    ['businessIdea', clientLimits.businessIdea],
    ['name', clientLimits.name],
  ] as const)('takes a %s of %i characters and refuses one more', async (field, limit) => {
    const taken = await subgraph.execute(register, { input: client({ [field]: text(limit) }) }, adviser);
    expect(taken.errors).toBeUndefined();

    const refused = await subgraph.execute(register, { input: client({ [field]: text(limit + 1) }) }, adviser);
    expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', field: `input.${field}` });
  });
});

describe("the client page's records", () => {
  const followUp = `mutation F($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`;
  const session = `mutation S($input: LogCounsellingSessionInput!) { logCounsellingSession(input: $input) { id } }`;

  it('takes a follow-up note at the limit and refuses one character more', async () => {
    const note = (length: number) => ({ input: { clientId, date: '2024-01-02', note: text(length) } });
    expect((await subgraph.execute(followUp, note(recordLimits.followUpNote), adviser)).errors).toBeUndefined();
    const refused = await subgraph.execute(followUp, note(recordLimits.followUpNote + 1), adviser);
    expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.note' });
  });

  it("takes a session's topic at the limit and refuses one character more", async () => {
    const logged = (length: number) => ({
      input: { clientId, date: '2024-01-02', durationMinutes: 60, form: 'MEETING', topic: text(length) },
    });
    expect((await subgraph.execute(session, logged(sessionLimits.topic), adviser)).errors).toBeUndefined();
    const refused = await subgraph.execute(session, logged(sessionLimits.topic + 1), adviser);
    expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.topic' });
  });
});

describe('a course', () => {
  const create = `mutation C($input: CreateCourseInput!) { createCourse(input: $input) { id } }`;
  const course = (overrides: Record<string, unknown>) => ({
    input: {
      regionId: 'follo',
      kind: 'THEME',
      title: 'Grensekurs',
      startsOn: '2030-03-01',
      endsOn: '2030-03-01',
      location: 'Ski',
      capacity: 2,
      ...overrides,
    },
  });

  it.each([
    ['title', courseLimits.title],
    ['location', courseLimits.location],
    ['partnerInstructor', courseLimits.partnerInstructor],
  ] as const)('takes a %s of %i characters and refuses one more', async (field, limit) => {
    expect((await subgraph.execute(create, course({ [field]: text(limit) }), adviser)).errors).toBeUndefined();
    const refused = await subgraph.execute(create, course({ [field]: text(limit + 1) }), adviser);
    expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', field: `input.${field}` });
  });

  it('takes the largest capacity and refuses one place more', async () => {
    expect(
      (await subgraph.execute(create, course({ capacity: courseLimits.capacity }), adviser)).errors,
    ).toBeUndefined();
    const refused = await subgraph.execute(create, course({ capacity: courseLimits.capacity + 1 }), adviser);
    expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.capacity' });
  });
});

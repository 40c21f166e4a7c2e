// The public website's part of the regions subgraph: what anyone may read without a token,
// sign-ups and requests for counselling landing in the right region's CRM, hostile input
// refused with nothing stored, and the advisers picking the requests up.
import { todayInNorway } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';
import { requestsPerAddressPerDay } from '../src/website.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
});
afterAll(() => subgraph?.close());

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const field = (result: Result) => result.errors?.[0]?.extensions?.field;
const anonymous = { as: null };

const calendar = `query Calendar($filter: PublicCourseFilter!, $first: Int!) {
  publicCourses(filter: $filter, first: $first) {
    totalCount hasNextPage
    items { id kind title startsOn online participantFee seatsLeft region { id name } }
  }
}`;
const signUp = `mutation SignUp($input: CourseSignUpInput!) {
  signUpForCourse(input: $input) { reference kind placement region { id name } course { id title } }
}`;
const ask = `mutation Ask($input: CounsellingRequestInput!) {
  requestCounselling(input: $input) { reference kind placement region { id name offices { name } } }
}`;
const requests = `query Requests($regionId: ID, $status: WebsiteRequestStatus) {
  websiteRequests(regionId: $regionId, status: $status, first: 200) {
    totalCount
    items { id reference kind status matchedExistingClient message version client { id name email municipality { number } } course { id } pickedUpBy { name } }
  }
}`;

let emailCounter = 0;
/** A person nobody in the demo data is, with an address of their own (the limit counts per address). */
const person = (overrides: Record<string, unknown> = {}) => ({
  name: 'Sara Nilsen-Øie',
  email: `sara.${++emailCounter}@example.no`,
  municipalityNumber: '3021',
  businessIdea: 'Sykkelverksted med utleie',
  consentToProcessing: true,
  ...overrides,
});

async function newCourse(capacity = 2, regionId = 'follo') {
  const { data, errors } = await subgraph.execute<{ createCourse: { id: string } }>(
    `mutation Create($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
    {
      input: {
        regionId,
        kind: 'BASIC',
        title: 'Grunnkurs for etablerere',
        startsOn: '2031-02-03',
        endsOn: '2031-02-05',
        location: 'Ski',
        capacity,
      },
    },
    { as: regionId === 'follo' ? 'follo.adviser' : 'drammen.adviser' },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data?.createCourse.id as string;
}

/** Who holds a place on the course, and which, in the order they signed up. */
async function placesOn(courseId: string): Promise<{ name: string; status: string }[]> {
  return subgraph.orm.em.fork().execute(
    `select c.name, e.status from enrolment e join client c on c.id = e.client_id
      where e.course_id = ? order by e.enrolled_at, e.id`,
    [courseId],
  );
}

async function counts(): Promise<{ clients: number; enrolments: number; requests: number }> {
  const [row] = await subgraph.orm.em.fork().execute<{ clients: number; enrolments: number; requests: number }[]>(
    `select (select count(*)::int from client) as clients, (select count(*)::int from enrolment) as enrolments,
              (select count(*)::int from website_request) as requests`,
  );
  if (!row) throw new Error('no counts');
  return row;
}

describe('the public part of the graph', () => {
  it('lists upcoming courses of every region without a token, with places left and no one on them', async () => {
    const id = await newCourse(3);
    const { data, errors } = await subgraph.execute<{
      publicCourses: { totalCount: number; items: { id: string; startsOn: string; seatsLeft: number }[] };
    }>(calendar, { filter: { regionId: 'follo', from: '2031-02-01', to: '2031-02-28' }, first: 50 }, anonymous);
    expect(errors).toBeUndefined();
    expect(data?.publicCourses.items.find((course) => course.id === id)?.seatsLeft).toBe(3);
    const one = await subgraph.execute<{ publicCourse: { title: string } | null }>(
      'query One($id: ID!) { publicCourse(id: $id) { title } }',
      { id },
      anonymous,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data?.publicCourse?.title).toBe('Grunnkurs for etablerere');
    const unknown = await subgraph.execute<{ publicCourse: null }>(
      'query One($id: ID!) { publicCourse(id: $id) { title } }',
      { id: 'not-a-uuid' },
      anonymous,
    );
    expect(unknown.data?.publicCourse).toBeNull();
    // Past courses are never listed, whatever `from` asks for.
    const past = await subgraph.execute<{ publicCourses: { items: { startsOn: string }[] } }>(
      calendar,
      { filter: { from: '2020-01-01' }, first: 200 },
      anonymous,
    );
    // A day that is no date is refused by the Date scalar before anything is read.
    const badDay = await subgraph.execute(calendar, { filter: { from: '2031-13-40' }, first: 10 }, anonymous);
    expect(code(badDay)).toBe('BAD_USER_INPUT');
    const today = todayInNorway();
    expect(past.data?.publicCourses.items.length).toBeGreaterThan(0);
    expect(past.data?.publicCourses.items.every((course) => course.startsOn >= today)).toBe(true);
  });

  it('leads every municipality of the county to its region with offices and advisers’ work contact', async () => {
    const { data, errors } = await subgraph.execute<{
      publicMunicipalities: {
        number: string;
        region: { id: string; offices: { name: string }[]; advisers: { name: string; email: string }[] };
      }[];
    }>(
      `query Offices { publicMunicipalities { number name region { id name offices { name streetAddress municipalityName } advisers { name email phone } freeCounsellingHoursPerClientYear contractMunicipality { name } } } }`,
      {},
      anonymous,
    );
    expect(errors).toBeUndefined();
    expect(data?.publicMunicipalities).toHaveLength(51);
    for (const municipality of data?.publicMunicipalities ?? []) {
      expect(municipality.region.offices.length, municipality.number).toBeGreaterThan(0);
      expect(municipality.region.advisers.length, municipality.number).toBeGreaterThan(0);
    }
  });

  it('refuses everything else without a token, also beside a public field or behind a fragment', async () => {
    for (const query of [
      'query Q { regions { id } }',
      'query Q { clients { totalCount } }',
      'query Q { publicRegions { id } clients { totalCount } }',
      'query Q { ...F } fragment F on Query { clients { totalCount } }',
      'query Q { _entities(representations: [{ __typename: "Region", id: "follo" }]) { __typename } }',
      'query Q { __schema { types { name } } }',
      'mutation M { pickUpWebsiteRequest(id: "00000000-0000-0000-0000-000000000000", version: 1) { id } }',
    ]) {
      const result = await subgraph.execute(query, {}, anonymous);
      expect(code(result), query).toBe('UNAUTHENTICATED');
      expect(result.data ?? null, query).toBeNull();
    }
  });
});

describe('signing up for a course on the website', () => {
  it('files a new client in the course’s region with a place, and a waiting-list place when full', async () => {
    const courseId = await newCourse(1);
    const before = await counts();
    const first = await subgraph.execute<{ signUpForCourse: { reference: string; placement: string } }>(
      signUp,
      { input: { courseId, person: person() } },
      anonymous,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data?.signUpForCourse).toMatchObject({
      kind: 'COURSE_SIGN_UP',
      placement: null,
      region: { id: 'follo' },
      course: { id: courseId },
    });
    expect(first.data?.signUpForCourse.reference).toMatch(/^ET-[2-9A-Z]{6}$/);
    const second = await subgraph.execute<{ signUpForCourse: { placement: string } }>(
      signUp,
      { input: { courseId, person: person({ name: 'Ali Rahimi', municipalityNumber: '3020' }) } },
      anonymous,
    );
    expect(second.errors).toBeUndefined();
    expect(await placesOn(courseId)).toEqual([
      { name: 'Sara Nilsen-Øie', status: 'ENROLLED' },
      { name: 'Ali Rahimi', status: 'WAITLISTED' },
    ]);
    expect(await counts()).toEqual({
      clients: before.clients + 2,
      enrolments: before.enrolments + 2,
      requests: before.requests + 2,
    });
    const { data } = await subgraph.execute<{
      websiteRequests: { items: { reference: string; client: { name: string; municipality: { number: string } } }[] };
    }>(requests, { regionId: 'follo', status: 'PENDING' }, { as: 'follo.adviser' });
    const filed = data?.websiteRequests.items.find((r) => r.reference === first.data?.signUpForCourse.reference);
    expect(filed?.client).toMatchObject({ name: 'Sara Nilsen-Øie', municipality: { number: '3021' } });
  });

  it('matches a person registered already by e-mail address, without a second place or a changed record', async () => {
    const courseId = await newCourse(5);
    const email = `kjent.${++emailCounter}@example.no`;
    const input = { courseId, person: person({ email }) };
    await subgraph.execute(signUp, { input }, anonymous);
    const before = await counts();
    const again = await subgraph.execute<{ signUpForCourse: { placement: string } }>(
      signUp,
      { input: { courseId, person: person({ email: email.toUpperCase(), name: 'Someone Else' }) } },
      anonymous,
    );
    expect(again.errors).toBeUndefined();
    expect(await placesOn(courseId)).toEqual([{ name: 'Sara Nilsen-Øie', status: 'ENROLLED' }]);
    expect(await counts()).toEqual({ ...before, requests: before.requests + 1 });
    const { data } = await subgraph.execute<{
      websiteRequests: { items: { matchedExistingClient: boolean; client: { name: string; email: string } }[] };
    }>(requests, { regionId: 'follo' }, { as: 'follo.adviser' });
    const matched = data?.websiteRequests.items.filter((r) => r.client.email === email) ?? [];
    expect(matched.map((r) => r.matchedExistingClient).sort()).toEqual([false, true]);
    expect(matched.every((r) => r.client.name === 'Sara Nilsen-Øie')).toBe(true);
  });

  it('answers a sign-up for an address that holds a place exactly as one for a new address', async () => {
    // One place: the first sign-up takes it, so a new address now lands on the waiting list while
    // the address holding the place keeps it. The sender of either learns only that it was received.
    const courseId = await newCourse(1);
    const holder = `plass.${++emailCounter}@example.no`;
    await subgraph.execute(signUp, { input: { courseId, person: person({ email: holder }) } }, anonymous);
    const receipt = `mutation SignUp($input: CourseSignUpInput!) {
      signUpForCourse(input: $input) { kind placement region { id name } course { id title startsOn } }
    }`;
    const answers = [];
    for (const email of [holder, `ny.${++emailCounter}@example.no`]) {
      answers.push(await subgraph.execute(receipt, { input: { courseId, person: person({ email }) } }, anonymous));
    }
    const [forHolder, forNewcomer] = answers;
    expect(forNewcomer?.errors).toBeUndefined();
    expect(forHolder).toEqual(forNewcomer);
    expect(forHolder?.data).toMatchObject({ signUpForCourse: { placement: null, course: { id: courseId } } });
    // The office still knows who has the place and who waits.
    expect((await placesOn(courseId)).map((place) => place.status)).toEqual(['ENROLLED', 'WAITLISTED']);
  });

  it('refuses a municipality outside the course’s region, naming the person’s own region', async () => {
    const courseId = await newCourse(5);
    const result = await subgraph.execute(
      signUp,
      { input: { courseId, person: person({ municipalityNumber: '3005' }) } },
      anonymous,
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('input.person.municipalityNumber');
    expect(result.errors?.[0]?.message).toContain('Drammen');
  });

  it('refuses hostile and invalid input with a clear error and stores nothing', async () => {
    const courseId = await newCourse(5);
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ courseId, person: person({ consentToProcessing: false }) }, 'input.person.consentToProcessing'],
      [{ courseId, person: person({ name: '<script>alert(1)</script>' }) }, 'input.person.name'],
      [
        { courseId, person: person({ businessIdea: 'Nice <img src=x onerror=alert(1)>' }) },
        'input.person.businessIdea',
      ],
      [{ courseId, person: person({ businessIdea: 'x'.repeat(1001) }) }, 'input.person.businessIdea'],
      [{ courseId, person: person({ name: 'A'.repeat(101) }) }, 'input.person.name'],
      [{ courseId, person: person({ name: "Robert'); DROP TABLE client;--" }) }, 'input.person.name'],
      [{ courseId, person: person({ name: 'Eve\u202Egnp.exe' }) }, 'input.person.name'],
      [{ courseId, person: person({ email: 'not-an-address' }) }, 'input.person.email'],
      [{ courseId, person: person({ municipalityNumber: '9999' }) }, 'input.person.municipalityNumber'],
      [{ courseId, person: person({ municipalityNumber: '../../etc' }) }, 'input.person.municipalityNumber'],
      [{ courseId: 'not-a-course', person: person() }, 'input.courseId'],
      [{ courseId: '00000000-0000-4000-8000-000000000000', person: person() }, 'input.courseId'],
    ];
    for (const [input, expectedField] of cases) {
      const result = await subgraph.execute(signUp, { input }, anonymous);
      expect(code(result), expectedField).toBe('BAD_USER_INPUT');
      expect(field(result), JSON.stringify(input)).toBe(expectedField);
    }
    const ask1 = await subgraph.execute(ask, { input: { person: person(), message: '   ' } }, anonymous);
    expect(field(ask1)).toBe('input.message');
    expect(await counts()).toEqual(before);
  });

  it('limits how often one e-mail address may send', async () => {
    const email = `ivrig.${++emailCounter}@example.no`;
    for (let i = 0; i < requestsPerAddressPerDay; i += 1) {
      const result = await subgraph.execute(
        ask,
        { input: { person: person({ email }), message: `Spørsmål ${i}` } },
        anonymous,
      );
      expect(result.errors).toBeUndefined();
    }
    const before = await counts();
    const refused = await subgraph.execute(ask, { input: { person: person({ email }), message: 'Én til' } }, anonymous);
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(await counts()).toEqual(before);
  });
});

describe('requests for counselling', () => {
  it('land in the region serving the municipality, where one of its advisers picks each up once', async () => {
    const sent = await subgraph.execute<{
      requestCounselling: { reference: string; placement: null; region: { id: string } };
    }>(ask, { input: { person: person({ municipalityNumber: '3005' }), message: 'Hjelp med budsjett' } }, anonymous);
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.requestCounselling).toMatchObject({ placement: null, region: { id: 'drammensregionen' } });
    const list = await subgraph.execute<{
      websiteRequests: { items: { id: string; reference: string; version: number; message: string }[] };
    }>(requests, { status: 'PENDING' }, { as: 'drammen.adviser' });
    const request = list.data?.websiteRequests.items.find(
      (r) => r.reference === sent.data?.requestCounselling.reference,
    );
    expect(request?.message).toBe('Hjelp med budsjett');

    const pickUp = `mutation P($id: ID!, $version: Int!) { pickUpWebsiteRequest(id: $id, version: $version) { status pickedUpBy { name } version } }`;
    const vars = { id: request?.id, version: request?.version };
    expect(code(await subgraph.execute(pickUp, vars, { as: 'follo.adviser' }))).toBe('FORBIDDEN');
    const picked = await subgraph.execute<{ pickUpWebsiteRequest: { status: string; pickedUpBy: { name: string } } }>(
      pickUp,
      vars,
      { as: 'drammen.adviser' },
    );
    expect(picked.data?.pickUpWebsiteRequest).toMatchObject({ status: 'PICKED_UP', pickedUpBy: { name: 'Per Olsen' } });
    expect(code(await subgraph.execute(pickUp, vars, { as: 'drammen.adviser' }))).toBe('CONFLICT');
  });

  it('are listed newest first, as an inbox, whatever their status', async () => {
    const send = async (message: string) => {
      const sent = await subgraph.execute<{ requestCounselling: { reference: string } }>(
        ask,
        { input: { person: person({ municipalityNumber: '3005' }), message } },
        anonymous,
      );
      expect(sent.errors).toBeUndefined();
      return sent.data?.requestCounselling.reference as string;
    };
    const older = await send('Sendt i går');
    // A day earlier than the one sent next, so the order does not hang on the clock's resolution.
    await subgraph.orm.em
      .fork()
      .execute(`update website_request set received_at = received_at - interval '1 day' where reference = ?`, [older]);
    const newer = await send('Sendt i dag');
    const list = await subgraph.execute<{ websiteRequests: { items: { reference: string; receivedAt: string }[] } }>(
      `query Inbox { websiteRequests(regionId: "drammensregionen", first: 200) { items { reference receivedAt } } }`,
      {},
      { as: 'drammen.adviser' },
    );
    const items = list.data?.websiteRequests.items ?? [];
    const references = items.map((item) => item.reference);
    expect(references.indexOf(newer)).toBeLessThan(references.indexOf(older));
    expect(references.indexOf(older)).toBeGreaterThan(-1);
    const times = items.map((item) => Date.parse(item.receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('are personal data: not for other regions’ advisers or the coordination group', async () => {
    expect(code(await subgraph.execute(requests, { regionId: 'drammensregionen' }, { as: 'follo.adviser' }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await subgraph.execute(requests, {}, { as: 'coordination.member' }))).toBe('FORBIDDEN');
    // Drammensregionen answers to Buskerud: its officers see the requests, Akershus's do not.
    const county = await subgraph.execute(requests, { regionId: 'drammensregionen' }, { as: 'buskerud.officer' });
    expect(county.errors).toBeUndefined();
    expect(code(await subgraph.execute(requests, { regionId: 'drammensregionen' }, { as: 'county.officer' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('are written to the audit log as the person’s own doing on the website', async () => {
    const rows = await subgraph.orm.em
      .fork()
      .execute<{ role: string; operation: string }[]>(
        `select role, operation from audit_entry where subject = 'public-website' order by id`,
      );
    expect(rows.some((row) => row.role === 'PUBLIC_WEBSITE' && row.operation === 'CREATE')).toBe(true);
  });
});

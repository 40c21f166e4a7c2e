// Races, with real concurrency against PostgreSQL: each operation runs in a request context of its
// own, in its own transaction on its own pooled connection, all started at once. Each race is run
// for several rounds so that a lucky interleaving cannot hide a missing lock.
import { queryRows } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph, testServerUrl } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

const rounds = 10;

let subgraph: TestSubgraph<Context>;
let database: string;
beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
  database = subgraph.orm.config.get('dbName');
});
afterAll(() => subgraph?.close());

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const codes = (results: Result[]) => results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
const rows = <Row>(sql: string, values: unknown[] = []) => queryRows<Row>(testServerUrl(), database, sql, values);

const adviser = { as: 'follo.adviser' };
let serial = 0;
async function newClient(email?: string) {
  serial++;
  const { data, errors } = await subgraph.execute<{ registerClient: { id: string; version: number } }>(
    `mutation Register($input: RegisterClientInput!) { registerClient(input: $input) { id version } }`,
    {
      input: {
        regionId: 'follo',
        municipalityNumber: '3020',
        name: `Samtidig Klient${serial}`,
        email: email ?? null,
        immigrantBackground: 'NO',
        surveyConsent: false,
        confirmedNotDuplicate: true,
      },
    },
    adviser,
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data?.registerClient as { id: string; version: number };
}

async function newCourse(capacity: number) {
  const { data, errors } = await subgraph.execute<{ createCourse: { id: string } }>(
    `mutation Create($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
    {
      input: {
        regionId: 'follo',
        kind: 'THEME',
        title: 'Samtidighetskurs',
        startsOn: '2030-05-01',
        endsOn: '2030-05-01',
        location: 'Ski',
        capacity,
      },
    },
    adviser,
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data?.createCourse.id as string;
}

const updateClient = `mutation Update($id: ID!, $version: Int!, $input: UpdateClientInput!) {
  updateClient(id: $id, version: $version, input: $input) { id name version }
}`;
const enrol = `mutation Enrol($course: ID!, $client: ID!) { enrolClient(courseId: $course, clientId: $client) { id status } }`;
const signUp = `mutation SignUp($input: CourseSignUpInput!) { signUpForCourse(input: $input) { reference } }`;
const askForCounselling = `mutation Ask($input: CounsellingRequestInput!) { requestCounselling(input: $input) { reference } }`;
const person = (email: string, name = 'Samtidig Person') => ({
  name,
  email,
  municipalityNumber: '3021',
  consentToProcessing: true,
});

describe('two advisers editing the same client at once', () => {
  it('saves exactly one edit; the other gets CONFLICT and nothing of it is stored', async () => {
    for (let round = 0; round < rounds; round++) {
      const client = await newClient();
      const names = [`Første Utgave${round}`, `Andre Utgave${round}`];
      const results = await Promise.all(
        names.map((name) =>
          subgraph.execute<{ updateClient: { name: string; version: number } }>(
            updateClient,
            { id: client.id, version: client.version, input: { name } },
            adviser,
          ),
        ),
      );
      expect(codes(results)).toEqual(['CONFLICT', 'OK']);
      const winner = results.find((result) => !result.errors)?.data?.updateClient;
      const [stored] = await rows<{ name: string; version: number }>('select name, version from client where id = $1', [
        client.id,
      ]);
      expect(stored).toEqual({ name: winner?.name, version: client.version + 1 });
      const [audit] = await rows<{ count: number }>(
        `select count(*)::int as count from audit_entry where record_id = $1 and detail = 'updateClient'`,
        [client.id],
      );
      expect(audit?.count).toBe(1);
    }
  });
});

describe('taking the last place on a course at once', () => {
  it('gives the place to one client and the waiting list to the other, never more than the capacity', async () => {
    for (let round = 0; round < rounds; round++) {
      const courseId = await newCourse(1);
      const clients = await Promise.all([newClient(), newClient()]);
      const results = await Promise.all(
        clients.map((client) =>
          subgraph.execute<{ enrolClient: { status: string } }>(
            enrol,
            { course: courseId, client: client.id },
            adviser,
          ),
        ),
      );
      expect(codes(results)).toEqual(['OK', 'OK']);
      expect(results.map((result) => result.data?.enrolClient.status).sort()).toEqual(['ENROLLED', 'WAITLISTED']);
      const stored = await rows<{ status: string }>('select status from enrolment where course_id = $1', [courseId]);
      expect(stored.map((row) => row.status).sort()).toEqual(['ENROLLED', 'WAITLISTED']);
    }
  });

  it('holds the capacity when advisers and people on the public website sign up at once', async () => {
    for (let round = 0; round < rounds; round++) {
      const courseId = await newCourse(2);
      const clients = await Promise.all([newClient(), newClient()]);
      const results = await Promise.all([
        ...clients.map((client) => subgraph.execute(enrol, { course: courseId, client: client.id }, adviser)),
        ...[0, 1].map((i) =>
          subgraph.execute(
            signUp,
            { input: { courseId, person: person(`plass${round}-${i}@example.no`) } },
            { as: null },
          ),
        ),
      ]);
      expect(codes(results)).toEqual(['OK', 'OK', 'OK', 'OK']);
      const stored = await rows<{ status: string; count: number }>(
        'select status, count(*)::int as count from enrolment where course_id = $1 group by status order by status',
        [courseId],
      );
      expect(stored).toEqual([
        { status: 'ENROLLED', count: 2 },
        { status: 'WAITLISTED', count: 2 },
      ]);
    }
  });

  it('enrols a client whose enrolment is sent twice at once only once; the second gets CONFLICT', async () => {
    for (let round = 0; round < rounds; round++) {
      const courseId = await newCourse(5);
      const client = await newClient();
      const results = await Promise.all(
        [0, 1].map(() => subgraph.execute(enrol, { course: courseId, client: client.id }, adviser)),
      );
      expect(codes(results)).toEqual(['CONFLICT', 'OK']);
      const [stored] = await rows<{ count: number }>(
        'select count(*)::int as count from enrolment where course_id = $1 and client_id = $2',
        [courseId, client.id],
      );
      expect(stored?.count).toBe(1);
    }
  });
});

describe('two advisers registering the same person at once', () => {
  it('registers one client; the other adviser gets CONFLICT naming it, as if they had come second', async () => {
    for (let round = 0; round < rounds; round++) {
      const input = {
        regionId: 'follo',
        municipalityNumber: '3020',
        name: `Dobbelt Registrert${round}`,
        birthYear: 1990,
        immigrantBackground: 'NO',
        surveyConsent: false,
      };
      const results = await Promise.all(
        [0, 1].map(() =>
          subgraph.execute<{ registerClient: { id: string } }>(
            `mutation Register($input: RegisterClientInput!) { registerClient(input: $input) { id } }`,
            { input },
            adviser,
          ),
        ),
      );
      expect(codes(results)).toEqual(['CONFLICT', 'OK']);
      const clients = await rows<{ id: string }>('select id from client where name = $1', [input.name]);
      expect(clients).toHaveLength(1);
      const refused = results.find((result) => result.errors);
      expect(refused?.errors?.[0]?.extensions?.duplicates).toEqual([clients[0]?.id]);
    }
  });

  it("files a website request and an adviser's registration of one e-mail address under one client", async () => {
    for (let round = 0; round < rounds; round++) {
      const email = `nettside.og.kontor${round}@example.no`;
      const results = await Promise.all([
        subgraph.execute(
          askForCounselling,
          { input: { person: person(email, 'Nett Kontor'), message: 'Jeg vil starte et verksted.' } },
          { as: null },
        ),
        subgraph.execute(
          `mutation Register($input: RegisterClientInput!) { registerClient(input: $input) { id } }`,
          {
            input: {
              regionId: 'follo',
              municipalityNumber: '3021',
              name: 'Nett Kontor',
              email,
              immigrantBackground: 'NO',
              surveyConsent: false,
            },
          },
          adviser,
        ),
      ]);
      // Whichever comes first registers the person; the other finds them.
      const clients = await rows<{ id: string }>('select id from client where lower(email) = $1', [email]);
      expect(clients).toHaveLength(1);
      expect(results[0]?.errors).toBeUndefined();
      expect(results[1]?.errors?.[0]?.extensions?.code ?? 'OK').toMatch(/^(OK|CONFLICT)$/);
    }
  });
});

describe('the same person sending from the public website twice at once (a double click)', () => {
  it('files both requests under one new client, not two', async () => {
    for (let round = 0; round < rounds; round++) {
      const email = `dobbeltklikk${round}@example.no`;
      const results = await Promise.all(
        [0, 1].map(() =>
          subgraph.execute(
            askForCounselling,
            { input: { person: person(email, 'Dobbel Klikk'), message: 'Jeg vil starte et bakeri.' } },
            { as: null },
          ),
        ),
      );
      expect(codes(results)).toEqual(['OK', 'OK']);
      const clients = await rows<{ id: string }>('select id from client where lower(email) = $1', [email]);
      expect(clients).toHaveLength(1);
      const [requests] = await rows<{ count: number; clients: number }>(
        'select count(*)::int as count, count(distinct client_id)::int as clients from website_request where email = $1',
        [email],
      );
      expect(requests).toEqual({ count: 2, clients: 1 });
    }
  });

  it('holds the daily limit of an e-mail address when its requests come all at once', async () => {
    const email = 'mange.samtidig@example.no';
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        subgraph.execute(
          askForCounselling,
          { input: { person: person(email), message: 'Hjelp med forretningsplan.' } },
          { as: null },
        ),
      ),
    );
    // Five a day (website.ts); the rest are told to wait.
    expect(codes(results)).toEqual([...Array(5).fill('OK'), ...Array(3).fill('RATE_LIMITED')]);
    const [stored] = await rows<{ count: number }>(
      'select count(*)::int as count from website_request where email = $1',
      [email],
    );
    expect(stored?.count).toBe(5);
  });

  it('signs a person up for a course once when the sign-up is sent twice at once', async () => {
    for (let round = 0; round < rounds; round++) {
      const courseId = await newCourse(5);
      const email = `kursdobbel${round}@example.no`;
      const results = await Promise.all(
        [0, 1].map(() => subgraph.execute(signUp, { input: { courseId, person: person(email) } }, { as: null })),
      );
      expect(codes(results)).toEqual(['OK', 'OK']);
      const [stored] = await rows<{ clients: number; enrolments: number }>(
        `select count(distinct c.id)::int as clients, count(e.id)::int as enrolments
           from client c left join enrolment e on e.client_id = c.id and e.course_id = $2
          where lower(c.email) = $1`,
        [email, courseId],
      );
      expect(stored).toEqual({ clients: 1, enrolments: 1 });
    }
  });
});

// The real gateway over the three real subgraphs, all on HTTP port 0, each subgraph on a fresh database.

import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { runSql, serviceKeyEnvironment } from '@etablerer/kit';
import { demoClients, demoUser, generateDevKeys, signDemoToken } from '@etablerer/kit/demo';
import { testServerUrl } from '@etablerer/kit/testing';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatewayOptionsFromEnvironment } from '../src/server.js';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform({ devSignIn: true });
const { post, tokenFor } = platform;

describe('the gateway over the three subgraphs', () => {
  it('answers a query that spans all three subgraphs', async () => {
    const { status, body } = await post(
      `query Span($year: Int!, $id: ID!) {
        region(id: $id) { name contractMunicipality { name population } municipalities { number name population populationSource } }
        gatherings(year: $year) { title date }
      }`,
      { year: 2024, id: 'follo' },
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        region: {
          name: 'Follo',
          contractMunicipality: { name: 'Nordre Follo', population: 61200 },
          municipalities: [
            { number: '3020', name: 'Nordre Follo', population: 61200, populationSource: 'DEMO_APPROXIMATION' },
            { number: '3021', name: 'Ås', population: 20800, populationSource: 'DEMO_APPROXIMATION' },
            { number: '3022', name: 'Frogn', population: 15900, populationSource: 'DEMO_APPROXIMATION' },
            { number: '3023', name: 'Nesodden', population: 19900, populationSource: 'DEMO_APPROXIMATION' },
            { number: '3028', name: 'Enebakk', population: 11200, populationSource: 'DEMO_APPROXIMATION' },
          ],
        },
        gatherings: [
          { title: 'Fagsamling vår 2024: regionreformen og nye fylker', date: '2024-03-12' },
          { title: 'Fagsamling høst 2024: bærekraftige forretningsmodeller', date: '2024-10-16' },
        ],
      },
    });
  });

  it('gives every region its population from the county, summing to the demo total', async () => {
    const { body } = await post('query Regions { regions { name municipalities { population } } }');
    const regions = (body.data as { regions: { name: string; municipalities: { population: number }[] }[] }).regions;
    expect(regions).toHaveLength(13);
    const total = regions.flatMap((r) => r.municipalities).reduce((sum, m) => sum + m.population, 0);
    expect(total).toBe(1_255_600);
  });

  it('passes a subgraph error through with its code', async () => {
    const { body } = await post('query Gatherings($year: Int!) { gatherings(year: $year) { title } }', { year: 3000 });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'year must be between 2000 and 2100, not 3000',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it('reports every subgraph as up on /health (internal port)', async () => {
    const response = await fetch(`${platform.gateway.internalUrl}/health`);
    const health = (await response.json()) as { status: string; subgraphs: Record<string, { status: string }> };
    expect(response.status).toBe(200);
    expect(health.status).toBe('ok');
    expect(Object.fromEntries(Object.entries(health.subgraphs).map(([name, s]) => [name, s.status]))).toEqual({
      county: 'up',
      regions: 'up',
      partners: 'up',
    });
  });
});

describe('who may call', () => {
  const regionsQuery = 'query Regions { regions { id } }';
  const unauthenticated = expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });

  it('refuses a request without a token with UNAUTHENTICATED (401)', async () => {
    const { status, body } = await post(regionsQuery, undefined, { token: null });
    expect(status).toBe(401);
    expect(body.errors).toEqual([unauthenticated]);
  });

  it.each([
    ['expired', () => tokenFor('county.officer', { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ['for another audience', () => tokenFor('county.officer', { audience: 'someone-else' })],
    ['from another issuer', () => tokenFor('county.officer', { issuer: 'someone-else' })],
    [
      'tampered',
      async () => {
        const [header, payload, signature] = (await tokenFor('follo.adviser')).split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
        const forged = Buffer.from(JSON.stringify({ ...claims, role: 'COUNTY_OFFICER' })).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
    ],
    [
      'signed by another key',
      async () => {
        const other = await generateDevKeys();
        const user = demoUser('county.officer');
        return signDemoToken(other.privateKey, user ?? (undefined as never), {
          issuer: platform.auth.issuer,
          audience: platform.auth.audience,
        });
      },
    ],
  ])('refuses a token %s, at the gateway and straight at a subgraph', async (_case, makeToken) => {
    const token = await makeToken();
    const atGateway = await post(regionsQuery, undefined, { token });
    expect(atGateway.status).toBe(401);
    expect(atGateway.body.errors).toEqual([unauthenticated]);
    const atSubgraph = await post(regionsQuery, undefined, { token, url: `${platform.subgraphs.regions.url}/graphql` });
    expect(atSubgraph.status).toBe(401);
    expect(atSubgraph.body.errors).toEqual([unauthenticated]);
  });

  it('refuses a subgraph called directly without a token, and answers it with one', async () => {
    const url = `${platform.subgraphs.regions.url}/graphql`;
    const without = await post(regionsQuery, undefined, { token: null, url });
    expect(without.status).toBe(401);
    expect(without.body.errors).toEqual([unauthenticated]);
    const withToken = await post(regionsQuery, undefined, { url });
    expect(withToken.status).toBe(200);
    expect((withToken.body.data as { regions: unknown[] }).regions).toHaveLength(13);
  });

  it('signs in a demo user on the development sign-in, and refuses an unknown one', async () => {
    const response = await fetch(`${platform.gateway.url}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nav.officer' }),
    });
    expect(response.status).toBe(200);
    const { accessToken } = (await response.json()) as { accessToken: string };
    const { status } = await post(regionsQuery, undefined, { token: accessToken });
    expect(status).toBe(200);

    const unknown = await fetch(`${platform.gateway.url}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mallory' }),
    });
    expect(unknown.status).toBe(400);
  });
});

describe('hardening at the gateway', () => {
  it('refuses a simple cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${platform.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${await tokenFor('county.officer')}` },
      body: JSON.stringify({ query: '{ regions { id } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('refuses introspection unless configured', async () => {
    const { body } = await post('query Introspect { __schema { queryType { name } } }');
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/introspection/i) })]);
  });

  it('refuses a query deeper than the limit, saying so', async () => {
    let selection = 'id';
    for (let i = 0; i < 7; i++) selection = `municipalities { region { ${selection} } }`;
    const { status, body } = await post(`query Deep { regions { ${selection} } }`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/depth limit/i) })]);
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: regions { id }`).join(' ');
    const { status, body } = await post(`query Aliases { ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/aliases/i) })]);
  });

  it('refuses a request body over the size limit with 413', async () => {
    const response = await fetch(`${platform.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('county.officer')}` },
      body: JSON.stringify({ query: `query Big { regions { id } } # ${'x'.repeat(100_000)}` }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request is larger than 64kb.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});

describe('access across subgraphs', () => {
  const referralsWithClient = `query Referrals { referrals(first: 20, offset: 0) { items { direction sharedClientData { name } client { name } } } }`;
  type Items = {
    referrals: { items: { direction: string; sharedClientData: { name: string }; client: { name: string } | null }[] };
  };

  it("lets an adviser follow a referral to the client's record in the regions subgraph", async () => {
    const { body } = await post(referralsWithClient, undefined, { token: await tokenFor('follo.adviser') });
    expect(body.errors).toBeUndefined();
    const items = (body.data as Items).referrals.items;
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) expect(item.client?.name).toBe(item.sharedClientData.name);
  });

  it("shows Innovasjon Norge the shared data of its referrals but refuses the clients' records themselves", async () => {
    const { body } = await post(referralsWithClient, undefined, { token: await tokenFor('innovasjonnorge.officer') });

    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(error).toEqual(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    }
    const shared = await post(
      'query Referrals { referrals(first: 20, offset: 0) { items { direction sharedClientData { name } } } }',
      undefined,
      { token: await tokenFor('innovasjonnorge.officer') },
    );
    expect(shared.body.errors).toBeUndefined();
    const directions = (shared.body.data as Items).referrals.items.map((r) => r.direction);
    expect(directions.length).toBeGreaterThan(5);
    expect(new Set(directions)).toEqual(new Set(['TO_INNOVASJON_NORGE']));
  });
});

describe('the coordination overview (schema/operations/coordination-overview.graphql)', () => {
  const overview = readFileSync(
    new URL('../../schema/operations/coordination-overview.graphql', import.meta.url),
    'utf8',
  );
  type Overview = {
    regions: {
      id: string;
      name: string;
      agreement: { status: string; validFrom: string };
      funding: { countyAmount: string; municipalAmount: string; total: string };
      payments: { dueDate: string; amount: string; status: string }[];
      submissions: { kind: string; coversYear: number; status: string }[];
      statistics: { newClients: number | null };
      referrals: { toInnovasjonNorge: number | null };
    }[];
    gatherings: { title: string; attendeeCount: number }[];
  };

  it('is answered exactly as written, every region with every field, for a coordination member', async () => {
    const { status, body } = await post(overview, { year: 2024 }, { token: await tokenFor('coordination.member') });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const data = body.data as Overview;
    expect(data.regions).toHaveLength(13);
    for (const region of data.regions) {
      for (const field of ['agreement', 'funding', 'payments', 'submissions', 'statistics', 'referrals'] as const) {
        expect(region[field], `${region.name}.${field}`).not.toBeNull();
      }
    }
    const follo = data.regions.find((region) => region.id === 'follo');
    // 129 000 inhabitants (demo figures) at NOK 6.00 (Follo's amended county rate) and NOK 2.50.
    expect(follo?.funding).toEqual({ countyAmount: '774000.00', municipalAmount: '322500.00', total: '1096500.00' });
    expect(follo?.payments.map(({ dueDate, amount }) => ({ dueDate, amount }))).toEqual([
      { dueDate: '2024-01-31', amount: '387000.00' },
      { dueDate: '2024-08-31', amount: '387000.00' },
    ]);
    expect(new Set(follo?.submissions.map((s) => `${s.kind}:${s.coversYear}`))).toEqual(
      new Set(['ANNUAL_REPORT:2023', 'ACCOUNTS:2023', 'ACTIVITY_PLAN:2025', 'BUDGET:2025']),
    );
    expect(follo?.statistics.newClients).toBe(
      demoClients().filter((c) => c.regionId === 'follo' && c.registeredOn.startsWith('2024')).length,
    );
    expect(follo?.referrals.toInnovasjonNorge).toBeGreaterThanOrEqual(5);
    expect(data.gatherings).toHaveLength(2);
    expect(data.gatherings.every((gathering) => gathering.attendeeCount > 0)).toBe(true);
  });
});

describe('SQL statements per operation do not grow with the data (no N+1)', () => {
  const overview = readFileSync(
    new URL('../../schema/operations/coordination-overview.graphql', import.meta.url),
    'utf8',
  );
  const clientList = `query ClientList($regionId: ID, $first: Int!) {
    clients(regionId: $regionId, first: $first) { totalCount items { id name municipality { name } businesses { id } } }
  }`;
  const statements = async () => {
    const counts = await Promise.all(
      Object.values(platform.subgraphs).map(async (subgraph) => {
        const text = await (await fetch(`${subgraph.internalUrl}/metrics`)).text();
        return Number(/^sql_statements_total\{service="\w+"\} (\d+)/m.exec(text)?.[1]);
      }),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  };
  /** Statements all subgraphs send for one operation, after a first run has warmed the plan cache. */
  const statementsFor = async (query: string, variables: Record<string, unknown>, username: string) => {
    const token = await tokenFor(username);
    await post(query, variables, { token });
    const before = await statements();
    const { body } = await post(query, variables, { token });
    expect(body.errors).toBeUndefined();
    return (await statements()) - before;
  };

  it('answers the overview and a client list with as many statements after the clients doubled', async () => {
    const overviewBefore = await statementsFor(overview, { year: 2024 }, 'coordination.member');
    const listBefore = await statementsFor(clientList, { regionId: 'follo', first: 200 }, 'follo.adviser');
    // A page ten times longer costs no more statements: nothing is fetched row by row.
    expect(await statementsFor(clientList, { regionId: 'follo', first: 20 }, 'follo.adviser')).toBe(listBefore);
    // Every client again, with their sessions, milestones and course places.
    await runSql(
      testServerUrl(),
      platform.databases.regions,
      `create temp table twin as select id as old_id, gen_random_uuid() as new_id from client;
       insert into client select (jsonb_populate_record(null::client, to_jsonb(c) || jsonb_build_object('id', t.new_id))).*
         from client c join twin t on t.old_id = c.id;
       ${['counselling_session', 'milestone', 'enrolment']
         .map(
           (table) => `insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(r)
             || jsonb_build_object('id', gen_random_uuid(), 'client_id', t.new_id))).*
             from ${table} r join twin t on t.old_id = r.client_id;`,
         )
         .join('\n')}`,
    );
    const { body } = await post('query C { clients(regionId: "follo") { totalCount } }', undefined, {
      token: await tokenFor('follo.adviser'),
    });
    expect((body.data as { clients: { totalCount: number } }).clients.totalCount).toBeGreaterThan(800);
    expect(await statementsFor(overview, { year: 2024 }, 'coordination.member')).toBe(overviewBefore);
    expect(await statementsFor(clientList, { regionId: 'follo', first: 200 }, 'follo.adviser')).toBe(listBefore);
  });

  it('resolves twice the entities of a type in each subgraph with as many statements', async () => {
    const regionIds = [
      'follo',
      'drammensregionen',
      'halden',
      'asker-og-baerum',
      'hallingdal',
      'kongsbergregionen',
      'nedre-glomma',
    ];
    const countyFields = `_entities(representations: $representations) { ... on Region { id agreement { status } funding(year: 2024) { total } payments(year: 2024) { status } submissions(year: 2024) { status } } }`;
    const regionsFields = `_entities(representations: $representations) { ... on Region { id name statistics(year: 2024) { newClients } offices { name } } }`;
    const partnersFields = `_entities(representations: $representations) { ... on Region { id referrals(year: 2024) { toInnovasjonNorge toNav suppressed } } }`;
    const token = await tokenFor('county.officer');
    for (const [name, fields] of [
      ['county', countyFields],
      ['regions', regionsFields],
      ['partners', partnersFields],
    ] as const) {
      const url = `${platform.subgraphs[name].url}/graphql`;
      const query = `query E($representations: [_Any!]!) { ${fields} }`;
      const countFor = async (ids: string[]) => {
        const representations = ids.map((id) => ({ __typename: 'Region', id }));
        await post(query, { representations }, { token, url });
        const before = await statements();
        const { body } = await post(query, { representations }, { token, url });
        expect(body.errors, name).toBeUndefined();
        return (await statements()) - before;
      };
      expect(await countFor(regionIds), name).toBe(await countFor(regionIds.slice(0, 3)));
    }
  });
});

describe('the public part of the graph (the common website)', () => {
  const publicQuery = `query PublicPage($filter: PublicCourseFilter!) {
    publicResponsibleParties { kind name regionIds }
    publicCourses(filter: $filter) { totalCount items { id title region { id } seatsLeft } }
    publicPartnerCourses { id title date }
  }`;
  const signUp = `mutation SignUp($input: CourseSignUpInput!) {
    signUpForCourse(input: $input) { reference placement region { name } }
  }`;
  const person = (email: string) => ({
    name: 'Lina Berg',
    email,
    municipalityNumber: '3022',
    consentToProcessing: true,
  });
  let courseId: string;
  beforeAll(async () => {
    const { body } = await post(
      `mutation C($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
      {
        input: {
          regionId: 'follo',
          kind: 'THEME',
          title: 'Salg & markedsføring <for nybegynnere>',
          startsOn: '2031-04-01',
          endsOn: '2031-04-02',
          location: 'Drøbak',
          capacity: 10,
          participantFee: '500.00',
        },
      },
      { token: await tokenFor('follo.adviser') },
    );
    courseId = (body.data as { createCourse: { id: string } }).createCourse.id;
  });

  it('answers the public fields of all three subgraphs without a token', async () => {
    const { status, body } = await post(publicQuery, { filter: { regionId: 'follo' } }, { token: null });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const data = body.data as {
      publicResponsibleParties: { kind: string; name: string; regionIds: string[] }[];
      publicCourses: { items: { id: string }[] };
    };
    const kinds = new Set(data.publicResponsibleParties.map((party) => party.kind));
    expect([...kinds].sort()).toEqual(['CONTRACT_MUNICIPALITY', 'COUNTY', 'INNOVASJON_NORGE']);
    expect(
      data.publicResponsibleParties.find((p) => p.kind === 'CONTRACT_MUNICIPALITY' && p.regionIds.includes('follo')),
    ).toBeTruthy();
    expect(data.publicCourses.items.map((course) => course.id)).toContain(courseId);
  });

  it('refuses anything beyond the public fields without a token, at the gateway and at each subgraph', async () => {
    const mixed = 'query Mixed { publicRegions { id } regions { id statistics(year: 2024) { newClients } } }';
    const atGateway = await post(mixed, undefined, { token: null });
    expect(atGateway.status).toBe(401);
    expect(atGateway.body.data ?? null).toBeNull();
    for (const [name, query] of [
      ['county', 'query Q { agreements { id } }'],
      ['partners', 'query Q { referrals { totalCount } }'],
      ['regions', 'query Q { clients { totalCount } }'],
    ] as const) {
      const direct = await post(query, undefined, { token: null, url: `${platform.subgraphs[name].url}/graphql` });
      expect(direct.status, name).toBe(401);
    }
  });

  it('takes a sign-up without a token and shows it to the region’s advisers', async () => {
    const { status, body } = await post(
      signUp,
      { input: { courseId, person: person('lina.berg@example.no') } },
      { token: null },
    );
    expect(status).toBe(200);
    const receipt = (body.data as { signUpForCourse: { reference: string; placement: string } }).signUpForCourse;
    // Deprecated and always null: where the sign-up landed is the office's to confirm.
    expect(receipt.placement).toBeNull();
    const requests = await post(
      'query R { websiteRequests(status: PENDING) { items { reference client { name } } } }',
      undefined,
      { token: await tokenFor('follo.adviser') },
    );
    const items = (
      requests.body.data as { websiteRequests: { items: { reference: string; client: { name: string } }[] } }
    ).websiteRequests.items;
    expect(items.find((item) => item.reference === receipt.reference)?.client.name).toBe('Lina Berg');
  });

  it('limits the sign-ups one address may send, with 429 and Retry-After, storing nothing more', async () => {
    const strict = await platform.startGateway({
      publicLimits: { mutations: { points: 2, windowSeconds: 600 }, operations: { points: 100, windowSeconds: 60 } },
    });
    try {
      const url = `${strict.url}/graphql`;
      for (const n of [1, 2]) {
        const sent = await post(
          signUp,
          { input: { courseId, person: person(`n${n}@example.no`) } },
          { token: null, url },
        );
        expect(sent.body.errors).toBeUndefined();
      }
      const count = async () =>
        (
          (await post('query R { websiteRequests(regionId: "follo") { totalCount } }')).body.data as {
            websiteRequests: { totalCount: number };
          }
        ).websiteRequests.totalCount;
      const before = await count();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: signUp, variables: { input: { courseId, person: person('n3@example.no') } } }),
      });
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
      expect(await count()).toBe(before);
    } finally {
      await strict.stop();
    }
  });

  describe('limits per public mutation field and per real client address', () => {
    const counselling = (n: string) => ({ person: person(`${n}@example.no`), message: 'Jeg vil starte et bakeri.' });
    /** The requests stored in the region the test's people live in. */
    const stored = async () =>
      (
        (await post('query R { websiteRequests(regionId: "follo") { totalCount } }')).body.data as {
          websiteRequests: { totalCount: number };
        }
      ).websiteRequests.totalCount;
    /** POSTs without a token, as the website does, from the proxy that says whose request it is. */
    const fromVisitor = async (
      url: string,
      query: string,
      variables: Record<string, unknown>,
      forwardedFor?: string,
    ) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        body: (await response.json()) as {
          data?: unknown;
          errors?: { message: string; extensions: { code: string; retryAfterSeconds?: number } }[];
        },
      };
    };
    /** `count` requests for counselling in one operation, aliased, each with a variable of its own. */
    const aliased = (count: number, prefix: string) => {
      const names = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
      return {
        names,
        fields: (subset: string[]) =>
          subset.map((name) => `${name}: requestCounselling(input: $${name}) { reference }`).join('\n'),
        variableDefinitions: names.map((name) => `$${name}: CounsellingRequestInput!`).join(', '),
        variables: Object.fromEntries(names.map((name) => [name, counselling(`${prefix}${name}-${Date.now()}`)])),
      };
    };
    const refusedWith = (answer: { status: number; body: { errors?: { extensions: { code: string } }[] } }) => {
      expect(answer.status).toBe(429);
      expect(answer.body.errors?.map((error) => error.extensions.code)).toEqual(['RATE_LIMITED']);
    };

    it('counts each aliased requestCounselling and refuses an operation over the limit whole', async () => {
      // The stack's setting: the console's proxy on this machine is believed.
      const strict = await platform.startGateway({
        trustProxy: 'loopback',
        publicLimits: { mutations: { points: 3, windowSeconds: 600 }, operations: { points: 100, windowSeconds: 60 } },
      });
      try {
        const url = `${strict.url}/graphql`;
        const visitor = '203.0.113.20';
        const four = aliased(4, 'a');
        const before = await stored();
        const refused = await fromVisitor(
          url,
          `mutation Four(${four.variableDefinitions}) { ${four.fields(four.names)} }`,
          four.variables,
          visitor,
        );
        refusedWith(refused);
        expect(refused.body.errors?.[0]?.message).toContain(
          'this operation sends 4, more than are left, so none of them',
        );
        expect(await stored()).toBe(before);

        // Nothing was taken by the refused one: three fit, then no more.
        const three = aliased(3, 'b');
        const accepted = await fromVisitor(
          url,
          `mutation Three(${three.variableDefinitions}) { ${three.fields(three.names)} }`,
          three.variables,
          visitor,
        );
        expect(accepted.body.errors).toBeUndefined();
        expect(await stored()).toBe(before + 3);
        const one = aliased(1, 'c');
        refusedWith(
          await fromVisitor(
            url,
            `mutation One(${one.variableDefinitions}) { ${one.fields(one.names)} }`,
            one.variables,
            visitor,
          ),
        );
        expect(await stored()).toBe(before + 3);
      } finally {
        await strict.stop();
      }
    });

    it('counts the requests a fragment adds', async () => {
      const strict = await platform.startGateway({
        trustProxy: 'loopback',
        publicLimits: { mutations: { points: 3, windowSeconds: 600 }, operations: { points: 100, windowSeconds: 60 } },
      });
      try {
        const four = aliased(4, 'f');
        const [inFragment, atRoot] = [four.names.slice(0, 2), four.names.slice(2)];
        const before = await stored();
        refusedWith(
          await fromVisitor(
            `${strict.url}/graphql`,
            `mutation Four(${four.variableDefinitions}) { ...Asks ${four.fields(atRoot)} }
             fragment Asks on Mutation { ${four.fields(inFragment)} }`,
            four.variables,
            '203.0.113.21',
          ),
        );
        expect(await stored()).toBe(before);
      } finally {
        await strict.stop();
      }
    });

    it('believes X-Forwarded-For from the trusted proxy only: from anyone else it does not change the key', async () => {
      const limits = { mutations: { points: 10, windowSeconds: 600 }, operations: { points: 2, windowSeconds: 600 } };
      const calendar = 'query Calendar { publicRegions { id } }';
      // Trusting a proxy elsewhere: this test's own connection is not it, so whatever it forwards is forged.
      const elsewhere = await platform.startGateway({ trustProxy: '192.0.2.1', publicLimits: limits });
      // Trusting the console's proxy on this machine, as the stack does.
      const behindConsole = await platform.startGateway({ trustProxy: 'loopback', publicLimits: limits });
      try {
        const forged = ['198.51.100.1', '198.51.100.2', '198.51.100.3'];
        const untrusted = [];
        for (const address of forged) {
          untrusted.push((await fromVisitor(`${elsewhere.url}/graphql`, calendar, {}, address)).status);
        }
        // One key (the connection's) for all three: the third is over the limit of two.
        expect(untrusted).toEqual([200, 200, 429]);
        const trusted = [];
        for (const address of forged) {
          trusted.push((await fromVisitor(`${behindConsole.url}/graphql`, calendar, {}, address)).status);
        }
        // Three visitors behind the trusted proxy, each with a limit of their own.
        expect(trusted).toEqual([200, 200, 200]);
      } finally {
        await Promise.all([elsewhere.stop(), behindConsole.stop()]);
      }
    });

    it('tells the regions subgraph whose request it is, which holds its own limit per client', async () => {
      // A gateway whose own limit is loose (another instance, say): the subgraph still holds 10 per client.
      const loose = await platform.startGateway({
        trustProxy: 'loopback',
        publicLimits: {
          mutations: { points: 100, windowSeconds: 600 },
          operations: { points: 100, windowSeconds: 60 },
        },
      });
      try {
        const url = `${loose.url}/graphql`;
        const eleven = aliased(11, 'g');
        const before = await stored();
        const refused = await fromVisitor(
          url,
          `mutation Eleven(${eleven.variableDefinitions}) { ${eleven.fields(eleven.names)} }`,
          eleven.variables,
          '203.0.113.22',
        );
        expect(refused.body.errors?.map((error) => error.extensions.code)).toEqual(['RATE_LIMITED']);
        // How long to wait comes through, for the website to tell the person.
        expect(refused.body.errors?.[0]?.extensions.retryAfterSeconds).toBeGreaterThan(0);
        expect(await stored()).toBe(before);
        const ten = aliased(10, 'h');
        const query = `mutation Ten(${ten.variableDefinitions}) { ${ten.fields(ten.names)} }`;
        expect((await fromVisitor(url, query, ten.variables, '203.0.113.22')).body.errors).toBeUndefined();
        // The subgraph counted them for the visitor, not for the gateway: another visitor may still send.
        const other = aliased(10, 'i');
        const otherQuery = `mutation Ten(${other.variableDefinitions}) { ${other.fields(other.names)} }`;
        expect((await fromVisitor(url, otherQuery, other.variables, '203.0.113.23')).body.errors).toBeUndefined();
        expect(await stored()).toBe(before + 20);
      } finally {
        await loose.stop();
      }
    });
  });

  it('serves the region’s courses as a valid iCalendar feed', async () => {
    const response = await fetch(`${platform.gateway.url}/feeds/courses.ics?region=follo`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      for (const property of ['uid', 'dtstamp', 'dtstart', 'summary']) {
        expect(event.getFirstPropertyValue(property), property).toBeTruthy();
      }
    }
    const ours = events
      .map((event) => new ICAL.Event(event))
      .find((event) => event.uid === `${courseId}@etablerertjenesten`);
    expect(ours?.summary).toBe('Salg & markedsføring <for nybegynnere>');
    expect(ours?.startDate.toString()).toBe('2031-04-01');
    // DTEND of an all-day event is the day after the last.
    expect(ours?.endDate.toString()).toBe('2031-04-03');
  });

  it('serves JSON for any site and an HTML list to embed, escaped, and refuses unknown regions', async () => {
    const json = await fetch(`${platform.gateway.url}/feeds/courses.json?region=follo`);
    expect(json.headers.get('access-control-allow-origin')).toBe('*');
    const feed = (await json.json()) as { courses: { id: string; organiser: string }[] };
    expect(feed.courses.find((course) => course.id === courseId)?.organiser).toBe('Follo');
    const html = await fetch(`${platform.gateway.url}/feeds/courses.html?region=follo`);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const text = await html.text();
    expect(text).toContain('Salg &amp; markedsføring &lt;for nybegynnere&gt;');
    expect(text).not.toContain('<for nybegynnere>');
    expect((await fetch(`${platform.gateway.url}/feeds/courses.ics?region=atlantis`)).status).toBe(404);
    expect((await fetch(`${platform.gateway.url}/feeds/courses.ics?region=${encodeURIComponent('<x>')}`)).status).toBe(
      400,
    );
  });
  it('never takes its links from a forged Host header: they lead to PUBLIC_SITE_URL, or there are none', async () => {
    // Feeds are cached publicly: one forged request would send every later reader to the forger's site.
    const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    const get = (base: string, path: string) =>
      new Promise<string>((resolve, reject) => {
        const { hostname, port } = new URL(base);
        const call = httpRequest({ hostname, port, path, headers: forged }, (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('end', () => resolve(text));
        });
        call.on('error', reject);
        call.end();
      });
    const signUpUrlOf = (text: string) =>
      (JSON.parse(text) as { courses: { id: string; signUpUrl: string | null }[] }).courses.find(
        (course) => course.id === courseId,
      )?.signUpUrl;

    const site = 'https://etablerer.example.no';
    const configured = await platform.startGateway({ publicSiteUrl: site, trustProxy: true });
    try {
      for (const format of ['json', 'ics', 'html']) {
        expect(await get(configured.url, `/feeds/courses.${format}?region=follo`)).not.toContain('evil.example');
      }
      expect(signUpUrlOf(await get(configured.url, '/feeds/courses.json?region=follo'))).toBe(
        `${site}/public/courses?course=${courseId}`,
      );
      expect(await get(configured.url, '/feeds/courses.ics?region=follo')).toContain(`${site}/public/courses?course=`);
    } finally {
      await configured.stop();
    }

    // This platform's gateway has no PUBLIC_SITE_URL: no links at all, rather than the Host's.
    for (const format of ['json', 'ics', 'html']) {
      expect(await get(platform.gateway.url, `/feeds/courses.${format}?region=follo`)).not.toContain('evil.example');
    }
    expect(signUpUrlOf(await get(platform.gateway.url, '/feeds/courses.json?region=follo'))).toBeNull();
  });

  it('takes its site from PUBLIC_SITE_URL: the console in development when unset, none in production', () => {
    const env = {
      AUTH_PUBLIC_KEY: JSON.stringify(platform.keys.publicKey),
      ...serviceKeyEnvironment(platform.serviceKeys, 'gateway'),
    };
    const site = (extra: Record<string, string>) => gatewayOptionsFromEnvironment({ ...env, ...extra }).publicSiteUrl;
    expect(site({ PUBLIC_SITE_URL: 'https://etablerer.example.no/' })).toBe('https://etablerer.example.no');
    expect(site({})).toBe('http://localhost:5173');
    const { AUTH_PUBLIC_KEY: _development, ...productionEnv } = env;
    const production = {
      ...productionEnv,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.example:5432',
      PUBLIC_URL: 'https://etablerer.example.no',
      AUTH_ISSUER: 'https://etablerer.example.no',
      OIDC_ISSUER: 'https://idp.example.no',
      OIDC_CLIENT_ID: 'etablerer',
      OIDC_CLIENT_SECRET: 'a-secret',
    };
    expect(gatewayOptionsFromEnvironment(production).publicSiteUrl).toBeUndefined();
    expect(site({ PUBLIC_SITE_URL: '' })).toBeUndefined();
    for (const bad of ['etablerer.example.no', 'javascript:alert(1)', 'https://x.example/?next=evil']) {
      expect(() => site({ PUBLIC_SITE_URL: bad }), bad).toThrow(/PUBLIC_SITE_URL/);
    }
  });
});

// Last: it stops the partners subgraph.
describe('a subgraph that is down', () => {
  it('reports a stopped subgraph as down on /health (503), the others still up', async () => {
    await platform.subgraphs.partners.stop();
    const response = await fetch(`${platform.gateway.internalUrl}/health`);
    const health = (await response.json()) as { status: string; subgraphs: Record<string, { status: string }> };
    expect(response.status).toBe(503);
    expect(health.status).toBe('degraded');
    expect(health.subgraphs.partners?.status).toBe('down');
    expect(health.subgraphs.regions?.status).toBe('up');
  });
});

// Access under attack: every root field (access-matrix.ts) as every caller, through the gateway and
// straight at the subgraph that resolves it, checked against the access model; then tokens that
// are expired, tampered with, signed by another key or for someone else, at every entry point.

import { readFileSync } from 'node:fs';
import { type Orm, openSubgraphDatabase, publicRootFields } from '@etablerer/kit';
import { demoUser, generateDevKeys } from '@etablerer/kit/demo';
import { tableChecksums, testServerUrl } from '@etablerer/kit/testing';
import { parse } from 'graphql';
import { importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SubgraphName, subgraphNames, supergraphPath } from '../src/composition.js';
import {
  type Caller,
  type Case,
  callers,
  caseName,
  type Data,
  type DemoIds,
  type Expectation,
  matrix,
} from './access-matrix.js';
import { subgraphDefinitions as definitions, useTestPlatform } from './support/platform.js';

const platform = useTestPlatform({
  gateway: {
    // The matrix sends more anonymous requests from one address than the website's limits allow.
    publicLimits: {
      mutations: { points: 10_000, windowSeconds: 60 },
      operations: { points: 10_000, windowSeconds: 60 },
    },
  },
  timeoutMs: 120_000,
});
const { tokenFor } = platform;
/** A second connection to each subgraph's database, to see that refused writes changed nothing. */
const orms = {} as Record<SubgraphName, Orm>;
const tokens = {} as Record<Caller, string | null>;
let ids: DemoIds;

type Place = 'gateway' | SubgraphName;
interface Answer {
  status: number;
  body: { data?: Data; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(place: Place, query: string, variables: unknown, authorization: string | null): Promise<Answer> {
  const url = place === 'gateway' ? undefined : platform.subgraphUrls[place];
  const { status, text } = await platform.send(JSON.stringify({ query, variables }), { authorization, url });
  try {
    return { status, body: JSON.parse(text) };
  } catch {
    return { status, body: { errors: [{ message: text }] } };
  }
}

const bearer = (token: string | null) => (token ? `Bearer ${token}` : null);

async function sign(claims: Record<string, unknown>, options: { expiresIn?: string | number; key?: JWK } = {}) {
  const key = options.key ?? platform.keys.privateKey;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid ?? '' })
    .setIssuer(platform.auth.issuer)
    .setAudience(platform.auth.audience)
    .setIssuedAt()
    .setNotBefore(Math.floor(Date.now() / 1000));
  if (options.expiresIn !== undefined) jwt.setExpirationTime(options.expiresIn);
  return jwt.sign(await importJWK(key, 'ES256'));
}

/** Every row the tables hold, but the audit logs (reads from outside a region are logged, as they must be). */
async function dataChecksums() {
  const sums: Record<string, string> = {};
  for (const name of subgraphNames) {
    for (const [table, sum] of Object.entries(await tableChecksums(orms[name]))) {
      if (!table.includes('audit')) sums[`${name}.${table}`] = sum;
    }
  }
  return sums;
}

beforeAll(async () => {
  await Promise.all(
    subgraphNames.map(async (name) => {
      orms[name] = await openSubgraphDatabase(definitions[name], testServerUrl(), platform.databases[name]);
    }),
  );
  for (const caller of callers) {
    if (caller === 'anonymous') tokens[caller] = null;
    else if (caller === 'partner.api.noscope') {
      const { username, scope: _scope, ...claims } = demoUser('partner.api') ?? ({} as never);
      tokens[caller] = await sign({ ...claims, sub: `${username}.noscope` }, { expiresIn: '1h' });
    } else tokens[caller] = await tokenFor(caller);
  }
  ids = await lookUpDemoIds();
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(orms).map((orm) => orm.close()));
});

/**
 * Ids from the demo data, asked for as a county officer: Akershus's (county.officer) for Follo,
 * Buskerud's for Drammensregionen, each county's officers seeing their own regions' clients.
 */
async function lookUpDemoIds(): Promise<DemoIds> {
  const ask = async (place: Place, query: string, as: 'county.officer' | 'buskerud.officer' = 'county.officer') => {
    const { body } = await post(place, query, undefined, bearer(tokens[as]));
    if (body.errors) throw new Error(`fixtures: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const [regions, county, partners, buskerud, buskerudPartners] = await Promise.all([
    ask(
      'regions',
      `query Fixtures {
        clients(regionId: "follo", hasBusiness: true, first: 20, offset: 0) {
          items {
            id version milestones { kind } businesses { organisationNumber } counsellingSessions { id version }
            impactRecords { id confirmedAt }
          }
        }
        region(id: "follo") {
          freeCounsellingHoursPerClientYear
          services { id }
          held: courses(year: 2025) { id status enrolments { id status } }
          coming: courses(year: 2026) { id version status startsOn }
          later: courses(year: 2027) { id version status startsOn }
        }
        websiteRequests(regionId: "follo", status: PENDING, first: 5, offset: 0) { items { id } }
        appointmentSlots(regionId: "follo", from: "${new Date().toISOString().slice(0, 10)}", to: "${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}") { id }
      }`,
    ),
    ask(
      'gateway',
      `query Fixtures {
        agreements { id region { id } validFrom }
        region(id: "follo") { submissions(year: 2024) { id kind coversYear } }
        meetings(year: 2024) { id }
        roleAssignments(regionId: "follo", first: 50, offset: 0) { items { id role } }
      }`,
    ),
    ask(
      'partners',
      `query Fixtures {
        referrals(first: 200, offset: 0) { items { id direction region { id } } }
        businessAssessments(first: 200, offset: 0) { id region { id } }
        qualificationMeasures(year: 2025) { id region { id } participants { id } }
        gatherings(year: 2024) { id }
      }`,
    ),
    ask(
      'regions',
      'query Fixtures { drammen: clients(regionId: "drammensregionen", first: 1, offset: 0) { items { id } } }',
      'buskerud.officer',
    ),
    ask(
      'partners',
      'query Fixtures { referrals(first: 200, offset: 0) { items { id direction region { id } } } }',
      'buskerud.officer',
    ),
  ]);
  partners.referrals.items.push(...buskerudPartners.referrals.items);
  const need = <T>(what: string, value: T | undefined | null): T => {
    if (value === undefined || value === null) throw new Error(`no demo ${what}`);
    return value;
  };
  const client = need(
    'Follo client with a business, a milestone and a session',
    regions.clients.items.find((c: Data) => c.milestones.length && c.businesses.length && c.counsellingSessions.length),
  );
  const held = need(
    'held Follo course with enrolments',
    regions.region.held.find((c: Data) => c.status === 'HELD' && c.enrolments.length),
  );
  const today = new Date().toISOString().slice(0, 10);
  const upcoming = [...regions.region.coming, ...regions.region.later];
  const coming =
    upcoming.find((c: Data) => c.status === 'PLANNED' && c.startsOn >= today) ??
    need(
      `planned Follo course in ${JSON.stringify(upcoming)}`,
      upcoming.find((c: Data) => c.status === 'PLANNED'),
    );
  const referral = (direction: string, region: string) =>
    need(
      `referral ${direction} in ${region}`,
      partners.referrals.items.find((r: Data) => r.direction === direction && r.region.id === region),
    );
  const measure = need(
    'Follo measure with participants',
    partners.qualificationMeasures.find((m: Data) => m.region.id === 'follo' && m.participants.length),
  );
  const agreements = county.agreements.filter((a: Data) => a.region.id === 'follo');
  return {
    folloClient: {
      id: client.id,
      version: client.version,
      milestone: client.milestones[0].kind,
      sessionId: client.counsellingSessions[0].id,
      sessionVersion: client.counsellingSessions[0].version,
    },
    drammenClient: need('Drammensregionen client', buskerud.drammen.items[0]),
    folloClientToErase: need(
      'a second Follo client',
      regions.clients.items.find((c: Data) => c.id !== client.id),
    ),
    organisationNumber: client.businesses[0].organisationNumber,
    folloCourse: coming,
    folloHeldCourse: held,
    folloEnrolment: held.enrolments[0],
    folloService: need('Follo service', regions.region.services[0]),
    folloFreeCounsellingHours: regions.region.freeCounsellingHoursPerClientYear,
    folloWebsiteRequest: need('pending Follo website request', regions.websiteRequests.items[0]),
    folloAppointmentSlot: need('Follo appointment slot', regions.appointmentSlots[0]),
    folloConfirmedImpact: need(
      'confirmed Follo impact record',
      regions.clients.items.flatMap((c: Data) => c.impactRecords).find((r: Data) => r.confirmedAt),
    ),
    folloAgreement: need('Follo agreement', agreements.at(-1)),
    folloSubmission: need(
      'Follo submission',
      // Accounts and budgets need no figures: a valid resubmission but for the version it replaces.
      county.region.submissions.find((s: Data) => s.id && (s.kind === 'ACCOUNTS' || s.kind === 'BUDGET')),
    ),
    meeting: need('meeting', county.meetings[0]),
    folloAdviserAssignment: need(
      "a Follo adviser's role assignment",
      county.roleAssignments.items.find((a: Data) => a.role === 'ADVISER'),
    ),
    folloReferralToInnovasjonNorge: referral('TO_INNOVASJON_NORGE', 'follo'),
    folloReferralFromNav: referral('FROM_NAV', 'follo'),
    drammenReferralToNav: referral('TO_NAV', 'drammensregionen'),
    folloAssessment: need(
      'Follo assessment',
      partners.businessAssessments.find((a: Data) => a.region.id === 'follo'),
    ),
    folloMeasure: { id: measure.id, participant: measure.participants[0].id },
    gathering: need('gathering', partners.gatherings[0]),
  };
}

/** Values in an answer that say something about a record (ids and type names say nothing). */
function revealing(value: Data, path = ''): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => revealing(item, `${path}[${i}]`));
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      key === 'id' || key === '__typename' ? [] : revealing(item, `${path}.${key}`),
    );
  }
  return [`${path}=${JSON.stringify(value)}`];
}

/** What is wrong with an answer, or undefined when it is what the access model says. */
function judge(expectation: Expectation, field: string, { status, body }: Answer): string | undefined {
  const errors = body.errors ?? [];
  const codes = errors.map((error) => error.extensions?.code ?? error.message);
  const value = body.data?.[field];
  const said = `HTTP ${status}, ${codes.length ? `errors ${codes.join(', ')} (${errors[0]?.message})` : 'no errors'}`;
  switch (expectation.outcome) {
    case 'UNAUTHENTICATED':
      if (status !== 401 || !codes.length || codes.some((code) => code !== 'UNAUTHENTICATED'))
        return `expected HTTP 401 UNAUTHENTICATED, got ${said}`;
      return body.data == null ? undefined : `data with UNAUTHENTICATED: ${JSON.stringify(body.data)}`;
    case 'FORBIDDEN': {
      if (!codes.length || codes.some((code) => code !== 'FORBIDDEN')) return `expected FORBIDDEN, got ${said}`;
      const leaked = revealing(value);
      return leaked.length ? `FORBIDDEN, but the answer holds ${leaked.slice(0, 3).join(' ')}` : undefined;
    }
    case 'PASSES':
      if (!codes.length || codes.some((code) => code !== expectation.code))
        return `expected ${expectation.code} (access passed, then refused), got ${said}`;
      // `_entities` answers a list: one of nulls holds nothing.
      return value == null || (Array.isArray(value) && value.every((item) => item == null))
        ? undefined
        : `data with ${expectation.code}`;
    case 'ALLOWED':
    case 'WRITES': {
      if (status !== 200 || errors.length) return `expected an answer, got ${said}: ${errors[0]?.message}`;
      const empty = value == null || (Array.isArray(value) && value.some((item) => item == null));
      if (empty) return `expected ${field} in the answer, got ${JSON.stringify(body.data)}`;
      return expectation.outcome === 'ALLOWED' ? expectation.check?.(body.data) : undefined;
    }
  }
}

const placesOf = (c: Case): Place[] => [
  ...((c.places ?? ['gateway', 'subgraph']).includes('gateway') ? ['gateway' as const] : []),
  ...((c.places ?? ['gateway', 'subgraph']).includes('subgraph') ? [c.subgraph] : []),
];

/** Runs a case for the callers `which` picks, at each of its places, all at once; returns what went wrong. */
async function run(c: Case, which: (expectation: Expectation) => boolean): Promise<string[]> {
  const variables = c.variables?.(ids);
  const runs = callers
    .filter((caller) => which(c.expect[caller]))
    .flatMap((caller) => placesOf(c).map((place) => ({ caller, place })));
  const problems = await Promise.all(
    runs.map(async ({ caller, place }) => {
      const answer = await post(place, c.document, variables, bearer(tokens[caller]));
      const problem = judge(c.expect[caller], c.field, answer);
      return problem ? `${caller} at ${place}: ${problem}` : undefined;
    }),
  );
  return problems.filter((problem): problem is string => !!problem);
}

const queries = matrix.filter((c) => !c.document.trimStart().startsWith('mutation'));
const mutations = matrix.filter((c) => c.document.trimStart().startsWith('mutation'));
const writes = (expectation: Expectation) => expectation.outcome === 'WRITES';

describe('the matrix covers the graph', () => {
  const rootFields = (sdl: string, type: 'Query' | 'Mutation') =>
    parse(sdl).definitions.flatMap((definition) =>
      (definition.kind === 'ObjectTypeDefinition' || definition.kind === 'ObjectTypeExtension') &&
      definition.name.value === type
        ? (definition.fields ?? []).map((field) => field.name.value)
        : [],
    );

  it('has a case for every root field of the supergraph, and none for a field it lacks', () => {
    const sdl = readFileSync(supergraphPath, 'utf8');
    const fields = [...rootFields(sdl, 'Query'), ...rootFields(sdl, 'Mutation')];
    const covered = new Set(matrix.map((c) => c.field));
    expect(fields.filter((field) => !covered.has(field))).toEqual([]);
    const unknown = matrix.filter((c) => !c.field.startsWith('_') && !fields.includes(c.field)).map(caseName);
    expect(unknown).toEqual([]);
  });

  it("has a case for every root field of each subgraph's own schema, at that subgraph", () => {
    const missing = subgraphNames.flatMap((name) => {
      const schema = definitions[name].schema;
      const fields = [
        ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
        ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
      ];
      return fields
        .filter((field) => !matrix.some((c) => c.subgraph === name && c.field === field))
        .map((field) => `${name}.${field}`);
    });
    expect(missing).toEqual([]);
  });

  it('opens to anonymous callers exactly the public fields the platform lists', () => {
    const open = [
      ...new Set(matrix.filter((c) => c.expect.anonymous.outcome !== 'UNAUTHENTICATED').map((c) => c.field)),
    ];
    expect(open.sort()).toEqual([...publicRootFields.query, ...publicRootFields.mutation].sort());
  });
});

describe('every query as every caller, at the gateway and at the subgraph', () => {
  it.each(queries.map((c) => [caseName(c), c] as const))('%s', async (_name, c) => {
    expect(await run(c, () => true)).toEqual([]);
  });
});

describe('every mutation as every caller, at the gateway and at the subgraph', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    before = await dataChecksums();
  });
  // The regions subgraph lets one address send 10 of the website's mutations in 10 minutes; the matrix sends
  // each public mutation from one address at two places (gateway and subgraph), more than that in all: each
  // case starts with the windows empty, as the gateway's own limits are raised above.
  beforeEach(async () => {
    await orms.regions.em.getConnection().execute('delete from rate_limit_window');
  });

  it.each(mutations.map((c) => [caseName(c), c] as const))('%s: refused, or stopped after access', async (_n, c) => {
    expect(await run(c, (expectation) => !writes(expectation))).toEqual([]);
  });

  it('changed no data with any of them', async () => {
    expect(await dataChecksums()).toEqual(before);
  });

  it.each(
    mutations.filter((c) => callers.some((caller) => writes(c.expect[caller]))).map((c) => [caseName(c), c] as const),
  )('%s: written by those allowed', async (_n, c) => {
    expect(await run(c, writes)).toEqual([]);
  });
});

describe('entity resolution and the SDL are not part of the public graph', () => {
  it.each([
    ['_entities', 'query Q { _entities(representations: [{ __typename: "Region", id: "follo" }]) { __typename } }'],
    ['_service', 'query Q { _service { sdl } }'],
  ])('%s is refused by the gateway for everyone', async (_field, query) => {
    for (const caller of ['anonymous', 'county.officer'] as const) {
      const { body } = await post('gateway', query, undefined, bearer(tokens[caller]));
      expect(body.data ?? null, caller).toBeNull();
      expect(body.errors?.[0]?.extensions?.code, caller).toMatch(/^(GRAPHQL_VALIDATION_FAILED|UNAUTHENTICATED)$/);
    }
  });
});

describe('tokens that must not get anyone in', () => {
  const claimsOf = (username: string) => {
    const { username: sub, ...claims } = demoUser(username) ?? ({} as never);
    return { ...claims, sub };
  };
  const forge = async (username: string, change: Record<string, unknown>) => {
    const [header, payload, signature] = (await tokenFor(username)).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    return `${header}.${Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url')}.${signature}`;
  };
  const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = () => Math.floor(Date.now() / 1000);

  const kinds: [string, () => Promise<string>][] = [
    ['expired', async () => `Bearer ${await tokenFor('county.officer', { expiresIn: now() - 60 })}`],
    ['for another audience', async () => `Bearer ${await tokenFor('county.officer', { audience: 'someone-else' })}`],
    ['from another issuer', async () => `Bearer ${await tokenFor('county.officer', { issuer: 'someone-else' })}`],
    ['with its role changed', async () => `Bearer ${await forge('follo.adviser', { role: 'COUNTY_OFFICER' })}`],
    ['with its region changed', async () => `Bearer ${await forge('follo.adviser', { region: 'drammensregionen' })}`],
    ['with its expiry pushed on', async () => `Bearer ${await forge('county.officer', { exp: now() + 86_400 * 365 })}`],
    [
      'without a signature (alg none)',
      async () =>
        `Bearer ${base64({ alg: 'none', typ: 'JWT' })}.${base64({ ...claimsOf('county.officer'), iss: platform.auth.issuer, aud: platform.auth.audience, exp: now() + 3600 })}.`,
    ],
    [
      'signed with the public key as an HMAC secret (alg HS256)',
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(platform.keys.publicKey));
        const token = await new SignJWT(claimsOf('county.officer'))
          .setProtectedHeader({ alg: 'HS256', kid: platform.keys.publicKey.kid ?? '' })
          .setIssuer(platform.auth.issuer)
          .setAudience(platform.auth.audience)
          .setExpirationTime('1h')
          .sign(secret);
        return `Bearer ${token}`;
      },
    ],
    [
      'signed by another key with the same key id',
      async () => {
        const other = await generateDevKeys();
        return `Bearer ${await sign(claimsOf('county.officer'), { expiresIn: '1h', key: { ...other.privateKey, kid: platform.keys.privateKey.kid } })}`;
      },
    ],
    [
      'without a role',
      async () => {
        const { role: _role, ...claims } = claimsOf('county.officer');
        return `Bearer ${await sign(claims, { expiresIn: '1h' })}`;
      },
    ],
    [
      'without an organisation',
      async () => {
        const { org: _org, ...claims } = claimsOf('county.officer');
        return `Bearer ${await sign(claims, { expiresIn: '1h' })}`;
      },
    ],
    [
      'with a role the platform does not know',
      async () => `Bearer ${await sign({ ...claimsOf('county.officer'), role: 'ADMIN' }, { expiresIn: '1h' })}`,
    ],
    ['without an expiry', async () => `Bearer ${await sign(claimsOf('county.officer'))}`],
    ['that is not a JWT', async () => 'Bearer not-a-token'],
    ['in another scheme than Bearer', async () => `Basic ${Buffer.from('county.officer:secret').toString('base64')}`],
  ];

  // Per subgraph a query and a mutation that need a token, and a public field (a bad token is
  // refused there too: never taken as no token).
  const samples = (
    [
      'county.agreements',
      'county.recordMeeting',
      'county.publicResponsibleParties',
      "regions.client (a Follo client's)",
      'regions.updateClient',
      'regions.publicRegions',
      'partners.referrals',
      'partners.createGathering',
      'partners.publicPartnerCourses',
    ] as const
  ).map((name) => {
    const found = matrix.find((c) => caseName(c) === name);
    if (!found) throw new Error(`no case ${name}`);
    return found;
  });

  it.each(kinds)(
    'refuses a token %s with 401 UNAUTHENTICATED, at the gateway and at every subgraph',
    async (_kind, make) => {
      const authorization = await make();
      const runs = samples.flatMap((c) => (['gateway', c.subgraph] as const).map((place) => ({ c, place })));
      const problems = await Promise.all(
        runs.map(async ({ c, place }) => {
          const problem = judge(
            { outcome: 'UNAUTHENTICATED' },
            c.field,
            await post(place, c.document, c.variables?.(ids), authorization),
          );
          return problem ? `${caseName(c)} at ${place}: ${problem}` : undefined;
        }),
      );
      expect(problems.filter(Boolean)).toEqual([]);
    },
  );
});

// The import of the register of legal entities (Enhetsregisteret) from its bulk file, on disk and over
// HTTP (a real local server, gzip'd as the register serves it), and what advisers then read of a business.
// The fixture holds entities in the register's own format (field names as in data.brreg.no's download).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importBusinessRegister } from '../src/business-register.js';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

const fixture = fileURLToPath(new URL('./fixtures/enhetsregisteret-enheter.json', import.meta.url));

let subgraph: TestSubgraph<Context>;
let server: Server;
let baseUrl: string;
let clientId: string;

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;

// The businesses an adviser registered: five the file lists or not, one registered after the imports.
const numbers = {
  active: '920000215',
  bankrupt: '920000282',
  windingUp: '920000355',
  deleted: '920000428',
  notInRegister: '920000495',
};

beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
  const { data, errors } = await subgraph.execute<{ registerClient: { id: string } }>(
    'mutation R($input: RegisterClientInput!) { registerClient(input: $input) { id } }',
    {
      input: {
        regionId: 'follo',
        municipalityNumber: '3020',
        name: 'Registerklient Testesen',
        birthYear: 1985,
        immigrantBackground: 'NO',
        registeredOn: '2022-01-05',
      },
    },
    { as: 'follo.adviser' },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  clientId = data?.registerClient.id as string;
  for (const [name, organisationNumber] of Object.entries(numbers)) {
    const registered = await subgraph.execute(
      'mutation B($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }',
      { input: { clientId, name, organisationNumber, registeredOn: '2022-03-01', legalForm: 'ENK' } },
      { as: 'follo.adviser' },
    );
    if (registered.errors) throw new Error(JSON.stringify(registered.errors));
  }

  // The register's download: the fixture gzip'd, as data.brreg.no serves it; a broken one cut off halfway.
  const gzipped = gzipSync(readFileSync(fixture));
  server = createServer((request, response) => {
    if (request.url === '/enheter/lastned') {
      response.writeHead(200, { 'content-type': 'application/vnd.brreg.enhetsregisteret.enhet.v2+gzip;charset=UTF-8' });
      response.end(gzipped);
    } else if (request.url === '/enheter/avbrutt') {
      response.writeHead(200, { 'content-type': 'application/gzip' });
      response.end(gzipped.subarray(0, Math.floor(gzipped.length / 2)));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await subgraph?.close();
});

interface RegisterFacts {
  organisationNumber: string;
  registerStatus: string;
  industryCode: string | null;
  registeredInRegisterOn: string | null;
  deletedOn: string | null;
  bankruptOn: string | null;
  missingFromRegisterSince: string | null;
  registerCheckedAt: string | null;
}

async function businesses(): Promise<Record<string, RegisterFacts>> {
  const { data, errors } = await subgraph.execute<{ client: { businesses: RegisterFacts[] } }>(
    `query C($id: ID!) { client(id: $id) { businesses {
      organisationNumber registerStatus industryCode registeredInRegisterOn deletedOn bankruptOn
      missingFromRegisterSince registerCheckedAt
    } } }`,
    { id: clientId },
    { as: 'follo.adviser' },
  );
  expect(errors).toBeUndefined();
  return Object.fromEntries((data?.client.businesses ?? []).map((business) => [business.organisationNumber, business]));
}

/** Forgets what imports set, so each test starts from businesses no import has seen. */
const forgetImports = () =>
  subgraph.orm.em.fork().execute(
    `update business set industry_code = null, registered_in_register_on = null, deleted_on = null,
         bankrupt_on = null, register_checked_at = null, missing_from_register_since = null`,
  );

const afterImport = {
  [numbers.active]: {
    registerStatus: 'ACTIVE',
    industryCode: '62.010',
    registeredInRegisterOn: '2022-03-01',
    deletedOn: null,
    bankruptOn: null,
    missingFromRegisterSince: null,
  },
  [numbers.bankrupt]: {
    registerStatus: 'BANKRUPT',
    industryCode: '10.710',
    registeredInRegisterOn: '2022-04-20',
    deletedOn: null,
    bankruptOn: '2023-09-15',
    missingFromRegisterSince: null,
  },
  // Being wound up is not yet deleted.
  [numbers.windingUp]: {
    registerStatus: 'ACTIVE',
    industryCode: '81.300',
    registeredInRegisterOn: '2022-05-02',
    deletedOn: null,
    bankruptOn: null,
    missingFromRegisterSince: null,
  },
  [numbers.deleted]: {
    registerStatus: 'DELETED',
    industryCode: null,
    registeredInRegisterOn: null,
    deletedOn: '2023-02-01',
    bankruptOn: null,
    missingFromRegisterSince: null,
  },
  [numbers.notInRegister]: {
    registerStatus: 'NOT_FOUND',
    industryCode: null,
    registeredInRegisterOn: null,
    deletedOn: null,
    bankruptOn: null,
    missingFromRegisterSince: '2024-06-01',
  },
};

describe('the import of the register of legal entities', () => {
  it('sets the register facts of the businesses the CRM holds from the file, and a second run changes nothing', async () => {
    await forgetImports();
    const before = await businesses();
    expect(Object.values(before).map((business) => business.registerStatus)).toEqual(Array(5).fill('NOT_CHECKED'));

    // Batches of two: the four found take two transactions.
    const first = await importBusinessRegister(subgraph.orm, { file: fixture }, { batchSize: 2, today: '2024-06-01' });
    expect(first).toMatchObject({ entitiesRead: 6, businessesFound: 4, businessesMissing: expect.any(Number) });
    const imported = await businesses();
    expect(imported).toMatchObject(afterImport);
    for (const number of [numbers.active, numbers.bankrupt, numbers.windingUp, numbers.deleted]) {
      expect(imported[number]?.registerCheckedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    }
    expect(imported[numbers.notInRegister]?.registerCheckedAt).toBeNull();

    // Idempotent: run again (a later day), the facts are the same and "missing since" keeps its first day.
    await importBusinessRegister(subgraph.orm, { file: fixture }, { batchSize: 2, today: '2024-06-08' });
    expect(await businesses()).toMatchObject(afterImport);
  });

  it("reads the register's gzip'd download over HTTP", async () => {
    await forgetImports();
    const result = await importBusinessRegister(
      subgraph.orm,
      { url: `${baseUrl}/enheter/lastned` },
      { today: '2024-06-01' },
    );
    expect(result).toMatchObject({ entitiesRead: 6, businessesFound: 4 });
    expect(await businesses()).toMatchObject(afterImport);
  });

  it('changes nothing when the download fails, and marks nothing missing when it breaks off', async () => {
    await forgetImports();
    await expect(
      importBusinessRegister(subgraph.orm, { url: `${baseUrl}/enheter/ingenting` }, { today: '2024-06-01' }),
    ).rejects.toThrow(/HTTP 404/);
    await expect(
      importBusinessRegister(subgraph.orm, { url: `${baseUrl}/enheter/avbrutt` }, { today: '2024-06-01' }),
    ).rejects.toThrow();
    const after = await businesses();
    expect(after[numbers.notInRegister]).toMatchObject({
      registerStatus: 'NOT_CHECKED',
      missingFromRegisterSince: null,
    });
  });

  it('finds a business again once the register lists it, and a bankruptcy without a date is dated the day of the import', async () => {
    await forgetImports();
    await importBusinessRegister(subgraph.orm, { file: fixture }, { today: '2024-06-01' });
    const entities = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>[];
    const listed = [
      ...entities,
      {
        organisasjonsnummer: numbers.notInRegister,
        navn: 'SENT FUNNET ENK',
        organisasjonsform: { kode: 'ENK' },
        registreringsdatoEnhetsregisteret: '2022-03-02',
        naeringskode1: { kode: '47.910' },
        konkurs: true,
      },
    ];
    const folder = mkdtempSync(join(tmpdir(), 'enhetsregisteret-'));
    const file = join(folder, 'enheter.json');
    writeFileSync(file, JSON.stringify(listed));
    try {
      await importBusinessRegister(subgraph.orm, { file }, { today: '2024-07-01' });
    } finally {
      rmSync(folder, { recursive: true });
    }
    expect((await businesses())[numbers.notInRegister]).toMatchObject({
      registerStatus: 'BANKRUPT',
      missingFromRegisterSince: null,
      registeredInRegisterOn: '2022-03-02',
      bankruptOn: '2024-07-01',
    });
  });
});

describe('the scheduled import', () => {
  it('imports from BUSINESS_REGISTER_URL on BUSINESS_REGISTER_SCHEDULE without anyone running it', async () => {
    await forgetImports();
    // Every second, so the test need not wait for Sunday.
    const tasks =
      regionsSubgraph.tasks?.(subgraph.orm, {
        values: { BUSINESS_REGISTER_URL: `${baseUrl}/enheter/lastned`, BUSINESS_REGISTER_SCHEDULE: '* * * * * *' },
        production: false,
      }) ?? [];
    expect(tasks).toHaveLength(1);
    try {
      await vi.waitFor(async () => expect((await businesses())[numbers.deleted]?.registerStatus).toBe('DELETED'), {
        timeout: 20_000,
        interval: 250,
      });
    } finally {
      await Promise.all(tasks.map((task) => task.stop()));
    }
    expect(await businesses()).toMatchObject({ [numbers.active]: afterImport[numbers.active] });
  });

  it('is not scheduled without BUSINESS_REGISTER_URL, nor outside production unless a schedule is set', () => {
    const url = { BUSINESS_REGISTER_URL: `${baseUrl}/enheter/lastned` };
    expect(regionsSubgraph.tasks?.(subgraph.orm, { values: {}, production: true })).toEqual([]);
    expect(regionsSubgraph.tasks?.(subgraph.orm, { values: url, production: false })).toEqual([]);
    expect(
      regionsSubgraph.tasks?.(subgraph.orm, { values: { ...url, BUSINESS_REGISTER_SCHEDULE: null }, production: true }),
    ).toEqual([]);
  });
});

describe('businesses and the register', () => {
  it("keeps the register's dates for survival when the client is erased, but not the industry code nor the number", async () => {
    const { data } = await subgraph.execute<{ registerClient: { id: string } }>(
      'mutation R($input: RegisterClientInput!) { registerClient(input: $input) { id } }',
      {
        input: {
          regionId: 'follo',
          municipalityNumber: '3020',
          name: 'Slettes Testesen',
          birthYear: 1979,
          immigrantBackground: 'NO',
          registeredOn: '2022-01-06',
        },
      },
      { as: 'follo.adviser' },
    );
    const erasedClientId = data?.registerClient.id as string;
    const registered = await subgraph.execute(
      'mutation B($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }',
      {
        input: {
          clientId: erasedClientId,
          name: 'Fjordlys',
          organisationNumber: '920000142',
          registeredOn: '2022-04-20',
          legalForm: 'AS',
        },
      },
      { as: 'follo.adviser' },
    );
    expect(registered.errors).toBeUndefined();
    await importBusinessRegister(subgraph.orm, { file: fixture }, { today: '2024-06-01' });
    const erased = await subgraph.execute(
      'mutation X($id: ID!) { eraseClient(id: $id, reason: REQUEST) { id } }',
      { id: erasedClientId },
      { as: 'follo.adviser' },
    );
    expect(erased.errors).toBeUndefined();
    const [row] = await subgraph.orm.em.fork().execute(
      `select organisation_number, industry_code, registered_on::text, registered_in_register_on::text
           from business where client_id = ?`,
      [erasedClientId],
    );
    expect(row).toEqual({
      organisation_number: null,
      industry_code: null,
      registered_on: '2022-04-20',
      registered_in_register_on: '2019-05-14',
    });
  });

  it('refuses an organisation number whose mod-11 check digit is wrong, naming the field', async () => {
    const result = await subgraph.execute(
      'mutation B($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }',
      {
        input: { clientId, name: 'Feil', organisationNumber: '920000216', registeredOn: '2022-03-01', legalForm: 'AS' },
      },
      { as: 'follo.adviser' },
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/^input\.organisationNumber: .*mod 11/);
  });

  it('refuses survival milestones: survival comes from the register', async () => {
    for (const kind of ['ACTIVE_AFTER_1_YEAR', 'ACTIVE_AFTER_2_YEARS', 'ACTIVE_AFTER_3_YEARS']) {
      const result = await subgraph.execute(
        'mutation M($id: ID!, $kind: MilestoneKind!) { recordMilestone(clientId: $id, kind: $kind, reachedOn: "2024-01-02") { kind } }',
        { id: clientId, kind },
        { as: 'follo.adviser' },
      );
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/register of legal entities/);
    }
    const other = await subgraph.execute(
      'mutation M($id: ID!) { recordMilestone(clientId: $id, kind: FIRST_REVENUE, reachedOn: "2024-01-02") { kind } }',
      { id: clientId },
      { as: 'follo.adviser' },
    );
    expect(other.errors).toBeUndefined();
  });
});

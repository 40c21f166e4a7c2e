// The access model in the regions subgraph: who sees a client's personal data, who sees only
// aggregates, who writes the CRM, and the audit log of it all.
import { regionsOfCounty } from '@etablerer/kit';
import { demoClients } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
const demoClientsOf = (regionId: string, year?: number) =>
  demoClients().filter((c) => c.regionId === regionId && (!year || c.registeredOn.startsWith(String(year))));
let folloClientId: string;
let drammenClientId: string;

const clientsQuery = `query Clients($regionId: ID, $first: Int!, $offset: Int!) {
  clients(regionId: $regionId, first: $first, offset: $offset) { totalCount hasNextPage items { id name region { id } } }
}`;
const clientQuery = 'query Client($id: ID!) { client(id: $id) { id name email birthYear immigrantBackground } }';
const auditQuery = `query Audit($clientId: ID) {
  clientAuditLog(clientId: $clientId, first: 50, offset: 0) { totalCount items { subject role organisationName operation recordId detail } }
}`;
const registerMutation = `mutation Register($input: RegisterClientInput!) {
  registerClient(input: $input) { id name region { id } municipality { name } immigrantBackground registeredOn }
}`;

type ClientsData = {
  clients: { totalCount: number; hasNextPage: boolean; items: { id: string; region: { id: string } }[] };
};

/** The first client of a region, as an officer of the county the region answers to sees it. */
async function firstClientOf(regionId: string, as: string): Promise<string> {
  const { data } = await subgraph.execute<ClientsData>(clientsQuery, { regionId, first: 1, offset: 0 }, { as });
  const id = data?.clients.items[0]?.id;
  if (!id) throw new Error(`no demo client in ${regionId}`);
  return id;
}

const code = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
  folloClientId = await firstClientOf('follo', 'akershus.officer');
  drammenClientId = await firstClientOf('drammensregionen', 'buskerud.officer');
});
afterAll(() => subgraph?.close());

describe("a client's personal data", () => {
  it("is listed for an adviser of the client's region, and only their region's clients", async () => {
    const { data, errors } = await subgraph.execute<ClientsData>(
      clientsQuery,
      { first: 200, offset: 0 },
      { as: 'follo.adviser' },
    );
    expect(errors).toBeUndefined();
    expect(data?.clients.totalCount).toBe(demoClientsOf('follo').length);
    expect(new Set(data?.clients.items.map((c) => c.region.id))).toEqual(new Set(['follo']));
  });

  it("gives an adviser nothing from another region's list", async () => {
    const { data, errors } = await subgraph.execute(
      clientsQuery,
      { regionId: 'drammensregionen', first: 50, offset: 0 },
      { as: 'follo.adviser' },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ clients: { totalCount: 0, hasNextPage: false, items: [] } });
  });

  it('is readable by the adviser and by the officer of a municipality in the region', async () => {
    for (const username of ['follo.adviser', 'nordrefollo.officer']) {
      const { data, errors } = await subgraph.execute<{ client: { id: string } }>(
        clientQuery,
        { id: folloClientId },
        { as: username },
      );
      expect(errors, username).toBeUndefined();
      expect(data?.client.id).toBe(folloClientId);
    }
  });

  it.each([
    ['county.officer', 'akershus'],
    ['akershus.officer', 'akershus'],
    ['buskerud.officer', 'buskerud'],
    ['ostfold.officer', 'ostfold'],
  ])('is listed for %s in the regions of %s only, the county the region answers to since 2024', async (as, county) => {
    const { data } = await subgraph.execute<ClientsData>(clientsQuery, { first: 200, offset: 0 }, { as });
    const regions = regionsOfCounty(county);
    expect(data?.clients.totalCount).toBe(demoClients().filter((c) => regions.includes(c.regionId)).length);
    expect(new Set(data?.clients.items.map((c) => c.region.id))).toEqual(
      new Set(regions.filter((id) => demoClientsOf(id).length > 0)),
    );
  });

  it('is not listed for Viken’s officers, who read history, nor for another county’s region', async () => {
    const viken = await subgraph.execute(clientsQuery, { first: 200, offset: 0 }, { as: 'viken.officer' });
    expect(viken.data).toEqual({ clients: { totalCount: 0, hasNextPage: false, items: [] } });
    const other = await subgraph.execute(
      clientsQuery,
      { regionId: 'drammensregionen', first: 50, offset: 0 },
      { as: 'akershus.officer' },
    );
    expect(other.data).toEqual({ clients: { totalCount: 0, hasNextPage: false, items: [] } });
  });

  it.each(['akershus.officer', 'county.officer', 'ostfold.officer', 'viken.officer'])(
    'keeps a Buskerud region’s client from %s, as if it did not exist',
    async (as) => {
      const hidden = await subgraph.execute(clientQuery, { id: drammenClientId }, { as });
      const missing = await subgraph.execute(clientQuery, { id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' }, { as });
      expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
      const own = await subgraph.execute(clientQuery, { id: drammenClientId }, { as: 'buskerud.officer' });
      expect(own.errors, JSON.stringify(own.errors)).toBeUndefined();
    },
  );

  it.each([
    'drammen.adviser',
    'drammen.officer',
    'innovasjonnorge.officer',
    'nav.officer',
    'coordination.member',
    'partner.api',
  ])('is FORBIDDEN to %s, with the same answer as for a client that does not exist', async (username) => {
    const hidden = await subgraph.execute(clientQuery, { id: folloClientId }, { as: username });
    const missing = await subgraph.execute(
      clientQuery,
      { id: '00000000-0000-4000-8000-000000000000' },
      { as: username },
    );
    expect(hidden.data).toEqual({ client: null });
    expect(code(hidden)).toBe('FORBIDDEN');
    expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect(code(missing)).toBe('FORBIDDEN');
  });

  it.each(['innovasjonnorge.officer', 'nav.officer', 'coordination.member', 'partner.api'])(
    'lists nothing to %s',
    async (username) => {
      const { data, errors } = await subgraph.execute(clientsQuery, { first: 50, offset: 0 }, { as: username });
      expect(errors).toBeUndefined();
      expect(data).toEqual({ clients: { totalCount: 0, hasNextPage: false, items: [] } });
    },
  );

  it('refuses a page larger than 200 or a negative offset, naming the argument', async () => {
    const tooLarge = await subgraph.execute(clientsQuery, { first: 201, offset: 0 }, { as: 'follo.adviser' });
    expect(tooLarge.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const negative = await subgraph.execute(clientsQuery, { first: 10, offset: -1 }, { as: 'follo.adviser' });
    expect(negative.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'offset' });
  });

  it('is refused through entity references too (another subgraph asking for a client)', async () => {
    const query = 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id name } } }';
    const representations = [{ __typename: 'Client', id: drammenClientId }];
    const allowed = await subgraph.execute(query, { r: representations }, { as: 'drammen.adviser' });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data).toEqual({ _entities: [{ id: drammenClientId, name: expect.any(String) }] });
    const refused = await subgraph.execute(query, { r: representations }, { as: 'nav.officer' });
    expect(code(refused)).toBe('FORBIDDEN');
  });
});

describe('aggregates', () => {
  const countQuery =
    'query Count($id: ID!, $year: Int!) { region(id: $id) { clientCount(year: $year) { value suppressed reason } } }';

  it.each(['coordination.member', 'partner.api', 'county.officer', 'follo.adviser'])(
    'are shown to %s',
    async (username) => {
      const { data, errors } = await subgraph.execute(countQuery, { id: 'follo', year: 2024 }, { as: username });
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        region: { clientCount: { value: demoClientsOf('follo', 2024).length, suppressed: false, reason: null } },
      });
    },
  );

  // The demo data starts in 2022: Hallingdal had no clients in 2021.
  it('suppress a count of fewer than 5 persons, with the reason', async () => {
    const { data } = await subgraph.execute(
      countQuery,
      { id: 'hallingdal', year: 2021 },
      { as: 'coordination.member' },
    );
    expect(data).toEqual({
      region: {
        clientCount: {
          value: null,
          suppressed: true,
          reason:
            'Fewer than 5 persons, or a figure from which such a count could be worked out: not shown, so no one can be singled out.',
        },
      },
    });
  });
});

describe('writing the CRM', () => {
  const input = {
    regionId: 'follo',
    municipalityNumber: '3021',
    name: 'Mina Rahimi',
    email: 'mina@example.org',
    phone: '+47 912 34 567',
    birthYear: 1990,
    immigrantBackground: 'YES',
    registeredOn: '2024-05-02',
  };

  it('is open to an adviser of the region, and the write is audited', async () => {
    const { data, errors } = await subgraph.execute<{ registerClient: { id: string } }>(
      registerMutation,
      { input },
      { as: 'follo.adviser' },
    );
    expect(errors).toBeUndefined();
    expect(data?.registerClient).toEqual({
      id: expect.any(String),
      name: 'Mina Rahimi',
      region: { id: 'follo' },
      municipality: { name: 'Ås' },
      immigrantBackground: 'YES',
      registeredOn: '2024-05-02',
    });
    const audit = await subgraph.execute(auditQuery, { clientId: data?.registerClient.id }, { as: 'county.officer' });
    expect(audit.data).toEqual({
      clientAuditLog: {
        totalCount: 1,
        items: [
          {
            subject: 'follo.adviser',
            role: 'ADVISER',
            organisationName: 'Etablerertjenesten i Follo',
            operation: 'CREATE',
            recordId: data?.registerClient.id,
            detail: 'registerClient',
          },
        ],
      },
    });
  });

  it.each([
    ['drammen.adviser', 'an adviser of another region'],
    ['nordrefollo.officer', 'a municipality officer'],
    ['county.officer', 'a county officer'],
    ['innovasjonnorge.officer', 'Innovasjon Norge'],
  ])('is FORBIDDEN to %s (%s), and nothing is written', async (username) => {
    const before = await subgraph.execute<ClientsData>(
      clientsQuery,
      { regionId: 'follo', first: 1, offset: 0 },
      { as: 'county.officer' },
    );
    const result = await subgraph.execute(
      registerMutation,
      { input: { ...input, name: `By ${username}` } },
      { as: username },
    );
    expect(code(result)).toBe('FORBIDDEN');
    const after = await subgraph.execute<ClientsData>(
      clientsQuery,
      { regionId: 'follo', first: 1, offset: 0 },
      { as: 'county.officer' },
    );
    expect(after.data?.clients.totalCount).toBe(before.data?.clients.totalCount);
  });

  it.each([
    [{ name: '' }, 'input.name'],
    [{ email: 'not-an-address' }, 'input.email'],
    [{ birthYear: 1850 }, 'input.birthYear'],
    [{ registeredOn: '2999-01-01' }, 'input.registeredOn'],
    [{ municipalityNumber: '3005' }, 'input.municipalityNumber'],
  ])('refuses bad input %o with BAD_USER_INPUT naming %s', async (change, field) => {
    const result = await subgraph.execute(
      registerMutation,
      { input: { ...input, ...change } },
      { as: 'follo.adviser' },
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
  });
});

describe("a region's settings", () => {
  const setLimit = `mutation Limit($regionId: ID!, $hours: Float!) {
    setFreeCounsellingLimit(regionId: $regionId, hours: $hours) { id }
  }`;

  it('refuse someone who may not change them with FORBIDDEN whatever the input, before checking it', async () => {
    // Another region's adviser, the coordination group, a county officer: hours valid, out of range, not quarters.
    for (const as of ['drammen.adviser', 'coordination.member', 'county.officer']) {
      for (const hours of [5, 0, -3, 0.1, 1e9]) {
        expect(code(await subgraph.execute(setLimit, { regionId: 'follo', hours }, { as })), `${as}, ${hours}`).toBe(
          'FORBIDDEN',
        );
      }
    }
    // The region's own adviser is told what is wrong with the input.
    expect(code(await subgraph.execute(setLimit, { regionId: 'follo', hours: 0.1 }, { as: 'follo.adviser' }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('the audit log', () => {
  it('records reads from outside the region (a county officer), not those of the region’s own adviser', async () => {
    await subgraph.execute(clientQuery, { id: drammenClientId }, { as: 'drammen.adviser' });
    await subgraph.execute(clientQuery, { id: drammenClientId }, { as: 'buskerud.officer' });
    const { data } = await subgraph.execute<{ clientAuditLog: { items: { subject: string; operation: string }[] } }>(
      auditQuery,
      { clientId: drammenClientId },
      { as: 'county.officer' },
    );
    const reads = data?.clientAuditLog.items.filter((entry) => entry.operation === 'READ') ?? [];
    expect(reads.map((entry) => entry.subject)).toContain('buskerud.officer');
    expect(reads.map((entry) => entry.subject)).not.toContain('drammen.adviser');
  });

  it.each(['follo.adviser', 'nordrefollo.officer', 'coordination.member'])('is FORBIDDEN to %s', async (username) => {
    expect(code(await subgraph.execute(auditQuery, {}, { as: username }))).toBe('FORBIDDEN');
  });
});

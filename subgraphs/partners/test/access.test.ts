// The access model in the partners subgraph: Innovasjon Norge and NAV see a client only through
// a referral addressed to them, with only the shared data; gatherings are written by their owners.
import { demoClients } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
});
afterAll(() => subgraph?.close());

const referralsQuery = `query Referrals {
  referrals(first: 200, offset: 0) { totalCount items { id direction region { id } } }
}`;
type ReferralsData = {
  referrals: { totalCount: number; items: { id: string; direction: string; region: { id: string } }[] };
};
const code = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;

async function referralsAs(username: string) {
  const { data, errors } = await subgraph.execute<ReferralsData>(referralsQuery, {}, { as: username });
  expect(errors).toBeUndefined();
  return data?.referrals.items ?? [];
}

describe('referrals', () => {
  it('show Innovasjon Norge only those addressed to it, with the shared client data and nothing more', async () => {
    const items = await referralsAs('innovasjonnorge.officer');
    expect(items.length).toBeGreaterThan(10);
    expect(new Set(items.map((r) => r.direction))).toEqual(new Set(['TO_INNOVASJON_NORGE']));
    const { data } = await subgraph.execute<{ referral: { sharedClientData: Record<string, string> } }>(
      'query One($id: ID!) { referral(id: $id) { sharedClientData { name email phone } } }',
      { id: items[0]?.id },
      { as: 'innovasjonnorge.officer' },
    );
    const shared = data?.referral.sharedClientData as { name: string; email: string; phone: string };
    // Exactly the demo client's name and contact, which the client agreed to share: nothing else.
    expect(Object.keys(shared).sort()).toEqual(['email', 'name', 'phone']);
    expect(
      demoClients().some((c) => c.name === shared.name && c.email === shared.email && c.phone === shared.phone),
    ).toBe(true);
  });

  it('show NAV those to and from NAV only', async () => {
    const items = await referralsAs('nav.officer');
    expect(new Set(items.map((r) => r.direction))).toEqual(new Set(['TO_NAV', 'FROM_NAV']));
  });

  it("show an adviser their own region's referrals only", async () => {
    const items = await referralsAs('follo.adviser');
    expect(items.length).toBeGreaterThan(5);
    expect(new Set(items.map((r) => r.region.id))).toEqual(new Set(['follo']));
  });

  it.each(['coordination.member', 'partner.api'])('show %s none', async (username) => {
    expect(await referralsAs(username)).toEqual([]);
  });

  it('refuse one referral to a party it is not addressed to, the same as a missing one', async () => {
    const toNav = (await referralsAs('nav.officer')).find((r) => r.direction === 'TO_NAV');
    const query = 'query One($id: ID!) { referral(id: $id) { id sharedClientData { name } } }';
    const allowed = await subgraph.execute(query, { id: toNav?.id }, { as: 'nav.officer' });
    expect(allowed.errors).toBeUndefined();
    const hidden = await subgraph.execute(query, { id: toNav?.id }, { as: 'innovasjonnorge.officer' });
    const missing = await subgraph.execute(
      query,
      { id: '00000000-0000-4000-8000-ffffffffffff' },
      { as: 'innovasjonnorge.officer' },
    );
    expect(code(hidden)).toBe('FORBIDDEN');
    expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
  });

  it('resolve as entity references for those who may see them, FORBIDDEN for others', async () => {
    const [first] = await referralsAs('follo.adviser');
    const query = 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Referral { id region { id } } } }';
    const representations = [{ __typename: 'Referral', id: first?.id }];
    const allowed = await subgraph.execute(query, { r: representations }, { as: 'nordrefollo.officer' });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data).toEqual({ _entities: [{ id: first?.id, region: { id: 'follo' } }] });
    expect(code(await subgraph.execute(query, { r: representations }, { as: 'drammen.adviser' }))).toBe('FORBIDDEN');
  });

  it("are audited when read from outside the client's region", async () => {
    const before = await subgraph.orm.em.fork().count('AuditEntry', { operation: 'READ', subject: 'nav.officer' });
    const read = await referralsAs('nav.officer');
    const after = await subgraph.orm.em.fork().count('AuditEntry', { operation: 'READ', subject: 'nav.officer' });
    expect(after - before).toBe(read.length);
    const adviserReads = await subgraph.orm.em.fork().count('AuditEntry', { subject: 'follo.adviser' });
    await referralsAs('follo.adviser');
    expect(await subgraph.orm.em.fork().count('AuditEntry', { subject: 'follo.adviser' })).toBe(adviserReads);
  });
});

describe('sending a referral', () => {
  const send = `mutation Send($input: SendReferralInput!) {
    sendReferral(input: $input) { direction region { id } status sharedClientData { name } }
  }`;
  const input = {
    clientId: demoClients().find((client) => client.regionId === 'follo')?.id,
    direction: 'TO_INNOVASJON_NORGE',
    programme: 'STARTUP_LOAN',
    consentGivenOn: '2024-06-01',
    sharedClientData: { name: 'Jakob Khan', email: 'jakob@example.org' },
    note: 'Startlån',
  };

  it("is open to an adviser, for the adviser's region, and audited", async () => {
    const { data, errors } = await subgraph.execute(send, { input }, { as: 'follo.adviser' });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      sendReferral: {
        direction: 'TO_INNOVASJON_NORGE',
        region: { id: 'follo' },
        status: 'SENT',
        sharedClientData: { name: 'Jakob Khan' },
      },
    });
    expect(
      await subgraph.orm.em
        .fork()
        .count('AuditEntry', { operation: 'CREATE', subject: 'follo.adviser', detail: 'sendReferral' }),
    ).toBe(1);
  });

  it.each(['innovasjonnorge.officer', 'nav.officer', 'county.officer', 'nordrefollo.officer'])(
    'is FORBIDDEN to %s',
    async (username) => {
      expect(code(await subgraph.execute(send, { input }, { as: username }))).toBe('FORBIDDEN');
    },
  );

  it('needs the consent date, in the past', async () => {
    const result = await subgraph.execute(
      send,
      { input: { ...input, consentGivenOn: '2999-01-01' } },
      { as: 'follo.adviser' },
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('input.consentGivenOn');
  });
});

describe('writing gatherings', () => {
  const create = `mutation Create($input: CreateGatheringInput!) { createGathering(input: $input) { title date online } }`;
  const input = { title: 'Fagsamling: mentorordninger', date: '2025-11-20', location: 'Drammen', online: true };

  it.each(['innovasjonnorge.officer', 'county.officer'])('is open to %s', async (username) => {
    const { data, errors } = await subgraph.execute(create, { input }, { as: username });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ createGathering: { title: input.title, date: input.date, online: true } });
  });

  it.each(['follo.adviser', 'nav.officer', 'coordination.member', 'nordrefollo.officer', 'partner.api'])(
    'is FORBIDDEN to %s',
    async (username) => {
      expect(code(await subgraph.execute(create, { input }, { as: username }))).toBe('FORBIDDEN');
    },
  );

  it('refuses an empty title, naming the field', async () => {
    const result = await subgraph.execute(create, { input: { ...input, title: ' ' } }, { as: 'county.officer' });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title' });
  });
});

describe('the referral audit log', () => {
  const auditQuery = `query Audit { referralAuditLog(first: 10, offset: 0) { totalCount items { subject operation recordId } } }`;

  it('is open to county officers', async () => {
    await referralsAs('innovasjonnorge.officer');
    const { data, errors } = await subgraph.execute<{
      referralAuditLog: { totalCount: number; items: { subject: string; operation: string }[] };
    }>(auditQuery, {}, { as: 'county.officer' });
    expect(errors).toBeUndefined();
    expect(data?.referralAuditLog.items).toContainEqual({
      subject: 'innovasjonnorge.officer',
      operation: 'READ',
      recordId: expect.any(String),
    });
  });

  it.each(['innovasjonnorge.officer', 'nav.officer', 'follo.adviser'])('is FORBIDDEN to %s', async (username) => {
    expect(code(await subgraph.execute(auditQuery, {}, { as: username }))).toBe('FORBIDDEN');
  });
});

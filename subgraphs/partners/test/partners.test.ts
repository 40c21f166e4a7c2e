// The partners subgraph's professional gatherings against a real database.
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
});
afterAll(() => subgraph?.close());

const gatheringsQuery = 'query Gatherings($year: Int!) { gatherings(year: $year) { id title date location online } }';

describe('gatherings', () => {
  it("lists one year's gatherings in date order: at least the two the agreement asks for", async () => {
    const { data, errors } = await subgraph.execute<{ gatherings: Record<string, unknown>[] }>(gatheringsQuery, {
      year: 2024,
    });
    expect(errors).toBeUndefined();
    expect(data?.gatherings.map(({ id, ...rest }) => rest)).toEqual([
      {
        title: 'Fagsamling vår 2024: regionreformen og nye fylker',
        date: '2024-03-12',
        location: 'Sarpsborg',
        online: false,
      },
      {
        title: 'Fagsamling høst 2024: bærekraftige forretningsmodeller',
        date: '2024-10-16',
        location: null,
        online: true,
      },
    ]);
  });

  it('answers an empty list for a year without gatherings', async () => {
    const { data, errors } = await subgraph.execute(gatheringsQuery, { year: 2019 });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ gatherings: [] });
  });

  it('refuses a year out of range with BAD_USER_INPUT naming the field', async () => {
    const { data, errors } = await subgraph.execute(gatheringsQuery, { year: 1850 });
    // gatherings is nullable (null when the partners service is unavailable at the gateway).
    expect(data).toEqual({ gatherings: null });
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(errors?.[0]?.message).toMatch(/between 2000 and 2100/);
  });
});

describe('entities for the gateway', () => {
  it('resolves Gathering references by id, null for an unknown or malformed id', async () => {
    const listed = await subgraph.execute<{ gatherings: { id: string; title: string }[] }>(gatheringsQuery, {
      year: 2022,
    });
    const [first] = listed.data?.gatherings ?? [];
    const { data, errors } = await subgraph.execute(
      'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Gathering { id title } } }',
      {
        representations: [
          { __typename: 'Gathering', id: first?.id },
          { __typename: 'Gathering', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'Gathering', id: 'not-a-uuid' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [{ id: first?.id, title: 'Fagsamling vår 2022: finansiering og virkemidler' }, null, null],
    });
  });
});

describe("a client's referrals", () => {
  const clientReferrals =
    'query ClientReferrals($r: [_Any!]!) { _entities(representations: $r) { ... on Client { referrals { id direction status sentOn region { id } } } } }';
  type Answer = {
    _entities: { referrals: { id: string; direction: string; sentOn: string; region: { id: string } }[] }[];
  };

  it("lists them newest first for the client's region, only those addressed to a partner for the partner, none elsewhere", async () => {
    // A client referred to Innovasjon Norge, and (a month later) to NAV as well, so what each caller may see differs.
    const em = subgraph.orm.em.fork();
    const [client] = await em.execute<{ client_id: string; region_id: string }[]>(
      `select client_id, region_id from referral
        where client_id is not null and direction = 'TO_INNOVASJON_NORGE' and region_id in ('follo', 'drammensregionen')
        order by id limit 1`,
    );
    if (!client) throw new Error('the demo data has no client referred to Innovasjon Norge in Follo or Drammen');
    await em.execute(
      `insert into referral (id, direction, region_id, client_id, shared_name, consent_given_on, sent_on, status, version,
         programme, status_changed_on)
       select gen_random_uuid(), 'TO_NAV', region_id, client_id, shared_name, consent_given_on, sent_on + 30, 'SENT', 1,
         'UNEMPLOYMENT_BENEFIT_DURING_START_UP', sent_on + 30
         from referral where client_id = ? and direction = 'TO_INNOVASJON_NORGE'`,
      [client.client_id],
    );
    const rows = await em.execute<{ id: string; direction: string }[]>(
      'select id, direction from referral where client_id = ? order by sent_on desc, id',
      [client.client_id],
    );
    const r = [{ __typename: 'Client', id: client.client_id }];
    const adviser = client.region_id === 'follo' ? 'follo.adviser' : 'drammen.adviser';
    const own = await subgraph.execute<Answer>(clientReferrals, { r }, { as: adviser });
    expect(own.errors).toBeUndefined();
    const listed = own.data?._entities[0]?.referrals ?? [];
    expect(listed.map((referral) => referral.id)).toEqual(rows.map((row) => row.id));
    const days = listed.map((referral) => referral.sentOn);
    expect(days).toEqual([...days].sort().reverse());

    const partner = await subgraph.execute<Answer>(clientReferrals, { r }, { as: 'innovasjonnorge.officer' });
    expect(partner.data?._entities[0]?.referrals.map((referral) => referral.id)).toEqual(
      rows.filter((row) => row.direction === 'TO_INNOVASJON_NORGE').map((row) => row.id),
    );

    const otherRegion = await subgraph.execute<Answer>(
      clientReferrals,
      { r },
      { as: adviser === 'follo.adviser' ? 'drammen.adviser' : 'follo.adviser' },
    );
    expect(otherRegion.errors).toBeUndefined();
    expect(otherRegion.data?._entities[0]?.referrals).toEqual([]);
  });
});

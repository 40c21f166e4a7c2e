// A referral's notifications reach people for real (issue 21): the running partners subgraph's
// outbox dispatcher posts its NOTIFY rows to the running county's /internal/notifications, signed
// as partners, and the people of the audience see them in the county's notification list; nobody
// else does, and a row sent again adds nothing.

import { countySubgraph } from '@etablerer/county';
import {
  defaultAudience,
  defaultIssuer,
  dropDatabase,
  generateServiceKeys,
  type Orm,
  openSubgraphDatabase,
  type RunningService,
  type ServiceKeys,
  startSubgraph,
} from '@etablerer/kit';
import { type DevKeys, demoUser, generateDevKeys, signDemoToken } from '@etablerer/kit/demo';
import { signedHeaders, testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { partnersSubgraph } from '@etablerer/partners';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const databases = { county: uniqueDatabaseName('county'), partners: uniqueDatabaseName('partners') };
let county: RunningService;
let partners: RunningService;
let partnersOrm: Orm;
let devKeys: DevKeys;
let serviceKeys: ServiceKeys;

beforeAll(async () => {
  devKeys = await generateDevKeys();
  serviceKeys = await generateServiceKeys();
  const common = {
    server: testServerUrl(),
    port: 0,
    host: '127.0.0.1',
    seedDemo: true,
    retentionSchedule: null,
    auth: { issuer: defaultIssuer, audience: defaultAudience, publicKey: devKeys.publicKey },
    serviceKeys: serviceKeys.jwks.keys,
  };
  county = await startSubgraph(countySubgraph, { ...common, database: databases.county });
  partners = await startSubgraph(partnersSubgraph, {
    ...common,
    database: databases.partners,
    servicePrivateKey: serviceKeys.privateKeys.partners,
    subgraphUrl: (name) => (name === 'county' ? `${county.url}/graphql` : undefined),
    // Slow polling: the commit's LISTEN/NOTIFY wake-up is what delivers promptly.
    outbox: { pollMs: 60_000 },
  });
  partnersOrm = await openSubgraphDatabase(partnersSubgraph, testServerUrl(), databases.partners);
}, 120_000);

afterAll(async () => {
  await partnersOrm?.close();
  await partners?.stop();
  await county?.stop();
  await Promise.all(Object.values(databases).map((database) => dropDatabase(testServerUrl(), database)));
});

/** An operation on a subgraph's /graphql as the gateway sends it for a signed-in demo user. */
async function graphql<Data>(
  service: RunningService,
  audience: string,
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Data> {
  const user = demoUser(username);
  if (!user) throw new Error(`no demo user ${username}`);
  const token = await signDemoToken(devKeys.privateKey, user, { issuer: defaultIssuer, audience: defaultAudience });
  const body = JSON.stringify({ query, variables });
  const headers = await signedHeaders(serviceKeys, 'gateway', audience, body, {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  });
  const response = await fetch(`${service.url}/graphql`, { method: 'POST', headers, body });
  const result = (await response.json()) as { data?: Data; errors?: unknown };
  if (!result.data || result.errors) throw new Error(`${audience} answered: ${JSON.stringify(result.errors)}`);
  return result.data;
}

interface ListedNotification {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
}

/** The referral notifications in a person's list at the county, newest first. */
async function referralNotifications(username: string): Promise<ListedNotification[]> {
  const data = await graphql<{ notifications: { items: ListedNotification[] } }>(
    county,
    'county',
    username,
    'query N($first: Int!) { notifications(first: $first) { items { kind title body link read } } }',
    { first: 100 },
  );
  return data.notifications.items.filter((item) => item.kind.startsWith('REFERRAL_'));
}

const untilListed = (username: string, count: number) =>
  expect
    .poll(async () => (await referralNotifications(username)).length, { timeout: 30_000, interval: 200 })
    .toBe(count);

describe('partners’ notifications at the county', () => {
  it('reach the region’s advisers when NAV refers someone, and the NAV officer when the region answers', async () => {
    expect(await referralNotifications('follo.adviser')).toEqual([]);
    const { referFromNav: referral } = await graphql<{ referFromNav: { id: string; version: number } }>(
      partners,
      'partners',
      'nav.officer',
      'mutation N($input: ReferFromNavInput!) { referFromNav(input: $input) { id version } }',
      {
        input: {
          regionId: 'follo',
          municipalityNumber: '3021',
          consentGivenOn: '2024-05-01',
          sharedClientData: { name: 'Ola Leveransesen', email: 'ola.leveranse@example.org' },
        },
      },
    );
    await untilListed('follo.adviser', 1);
    expect(await referralNotifications('follo.adviser')).toEqual([
      {
        kind: 'REFERRAL_RECEIVED',
        title: 'Ny henvisning fra NAV',
        body: 'NAV har henvist en person i Follo til etablerertjenesten. Registrer personen som klient og knytt henvisningen til klienten.',
        link: '/referrals',
        read: false,
      },
    ]);
    // Another region's advisers, and NAV, are not told.
    expect(await referralNotifications('drammen.adviser')).toEqual([]);
    expect(await referralNotifications('nav.officer')).toEqual([]);

    await graphql(
      partners,
      'partners',
      'follo.adviser',
      'mutation C($id: ID!, $v: Int!, $s: ReferralStatus!) { changeReferralStatus(id: $id, version: $v, status: $s) { status } }',
      { id: referral.id, v: referral.version, s: 'ACCEPTED' },
    );
    await untilListed('nav.officer', 1);
    expect(await referralNotifications('nav.officer')).toEqual([
      expect.objectContaining({ kind: 'REFERRAL_ANSWERED', title: 'Henvisningen er akseptert', link: '/referrals' }),
    ]);
    expect(await referralNotifications('innovasjonnorge.officer')).toEqual([]);
  });

  it('are delivered once though a row is sent again', async () => {
    const connection = partnersOrm.em.fork().getConnection();
    const sent: { count: number }[] = await connection.execute(
      "select count(*)::int as count from outbox_message where channel = 'NOTIFY' and sent_at is not null",
    );
    expect(sent[0]?.count).toBe(2);
    // As after a crash between the county's answer and the row's mark: every row goes again
    // (the update's commit wakes the dispatcher).
    await connection.execute(
      "update outbox_message set sent_at = null, next_attempt_at = now() where channel = 'NOTIFY'; select pg_notify('outbox_message', '')",
    );
    await expect
      .poll(
        async () =>
          (
            await connection.execute<{ count: number }[]>(
              'select count(*)::int as count from outbox_message where sent_at is null',
            )
          )[0]?.count,
        { timeout: 30_000, interval: 200 },
      )
      .toBe(0);
    expect((await referralNotifications('follo.adviser')).map((item) => item.title)).toEqual(['Ny henvisning fra NAV']);
    expect((await referralNotifications('nav.officer')).map((item) => item.title)).toEqual([
      'Henvisningen er akseptert',
    ]);
  });
});

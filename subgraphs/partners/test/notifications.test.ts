// Referrals and business assessments tell the people concerned (issue 21 §5): each event writes
// one NOTIFY outbox row, in the transaction of the change, to the right audience, without the
// client's data; a mutation that fails writes none.
import { demoClients } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { referralAnsweredText, referralReceivedText } from '../src/messages/referrals.js';
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
});
afterAll(() => subgraph?.close());

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;

/** A Follo client of the regions subgraph's demo data: regions confirms whose client an id is. */
const clientId = demoClients().find((client) => client.regionId === 'follo')?.id as string;
/** What the adviser shares of the client: none of it may reach a notification. */
const clientName = 'Ingrid Varsel-Testesen';
const clientEmail = 'ingrid.varsel@example.org';
const sharedClientData = { name: clientName, email: clientEmail, phone: '+47 912 34 567' };

interface OutboxRow {
  channel: string;
  kind: string;
  audience: Record<string, unknown> | null;
  locale: string;
  subject: string;
  text_body: string;
  payload: { title: string; body: string; link: string | null; email: Record<string, string> | null } | null;
  /** The whole row as JSON text, to search every field for the client's data. */
  row: string;
}

let seen = new Set<string>();
/** The outbox rows written since the last call. */
async function newOutboxRows(): Promise<OutboxRow[]> {
  const rows: (OutboxRow & { id: string })[] = await subgraph.orm.em
    .fork()
    .getConnection()
    .execute(
      'select id, channel, kind, audience, locale, subject, text_body, payload, row_to_json(o)::text as row from outbox_message o order by created_at',
    );
  const fresh = rows.filter((row) => !seen.has(row.id));
  seen = new Set(rows.map((row) => row.id));
  return fresh.map(({ id: _id, ...row }) => row);
}
beforeEach(async () => {
  await newOutboxRows();
});

function expectNoClientData(rows: OutboxRow[]) {
  for (const row of rows) {
    expect(row.row).not.toContain(clientName);
    expect(row.row).not.toContain(clientEmail);
    expect(row.row).not.toContain('912 34 567');
  }
}

const send = `mutation S($input: SendReferralInput!) { sendReferral(input: $input) { id version } }`;
const change = `mutation C($id: ID!, $v: Int!, $s: ReferralStatus!, $r: String) {
  changeReferralStatus(id: $id, version: $v, status: $s, reason: $r) { status version } }`;
const sendAsAdviser = async (input: Record<string, unknown>) => {
  const result = await subgraph.execute<{ sendReferral: { id: string; version: number } }>(
    send,
    { input: { clientId, consentGivenOn: '2024-06-01', sharedClientData, ...input } },
    { as: 'follo.adviser' },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.sendReferral as { id: string; version: number };
};

describe('a referral sent', () => {
  it('to Innovasjon Norge tells Innovasjon Norge, naming the region and programme, not the client', async () => {
    await sendAsAdviser({ direction: 'TO_INNOVASJON_NORGE', programme: 'STARTUP_LOAN' });
    const rows = await newOutboxRows();
    expect(rows).toEqual([
      expect.objectContaining({
        channel: 'NOTIFY',
        kind: 'REFERRAL_RECEIVED',
        audience: { role: 'INNOVASJON_NORGE' },
        locale: 'nb',
        subject: 'Ny henvisning fra etablerertjenesten',
        text_body: 'Etablerertjenesten i Follo har henvist en klient til Innovasjon Norge for oppstartlån.',
        payload: expect.objectContaining({
          title: 'Ny henvisning fra etablerertjenesten',
          body: 'Etablerertjenesten i Follo har henvist en klient til Innovasjon Norge for oppstartlån.',
          link: '/referrals',
          // What the county e-mails to those who want this kind by e-mail.
          email: {
            subject: 'Ny henvisning fra etablerertjenesten',
            text: expect.stringContaining(
              'Etablerertjenesten i Follo har henvist en klient til Innovasjon Norge for oppstartlån.\n\nLogg inn i Etablerertjenesten og se «Henvisninger».',
            ),
            html: expect.stringContaining(
              '<p>Etablerertjenesten i Follo har henvist en klient til Innovasjon Norge for oppstartlån.</p>',
            ),
          },
        }),
      }),
    ]);
    expectNoClientData(rows);
  });

  it('to NAV tells NAV', async () => {
    await sendAsAdviser({
      direction: 'TO_NAV',
      programme: 'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
      municipalityNumber: '3021',
    });
    const rows = await newOutboxRows();
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'REFERRAL_RECEIVED',
        audience: { role: 'NAV' },
        payload: expect.objectContaining({ link: '/referrals' }),
      }),
    ]);
    expectNoClientData(rows);
  });

  it('to another actor tells no one on the platform', async () => {
    await sendAsAdviser({ direction: 'TO_OTHER_ACTOR', programme: 'OTHER', otherActor: 'Gründerhuset Ski' });
    expect(await newOutboxRows()).toEqual([]);
  });

  it('from NAV tells the advisers of the region it is sent to', async () => {
    const result = await subgraph.execute(
      `mutation N($input: ReferFromNavInput!) { referFromNav(input: $input) { id } }`,
      { input: { regionId: 'follo', municipalityNumber: '3021', consentGivenOn: '2024-05-01', sharedClientData } },
      { as: 'nav.officer' },
    );
    expect(result.errors).toBeUndefined();
    const rows = await newOutboxRows();
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'REFERRAL_RECEIVED',
        audience: { role: 'ADVISER', regionId: 'follo' },
        subject: 'Ny henvisning fra NAV',
        payload: expect.objectContaining({ link: '/referrals' }),
      }),
    ]);
    expectNoClientData(rows);
  });

  it('refused writes no notification', async () => {
    const refused = await subgraph.execute(
      send,
      {
        input: {
          clientId,
          consentGivenOn: '2024-06-01',
          sharedClientData,
          direction: 'TO_NAV',
          programme: 'INTRODUCTION_PROGRAMME',
          municipalityNumber: '9999',
        },
      },
      { as: 'follo.adviser' },
    );
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(await newOutboxRows()).toEqual([]);
  });

  it('whose transaction fails at commit, after the notification was written, leaves no notification', async () => {
    // A check PostgreSQL makes only at commit: everything the mutation wrote is undone together.
    const connection = subgraph.orm.em.fork().getConnection();
    await connection.execute(`create function refuse_at_commit() returns trigger language plpgsql as $$
      begin if new.shared_name = 'Refused At Commit' then raise exception 'refused at commit'; end if; return null; end $$`);
    await connection.execute(`create constraint trigger refuse_at_commit after insert on referral
      deferrable initially deferred for each row execute function refuse_at_commit()`);
    try {
      const result = await subgraph.execute(
        send,
        {
          input: {
            clientId,
            consentGivenOn: '2024-06-01',
            sharedClientData: { name: 'Refused At Commit' },
            direction: 'TO_INNOVASJON_NORGE',
            programme: 'STARTUP_LOAN',
          },
        },
        { as: 'follo.adviser' },
      );
      expect(result.errors).toBeDefined();
      expect(await newOutboxRows()).toEqual([]);
      expect(await connection.execute("select id from referral where shared_name = 'Refused At Commit'")).toEqual([]);
    } finally {
      await connection.execute('drop trigger refuse_at_commit on referral');
      await connection.execute('drop function refuse_at_commit()');
    }
  });
});

describe('a referral answered', () => {
  it('tells the adviser who sent it of each answering step, once per step', async () => {
    const referral = await sendAsAdviser({ direction: 'TO_INNOVASJON_NORGE', programme: 'STARTUP_GRANT_PHASE_1' });
    await newOutboxRows();
    const received = await subgraph.execute<{ changeReferralStatus: { version: number } }>(
      change,
      { id: referral.id, v: referral.version, s: 'RECEIVED' },
      { as: 'innovasjonnorge.officer' },
    );
    expect(received.errors).toBeUndefined();
    const afterReceived = await newOutboxRows();
    expect(afterReceived).toEqual([
      expect.objectContaining({
        channel: 'NOTIFY',
        kind: 'REFERRAL_ANSWERED',
        audience: { subject: 'follo.adviser' },
        subject: 'Henvisningen er mottatt',
        text_body:
          'Innovasjon Norge har markert henvisningen av en klient i Follo (etablerertilskudd fase 1 (markedsavklaring)) som mottatt.',
        payload: expect.objectContaining({ link: '/referrals' }),
      }),
    ]);

    // A stale version, and a party that does not receive it: refused, nothing written.
    expect(
      code(
        await subgraph.execute(
          change,
          { id: referral.id, v: referral.version, s: 'ACCEPTED' },
          { as: 'innovasjonnorge.officer' },
        ),
      ),
    ).toBe('CONFLICT');
    const version = received.data?.changeReferralStatus.version as number;
    expect(
      code(await subgraph.execute(change, { id: referral.id, v: version, s: 'ACCEPTED' }, { as: 'nav.officer' })),
    ).toBe('FORBIDDEN');
    expect(await newOutboxRows()).toEqual([]);

    const declined = await subgraph.execute(
      change,
      { id: referral.id, v: version, s: 'DECLINED', r: `${clientName} har ikke levert budsjett` },
      { as: 'innovasjonnorge.officer' },
    );
    expect(declined.errors).toBeUndefined();
    const afterDeclined = await newOutboxRows();
    expect(afterDeclined).toEqual([
      expect.objectContaining({
        kind: 'REFERRAL_ANSWERED',
        audience: { subject: 'follo.adviser' },
        subject: 'Henvisningen er avslått',
      }),
    ]);
    // The reason is free text that may name the client: it is not in the notification.
    expectNoClientData([...afterReceived, ...afterDeclined]);
  });

  it('from NAV tells the NAV officer who sent it when the region accepts and completes it', async () => {
    const sent = await subgraph.execute<{ referFromNav: { id: string; version: number } }>(
      `mutation N($input: ReferFromNavInput!) { referFromNav(input: $input) { id version } }`,
      { input: { regionId: 'follo', municipalityNumber: '3021', consentGivenOn: '2024-05-01', sharedClientData } },
      { as: 'nav.officer' },
    );
    const referral = sent.data?.referFromNav as { id: string; version: number };
    await newOutboxRows();
    const accepted = await subgraph.execute<{ changeReferralStatus: { version: number } }>(
      change,
      { id: referral.id, v: referral.version, s: 'ACCEPTED' },
      { as: 'follo.adviser' },
    );
    expect(accepted.errors).toBeUndefined();
    await subgraph.execute(
      change,
      { id: referral.id, v: accepted.data?.changeReferralStatus.version, s: 'COMPLETED' },
      { as: 'follo.adviser' },
    );
    const rows = await newOutboxRows();
    expect(rows.map((row) => [row.kind, row.audience, row.subject])).toEqual([
      ['REFERRAL_ANSWERED', { subject: 'nav.officer' }, 'Henvisningen er akseptert'],
      ['REFERRAL_ANSWERED', { subject: 'nav.officer' }, 'Henvisningen er fullført'],
    ]);
    expect(rows[0]?.text_body).toBe(
      'Etablerertjenesten i Follo har markert henvisningen av en klient i Follo (etablerertjenesten) som akseptert.',
    );
    expectNoClientData(rows);
  });
});

describe('a business assessment', () => {
  it('asked for by NAV tells the region’s advisers; delivered, it tells the NAV officer who asked', async () => {
    const requested = await subgraph.execute<{ requestBusinessAssessment: { id: string; version: number } }>(
      `mutation Q($input: RequestBusinessAssessmentInput!) { requestBusinessAssessment(input: $input) { id version } }`,
      {
        input: {
          clientId,
          regionId: 'follo',
          municipalityNumber: '3022',
          purpose: 'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
          question: 'Er forretningsplanen realistisk?',
          sharedClientData,
          consentGivenOn: '2024-08-01',
        },
      },
      { as: 'nav.officer' },
    );
    expect(requested.errors).toBeUndefined();
    const asked = await newOutboxRows();
    expect(asked).toEqual([
      expect.objectContaining({
        kind: 'REFERRAL_RECEIVED',
        audience: { role: 'ADVISER', regionId: 'follo' },
        subject: 'NAV ber om en næringsfaglig vurdering',
        payload: expect.objectContaining({ link: '/assessments' }),
      }),
    ]);
    const assessment = requested.data?.requestBusinessAssessment as { id: string; version: number };
    const deliver = `mutation D($id: ID!, $v: Int!, $input: DeliverBusinessAssessmentInput!) {
      deliverBusinessAssessment(id: $id, version: $v, input: $input) { status } }`;
    const delivery = { conclusion: 'VIABLE', assessment: `${clientName} har en solid plan.` };
    expect(
      code(
        await subgraph.execute(
          deliver,
          { id: assessment.id, v: assessment.version, input: delivery },
          { as: 'drammen.adviser' },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await newOutboxRows()).toEqual([]);
    const delivered = await subgraph.execute(
      deliver,
      { id: assessment.id, v: assessment.version, input: delivery },
      { as: 'follo.adviser' },
    );
    expect(delivered.errors).toBeUndefined();
    const answered = await newOutboxRows();
    expect(answered).toEqual([
      expect.objectContaining({
        kind: 'REFERRAL_ANSWERED',
        audience: { subject: 'nav.officer' },
        subject: 'Næringsfaglig vurdering levert',
        payload: expect.objectContaining({ link: '/assessments' }),
      }),
    ]);
    expectNoClientData([...asked, ...answered]);
  });
});

describe('the words', () => {
  it('are there in English too, for every direction and answering step', () => {
    const referral = {
      direction: 'TO_NAV',
      regionId: 'follo',
      programme: 'INTRODUCTION_PROGRAMME',
      status: 'DECLINED',
      otherActor: null,
    } as never;
    expect(referralReceivedText(referral, 'en')).toEqual({
      title: 'New referral from the entrepreneur service',
      body: 'The entrepreneur service in Follo has referred a client to NAV for the introduction programme.',
    });
    expect(referralAnsweredText(referral, 'en')).toEqual({
      title: 'Referral declined',
      body: 'NAV has marked the referral of a client in Follo (the introduction programme) as declined.',
    });
  });
});

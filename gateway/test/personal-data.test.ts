// A person's data across the graph (GDPR): one gateway operation exports everything the regions
// and partners subgraphs hold about a client, one operation erases it from both, and the
// coordination overview's figures are the same afterwards.

import { readFileSync } from 'node:fs';
import { demoUser } from '@etablerer/kit/demo';
import { columnsContaining, testServerUrl } from '@etablerer/kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform({ devSignIn: true });

async function post(query: string, variables: Record<string, unknown>, as: string) {
  const { body } = await platform.post<Record<string, unknown>>(query, variables, {
    token: await platform.tokenFor(as),
  });
  return body;
}

async function ok<Data>(query: string, variables: Record<string, unknown>, as: string): Promise<Data> {
  const body = await post(query, variables, as);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as Data;
}

/** The operation behind the console's "Last ned alle opplysninger (JSON)". */
const exportOperation = `query ClientDataExport($id: ID!) {
  clientDataExport(clientId: $id) {
    exportedAt
    exportedBy
    heldByRegions
    client { id erasedAt personalDataHeldByPartners }
  }
}`;

/** The console's erasure: both subgraphs in one operation (the gateway runs root mutations in order). */
const eraseOperation = `mutation EraseClient($id: ID!, $reason: ErasureReason!) {
  eraseClient(id: $id, reason: $reason) { id name email erasedAt }
  eraseClientReferrals(clientId: $id, reason: $reason) { referrals assessments }
}`;

type Export = {
  clientDataExport: {
    exportedAt: string;
    exportedBy: string;
    heldByRegions: Record<string, Record<string, unknown>[]>;
    client: {
      id: string;
      erasedAt: string | null;
      personalDataHeldByPartners: Record<string, Record<string, unknown>[]>;
    };
  };
};

describe('a person’s data across the subgraphs', () => {
  const marker = 'Vyqzxw';
  const person = { name: `Nora ${marker}`, email: `nora.${marker.toLowerCase()}@example.no`, phone: '+47 923 45 618' };
  let clientId: string;
  let referralId: string;

  beforeAll(async () => {
    const registered = await ok<{ registerClient: { id: string } }>(
      `mutation R($input: RegisterClientInput!) { registerClient(input: $input) { id } }`,
      {
        input: {
          regionId: 'follo',
          municipalityNumber: '3020',
          name: person.name,
          email: person.email,
          phone: person.phone,
          birthYear: 1990,
          businessIdea: `${marker} sykkelverksted`,
          immigrantBackground: 'NO',
          registeredOn: '2024-04-02',
          confirmedNotDuplicate: true,
        },
      },
      'follo.adviser',
    );
    clientId = registered.registerClient.id;
    await ok(
      `mutation S($input: LogCounsellingSessionInput!) { logCounsellingSession(input: $input) { id } }`,
      {
        input: {
          clientId,
          date: '2024-04-10',
          durationMinutes: 90,
          form: 'VIDEO',
          topic: `Forretningsplan for ${marker}`,
        },
      },
      'follo.adviser',
    );
    const referral = await ok<{ sendReferral: { id: string } }>(
      `mutation F($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
      {
        input: {
          clientId,
          direction: 'TO_INNOVASJON_NORGE',
          programme: 'STARTUP_GRANT_PHASE_1',
          consentGivenOn: '2024-04-10',
          sharedClientData: person,
          note: `${marker} søker etableringstilskudd`,
        },
      },
      'follo.adviser',
    );
    referralId = referral.sendReferral.id;
  });

  it('is exported in one operation, both subgraphs’ parts, to the client’s region and the county', async () => {
    for (const as of ['follo.adviser', 'county.officer']) {
      const data = await ok<Export>(exportOperation, { id: clientId }, as);
      const { heldByRegions, client } = data.clientDataExport;
      expect(client.id).toBe(clientId);
      expect(heldByRegions.clients?.[0]).toMatchObject({
        id: clientId,
        name: person.name,
        email: person.email,
        phone: person.phone,
      });
      expect(heldByRegions.counsellingSessions?.[0]).toMatchObject({ topic: `Forretningsplan for ${marker}` });
      expect(client.personalDataHeldByPartners.referrals?.[0]).toMatchObject({
        id: referralId,
        sharedName: person.name,
        sharedEmail: person.email,
        note: `${marker} søker etableringstilskudd`,
      });
      expect(data.clientDataExport.exportedBy).toContain(demoUser(as)?.name);
    }
  });

  it('is refused to another region’s adviser, NAV, Innovasjon Norge and the coordination group', async () => {
    for (const as of [
      'drammen.adviser',
      'drammen.officer',
      'nav.officer',
      'innovasjonnorge.officer',
      'coordination.member',
    ]) {
      const body = await post(exportOperation, { id: clientId }, as);
      expect(body.data?.clientDataExport ?? null, as).toBeNull();
      expect(body.errors?.[0]?.extensions?.code, as).toBe('FORBIDDEN');
    }
  });

  it('is erased from both subgraphs in one operation, the overview unchanged, the erasure audited', async () => {
    const overview = readFileSync(
      new URL('../../schema/operations/coordination-overview.graphql', import.meta.url),
      'utf8',
    );
    const figures = async () => {
      const years: Record<number, unknown> = {};
      for (const year of [2023, 2024, 2025]) years[year] = await ok(overview, { year }, 'coordination.member');
      return years;
    };
    const texts = [marker, person.email, person.phone];
    expect(await columnsContaining(testServerUrl(), platform.databases.regions, texts)).not.toEqual([]);
    expect(await columnsContaining(testServerUrl(), platform.databases.partners, texts)).not.toEqual([]);
    const before = await figures();

    const refused = await post(eraseOperation, { id: clientId, reason: 'REQUEST' }, 'drammen.adviser');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const erased = await ok<{ eraseClient: unknown; eraseClientReferrals: unknown }>(
      eraseOperation,
      { id: clientId, reason: 'REQUEST' },
      'follo.adviser',
    );
    expect(erased).toEqual({
      eraseClient: { id: clientId, name: '(anonymised)', email: null, erasedAt: expect.any(String) },
      // eraseClient erased partners' copies already, in the same request (issue 16, point 5).
      eraseClientReferrals: { referrals: 0, assessments: 0 },
    });
    expect(await columnsContaining(testServerUrl(), platform.databases.regions, texts)).toEqual([]);
    expect(await columnsContaining(testServerUrl(), platform.databases.partners, texts)).toEqual([]);
    expect(await figures()).toEqual(before);

    const logs = await ok<{
      clientAuditLog: { items: { operation: string; detail: string; callerName: string }[] };
      referralAuditLog: { items: { operation: string; detail: string }[] };
    }>(
      `query Logs($clientId: ID, $referralId: ID) {
        clientAuditLog(clientId: $clientId, first: 200) { items { operation detail callerName } }
        referralAuditLog(referralId: $referralId, first: 200) { items { operation detail } }
      }`,
      { clientId, referralId },
      'county.officer',
    );
    expect(logs.clientAuditLog.items[0]).toEqual({
      operation: 'DELETE',
      detail: 'personal data erased, REQUEST: eraseClient',
      callerName: demoUser('follo.adviser')?.name,
    });
    expect(logs.clientAuditLog.items.filter((entry) => entry.detail === 'personal data exported')).toHaveLength(2);
    expect(logs.referralAuditLog.items[0]).toEqual({
      operation: 'DELETE',
      detail: 'personal data erased, REQUEST: eraseClient in regions',
    });

    // What is left is still exported, and says it was erased.
    const after = await ok<Export>(exportOperation, { id: clientId }, 'follo.adviser');
    expect(after.clientDataExport.client.erasedAt).toEqual(expect.any(String));
    expect(JSON.stringify(after.clientDataExport)).not.toContain(marker);
  });
});

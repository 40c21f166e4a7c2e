// Erasure reaches every copy (issue 16, point 5), through the gateway over the three subgraphs:
// when a region erases a client, partners' copies of the name, e-mail and phone go in the same
// request, nobody can share anything more about them, and with partners unreachable nothing is
// erased at all rather than half.
import { erasedText } from '@etablerer/kit';
import { demoClients } from '@etablerer/kit/demo';
import { describe, expect, it } from 'vitest';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform({ timeoutMs: 120_000 });

const follo = demoClients().filter((client) => client.regionId === 'follo');
const [referred, keptWhilePartnersDown] = [follo[0]?.id as string, follo[1]?.id as string];

const sendReferral = `mutation Send($input: SendReferralInput!) { sendReferral(input: $input) { id } }`;
const eraseClient = `mutation Erase($id: ID!) { eraseClient(id: $id, reason: REQUEST) { id name email erasedAt } }`;
const referralsSeen = `query Seen { referrals(first: 200) { items { id sharedClientData { name email phone } } } }`;

async function as(username: string, query: string, variables?: Record<string, unknown>) {
  const { body } = await platform.post(query, variables, { token: await platform.tokenFor(username) });
  return body as {
    data?: Record<string, never> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

const referralInput = (clientId: string) => ({
  input: {
    clientId,
    direction: 'TO_INNOVASJON_NORGE',
    programme: 'STARTUP_LOAN',
    consentGivenOn: '2026-01-05',
    sharedClientData: { name: 'Selma Gjerde', email: 'selma.gjerde@example.no', phone: '+47 911 22 333' },
  },
});

describe('a client erased by their region', () => {
  it("loses the partners' copies in the same request, and nothing more can be shared about them", async () => {
    const sent = await as('follo.adviser', sendReferral, referralInput(referred));
    expect(sent.errors).toBeUndefined();
    const referralId = (sent.data as unknown as { sendReferral: { id: string } }).sendReferral.id;
    const before = await as('innovasjonnorge.officer', referralsSeen);
    expect(JSON.stringify(before.data)).toContain('selma.gjerde@example.no');

    const erased = await as('follo.adviser', eraseClient, { id: referred });
    expect(erased.errors).toBeUndefined();

    const after = (await as('innovasjonnorge.officer', referralsSeen)).data as unknown as {
      referrals: { items: { id: string; sharedClientData: unknown }[] };
    };
    expect(after.referrals.items.find((item) => item.id === referralId)?.sharedClientData).toEqual({
      name: erasedText,
      email: null,
      phone: null,
    });
    expect(JSON.stringify(after)).not.toContain('Selma');
    // Follo may share nothing more; Drammen never could (not its client).
    expect((await as('follo.adviser', sendReferral, referralInput(referred))).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    expect((await as('drammen.adviser', sendReferral, referralInput(referred))).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('is refused, erasing nothing, while partners cannot be reached', async () => {
    await platform.subgraphs.partners.stop();
    const refused = await as('follo.adviser', eraseClient, { id: keptWhilePartnersDown });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^The partners service, which must confirm this, could not be reached/),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    const still = await as('follo.adviser', 'query C($id: ID!) { client(id: $id) { name erasedAt } }', {
      id: keptWhilePartnersDown,
    });
    expect(still.data).toEqual({ client: { name: follo[1]?.name, erasedAt: null } });
  });
});

// Subgraphs trust only the services that vouch for a request (issue 16, point 8): straight at a
// subgraph, a user's token alone is refused, and so is any assertion that is forged, stale, for
// another subgraph or another body, or used twice. Through the gateway everything still works.
import { bodyDigest, generateServiceKeyPair, serviceAssertionHeader } from '@etablerer/kit';
import { signedHeaders } from '@etablerer/kit/testing';
import { importJWK, type JWK, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform({ seedDemo: false });

const regionsQuery = 'query Regions { regions { id } }';
const body = JSON.stringify({ query: regionsQuery });

/** What the red-team pass ran at :4002 with a user's token: 16 aliases, 14 levels deep. */
function abusiveQuery(): string {
  let selection = 'number';
  for (let level = 13; level >= 1; level -= 1) {
    selection = level % 2 === 1 ? `municipalities { ${selection} }` : `region { ${selection} }`;
  }
  const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: regions { id }`).join(' ');
  return `query Abuse { ${selection} ${aliases} }`;
}

/** An assertion as a service would make it, with claims and key of the test's choosing. */
async function assertion(
  claims: Record<string, unknown>,
  {
    key,
    kid = 'gateway',
    audience = 'regions',
    issuedAt,
    expiresAt,
  }: {
    key?: JWK;
    kid?: string;
    audience?: string;
    issuedAt?: number;
    expiresAt?: number;
  } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ body_sha256: bodyDigest(body), ...claims })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuer(kid)
    .setAudience(audience)
    .setIssuedAt(issuedAt ?? now)
    .setExpirationTime(expiresAt ?? now + 60)
    .setJti(crypto.randomUUID())
    .sign(await importJWK(key ?? (platform.serviceKeys.privateKeys.gateway as JWK), 'ES256'));
}

async function sendToRegions(headers: Record<string, string>, requestBody = body) {
  const token = await platform.tokenFor('county.officer');
  const response = await fetch(platform.subgraphUrls.regions, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: requestBody,
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

function expectRefused(answer: Awaited<ReturnType<typeof sendToRegions>>, reason: RegExp) {
  expect(answer.status).toBe(401);
  expect(answer.body.errors).toEqual([
    {
      message: expect.stringMatching(/accepts requests through the gateway only/),
      extensions: { code: 'UNAUTHENTICATED' },
    },
  ]);
  expect(answer.body.errors?.[0]?.message).toMatch(reason);
}

describe('a subgraph called straight, past the gateway', () => {
  it("refuses a user's valid token alone, also for what the gateway itself would refuse", async () => {
    for (const query of [regionsQuery, abusiveQuery()]) {
      const { status, text } = await platform.send(JSON.stringify({ query }), {
        url: platform.subgraphUrls.regions,
        service: null,
      });
      expect(status).toBe(401);
      expect(JSON.parse(text)).toEqual({
        errors: [
          {
            message:
              'This service accepts requests through the gateway only: the request carries no service assertion.',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
    }
  });

  it('refuses it at every subgraph, and leaves /health/live open', async () => {
    for (const url of Object.values(platform.subgraphUrls)) {
      const { status } = await platform.send(JSON.stringify({ query: '{ __typename }' }), { url, service: null });
      expect(status, url).toBe(401);
      expect((await fetch(url.replace(/\/graphql$/, '/health/live'))).status, url).toBe(200);
    }
  });

  it('refuses an assertion made for another request body', async () => {
    const other = JSON.stringify({ query: 'query Other { regions { name } }' });
    const headers = await signedHeaders(platform.serviceKeys, 'gateway', 'regions', other);
    expectRefused(await sendToRegions(headers), /another request body/);
  });

  it('refuses an expired assertion, and one valid for longer than a request', async () => {
    const past = Math.floor(Date.now() / 1000) - 600;
    const expired = await assertion({}, { issuedAt: past, expiresAt: past + 60 });
    expectRefused(await sendToRegions({ [serviceAssertionHeader]: expired }), /not valid/);
    const now = Math.floor(Date.now() / 1000);
    const longLived = await assertion({}, { issuedAt: now, expiresAt: now + 3600 });
    expectRefused(await sendToRegions({ [serviceAssertionHeader]: longLived }), /too long/);
  });

  it('refuses an assertion for another subgraph', async () => {
    const forCounty = await assertion({}, { audience: 'county' });
    expectRefused(await sendToRegions({ [serviceAssertionHeader]: forCounty }), /not valid/);
  });

  it('refuses an assertion signed with an unknown key, under a trusted name or another', async () => {
    const stranger = await generateServiceKeyPair('gateway');
    expectRefused(
      await sendToRegions({ [serviceAssertionHeader]: await assertion({}, { key: stranger.privateKey }) }),
      /not valid/,
    );
    const other = await generateServiceKeyPair('intruder');
    expectRefused(
      await sendToRegions({
        [serviceAssertionHeader]: await assertion({}, { key: other.privateKey, kid: 'intruder' }),
      }),
      /not valid/,
    );
  });

  it('refuses an unsigned assertion (alg: none)', async () => {
    const unsigned = new UnsecuredJWT({ body_sha256: bodyDigest(body) })
      .setIssuer('gateway')
      .setAudience('regions')
      .setIssuedAt()
      .setExpirationTime('60s')
      .setJti(crypto.randomUUID())
      .encode();
    expectRefused(await sendToRegions({ [serviceAssertionHeader]: unsigned }), /not valid/);
  });

  it('refuses an assertion used a second time', async () => {
    const headers = await signedHeaders(platform.serviceKeys, 'gateway', 'regions', body);
    expect((await sendToRegions(headers)).status).toBe(200);
    expectRefused(await sendToRegions(headers), /used already/);
  });

  it('refuses an assertion bound to another client address', async () => {
    const headers = await signedHeaders(platform.serviceKeys, 'gateway', 'regions', body, {
      'x-client-address': '203.0.113.7',
    });
    expectRefused(await sendToRegions({ ...headers, 'x-client-address': '198.51.100.1' }), /another client address/);
  });

  it('refuses a service it does not trust: partners may ask regions, not the county', async () => {
    const { status } = await platform.send(JSON.stringify({ query: '{ __typename }' }), {
      url: platform.subgraphUrls.county,
      service: 'partners',
    });
    expect(status).toBe(401);
  });

  it('answers a request signed as the gateway signs it', async () => {
    const answer = await sendToRegions(await signedHeaders(platform.serviceKeys, 'gateway', 'regions', body));
    expect(answer).toEqual({ status: 200, body: { data: { regions: [] } } });
  });
});

describe('through the gateway', () => {
  it('works: the gateway signs every request it sends to a subgraph', async () => {
    const { status, body: answer } = await platform.post(
      'query Everything { regions { id municipalities { number } } agreements { id } referrals { totalCount } }',
    );
    expect(status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ regions: [], agreements: [], referrals: { totalCount: 0 } });
  });
});

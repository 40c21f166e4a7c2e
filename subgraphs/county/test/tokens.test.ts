// Bad access tokens at a running subgraph: the county subgraph over HTTP, verifying tokens against
// a JWKS served over HTTP (as it verifies the gateway's in production), each request signed as the
// gateway signs it, so the token is the only thing wrong. The gateway's side: gateway/test/tokens.test.ts.
import {
  dropDatabase,
  generateServiceKeys,
  type RunningService,
  type ServiceKeys,
  startSubgraph,
} from '@etablerer/kit';
import { type DevKeys, generateDevKeys } from '@etablerer/kit/demo';
import {
  expectEveryBadTokenRefused,
  serveJwks,
  signedHeaders,
  type TestJwksServer,
  testServerUrl,
  testToken,
  uniqueDatabaseName,
} from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySubgraph } from '../src/server.js';

const issuer = 'https://gateway.example/';
const audience = 'etablerertjenesten';
const database = uniqueDatabaseName('county');
let keys: DevKeys;
let serviceKeys: ServiceKeys;
let jwks: TestJwksServer;
let county: RunningService | undefined;

beforeAll(async () => {
  [keys, serviceKeys] = await Promise.all([generateDevKeys(), generateServiceKeys()]);
  jwks = await serveJwks([keys.publicKey]);
  county = await startSubgraph(countySubgraph, {
    server: testServerUrl(),
    database,
    port: 0,
    seedDemo: false,
    retentionSchedule: null,
    // Fetched for every request, so that a test can take the JWKS away without waiting for a cache to age.
    auth: { issuer, audience, jwksUrl: jwks.url, jwksCacheMaxAgeSeconds: 0 },
    serviceKeys: serviceKeys.jwks.keys,
  });
});

afterAll(async () => {
  await county?.stop();
  await jwks?.stop();
  await dropDatabase(testServerUrl(), database);
});

/** POSTs an operation with this Authorization header, signed as the gateway signs what it sends. */
async function send(authorization: string) {
  const body = JSON.stringify({ query: 'query Who { __typename }' });
  const response = await fetch(`${county?.url}/graphql`, {
    method: 'POST',
    headers: await signedHeaders(serviceKeys, 'gateway', 'county', body, {
      'content-type': 'application/json',
      authorization,
    }),
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

describe('access tokens at the county subgraph', () => {
  it('answers a well-formed token', async () => {
    const { status, body } = await send(`Bearer ${await testToken({ privateKey: keys.privateKey, issuer, audience })}`);
    expect({ status, body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('refuses each bad token with 401 UNAUTHENTICATED', async () => {
    await expectEveryBadTokenRefused({ ...keys, issuer, audience }, send);
  });

  it('answers 503 SERVICE_UNAVAILABLE, not 401, while the JWKS cannot be had, and takes the token again after', async () => {
    const token = `Bearer ${await testToken({ privateKey: keys.privateKey, issuer, audience })}`;
    jwks.failing = true;
    try {
      const { status, body } = await send(token);
      expect({ status, body }).toEqual({
        status: 503,
        body: {
          errors: [
            {
              // Apollo puts "Context creation failed: " before it where the kit's graphql is another copy
              // than Apollo's (under Vitest, which loads graphql's ES module for the sources).
              message: expect.stringMatching(
                /^(Context creation failed: )?Access tokens cannot be checked right now; try again in a moment\.$/,
              ),
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            },
          ],
        },
      });
    } finally {
      jwks.failing = false;
    }
    expect((await send(token)).status).toBe(200);
  });
});

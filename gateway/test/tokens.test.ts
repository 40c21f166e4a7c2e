// Bad access tokens at the gateway's /graphql: each refused 401 UNAUTHENTICATED before any subgraph is
// asked (none runs here: the subgraphs' addresses are the discard port). The same tokens at a running
// subgraph: subgraphs/county/test/tokens.test.ts; the verifier itself: subgraphs/kit/test/tokens.test.ts.
import { generateServiceKeys, type RunningService } from '@etablerer/kit';
import { type DevKeys, generateDevKeys } from '@etablerer/kit/demo';
import { expectEveryBadTokenRefused, testToken } from '@etablerer/kit/testing';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphNames } from '../src/composition.js';
import { startGateway } from '../src/server.js';

const issuer = 'https://gateway.example/';
const audience = 'etablerertjenesten';
let keys: DevKeys;
let gateway: RunningService | undefined;

beforeAll(async () => {
  const serviceKeys = await generateServiceKeys();
  keys = await generateDevKeys();
  gateway = await startGateway({
    port: 0,
    auth: { issuer, audience, publicKey: keys.publicKey },
    serviceKey: serviceKeys.privateKeys.gateway as JWK,
    subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, 'http://127.0.0.1:9/graphql'])),
  });
});

afterAll(async () => {
  await gateway?.stop();
});

async function send(authorization: string) {
  const response = await fetch(`${gateway?.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: 'query Who { __typename }' }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
  };
}

describe('access tokens at the gateway', () => {
  it('answers a well-formed token', async () => {
    const { status, body } = await send(`Bearer ${await testToken({ privateKey: keys.privateKey, issuer, audience })}`);
    expect({ status, body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('refuses each bad token with 401 UNAUTHENTICATED', async () => {
    await expectEveryBadTokenRefused({ ...keys, issuer, audience }, send);
  });
});

describe('access tokens at a gateway that trusts only its own signing keys', () => {
  let own: RunningService | undefined;
  beforeAll(async () => {
    const serviceKeys = await generateServiceKeys();
    own = await startGateway({
      port: 0,
      auth: { issuer, audience },
      serviceKey: serviceKeys.privateKeys.gateway as JWK,
      subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, 'http://127.0.0.1:9/graphql'])),
      signIn: { devSignIn: true },
    });
  });
  afterAll(async () => {
    await own?.stop();
  });

  const ask = async (authorization: string) => {
    const response = await fetch(`${own?.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: 'query Who { __typename }' }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, codes: body.errors?.map((error) => error.extensions?.code) ?? [] };
  };

  it('answers its own token and refuses one under a key id it never had as UNAUTHENTICATED, not as keys out of reach', async () => {
    const signIn = await fetch(`${own?.url}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'coordination.member' }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    expect(await ask(`Bearer ${accessToken}`)).toEqual({ status: 200, codes: [] });

    const stranger = await generateDevKeys();
    const forged = await testToken({
      privateKey: { ...stranger.privateKey, kid: 'not-one-of-ours' },
      issuer,
      audience,
    });
    expect(await ask(`Bearer ${forged}`)).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
  });
});

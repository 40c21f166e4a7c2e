// Partner systems' tokens: POST /auth/token with client credentials and a JWT client assertion
// signed by one of the client's registered keys (private_key_jwt), over HTTP against the gateway,
// with the assertion uses kept in the gateway's database.
import { randomUUID } from 'node:crypto';
import { createTokenVerifier, dropDatabase, generateServiceKeys, type RunningService } from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClientRecord, accessDirectoryInMemory } from '../src/auth/access.js';
import { clientAssertionType } from '../src/auth/client-credentials.js';
import { startGateway } from '../src/server.js';

const auth = { issuer: 'https://etablerer.test', audience: 'test-audience' };
const akershus = { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' } as const;
const database = uniqueDatabaseName('gateway_token');

type Signing = { privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']; jwk: JWK };
async function keyPair(alg: 'ES256' | 'RS256', kid: string): Promise<Signing> {
  const pair = await generateKeyPair(alg, { extractable: true });
  return { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg } };
}

let ecKey: Signing;
let rsaKey: Signing;
let client: ApiClientRecord;
let directory: ReturnType<typeof accessDirectoryInMemory>;
let gateway: RunningService;
let serviceKey: JWK;

beforeAll(async () => {
  ecKey = await keyPair('ES256', 'partner-ec');
  rsaKey = await keyPair('RS256', 'partner-rsa');
  client = {
    clientId: 'fluxx-reporting',
    name: 'Fluxx rapportering',
    organisation: akershus,
    scopes: ['aggregates:read'],
    keys: [ecKey.jwk, rsaKey.jwk],
  };
  directory = accessDirectoryInMemory({ clients: [client] });
  serviceKey = (await generateServiceKeys(['gateway'])).privateKeys.gateway as JWK;
  gateway = await startGateway({
    port: 0,
    auth,
    serviceKey,
    database: { server: testServerUrl(), database },
    signIn: { publicUrl: 'https://etablerer.test', accessDirectory: directory },
  });
});

afterAll(async () => {
  await gateway?.stop();
  await dropDatabase(testServerUrl(), database);
});

async function assertion(
  { privateKey, jwk }: Signing = ecKey,
  claims: JWTPayload = {},
  { lifetime = 60, header = {} }: { lifetime?: number; header?: Record<string, unknown> } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: client.clientId,
    sub: client.clientId,
    aud: auth.issuer,
    jti: randomUUID(),
    iat: now,
    exp: now + lifetime,
    ...claims,
  })
    .setProtectedHeader({ alg: String(jwk.alg), kid: String(jwk.kid), ...header })
    .sign(privateKey);
}

async function requestToken(
  fields: Record<string, string>,
  url = gateway.url,
): Promise<{ status: number; body: Record<string, string | number> }> {
  const response = await fetch(`${url}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string | number> };
}

const grant = (clientAssertion: string, extra: Record<string, string> = {}) =>
  requestToken({
    grant_type: 'client_credentials',
    client_assertion_type: clientAssertionType,
    client_assertion: clientAssertion,
    ...extra,
  });

const refusedAsClient = async (clientAssertion: string, because: RegExp) => {
  const { status, body } = await grant(clientAssertion);
  expect(status).toBe(401);
  expect(body.error).toBe('invalid_client');
  expect(String(body.error_description)).toMatch(because);
};

describe('the token endpoint', () => {
  it('gives a registered client a platform token with its scopes, which every service accepts', async () => {
    const { status, body } = await grant(await assertion(), { scope: 'aggregates:read' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'aggregates:read' });
    const verify = createTokenVerifier({ ...auth, jwksUrl: `${gateway.internalUrl}/.well-known/jwks.json` });
    await expect(verify(String(body.access_token))).resolves.toEqual({
      subject: 'fluxx-reporting',
      name: 'Fluxx rapportering',
      role: 'API_CLIENT',
      organisation: akershus,
      scopes: ['aggregates:read'],
    });
    // Without a scope asked for: all it was granted. With an RSA key, and the token endpoint as audience.
    const rsa = await grant(await assertion(rsaKey, { aud: 'https://etablerer.test/auth/token' }));
    expect(rsa.status).toBe(200);
    expect(rsa.body.scope).toBe('aggregates:read');
  });

  it('takes each assertion once', async () => {
    const once = await assertion();
    expect((await grant(once)).status).toBe(200);
    await refusedAsClient(once, /used already/);
  });

  it('refuses expired, long-lived, wrongly addressed and wrongly issued assertions', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refusedAsClient(await assertion(ecKey, { iat: now - 300, exp: now - 120 }), /expired/);
    await refusedAsClient(await assertion(ecKey, {}, { lifetime: 600 }), /longer than 120 seconds/);
    await refusedAsClient(await assertion(ecKey, { aud: 'https://another.example/token' }), /not valid/);
    await refusedAsClient(await assertion(ecKey, { sub: 'someone-else' }), /not valid/);
  });

  it('refuses a key the client has not registered, and algorithms no registered key can have', async () => {
    const stranger = await keyPair('ES256', 'partner-ec');
    await refusedAsClient(await assertion(stranger), /not valid/);
    await refusedAsClient(await assertion({ ...ecKey, jwk: { ...ecKey.jwk, kid: 'unknown' } }), /registered/);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'partner-ec' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({
        iss: client.clientId,
        sub: client.clientId,
        aud: auth.issuer,
        jti: randomUUID(),
        exp: Math.floor(Date.now() / 1000) + 60,
      }),
    ).toString('base64url')}.`;
    await refusedAsClient(none, /must be signed with one of/);
    // HS256 with the public key's text as the secret: the classic key-confusion attack.
    const hs256 = await new SignJWT({ iss: client.clientId, sub: client.clientId, aud: auth.issuer, jti: randomUUID() })
      .setProtectedHeader({ alg: 'HS256', kid: 'partner-ec' })
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode(JSON.stringify(ecKey.jwk)));
    await refusedAsClient(hs256, /must be signed with one of/);
  });

  it('refuses a scope the client was not granted', async () => {
    const { status, body } = await grant(await assertion(), { scope: 'aggregates:read cases:write' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_scope' });
  });

  it('refuses a revoked client', async () => {
    directory.clients.splice(0, 1);
    try {
      await refusedAsClient(await assertion(), /No such client, or it was revoked/);
    } finally {
      directory.clients.push(client);
    }
    expect((await grant(await assertion())).status).toBe(200);
  });

  it('answers 503, not 500, while the county cannot say who the client is, and grants again once it can', async () => {
    const original = directory.client;
    directory.client = async () => {
      throw new Error('connect ECONNREFUSED (the county subgraph)');
    };
    try {
      const { status, body } = await grant(await assertion());
      expect({ status, body }).toMatchObject({ status: 503, body: { error: 'temporarily_unavailable' } });
    } finally {
      directory.client = original;
    }
    expect((await grant(await assertion())).status).toBe(200);
  });

  it('answers malformed requests with RFC 6749 errors', async () => {
    expect(await requestToken({ grant_type: 'password', username: 'a', password: 'b' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    expect(await requestToken({ grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
  });

  it('tells partners where and how to ask (RFC 8414 metadata)', async () => {
    expect(await (await fetch(`${gateway.url}/.well-known/oauth-authorization-server`)).json()).toEqual({
      issuer: auth.issuer,
      token_endpoint: 'https://etablerer.test/auth/token',
      jwks_uri: 'https://etablerer.test/.well-known/jwks.json',
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['ES256', 'ES384', 'RS256', 'PS256'],
      scopes_supported: ['aggregates:read'],
    });
  });

  it('limits the requests per client address', async () => {
    const limited = await startGateway({
      port: 0,
      auth,
      serviceKey,
      signIn: { accessDirectory: directory, tokenRateLimit: { points: 2, windowSeconds: 600 } },
    });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        statuses.push((await requestToken({ grant_type: 'client_credentials' }, limited.url)).status);
      }
      expect(statuses).toEqual([400, 400, 429]);
    } finally {
      await limited.stop();
    }
  });
});

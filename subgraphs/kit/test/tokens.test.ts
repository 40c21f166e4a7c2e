// Access-token verification against a JWKS served over real HTTP, as every subgraph verifies the
// gateway's tokens: who gets in, who does not, how a new signing key is learnt, and what a caller is
// told when the keys cannot be had. (The same bad tokens at a running subgraph and at the gateway:
// subgraphs/county/test/tokens.test.ts and gateway/test/tokens.test.ts.)
import type { JWK } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AuthConfig, createTokenVerifier } from '../src/auth.js';
import { type DevKeys, generateDevKeys } from '../src/dev-tokens.js';
import { badTokens, serveJwks, type TestJwksServer, testToken } from '../src/testing.js';

const issuer = 'https://etablerer.example/';
const audience = 'etablerertjenesten';
let keys: DevKeys;
let jwks: TestJwksServer;

beforeAll(async () => {
  keys = await generateDevKeys();
  jwks = await serveJwks([keys.publicKey]);
});

afterAll(() => jwks.stop());

const verifier = (options: Partial<AuthConfig> = {}) =>
  createTokenVerifier({ issuer, audience, jwksUrl: jwks.url, ...options });
const token = (claims: Record<string, unknown> = {}, privateKey: JWK = keys.privateKey) =>
  testToken({ privateKey, issuer, audience, claims });
const now = () => Math.floor(Date.now() / 1000);
const unauthenticated = { extensions: { code: 'UNAUTHENTICATED' } };

describe('an access token checked against the JWKS', () => {
  it('lets a well-formed token in, as the caller it names', async () => {
    await expect(verifier()(await token())).resolves.toMatchObject({
      subject: 'county.officer',
      role: 'COUNTY_OFFICER',
      organisation: { id: 'akershus', kind: 'COUNTY' },
    });
  });

  it('fetches the JWKS once and keeps it for the tokens that follow', async () => {
    const verify = verifier();
    const before = jwks.requests;
    for (let i = 0; i < 3; i += 1) await verify(await token());
    expect(jwks.requests - before).toBe(1);
  });

  it('takes a token that expired or starts within the clock tolerance (30 s), and not beyond it', async () => {
    const verify = verifier();
    await expect(verify(await token({ exp: now() - 10 }))).resolves.toBeDefined();
    await expect(verify(await token({ nbf: now() + 10 }))).resolves.toBeDefined();
    await expect(verify(await token({ exp: now() - 60 }))).rejects.toMatchObject({
      ...unauthenticated,
      message: 'The access token has expired; sign in again.',
    });
    await expect(verify(await token({ nbf: now() + 60 }))).rejects.toMatchObject(unauthenticated);
    // Without a tolerance the token ten seconds past its expiry is refused: the tolerance is what let it in.
    await expect(verifier({ clockToleranceSeconds: 0 })(await token({ exp: now() - 10 }))).rejects.toMatchObject(
      unauthenticated,
    );
  });

  it('refuses a clock tolerance above five minutes', () => {
    expect(() => verifier({ clockToleranceSeconds: 301 })).toThrow(/clockToleranceSeconds must be from 0 to 300/);
  });
});

describe('a token verified once (verifiedTokenSeconds)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is taken again only until it expires (with the clock tolerance), however long it would be kept', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const verify = verifier({ verifiedTokenSeconds: 60 });
    const expiring = await token({ exp: now() + 5 });
    await expect(verify(expiring)).resolves.toMatchObject({ subject: 'county.officer' });
    vi.setSystemTime(Date.now() + 30_000);
    await expect(verify(expiring)).resolves.toMatchObject({ subject: 'county.officer' });
    // 40 s on: 35 s past its expiry, beyond the 30 s tolerance, though kept for 60 s.
    vi.setSystemTime(Date.now() + 10_000);
    await expect(verify(expiring)).rejects.toMatchObject({
      ...unauthenticated,
      message: 'The access token has expired; sign in again.',
    });
  });

  it('is verified anew after the time it is kept, and another token (a signature changed) is verified itself', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const verify = verifier({ verifiedTokenSeconds: 60 });
    const good = await token({ exp: now() + 3600 });
    const first = await verify(good);
    const tampered = `${good.slice(0, good.lastIndexOf('.') + 1)}${'A'.repeat(good.length - good.lastIndexOf('.') - 1)}`;
    await expect(verify(tampered)).rejects.toMatchObject(unauthenticated);
    // Each request gets a caller of its own, not the object another request was given.
    const again = await verify(good);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    vi.setSystemTime(Date.now() + 61_000);
    await expect(verify(good)).resolves.toEqual(first);
  });

  it('is never kept longer than the JWKS is', () => {
    expect(() => verifier({ verifiedTokenSeconds: 700 })).toThrow(/verifiedTokenSeconds/);
  });
});

describe('tokens that must not get anyone in', async () => {
  const cases = await (async () => {
    const signing = await generateDevKeys();
    return { signing, tokens: await badTokens({ ...signing, issuer, audience }) };
  })();

  it.each(cases.tokens)('refuses a token %s with UNAUTHENTICATED', async (_fault, bad) => {
    const served = await serveJwks([cases.signing.publicKey]);
    try {
      const verify = createTokenVerifier({ issuer, audience, jwksUrl: served.url });
      // The same key and claims otherwise: only the fault named is why it is refused.
      await expect(
        verify(await testToken({ privateKey: cases.signing.privateKey, issuer, audience })),
      ).resolves.toBeDefined();
      await expect(verify(bad)).rejects.toMatchObject({
        ...unauthenticated,
        message: expect.stringMatching(/^The access token (is not valid|has expired); sign in again\.$/),
      });
    } finally {
      await served.stop();
    }
  });
});

describe('signing keys that change', () => {
  it('fetches the JWKS again for a kid it does not know, and refuses the token when the kid is still unknown', async () => {
    const verify = verifier({ jwksCooldownSeconds: 0 });
    await verify(await token());
    const before = jwks.requests;
    const stranger = await generateDevKeys();
    await expect(verify(await token({}, { ...stranger.privateKey, kid: 'not-published' }))).rejects.toMatchObject(
      unauthenticated,
    );
    expect(jwks.requests - before).toBe(1);
  });

  it('does not fetch again within the cooldown after a fetch, however many unknown kids come', async () => {
    const verify = verifier();
    await verify(await token());
    const before = jwks.requests;
    const stranger = await generateDevKeys();
    for (const kid of ['unknown-1', 'unknown-2', 'unknown-3']) {
      await expect(verify(await token({}, { ...stranger.privateKey, kid }))).rejects.toMatchObject(unauthenticated);
    }
    expect(jwks.requests).toBe(before);
  });

  it('accepts a token signed by a key published after the JWKS was fetched (a rotation)', async () => {
    const verify = verifier({ jwksCooldownSeconds: 0 });
    await verify(await token());
    const next = await generateDevKeys();
    const rotated = { ...next.privateKey, kid: 'rotated-2' };
    await expect(verify(await token({}, rotated))).rejects.toMatchObject(unauthenticated);
    jwks.keys.push({ ...next.publicKey, kid: 'rotated-2' });
    try {
      await expect(verify(await token({}, rotated))).resolves.toMatchObject({ subject: 'county.officer' });
      // The key it knew before still works.
      await expect(verify(await token())).resolves.toMatchObject({ subject: 'county.officer' });
    } finally {
      jwks.keys.pop();
    }
  });
});

describe('a JWKS that cannot be had', () => {
  const unavailable = {
    message: 'Access tokens cannot be checked right now; try again in a moment.',
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
  };

  it('answers SERVICE_UNAVAILABLE (503), not UNAUTHENTICATED, when the endpoint fails', async () => {
    jwks.failing = true;
    try {
      await expect(verifier()(await token())).rejects.toMatchObject(unavailable);
    } finally {
      jwks.failing = false;
    }
  });

  it('answers SERVICE_UNAVAILABLE (503) when nothing listens at the endpoint', async () => {
    const gone = await serveJwks([keys.publicKey]);
    await gone.stop();
    await expect(createTokenVerifier({ issuer, audience, jwksUrl: gone.url })(await token())).rejects.toMatchObject(
      unavailable,
    );
  });

  it('refuses a token without a kid before asking the endpoint', async () => {
    const verify = verifier();
    const before = jwks.requests;
    await expect(
      verify(await testToken({ privateKey: keys.privateKey, issuer, audience, header: { kid: undefined } })),
    ).rejects.toMatchObject(unauthenticated);
    expect(jwks.requests).toBe(before);
  });
});

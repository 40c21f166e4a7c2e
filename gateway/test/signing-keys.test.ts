// The platform's signing keys across rotations (a clock of the test's own, no waiting): a new key
// published before it signs, old tokens verifying until they have expired, then their key retired;
// and gateways on one database rotating once between them.
import { dropDatabase } from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createPlatformTokenIssuer } from '../src/auth/platform-tokens.js';
import {
  createSigningKeys,
  type SigningKeyStorage,
  signingKeysInDatabase,
  signingKeysInMemory,
} from '../src/auth/signing-keys.js';
import { openGatewayDatabase } from '../src/gateway-database.js';

const minute = 60_000;
const day = 24 * 60 * minute;
const claims = {
  sub: 'county.officer',
  name: 'Kari Nordmann',
  role: 'COUNTY_OFFICER',
  org: { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' },
} as const;

function keysWithClock(storage: SigningKeyStorage = signingKeysInMemory(), start = Date.UTC(2026, 0, 1)) {
  const clock = { now: start };
  const keys = createSigningKeys({
    storage,
    rotationMs: 30 * day,
    publishDelayMs: 10 * minute,
    maxTokenLifetimeMs: 5 * minute,
    cacheMs: minute,
    now: () => clock.now,
  });
  const issue = createPlatformTokenIssuer({
    keys,
    issuer: 'iss',
    audience: 'aud',
    lifetimeSeconds: 300,
    now: () => clock.now,
  });
  return { clock, keys, issue };
}

const kidOf = (token: string) => decodeProtectedHeader(token).kid;

describe('the signing keys', () => {
  it('publish the next key before it signs, and keep the old one until its tokens have expired', async () => {
    const { clock, keys, issue } = keysWithClock();
    const first = await issue(claims);
    const firstKid = kidOf(first.accessToken);
    expect((await keys.jwks()).keys.map((key) => key.kid)).toEqual([firstKid]);

    // Ten minutes before the rotation: the next key is published, the first still signs.
    clock.now += 30 * day - 10 * minute;
    expect(kidOf((await issue(claims)).accessToken)).toBe(firstKid);
    const published = (await keys.jwks()).keys;
    expect(published).toHaveLength(2);
    const nextKid = published.find((key) => key.kid !== firstKid)?.kid;
    // A verifier that fetched the JWKS now holds the key before anything is signed with it.
    const cachedJwks = createLocalJWKSet({ keys: published });
    for (const key of published) expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);

    // A minute before the rotation, still the first key.
    clock.now += 9 * minute;
    const beforeRotation = await issue(claims);
    expect(kidOf(beforeRotation.accessToken)).toBe(firstKid);
    clock.now += minute;
    const afterRotation = await issue(claims);
    expect(kidOf(afterRotation.accessToken)).toBe(nextKid);
    const at = { currentDate: new Date(clock.now), issuer: 'iss', audience: 'aud' };
    await expect(jwtVerify(afterRotation.accessToken, cachedJwks, at)).resolves.toBeDefined();
    // The token signed just before the rotation still verifies, with the store's resolver and the JWKS.
    await expect(jwtVerify(beforeRotation.accessToken, keys.getKey, at)).resolves.toBeDefined();
    expect((await keys.jwks()).keys.map((key) => key.kid).sort()).toEqual([firstKid, nextKid].sort());

    // Once every token the first key signed has expired (5 minutes, + tolerance and cache), it is retired.
    clock.now += 5 * minute + 30_000 + minute + 1;
    expect((await keys.jwks()).keys.map((key) => key.kid)).toEqual([nextKid]);
    await expect(
      jwtVerify(beforeRotation.accessToken, keys.getKey, { currentDate: new Date(clock.now - 10 * minute) }),
    ).rejects.toThrow();
  });

  it('sign with a new key at once when the signing one is deleted (a leak)', async () => {
    const storage = signingKeysInMemory();
    const { clock, keys, issue } = keysWithClock(storage);
    const leaked = kidOf((await issue(claims)).accessToken);
    clock.now += 30 * day - 5 * minute;
    await keys.rotateWhenDue();
    // The next key is published, not yet signing; the leaked one is deleted.
    await storage.remove([String(leaked)]);
    clock.now += minute + 1;
    const token = await issue(claims);
    expect(kidOf(token.accessToken)).not.toBe(leaked);
    expect((await keys.jwks()).keys.map((key) => key.kid)).not.toContain(leaked);
    await expect(
      jwtVerify(token.accessToken, keys.getKey, { currentDate: new Date(clock.now) }),
    ).resolves.toBeDefined();
  });

  it('are made once by gateways starting together on one database, and shared by them', async () => {
    const database = uniqueDatabaseName('gateway_keys');
    const [one, two] = await Promise.all([
      openGatewayDatabase({ server: testServerUrl(), database }),
      openGatewayDatabase({ server: testServerUrl(), database }),
    ]);
    try {
      const start = Date.UTC(2026, 0, 1);
      const a = keysWithClock(signingKeysInDatabase(one.pool), start);
      const b = keysWithClock(signingKeysInDatabase(two.pool), start);
      await Promise.all([a.keys.rotateWhenDue(), b.keys.rotateWhenDue(), a.keys.rotateWhenDue()]);
      const kids = async (keys: typeof a.keys) => (await keys.jwks()).keys.map((key) => key.kid);
      expect(await kids(a.keys)).toHaveLength(1);
      expect(await kids(b.keys)).toEqual(await kids(a.keys));

      // The rotation, again by both at once: one new key between them.
      a.clock.now += 30 * day;
      b.clock.now += 30 * day;
      await Promise.all([a.keys.rotateWhenDue(), b.keys.rotateWhenDue()]);
      expect(await kids(a.keys)).toHaveLength(2);
      // b's copy is a minute old at most; a token a signed with a key b had not read is found at once.
      const token = await a.issue(claims);
      await expect(
        jwtVerify(token.accessToken, b.keys.getKey, { currentDate: new Date(a.clock.now) }),
      ).resolves.toBeDefined();
    } finally {
      await Promise.all([one.close(), two.close()]);
      await dropDatabase(testServerUrl(), database);
    }
  });
});

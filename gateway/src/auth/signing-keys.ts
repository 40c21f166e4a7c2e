// The platform's signing keys: the ES256 keys the gateway signs platform access tokens with, and
// the JWKS the gateway and every subgraph verify them against. A key signs for TOKEN_KEY_ROTATION,
// then the next one takes over; each new key is in the JWKS TOKEN_KEY_PUBLISH_DELAY before it
// signs (verifiers holding a cached JWKS know it by then), and an old key stays in the JWKS until
// every token it signed has expired. Kept in the gateway's database, shared by every instance
// (any of them may rotate, one at a time under an advisory lock); in memory without one.
import { randomUUID } from 'node:crypto';
import { logger } from '@etablerer/kit';
import { errors, exportJWK, generateKeyPair, importJWK, type JWK, type JWTVerifyGetKey } from 'jose';
import type pg from 'pg';

export const signingAlgorithm = 'ES256';

/** A key as jose imports it. */
export type ImportedKey = Awaited<ReturnType<typeof importJWK>>;

export interface SigningKeyRecord {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: Date;
  /** When it starts signing; it is published from its creation. */
  activeFrom: Date;
}

/** Where the keys are kept. */
export interface SigningKeyStorage {
  list(): Promise<SigningKeyRecord[]>;
  /** Runs `work` while no other instance rotates (an advisory lock in the database). */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  insert(key: SigningKeyRecord): Promise<void>;
  remove(kids: string[]): Promise<void>;
}

/** Keys in this process's memory (a gateway without a database); `initial` for tests that sign with a key of their own. */
export function signingKeysInMemory(initial: SigningKeyRecord[] = []): SigningKeyStorage {
  const keys = new Map<string, SigningKeyRecord>(initial.map((key) => [key.kid, key]));
  let queue: Promise<unknown> = Promise.resolve();
  return {
    list: async () => [...keys.values()],
    exclusively<T>(work: () => Promise<T>) {
      const run = queue.then(work, work);
      queue = run.catch(() => undefined);
      return run;
    },
    insert: async (key) => void keys.set(key.kid, key),
    remove: async (kids) => {
      for (const kid of kids) keys.delete(kid);
    },
  };
}

/** Any number no other lock in the gateway's database uses: the lock a rotation takes. */
const rotationLockKey = 7_364_302;

export function signingKeysInDatabase(pool: pg.Pool): SigningKeyStorage {
  return {
    async list() {
      const { rows } = await pool.query<{
        kid: string;
        private_jwk: JWK;
        public_jwk: JWK;
        created_at: Date;
        active_from: Date;
      }>('select kid, private_jwk, public_jwk, created_at, active_from from platform_signing_key');
      return rows.map((row) => ({
        kid: row.kid,
        privateJwk: row.private_jwk,
        publicJwk: row.public_jwk,
        createdAt: row.created_at,
        activeFrom: row.active_from,
      }));
    },
    async exclusively(work) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [rotationLockKey]);
        try {
          return await work();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [rotationLockKey]);
        }
      } finally {
        client.release();
      }
    },
    async insert(key) {
      await pool.query(
        'insert into platform_signing_key (kid, private_jwk, public_jwk, created_at, active_from) values ($1, $2, $3, $4, $5)',
        [key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdAt, key.activeFrom],
      );
    },
    async remove(kids) {
      await pool.query('delete from platform_signing_key where kid = any($1)', [kids]);
    },
  };
}

export interface SigningKeysOptions {
  storage: SigningKeyStorage;
  /** How long a key signs (TOKEN_KEY_ROTATION). */
  rotationMs: number;
  /** How long a new key is published before it signs (TOKEN_KEY_PUBLISH_DELAY). */
  publishDelayMs: number;
  /** The longest lifetime of a token the keys sign: an old key stays published that long after it stopped. */
  maxTokenLifetimeMs: number;
  /** How far the verifiers' clocks may be off. */
  clockToleranceMs?: number;
  /** How long this instance trusts its copy of the keys before reading them again. */
  cacheMs?: number;
  /** An unknown kid is looked for again in the storage at most this often. */
  unknownKidRereadMs?: number;
  now?: () => number;
}

export interface SigningKeys {
  /** The key to sign with now (rotating first when it is time). */
  current(): Promise<{ kid: string; key: ImportedKey }>;
  /** The published public keys: those signing, about to sign, or whose tokens may still be valid. */
  jwks(): Promise<{ keys: JWK[] }>;
  /** A key resolver for jose's jwtVerify (kit createTokenVerifier's getKey). */
  getKey: JWTVerifyGetKey;
  /** Rotates when it is time; what `current` does first. */
  rotateWhenDue(): Promise<void>;
}

export function createSigningKeys(options: SigningKeysOptions): SigningKeys {
  const now = options.now ?? Date.now;
  const tolerance = options.clockToleranceMs ?? 30_000;
  const cacheMs = options.cacheMs ?? 60_000;
  const rereadMs = options.unknownKidRereadMs ?? 5_000;
  let cached: { keys: SigningKeyRecord[]; readAt: number } | undefined;
  let lastUnknownReread = Number.NEGATIVE_INFINITY;
  const imported = new Map<string, Promise<ImportedKey>>();

  const read = async () => {
    cached = { keys: await options.storage.list(), readAt: now() };
    return cached.keys;
  };
  const keys = async () => (cached && now() - cached.readAt < cacheMs ? cached.keys : read());

  /** The key signing at `at`: the newest active one. */
  const signingAt = (list: SigningKeyRecord[], at: number) =>
    list
      .filter((key) => key.activeFrom.getTime() <= at)
      .sort((a, b) => b.activeFrom.getTime() - a.activeFrom.getTime())[0];
  const newest = (list: SigningKeyRecord[]) =>
    [...list].sort((a, b) => b.activeFrom.getTime() - a.activeFrom.getTime())[0];
  /**
   * When a key stops being published: its successor took over, and every token it signed has
   * expired since (plus the clock tolerance and how stale another instance's copy may be).
   */
  const retiredAt = (list: SigningKeyRecord[], key: SigningKeyRecord) => {
    const successor = list
      .filter((other) => other.activeFrom > key.activeFrom)
      .sort((a, b) => a.activeFrom.getTime() - b.activeFrom.getTime())[0];
    if (!successor || successor.activeFrom.getTime() > now()) return Number.POSITIVE_INFINITY;
    return successor.activeFrom.getTime() + options.maxTokenLifetimeMs + tolerance + cacheMs;
  };
  const due = (list: SigningKeyRecord[]) => {
    const latest = newest(list);
    return (
      !latest ||
      !signingAt(list, now()) ||
      now() >= latest.activeFrom.getTime() + options.rotationMs - options.publishDelayMs
    );
  };

  const newKey = async (activeFrom: number): Promise<SigningKeyRecord> => {
    const kid = randomUUID();
    const pair = await generateKeyPair(signingAlgorithm, { extractable: true });
    const common = { kid, alg: signingAlgorithm, use: 'sig' };
    return {
      kid,
      privateJwk: { ...(await exportJWK(pair.privateKey)), ...common },
      publicJwk: { ...(await exportJWK(pair.publicKey)), ...common },
      createdAt: new Date(now()),
      activeFrom: new Date(activeFrom),
    };
  };

  const rotateWhenDue = async () => {
    if (!due(await keys())) return;
    await options.storage.exclusively(async () => {
      // Another instance may have rotated meanwhile: decide on what the storage holds now.
      const list = await read();
      if (due(list)) {
        const latest = newest(list);
        // The first key signs at once: no verifier can hold a JWKS without it yet. So does one made
        // because none signs (the signing key's row deleted after a leak): better than no sign-in.
        const activeFrom =
          latest && signingAt(list, now())
            ? Math.max(now() + options.publishDelayMs, latest.activeFrom.getTime() + options.rotationMs)
            : now();
        const key = await newKey(activeFrom);
        await options.storage.insert(key);
        logger.info(
          { kid: key.kid, activeFrom: key.activeFrom.toISOString() },
          latest
            ? 'platform signing key made: published now, signing from activeFrom'
            : 'first platform signing key made',
        );
      }
      const retired = list.filter((key) => retiredAt(list, key) <= now()).map((key) => key.kid);
      if (retired.length > 0) {
        await options.storage.remove(retired);
        logger.info({ kids: retired }, 'platform signing keys retired: every token they signed has expired');
      }
      await read();
    });
  };

  const importKey = (jwk: JWK) => {
    const kid = `${jwk.kid}:${jwk.d ? 'private' : 'public'}`;
    let key = imported.get(kid);
    if (!key) {
      key = importJWK(jwk, signingAlgorithm);
      imported.set(kid, key);
    }
    return key;
  };

  const published = (list: SigningKeyRecord[]) => list.filter((key) => retiredAt(list, key) > now());

  return {
    rotateWhenDue,
    async current() {
      await rotateWhenDue();
      const key = signingAt(await keys(), now());
      if (!key) throw new Error('No platform signing key is active');
      return { kid: key.kid, key: await importKey(key.privateJwk) };
    },
    async jwks() {
      await rotateWhenDue();
      return { keys: published(await keys()).map((key) => key.publicJwk) };
    },
    async getKey(header) {
      let list = await keys();
      let key = list.find((candidate) => candidate.kid === header.kid);
      // A key another instance made since this one last read: read again, but not for every bad token.
      if (!key && header.kid && now() - lastUnknownReread >= rereadMs) {
        lastUnknownReread = now();
        list = await read();
        key = list.find((candidate) => candidate.kid === header.kid);
      }
      if (!key || !published(list).includes(key)) {
        // jose's own error: the verifier refuses the token (401); anything else would read as keys out of reach (503).
        throw new errors.JWKSNoMatchingKey('no such platform signing key');
      }
      return importKey(key.publicJwk);
    },
  };
}

// The identity provider's signing keys: a private JSON Web Key Set in a file of its own (mode 0600, under the
// ignored .data/), created on first start and rotated by `pnpm --filter @etablerer/identity-provider rotate-keys`.
//
// Rotation is in two phases, as real providers do it: a key is published (in /jwks) before it signs, so a
// relying party that cached the provider's JWKS already holds it when the first token it signs arrives. Per
// algorithm the file holds, in this order:
//   current   signs (oidc-provider signs with the first key of an algorithm);
//   next      published, not yet signing; listed by kid in the file's `next`;
//   previous  published, no longer signing, so tokens it signed still verify.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';

/** The algorithms the provider signs with: RS256 for ID tokens by default (every relying party has it), ES256 on request. */
export const signingAlgorithms = ['RS256', 'ES256'] as const;
export type SigningAlgorithm = (typeof signingAlgorithms)[number];

const privateKey = z
  .object({
    kty: z.enum(['RSA', 'EC']),
    kid: z.string().min(1),
    alg: z.enum(signingAlgorithms),
    use: z.literal('sig'),
    d: z.string().min(1),
  })
  .loose();
const keyFile = z.object({
  keys: z.array(privateKey).min(1),
  /** Absent in a key file written before two-phase rotation (its keys: current, then previous). */
  next: z.array(z.string().min(1)).optional(),
});

/** One algorithm's keys by role. */
interface AlgorithmKeys {
  current: JWK;
  next?: JWK;
  previous?: JWK;
}

export interface SigningKeySet {
  /**
   * Private JWKs; per algorithm the current key first, then the next, then the previous: oidc-provider signs
   * with the first key of an algorithm and publishes them all.
   */
  keys: JWK[];
  /** The next keys' ids: published, signing from the next rotation. */
  next: string[];
}

const kidOf = (key: JWK) => key.kid ?? '';
const ids = (keys: (JWK | undefined)[]) => keys.filter((key) => key !== undefined).map(kidOf);

async function generateKey(alg: SigningAlgorithm): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'RS256' ? { modulusLength: 2048 } : {}),
  });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg, use: 'sig' };
}

/** The key set in the order oidc-provider needs: per algorithm current, next, previous. */
function keySetOf(byAlgorithm: Map<string, AlgorithmKeys>): SigningKeySet {
  const roles = [...byAlgorithm.values()];
  return {
    keys: roles.flatMap(({ current, next, previous }) => [current, next, previous].filter((key) => key !== undefined)),
    next: ids(roles.map((role) => role.next)),
  };
}

/** Written whole to a file beside it, then renamed over it: a reader never sees half a key set. */
function writeKeySet(file: string, set: SigningKeySet): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ next: set.next, keys: set.keys }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/**
 * Each algorithm's keys by role. The keys listed in `next` are the next ones; of the others the first is the
 * current one and the second the previous one (older ones, which this provider never writes, are left out).
 */
function rolesOf(file: string, keys: JWK[], next: string[]): Map<string, AlgorithmKeys> {
  const byAlgorithm = new Map<string, AlgorithmKeys>();
  const invalid = (why: string) =>
    new Error(`The identity provider's key file ${file} ${why}; remove it to have new keys made.`);
  for (const kid of next) {
    if (!keys.some((key) => key.kid === kid)) throw invalid(`lists ${kid} as a next key but holds no such key`);
  }
  for (const alg of new Set(keys.map((key) => String(key.alg)))) {
    const ofAlgorithm = keys.filter((key) => key.alg === alg);
    const nextKeys = ofAlgorithm.filter((key) => next.includes(kidOf(key)));
    const [current, previous] = ofAlgorithm.filter((key) => !next.includes(kidOf(key)));
    if (!current) throw invalid(`has no current ${alg} key, only a next one`);
    if (nextKeys.length > 1) throw invalid(`lists more than one next ${alg} key`);
    byAlgorithm.set(alg, { current, ...(nextKeys[0] ? { next: nextKeys[0] } : {}), ...(previous ? { previous } : {}) });
  }
  return byAlgorithm;
}

function readRoles(file: string): Map<string, AlgorithmKeys> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The identity provider's key file ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  const result = keyFile.safeParse(parsed);
  if (!result.success) {
    throw new Error(
      `The identity provider's key file ${file} is not a set of private signing keys (${signingAlgorithms.join(', ')}); remove it to have new keys made.`,
    );
  }
  return rolesOf(file, result.data.keys as JWK[], result.data.next ?? []);
}

/**
 * The key set in `file`, per algorithm the current key first (whatever the order in the file); throws, naming
 * the file, when it is not a private key set this provider wrote.
 */
export function readKeys(file: string): SigningKeySet {
  return keySetOf(readRoles(file));
}

async function newAlgorithmKeys(alg: SigningAlgorithm): Promise<AlgorithmKeys> {
  const [current, next] = await Promise.all([generateKey(alg), generateKey(alg)]);
  return { current, next };
}

/** The key set in `file`, made (a current and a next key per algorithm) when there is none. */
export async function loadOrCreateKeys(file: string): Promise<SigningKeySet> {
  if (existsSync(file)) return readKeys(file);
  const roles = await Promise.all(signingAlgorithms.map(newAlgorithmKeys));
  const set = keySetOf(new Map(signingAlgorithms.map((alg, index) => [alg, roles[index] as AlgorithmKeys])));
  writeKeySet(file, set);
  return set;
}

export interface Rotation {
  /** The keys that sign once the provider reloads its keys: the next keys promoted (see `promoted`). */
  signing: string[];
  /** The next keys that now sign; empty at the first rotation of a key file from before two-phase rotation. */
  promoted: string[];
  /** The new next keys: published from the reload on, signing from the rotation after this one. */
  added: string[];
  /** The previous keys, still published so tokens they signed verify until they expire. */
  kept: string[];
  /** Older keys, no longer published. */
  dropped: string[];
}

/**
 * Rotates in two phases, per algorithm: the next key (published since the last rotation, so relying parties
 * have it) becomes the current one and signs from the provider's reload; a fresh key becomes the next one
 * (published from the reload, signing from the rotation after); the current one becomes the previous one (its
 * tokens still verify); the older previous one is dropped.
 *
 * A key file from before two-phase rotation holds no next key (its keys: current, previous). Its first rotation
 * only adds a next key: the current key keeps signing and the previous one stays, since no relying party could
 * know a key that would sign at once. The rotation after that promotes it.
 *
 * Two rotations less than a minute apart can still fail a sign-in at a relying party that fetched the JWKS just
 * before the first (openid-client fetches it again for an unknown kid only once its copy is a minute old).
 */
export async function rotateKeys(file: string): Promise<Rotation> {
  if (!existsSync(file)) {
    const { keys, next } = await loadOrCreateKeys(file);
    const signing = ids(keys.filter((key) => !next.includes(kidOf(key))));
    return { signing, promoted: [], added: next, kept: [], dropped: [] };
  }
  const before = readRoles(file);
  const after = new Map<string, AlgorithmKeys>();
  const rotation: Rotation = { signing: [], promoted: [], added: [], kept: [], dropped: [] };
  for (const alg of new Set<string>([...signingAlgorithms, ...before.keys()])) {
    const old = before.get(alg);
    if (!old) {
      // An algorithm this provider did not sign with before: nobody expects its tokens yet.
      const fresh = await newAlgorithmKeys(alg as SigningAlgorithm);
      after.set(alg, fresh);
      rotation.signing.push(kidOf(fresh.current));
      rotation.added.push(kidOf(fresh.next as JWK));
      continue;
    }
    const fresh = await generateKey(alg as SigningAlgorithm);
    const keys: AlgorithmKeys = old.next
      ? { current: old.next, next: fresh, previous: old.current }
      : { current: old.current, next: fresh, ...(old.previous ? { previous: old.previous } : {}) };
    after.set(alg, keys);
    rotation.signing.push(kidOf(keys.current));
    if (old.next) rotation.promoted.push(kidOf(old.next));
    rotation.added.push(kidOf(fresh));
    rotation.kept.push(...ids([keys.previous]));
    if (old.next && old.previous) rotation.dropped.push(kidOf(old.previous));
  }
  writeKeySet(file, keySetOf(after));
  return rotation;
}

// The identity provider's signing keys: a private JSON Web Key Set in a file of its own (mode 0600, under the
// ignored .data/), created on first start and rotated by `pnpm --filter @etablerer/identity-provider rotate-keys`.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';

/** The algorithms the provider signs with: RS256 for ID tokens by default (every relying party has it), ES256 on request. */
export const signingAlgorithms = ['RS256', 'ES256'] as const;
export type SigningAlgorithm = (typeof signingAlgorithms)[number];

/** How many keys of each algorithm the set keeps: the one that signs, and the one before it for tokens still about. */
const keysKeptPerAlgorithm = 2;

const privateKey = z
  .object({
    kty: z.enum(['RSA', 'EC']),
    kid: z.string().min(1),
    alg: z.enum(signingAlgorithms),
    use: z.literal('sig'),
    d: z.string().min(1),
  })
  .loose();
const keySet = z.object({ keys: z.array(privateKey).min(1) });

export interface SigningKeySet {
  /** Private JWKs, the newest of each algorithm first: oidc-provider signs with the first key of an algorithm. */
  keys: JWK[];
}

async function generateKey(alg: SigningAlgorithm): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'RS256' ? { modulusLength: 2048 } : {}),
  });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg, use: 'sig' };
}

async function generateGeneration(): Promise<JWK[]> {
  return Promise.all(signingAlgorithms.map(generateKey));
}

/** Written whole to a file beside it, then renamed over it: a reader never sees half a key set. */
function writeKeySet(file: string, set: SigningKeySet): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(set, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** The key set in `file`; throws, naming the file, when it is not a private key set this provider wrote. */
export function readKeys(file: string): SigningKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The identity provider's key file ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  const result = keySet.safeParse(parsed);
  if (!result.success) {
    throw new Error(
      `The identity provider's key file ${file} is not a set of private signing keys (${signingAlgorithms.join(', ')}); remove it to have new keys made.`,
    );
  }
  return { keys: result.data.keys as JWK[] };
}

/** The key set in `file`, made (one key per algorithm) when there is none. */
export async function loadOrCreateKeys(file: string): Promise<SigningKeySet> {
  if (existsSync(file)) return readKeys(file);
  const set = { keys: await generateGeneration() };
  writeKeySet(file, set);
  return set;
}

export interface Rotation {
  /** The new signing keys' ids. */
  added: string[];
  /** The previous keys, still published so tokens they signed verify until they expire. */
  kept: string[];
  /** Older keys, no longer published. */
  dropped: string[];
}

/**
 * A new signing key per algorithm goes first (it signs from the provider's next start), the previous one
 * stays after it (relying parties verify the tokens it signed), older ones are dropped.
 */
export async function rotateKeys(file: string): Promise<Rotation> {
  if (!existsSync(file)) {
    const { keys } = await loadOrCreateKeys(file);
    return { added: keys.map((key) => key.kid ?? ''), kept: [], dropped: [] };
  }
  const { keys: current } = readKeys(file);
  const fresh = await generateGeneration();
  const kept: JWK[] = [];
  const dropped: JWK[] = [];
  for (const key of current) {
    const newerOfItsKind = kept.filter((other) => other.alg === key.alg).length + 1;
    (newerOfItsKind < keysKeptPerAlgorithm ? kept : dropped).push(key);
  }
  writeKeySet(file, { keys: [...fresh, ...kept] });
  const ids = (keys: JWK[]) => keys.map((key) => key.kid ?? '');
  return { added: ids(fresh), kept: ids(kept), dropped: ids(dropped) };
}

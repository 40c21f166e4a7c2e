// The public keys partner systems sign their client assertions with: a public JWK (EC P-256 or
// P-384, RSA of at least 2048 bits), never a private one; its kid as given or its thumbprint.
import { createHash, createPublicKey, type JsonWebKey } from 'node:crypto';
import { badUserInput } from '@etablerer/kit';

/** Members of a private (or symmetric) JWK: a key that holds any is refused, and not stored. */
const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

const curveAlgorithms: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384' };
const rsaAlgorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

/** The most active keys a client holds: enough to roll one over, few enough to keep track of. */
export const maxActiveKeys = 5;

export interface RegisteredKey {
  kid: string;
  algorithm: string | null;
  /** The public members, kid, and alg/use when given. */
  jwk: Record<string, string>;
}

const field = 'input.publicKey';
const refuse = (message: string) => badUserInput(`${field}: ${message}`, field);

/** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
function thumbprint(required: Record<string, string>): string {
  const canonical = JSON.stringify(Object.fromEntries(Object.entries(required).sort(([a], [b]) => (a < b ? -1 : 1))));
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The key a partner pasted, checked and reduced to its public members; BAD_USER_INPUT when it is none. */
export function registeredKey(text: string): RegisteredKey {
  // An RSA key of 8192 bits is under 1,500 characters as a JWK.
  if (text.length > 10_000) throw refuse('at most 10 000 characters: a public JWK is far shorter');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse('not JSON: paste the public key as a JWK, e.g. {"kty":"EC","crv":"P-256","x":"…","y":"…"}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw refuse('a JWK is a JSON object');
  const jwk = parsed as Record<string, unknown>;
  const secret = privateMembers.filter((member) => member in jwk);
  if (secret.length > 0)
    throw refuse(
      `this is a private key (it holds ${secret.join(', ')}); register the public key only, and keep the private one secret`,
    );
  const string = (member: string) => {
    const value = jwk[member];
    if (typeof value !== 'string' || value.length === 0) throw refuse(`the JWK has no "${member}"`);
    return value;
  };
  let required: Record<string, string>;
  if (jwk.kty === 'EC') {
    const crv = string('crv');
    if (!curveAlgorithms[crv]) throw refuse(`curve ${crv} is not accepted: use P-256 or P-384`);
    required = { crv, kty: 'EC', x: string('x'), y: string('y') };
  } else if (jwk.kty === 'RSA') {
    required = { e: string('e'), kty: 'RSA', n: string('n') };
  } else {
    throw refuse('kty must be EC (P-256 or P-384) or RSA');
  }
  const algorithm = jwk.alg === undefined ? null : jwk.alg;
  if (algorithm !== null) {
    const allowed = jwk.kty === 'EC' ? [curveAlgorithms[required.crv as string]] : rsaAlgorithms;
    if (typeof algorithm !== 'string' || !allowed.includes(algorithm))
      throw refuse(`alg must be ${allowed.join(' or ')} for this key`);
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') throw refuse('use must be "sig": the key signs client assertions');
  let modulusLength: number | undefined;
  try {
    modulusLength = createPublicKey({ key: required as JsonWebKey, format: 'jwk' }).asymmetricKeyDetails?.modulusLength;
  } catch {
    throw refuse('the JWK is no valid public key');
  }
  if (jwk.kty === 'RSA' && ((modulusLength ?? 0) < 2048 || (modulusLength ?? 0) > 8192))
    throw refuse(`an RSA key has 2048 to 8192 bits, not ${modulusLength}`);
  let kid: string;
  if (jwk.kid === undefined) {
    kid = thumbprint(required);
  } else {
    if (typeof jwk.kid !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(jwk.kid))
      throw refuse('kid must be 1 to 200 visible ASCII characters (or left out: its thumbprint is used)');
    kid = jwk.kid;
  }
  return {
    kid,
    algorithm,
    jwk: { ...required, kid, ...(algorithm ? { alg: algorithm } : {}), ...(jwk.use ? { use: 'sig' } : {}) },
  };
}

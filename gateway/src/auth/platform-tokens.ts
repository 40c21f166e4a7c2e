// Platform access tokens: what the console and partner systems send to /graphql as a bearer token,
// signed by the gateway's current signing key. The claims are exactly those the kit's auth.ts reads
// (sub, name, role, org, region, municipality, scope), with iss, aud, exp, nbf, iat, jti and kid.
import { randomUUID } from 'node:crypto';
import type { TokenClaims } from '@etablerer/kit';
import { SignJWT } from 'jose';
import { type SigningKeys, signingAlgorithm } from './signing-keys.js';

export type PlatformClaims = TokenClaims & {
  /** A person's session (its public handle), so a token can be traced to the session it came from. */
  sid?: string;
};

export interface PlatformTokenOptions {
  keys: SigningKeys;
  issuer: string;
  audience: string;
  /** ACCESS_TOKEN_TTL, in seconds. */
  lifetimeSeconds: number;
  now?: () => number;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

export type PlatformTokenIssuer = (claims: PlatformClaims, lifetimeSeconds?: number) => Promise<IssuedToken>;

export function createPlatformTokenIssuer(options: PlatformTokenOptions): PlatformTokenIssuer {
  const now = options.now ?? Date.now;
  return async (claims, lifetimeSeconds = options.lifetimeSeconds) => {
    const { kid, key } = await options.keys.current();
    const issuedAt = Math.floor(now() / 1000);
    const { sub, ...rest } = claims;
    const accessToken = await new SignJWT({ ...rest })
      .setProtectedHeader({ alg: signingAlgorithm, kid, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + lifetimeSeconds)
      .setJti(randomUUID())
      .sign(key);
    return { accessToken, expiresIn: lifetimeSeconds };
  };
}

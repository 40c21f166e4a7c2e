// Who is calling: bearer tokens (JWT) verified with jose against the identity provider's keys,
// turned into a Caller that every subgraph authorises against. The gateway and each subgraph
// verify the same token (defence in depth).
import { createHash } from 'node:crypto';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  importJWK,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { z } from 'zod';
import { temporarilyUnavailable, unauthenticated } from './errors.js';
import { logger } from './logger.js';

export const roles = [
  'COUNTY_OFFICER',
  'MUNICIPALITY_OFFICER',
  'ADVISER',
  'INNOVASJON_NORGE',
  'NAV',
  'COORDINATION_MEMBER',
  'API_CLIENT',
] as const;
export type Role = (typeof roles)[number];

export const organisationKinds = ['COUNTY', 'MUNICIPALITY', 'OPERATOR', 'INNOVASJON_NORGE', 'NAV'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Scopes an API client can hold; an API client reads nothing its scopes do not name. */
export const scopes = ['aggregates:read'] as const;
export type Scope = (typeof scopes)[number];

/** The claims this platform reads, beyond the registered ones (iss, aud, exp, nbf, iat, jti). */
const claims = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(roles),
  org: z.object({ id: z.string().min(1), kind: z.enum(organisationKinds), name: z.string().min(1) }),
  /** The region an adviser or a municipality officer works in. */
  region: z.string().min(1).optional(),
  /** The municipality a municipality officer works for. */
  municipality: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  scope: z.string().optional(),
});
export type TokenClaims = z.infer<typeof claims>;

export interface Caller {
  subject: string;
  name: string;
  role: Role;
  organisation: TokenClaims['org'];
  regionId?: string;
  municipalityNumber?: string;
  scopes: Scope[];
}

export interface AuthConfig {
  issuer: string;
  audience: string;
  /** The token issuer's JWKS endpoint (the gateway's, in the stack and in production). */
  jwksUrl?: string;
  /** Or one public key as a JWK, with its kid (tests and development only; refused in production). */
  publicKey?: JWK;
  /**
   * Or a key resolver of the caller's own (the gateway: the keys it signs with, from its database).
   * For a kid it does not know it throws jose's `JWKSNoMatchingKey` (the token is refused, 401);
   * anything else it throws is taken as its keys being out of reach (503, logged).
   */
  getKey?: JWTVerifyGetKey;
  /** How far exp, nbf and iat may be off this server's clock, in seconds: default 30, at most 300. */
  clockToleranceSeconds?: number;
  /** How long a fetched JWKS is used before it is fetched again, in seconds (default 600). */
  jwksCacheMaxAgeSeconds?: number;
  /** How long after a fetch a token with an unknown kid is refused without fetching again, in seconds (default 30). */
  jwksCooldownSeconds?: number;
  /** How long a JWKS fetch may take, in seconds (default 5). */
  jwksTimeoutSeconds?: number;
  /**
   * How long a token once verified is taken again without verifying its signature anew, in seconds
   * (default 0: every time), never past its expiry (with the clock tolerance). A subgraph verifies
   * the same token on every request a person's page makes (the overview: five); the verdict cannot
   * change but for a key withdrawn from the JWKS, which the JWKS cache (jwksCacheMaxAgeSeconds)
   * keeps using that long anyway, so this must not exceed it.
   */
  verifiedTokenSeconds?: number;
}

export const defaultIssuer = 'etablerertjenesten-dev';
export const defaultAudience = 'etablerertjenesten';

export const defaultClockToleranceSeconds = 30;
/** Beyond this an expired token would stay good for too long: five minutes is an access token's whole life. */
export const maxClockToleranceSeconds = 300;
export const defaultJwksCacheMaxAgeSeconds = 600;
export const defaultJwksCooldownSeconds = 30;
export const defaultJwksTimeoutSeconds = 5;

/** Only asymmetric algorithms: a verifier must never be able to mint tokens. */
const algorithms = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];

/** The registered claims every access token carries; one without any of them is refused. */
const requiredClaims = ['iss', 'aud', 'exp', 'nbf', 'iat', 'sub'];

export type TokenVerifier = (token: string) => Promise<Caller>;

/** The token names no key (`kid`): which key should have signed it cannot be told. */
class MissingKeyId extends Error {
  readonly code = 'ERR_MISSING_KID';
}

/** The keys could not be had (the JWKS endpoint down, slow or answering nonsense): no fault of the token. */
class KeysUnavailable extends Error {
  override name = 'KeysUnavailable';
}

/** The answer when the keys to check a token against cannot be had: try again, not sign in again. */
export const keysUnavailableMessage = 'Access tokens cannot be checked right now; try again in a moment.';

function seconds(name: string, value: number | undefined, fallback: number, maximum = Number.MAX_SAFE_INTEGER): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen < 0 || chosen > maximum) {
    throw new Error(`AuthConfig ${name} must be from 0 to ${maximum} seconds, not ${chosen}`);
  }
  return chosen;
}

function keyResolver(config: AuthConfig): JWTVerifyGetKey {
  if (config.getKey) return config.getKey;
  if (config.jwksUrl) {
    return createRemoteJWKSet(new URL(config.jwksUrl), {
      cacheMaxAge:
        seconds('jwksCacheMaxAgeSeconds', config.jwksCacheMaxAgeSeconds, defaultJwksCacheMaxAgeSeconds) * 1000,
      cooldownDuration: seconds('jwksCooldownSeconds', config.jwksCooldownSeconds, defaultJwksCooldownSeconds) * 1000,
      timeoutDuration: Math.round(
        seconds('jwksTimeoutSeconds', config.jwksTimeoutSeconds, defaultJwksTimeoutSeconds) * 1000,
      ),
    });
  }
  if (config.publicKey) return createLocalJWKSet({ keys: [config.publicKey] });
  throw new Error('AuthConfig needs getKey, jwksUrl or publicKey');
}

/**
 * A verifier of access tokens: signed with an asymmetric algorithm by a key the token names (kid)
 * and the key source knows (a remote JWKS is fetched again, after its cooldown, for a kid it does
 * not know yet: that is how a new signing key is learnt), for this issuer and audience, with exp,
 * nbf and iat within the clock tolerance. UNAUTHENTICATED (401) otherwise; SERVICE_UNAVAILABLE
 * (503) when the keys cannot be had, which is not the caller's fault.
 */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const tolerance = seconds(
    'clockToleranceSeconds',
    config.clockToleranceSeconds,
    defaultClockToleranceSeconds,
    maxClockToleranceSeconds,
  );
  const keys = keyResolver(config);
  // jose would pick the only key of a set for a token without kid; a token must say which key signed it.
  const keyOfToken: JWTVerifyGetKey = async (header, token) => {
    if (typeof header.kid !== 'string' || header.kid === '') throw new MissingKeyId('the token has no kid');
    try {
      return await keys(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new KeysUnavailable('the keys to verify access tokens with could not be had', { cause: error });
    }
  };
  const verifyNow = async (token: string): Promise<{ caller: Caller; expires: number }> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keyOfToken, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
        requiredClaims,
        clockTolerance: tolerance,
      }));
      // jose checks iat only against a maximum age; a token issued in the future was not issued by a sound clock.
      if ((payload.iat ?? 0) > Date.now() / 1000 + tolerance) {
        throw new errors.JWTClaimValidationFailed('"iat" claim is in the future', payload, 'iat', 'check_failed');
      }
    } catch (error) {
      if (error instanceof KeysUnavailable) {
        logger.error({ err: error.cause, jwksUrl: config.jwksUrl }, 'access token not verified: keys unavailable');
        throw temporarilyUnavailable(keysUnavailableMessage);
      }
      logger.info({ reason: (error as { code?: string }).code ?? 'ERR_JWT_MALFORMED' }, 'access token refused');
      if (error instanceof errors.JWTExpired) throw unauthenticated('The access token has expired; sign in again.');
      // Tampered with, wrong issuer or audience, unknown key: the caller needs to sign in again either way.
      throw unauthenticated('The access token is not valid; sign in again.');
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw unauthenticated('The access token does not say who you are and for whom you act.');
    // jose takes a token up to its expiry plus the tolerance; exp is a required claim.
    return { caller: callerFromClaims(parsed.data), expires: (Number(payload.exp) + tolerance) * 1000 };
  };
  const keepSeconds = seconds(
    'verifiedTokenSeconds',
    config.verifiedTokenSeconds,
    0,
    config.jwksUrl
      ? seconds('jwksCacheMaxAgeSeconds', config.jwksCacheMaxAgeSeconds, defaultJwksCacheMaxAgeSeconds)
      : Number.MAX_SAFE_INTEGER,
  );
  if (keepSeconds === 0) return async (token) => (await verifyNow(token)).caller;
  const verified = new VerifiedTokens(keepSeconds * 1000);
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    const { caller, expires } = await verifyNow(token);
    verified.set(token, caller, expires);
    return caller;
  };
}

/** The most tokens kept verified; past it the oldest are forgotten (and verified again when they come). */
const verifiedTokensKept = 10_000;

/**
 * Tokens verified, each until the earlier of its expiry and `keepMs` after it was verified. Kept by
 * the token's SHA-256, not the token: the process holds no bearer token past its request.
 */
class VerifiedTokens {
  readonly #entries = new Map<string, { caller: Caller; until: number }>();

  constructor(readonly keepMs: number) {}

  get(token: string): Caller | undefined {
    const key = tokenKey(token);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // A copy: one request's caller is never another's object.
    const { caller } = entry;
    if (Date.now() < entry.until)
      return { ...caller, organisation: { ...caller.organisation }, scopes: [...caller.scopes] };
    this.#entries.delete(key);
    return undefined;
  }

  set(token: string, caller: Caller, expires: number): void {
    if (this.#entries.size >= verifiedTokensKept) {
      const now = Date.now();
      for (const [key, entry] of this.#entries) if (entry.until <= now) this.#entries.delete(key);
      // Still full: the oldest first (a Map iterates in insertion order).
      for (const key of this.#entries.keys()) {
        if (this.#entries.size < verifiedTokensKept) break;
        this.#entries.delete(key);
      }
    }
    this.#entries.set(tokenKey(token), { caller, until: Math.min(expires, Date.now() + this.keepMs) });
  }
}

const tokenKey = (token: string) => createHash('sha256').update(token).digest('base64url');

export function callerFromClaims(token: TokenClaims): Caller {
  return {
    subject: token.sub,
    name: token.name,
    role: token.role,
    organisation: token.org,
    ...(token.region ? { regionId: token.region } : {}),
    ...(token.municipality ? { municipalityNumber: token.municipality } : {}),
    scopes: (token.scope?.split(' ') ?? []).filter((scope): scope is Scope =>
      (scopes as readonly string[]).includes(scope),
    ),
  };
}

/** The bearer token of an Authorization header, or undefined when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/** The caller of a request; UNAUTHENTICATED when the token is missing or invalid. */
export async function authenticate(header: string | undefined, verify: TokenVerifier): Promise<Caller> {
  const token = bearerToken(header);
  if (!token) throw unauthenticated('Sign in first: this request carries no access token.');
  return verify(token);
}

export { importJWK };

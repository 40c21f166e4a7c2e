// Who is calling: bearer tokens (JWT) verified with jose against the identity provider's keys,
// turned into a Caller that every subgraph authorises against. The gateway and each subgraph
// verify the same token (defence in depth).
import { createLocalJWKSet, createRemoteJWKSet, importJWK, type JWK, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';
import { unauthenticated } from './errors.js';

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

/** The claims this platform reads, beyond the registered ones (sub, iss, aud, exp). */
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
  /** The identity provider's JWKS endpoint (production, OIDC). */
  jwksUrl?: string;
  /** Or one public key as a JWK (development: the stack's own signing key). */
  publicKey?: JWK;
  /** Or a key resolver of the caller's own (the gateway: the keys it signs with, from its database). */
  getKey?: JWTVerifyGetKey;
}

export const defaultIssuer = 'etablerertjenesten-dev';
export const defaultAudience = 'etablerertjenesten';

/** Only asymmetric algorithms: a verifier must never be able to mint tokens. */
const algorithms = ['ES256', 'RS256', 'PS256', 'EdDSA'];

export type TokenVerifier = (token: string) => Promise<Caller>;

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  let keys: JWTVerifyGetKey;
  if (config.getKey) {
    keys = config.getKey;
  } else if (config.jwksUrl) {
    keys = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  } else if (config.publicKey) {
    keys = createLocalJWKSet({ keys: [config.publicKey] });
  } else {
    throw new Error('AuthConfig needs getKey, jwksUrl or publicKey');
  }
  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch {
      // Expired, tampered, wrong issuer or audience: the caller needs to sign in again either way.
      throw unauthenticated('The access token is not valid; sign in again.');
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw unauthenticated('The access token does not say who you are and for whom you act.');
    return callerFromClaims(parsed.data);
  };
}

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

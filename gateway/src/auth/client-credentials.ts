// The token endpoint for partner systems: OAuth 2.0 client credentials with a signed JWT client
// assertion (private_key_jwt, RFC 7523). The partner signs with its own private key; the county
// holds its public keys (registered and revoked in the console). No shared secret is ever sent.
import { logger } from '@etablerer/kit';
import express, { type Express, type Request, type Response } from 'express';
import { decodeJwt, decodeProtectedHeader, importJWK, type JWK, jwtVerify } from 'jose';
import type pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { publicRateLimitTable } from '../gateway-database.js';
import type { AccessDirectory } from './access.js';
import type { PlatformTokenIssuer } from './platform-tokens.js';

export const clientAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Asymmetric algorithms only: a registered key is public, and `none` or HS256 would let anyone sign. */
export const assertionAlgorithms = ['ES256', 'ES384', 'RS256', 'PS256'];
/** The longest an assertion may be valid (exp − iat). */
export const maxAssertionLifetimeSeconds = 120;
const clockToleranceSeconds = 30;

/**
 * Records that a client's assertion (client id and jti) was used; false when it was already.
 * Kept until `expiresAt` (epoch seconds), after which the assertion is refused as expired anyway.
 */
export type ClientAssertionUses = (id: string, expiresAt: number) => Promise<boolean>;

export function clientAssertionUsesInMemory(now: () => number = Date.now): ClientAssertionUses {
  const seen = new Map<string, number>();
  return async (id, expiresAt) => {
    for (const [key, expiry] of seen) if (expiry * 1000 < now()) seen.delete(key);
    if (seen.has(id)) return false;
    seen.set(id, expiresAt);
    return true;
  };
}

export function clientAssertionUsesInDatabase(pool: pg.Pool): ClientAssertionUses {
  return async (id, expiresAt) => {
    await pool.query('delete from client_assertion_use where expires_at < now()');
    const { rowCount } = await pool.query(
      'insert into client_assertion_use (id, expires_at) values ($1, to_timestamp($2)) on conflict do nothing',
      [id, expiresAt],
    );
    return rowCount === 1;
  };
}

export interface TokenEndpointOptions {
  directory: AccessDirectory;
  issue: PlatformTokenIssuer;
  /** What an assertion's `aud` may be: AUTH_ISSUER, or the token endpoint's URL. */
  audiences: string[];
  uses: ClientAssertionUses;
  /** Requests per client address and minute. */
  rateLimit?: { points: number; windowSeconds: number };
  /** The gateway's database, where every instance meets the same counts. */
  store?: pg.Pool;
  now?: () => number;
}

class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

const invalidClient = (description: string) => new TokenError(401, 'invalid_client', description);

export const defaultTokenRateLimit = { points: 30, windowSeconds: 60 };

export function mountTokenEndpoint(app: Express, options: TokenEndpointOptions): void {
  const now = options.now ?? Date.now;
  const limit = options.rateLimit ?? defaultTokenRateLimit;
  const limiterOptions = { keyPrefix: 'token-endpoint', points: limit.points, duration: limit.windowSeconds };
  const limiter: RateLimiterAbstract = options.store
    ? (new RateLimiterPostgres({
        ...limiterOptions,
        storeClient: options.store,
        storeType: 'pool',
        tableName: publicRateLimitTable,
        tableCreated: true,
        insuranceLimiter: new RateLimiterMemory(limiterOptions),
      }) as RateLimiterAbstract)
    : new RateLimiterMemory(limiterOptions);

  const grant = async (body: Record<string, unknown>) => {
    if (body.grant_type !== 'client_credentials') {
      throw new TokenError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is offered here.');
    }
    if (body.client_assertion_type !== clientAssertionType || typeof body.client_assertion !== 'string') {
      throw new TokenError(
        400,
        'invalid_request',
        `Authenticate with a signed JWT: client_assertion_type=${clientAssertionType} and client_assertion.`,
      );
    }
    const assertion = body.client_assertion;
    let kid: string | undefined;
    let alg: string | undefined;
    let clientId: unknown;
    try {
      ({ kid, alg } = decodeProtectedHeader(assertion));
      clientId = decodeJwt(assertion).iss;
    } catch {
      throw invalidClient('The client assertion is not a JWT.');
    }
    if (!alg || !assertionAlgorithms.includes(alg)) {
      throw invalidClient(`The client assertion must be signed with one of ${assertionAlgorithms.join(', ')}.`);
    }
    if (typeof clientId !== 'string' || clientId === '')
      throw invalidClient('The client assertion names no client (iss).');
    if (body.client_id !== undefined && body.client_id !== clientId) {
      throw invalidClient('client_id is not the client the assertion names.');
    }
    const client = await options.directory.client(clientId);
    if (!client) throw invalidClient('No such client, or it was revoked.');
    const jwk = kid ? client.keys.find((key) => key.kid === kid) : undefined;
    if (!jwk) throw invalidClient('The client assertion is not signed with a key registered for the client (kid).');
    if (jwk.alg && jwk.alg !== alg)
      throw invalidClient('The client assertion is signed with another algorithm than its key.');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(assertion, await importJWK(jwk as JWK, alg), {
        algorithms: assertionAlgorithms,
        issuer: clientId,
        subject: clientId,
        audience: options.audiences,
        requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti'],
        clockTolerance: clockToleranceSeconds,
        currentDate: new Date(now()),
      }));
    } catch (error) {
      throw invalidClient(
        `The client assertion is not valid: ${(error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'it has expired' : 'signature, issuer, subject, audience or time'}.`,
      );
    }
    const exp = Number(payload.exp);
    if (exp - Number(payload.iat) > maxAssertionLifetimeSeconds) {
      throw invalidClient(`The client assertion is valid for longer than ${maxAssertionLifetimeSeconds} seconds.`);
    }
    const jti = String(payload.jti);
    if (jti.length > 200) throw invalidClient('The client assertion has no usable jti.');
    if (!(await options.uses(`${clientId}:${jti}`, exp + clockToleranceSeconds))) {
      throw invalidClient('The client assertion was used already: sign a new one (a new jti) for each request.');
    }
    const requested =
      typeof body.scope === 'string' && body.scope.trim() !== '' ? body.scope.trim().split(/\s+/) : undefined;
    const granted = requested ?? client.scopes;
    const refused = granted.filter((scope) => !client.scopes.includes(scope));
    if (refused.length > 0) {
      throw new TokenError(400, 'invalid_scope', `The client was not granted ${refused.join(', ')}.`);
    }
    const scope = [...new Set(granted)].join(' ');
    const { accessToken, expiresIn } = await options.issue({
      sub: client.clientId,
      name: client.name,
      role: 'API_CLIENT',
      org: client.organisation,
      scope,
    });
    return { clientId, scope, accessToken, expiresIn };
  };

  app.post(
    '/auth/token',
    express.urlencoded({ extended: false, limit: '8kb' }),
    async (req: Request, res: Response) => {
      res.setHeader('cache-control', 'no-store');
      const address = req.ip ?? 'unknown';
      try {
        await limiter.consume(address);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        res.setHeader('retry-after', String(Math.max(1, Math.ceil(error.msBeforeNext / 1000))));
        logger.warn({ clientAddress: address }, 'token endpoint: too many requests from one address');
        return void res
          .status(429)
          .json({ error: 'too_many_requests', error_description: 'Too many token requests; try again later.' });
      }
      if (!req.is('application/x-www-form-urlencoded')) {
        return void res.status(400).json({
          error: 'invalid_request',
          error_description: 'Send the request as application/x-www-form-urlencoded.',
        });
      }
      try {
        const { clientId, scope, accessToken, expiresIn } = await grant((req.body ?? {}) as Record<string, unknown>);
        logger.info({ clientId, scope, clientAddress: address }, 'token endpoint: token issued to a client');
        res.json({ access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope });
      } catch (error) {
        if (!(error instanceof TokenError)) {
          // The county's client directory or the gateway's database did not answer: nothing was refused.
          logger.error({ err: error, clientAddress: address }, 'token endpoint: could not check the client');
          res.setHeader('retry-after', '5');
          return void res.status(503).json({
            error: 'temporarily_unavailable',
            error_description: 'The token service cannot check clients right now; try again in a moment.',
          });
        }
        logger.warn(
          { error: error.error, reason: error.description, clientAddress: address },
          'token endpoint: request refused',
        );
        if (error.status === 401) res.setHeader('www-authenticate', 'Bearer error="invalid_client"');
        res.status(error.status).json({ error: error.error, error_description: error.description });
      }
    },
  );
}

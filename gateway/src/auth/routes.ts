// The gateway's sign-in (design: docs of issue 20): people through OpenID Connect (/auth/login,
// /auth/callback, then /auth/session for a short-lived platform access token, /auth/logout),
// partner systems through client credentials (/auth/token), and the platform's public signing
// keys (/.well-known/jwks.json) every service verifies the tokens with.
import { randomBytes } from 'node:crypto';
import { logger, type ServiceSigner } from '@etablerer/kit';
import type { Express, NextFunction, Request, Response } from 'express';
import type { JWK, JWTVerifyGetKey } from 'jose';
import { createLocalJWKSet } from 'jose';
import type pg from 'pg';
import { devTokenLifetimeSeconds, mountDevSignIn } from '../dev-sign-in.js';
import {
  type AccessDirectory,
  type ClaimMapping,
  httpAccessDirectory,
  knownScopes,
  type PersonAccess,
  resolvePersonAccess,
} from './access.js';
import {
  assertionAlgorithms,
  clientAssertionUsesInDatabase,
  clientAssertionUsesInMemory,
  mountTokenEndpoint,
} from './client-credentials.js';
import { createOidcClient, isRefusal, type OidcClient, type OidcSettings } from './oidc.js';
import { createPlatformTokenIssuer, type PlatformTokenIssuer } from './platform-tokens.js';
import {
  newSessionId,
  type SessionRecord,
  type SessionStore,
  sessionIdHash,
  sessionsInDatabase,
  sessionsInMemory,
} from './sessions.js';
import {
  createSigningKeys,
  type SigningKeyStorage,
  type SigningKeys,
  signingKeysInDatabase,
  signingKeysInMemory,
} from './signing-keys.js';

const minute = 60_000;
const hour = 60 * minute;

/** The sign-in's settings (config.ts: PUBLIC_URL, OIDC_*, SESSION_*, ACCESS_TOKEN_TTL, TOKEN_KEY_*). */
export interface SignInOptions {
  /** PUBLIC_URL: the origin of the console and /auth/*. */
  publicUrl?: string;
  /** OpenID Connect; without it /auth/login answers 404. */
  oidc?: Omit<OidcSettings, 'redirectUri' | 'postLogoutRedirectUri'> & Partial<ClaimMapping> & { trustEmail?: boolean };
  /** SESSION_MAX_AGE */
  sessionMaxAgeMs?: number;
  /** SESSION_IDLE_TIMEOUT */
  sessionIdleTimeoutMs?: number;
  /** ACCESS_TOKEN_TTL */
  accessTokenTtlSeconds?: number;
  /** TOKEN_KEY_ROTATION */
  keyRotationMs?: number;
  /** TOKEN_KEY_PUBLISH_DELAY */
  keyPublishDelayMs?: number;
  /** Where role assignments and API clients are looked up; the county's internal routes (COUNTY_URL) unless given. */
  accessDirectory?: AccessDirectory;
  /** The development sign-in (/auth/dev/token); refused in production. */
  devSignIn?: boolean;
  /** Whether GET /dev/mail/messages lists the development mail catcher's messages (MAIL_CATCHER_URL); told in /auth/config. */
  devMail?: boolean;
  /** Where the signing keys are kept; the gateway's database, else memory, unless given (tests). */
  signingKeyStorage?: SigningKeyStorage;
  /** Token requests per client address and window at /auth/token. */
  tokenRateLimit?: { points: number; windowSeconds: number };
  /** The clock (tests). */
  now?: () => number;
}

export const signInDefaults = {
  publicUrl: 'http://localhost:4000',
  sessionMaxAgeMs: 10 * hour,
  sessionIdleTimeoutMs: hour,
  accessTokenTtlSeconds: 5 * 60,
  keyRotationMs: 30 * 24 * hour,
  keyPublishDelayMs: 10 * minute,
  oidcScopes: 'openid profile email offline_access',
  roleClaim: 'roles',
} as const;

/** The session cookie's name: with the `__Host-` prefix where it is Secure (production). */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-etablerer_session' : 'etablerer_session');

/** The IdP's access token has expired and a refresh token can renew it. */
const refreshDue = (session: SessionRecord, at: number) =>
  session.refreshToken !== undefined && session.idpAccessExpiresAt !== undefined && at >= session.idpAccessExpiresAt;

class RefreshRefused extends Error {}

/** How long a login may take from /auth/login to /auth/callback. */
const loginAttemptLifetimeMs = 10 * minute;

export interface PlatformAuth {
  keys: SigningKeys;
  issue: PlatformTokenIssuer;
  /** The key resolver the gateway verifies tokens with: its own keys, then AUTH_PUBLIC_KEY when given. */
  getKey: JWTVerifyGetKey;
  mount(app: Express): void;
  /** The internal port's routes: the JWKS, where the subgraphs fetch it. */
  mountInternal(app: Express): void;
}

/** A same-origin path to go back to after sign-in; `/` for anything else (another site, `//host`, a scheme). */
export function safeReturnTo(value: unknown, publicUrl: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\\]/.test(value)) return '/';
  try {
    const origin = new URL(publicUrl).origin;
    const url = new URL(value, origin);
    if (url.origin !== origin) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

/** POST /auth/session and /auth/logout take JSON only: a form on another site cannot send it without CORS. */
function jsonOnly(req: Request, res: Response, next: NextFunction) {
  // The header itself, not req.is(): that answers null for a request without a body, as the console's may be.
  const type = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return void res
      .status(415)
      .json({ error: 'unsupported_media_type', message: 'Send this request with content-type: application/json.' });
  }
  next();
}

export async function createPlatformAuth(context: {
  options: SignInOptions;
  issuer: string;
  audience: string;
  /** AUTH_PUBLIC_KEY: tokens signed with it are accepted too (tests and development). */
  publicKey?: JWK;
  pool?: pg.Pool;
  signer: ServiceSigner;
  /** The county subgraph's /graphql, whose origin serves the internal routes. */
  countyUrl: string;
  production: boolean;
}): Promise<PlatformAuth> {
  const { options, issuer, audience } = context;
  const now = options.now ?? Date.now;
  const publicUrl = (options.publicUrl ?? signInDefaults.publicUrl).replace(/\/$/, '');
  const secure = context.production || publicUrl.startsWith('https:');
  const cookieName = sessionCookieName(secure);
  const sessionMaxAgeMs = options.sessionMaxAgeMs ?? signInDefaults.sessionMaxAgeMs;
  const idleMs = options.sessionIdleTimeoutMs ?? signInDefaults.sessionIdleTimeoutMs;
  const ttl = options.accessTokenTtlSeconds ?? signInDefaults.accessTokenTtlSeconds;
  const devSignIn = options.devSignIn ?? false;
  if (devSignIn && context.production) {
    throw new Error('The development sign-in cannot run in production: it lets anyone act as any user.');
  }
  const keys = createSigningKeys({
    storage: options.signingKeyStorage ?? (context.pool ? signingKeysInDatabase(context.pool) : signingKeysInMemory()),
    rotationMs: options.keyRotationMs ?? signInDefaults.keyRotationMs,
    publishDelayMs: options.keyPublishDelayMs ?? signInDefaults.keyPublishDelayMs,
    maxTokenLifetimeMs: Math.max(ttl, devSignIn ? devTokenLifetimeSeconds : 0) * 1000,
    now,
  });
  // The first key exists before the first request: two instances starting together make one.
  await keys.rotateWhenDue();
  const issue = createPlatformTokenIssuer({ keys, issuer, audience, lifetimeSeconds: ttl, now });
  const fallback = context.publicKey ? createLocalJWKSet({ keys: [context.publicKey] }) : undefined;
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await keys.getKey(header, token);
    } catch (error) {
      if (fallback) return fallback(header, token);
      throw error;
    }
  };
  const directory =
    options.accessDirectory ??
    httpAccessDirectory({ baseUrl: new URL(context.countyUrl).origin, signer: context.signer });
  const oidcOptions = options.oidc;
  const oidc: OidcClient | undefined = oidcOptions
    ? createOidcClient(
        {
          ...oidcOptions,
          redirectUri: `${publicUrl}/auth/callback`,
          postLogoutRedirectUri: `${publicUrl}/signed-out`,
        },
        { trustEmail: oidcOptions.trustEmail ?? false, now },
      )
    : undefined;
  const mapping: ClaimMapping = {
    roleClaim: oidcOptions?.roleClaim ?? signInDefaults.roleClaim,
    roleMap: oidcOptions?.roleMap ?? {},
  };
  const sessions: SessionStore = context.pool ? sessionsInDatabase(context.pool) : sessionsInMemory();

  const accessOf = (session: SessionRecord) =>
    resolvePersonAccess(directory, mapping, {
      issuer: session.issuer,
      subject: session.subject,
      ...(session.email ? { email: session.email } : {}),
      emailVerified: session.emailVerified,
      name: session.name,
      claims: session.claims,
    });

  const tokenFor = (session: SessionRecord, access: PersonAccess) =>
    issue({
      sub: session.subject,
      name: session.name,
      role: access.role,
      org: access.organisation,
      ...(access.regionId ? { region: access.regionId } : {}),
      ...(access.municipalityNumber ? { municipality: access.municipalityNumber } : {}),
      sid: session.handle,
    });

  const clearCookie = (res: Response) =>
    res.clearCookie(cookieName, { httpOnly: true, sameSite: 'lax', secure, path: '/' });

  const signInError = (res: Response, code: 'no_access' | 'cancelled' | 'expired' | 'failed') =>
    res.redirect(302, `/sign-in?error=${code}`);

  const mount = (app: Express) => {
    app.get('/auth/config', (_req, res) => {
      res.json({ oidc: oidc !== undefined, devSignIn, devMail: options.devMail ?? false });
    });

    app.get('/auth/login', async (req, res) => {
      if (!oidc) {
        return void res.status(404).json({
          error: 'oidc_off',
          message: 'Sign-in with OpenID Connect is not configured here (OIDC_ISSUER).',
        });
      }
      const returnTo = safeReturnTo(req.query.returnTo, publicUrl);
      try {
        const start = await oidc.startLogin();
        await sessions.addAttempt({
          state: start.state,
          nonce: start.nonce,
          codeVerifier: start.codeVerifier,
          returnTo,
          expiresAt: now() + loginAttemptLifetimeMs,
        });
        res.setHeader('cache-control', 'no-store');
        res.redirect(302, start.url);
      } catch (error) {
        logger.error({ err: error }, 'sign-in: could not start a login at the identity provider');
        signInError(res, 'failed');
      }
    });

    app.get('/auth/callback', async (req, res) => {
      res.setHeader('cache-control', 'no-store');
      if (!oidc) return void res.status(404).json({ error: 'oidc_off' });
      const state = typeof req.query.state === 'string' ? req.query.state : undefined;
      const attempt = state ? await sessions.takeAttempt(state, now()) : undefined;
      if (typeof req.query.error === 'string') {
        const cancelled = req.query.error === 'access_denied';
        logger.info(
          { error: req.query.error },
          cancelled ? 'sign-in cancelled at the identity provider' : 'sign-in refused by the identity provider',
        );
        return void signInError(res, cancelled ? 'cancelled' : 'failed');
      }
      if (!attempt) {
        logger.info('sign-in refused: unknown, used or expired state');
        return void signInError(res, 'expired');
      }
      let tokens: Awaited<ReturnType<OidcClient['finishLogin']>>;
      try {
        tokens = await oidc.finishLogin(new URL(req.originalUrl, publicUrl), attempt);
      } catch (error) {
        logger.warn({ err: error }, 'sign-in failed: the code exchange or the ID token was refused');
        return void signInError(res, 'failed');
      }
      const { identity } = tokens;
      const at = now();
      const session: SessionRecord = {
        handle: randomBytes(16).toString('base64url'),
        issuer: identity.issuer,
        subject: identity.subject,
        ...(identity.email ? { email: identity.email } : {}),
        emailVerified: identity.emailVerified,
        name: identity.name,
        claims: identity.claims,
        ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
        ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
        ...(tokens.accessExpiresAt === undefined ? {} : { idpAccessExpiresAt: tokens.accessExpiresAt }),
        createdAt: at,
        lastUsedAt: at,
        expiresAt: at + sessionMaxAgeMs,
      };
      let access: PersonAccess | null;
      try {
        access = await accessOf(session);
      } catch (error) {
        logger.error({ err: error, subject: identity.subject }, 'sign-in failed: the access directory did not answer');
        return void signInError(res, 'failed');
      }
      if (!access) {
        logger.info(
          { issuer: identity.issuer, subject: identity.subject },
          'sign-in refused: the person has no access',
        );
        return void signInError(res, 'no_access');
      }
      // A sign-in in a browser that had a session replaces it: one session per cookie, never two.
      const previous = cookieValue(req, cookieName);
      if (previous) await sessions.remove(sessionIdHash(previous));
      const id = newSessionId();
      await sessions.add(sessionIdHash(id), session);
      logger.info(
        { subject: identity.subject, sid: session.handle, role: access.role, source: access.source },
        'signed in',
      );
      res.cookie(cookieName, id, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: sessionMaxAgeMs });
      res.redirect(302, attempt.returnTo);
    });

    app.post('/auth/session', jsonOnly, async (req, res) => {
      res.setHeader('cache-control', 'no-store');
      const id = cookieValue(req, cookieName);
      const idHash = id ? sessionIdHash(id) : undefined;
      let session = idHash ? await sessions.find(idHash) : undefined;
      const noSession = (message: string) => {
        clearCookie(res);
        res.status(401).json({ error: 'no_session', message });
      };
      if (!idHash || !session) return void noSession('You are not signed in.');
      const at = now();
      if (at >= session.expiresAt || at >= session.lastUsedAt + idleMs) {
        await sessions.remove(idHash);
        logger.info({ sid: session.handle, subject: session.subject }, 'session ended: it expired');
        return void noSession('Your session has expired; sign in again.');
      }
      if (oidc && refreshDue(session, at)) {
        // One refresh per session at a time, across instances: two tabs refreshing with one
        // rotating refresh token would have the IdP take the second for a stolen one.
        const outcome = await sessions.exclusively(idHash, async () => {
          const current = await sessions.find(idHash);
          if (!current) return 'ended' as const;
          // Another request refreshed it while this one waited.
          if (!refreshDue(current, at)) return current;
          try {
            const refreshed = await oidc.refresh(current.refreshToken as string);
            if (refreshed.identity && refreshed.identity.subject !== current.subject) {
              throw new RefreshRefused('the refreshed ID token names another subject');
            }
            if (refreshed.idToken) current.idToken = refreshed.idToken;
            if (refreshed.refreshToken) current.refreshToken = refreshed.refreshToken;
            if (refreshed.identity) current.claims = refreshed.identity.claims;
            if (refreshed.accessExpiresAt === undefined) delete current.idpAccessExpiresAt;
            else current.idpAccessExpiresAt = refreshed.accessExpiresAt;
            await sessions.update(idHash, current);
            logger.info(
              { sid: current.handle, subject: current.subject },
              'session refreshed at the identity provider',
            );
            return current;
          } catch (error) {
            if (!(error instanceof RefreshRefused) && !isRefusal(error)) {
              logger.warn(
                { err: error, sid: current.handle },
                'session: the identity provider did not answer a refresh',
              );
              return 'unavailable' as const;
            }
            await sessions.remove(idHash);
            logger.info(
              {
                sid: current.handle,
                subject: current.subject,
                reason: error instanceof Error ? error.message : String(error),
              },
              'session ended: the identity provider refused the refresh',
            );
            return 'ended' as const;
          }
        });
        if (outcome === 'ended') return void noSession('The identity provider ended your sign-in; sign in again.');
        if (outcome === 'unavailable') {
          return void res.status(503).json({ error: 'unavailable', message: 'Try again in a moment.' });
        }
        session = outcome;
      }
      let access: PersonAccess | null;
      try {
        access = await accessOf(session);
      } catch (error) {
        logger.error({ err: error, sid: session.handle }, 'session: the access directory did not answer');
        return void res.status(503).json({ error: 'unavailable', message: 'Try again in a moment.' });
      }
      if (!access) {
        await sessions.remove(idHash);
        logger.info(
          { sid: session.handle, subject: session.subject },
          'session ended: the person has no access any more',
        );
        clearCookie(res);
        return void res.status(401).json({ error: 'no_access', message: 'You no longer have access to the platform.' });
      }
      session.lastUsedAt = at;
      await sessions.update(idHash, session);
      const { accessToken, expiresIn } = await tokenFor(session, access);
      res.json({
        accessToken,
        tokenType: 'Bearer',
        expiresIn,
        sessionExpiresAt: new Date(session.expiresAt).toISOString(),
      });
    });

    app.post('/auth/logout', jsonOnly, async (req, res) => {
      res.setHeader('cache-control', 'no-store');
      const id = cookieValue(req, cookieName);
      const idHash = id ? sessionIdHash(id) : undefined;
      const session = idHash ? await sessions.find(idHash) : undefined;
      if (idHash) await sessions.remove(idHash);
      clearCookie(res);
      let logoutUrl: string | null = null;
      if (session && oidc) {
        logoutUrl = await oidc.endSessionUrl(session.idToken).catch((error: unknown) => {
          logger.warn({ err: error }, 'sign-out: no end-session URL from the identity provider');
          return null;
        });
      }
      if (session) logger.info({ sid: session.handle, subject: session.subject }, 'signed out');
      res.json({ logoutUrl });
    });

    mountTokenEndpoint(app, {
      directory,
      issue,
      audiences: [issuer, `${publicUrl}/auth/token`],
      uses: context.pool ? clientAssertionUsesInDatabase(context.pool) : clientAssertionUsesInMemory(now),
      ...(context.pool ? { store: context.pool } : {}),
      ...(options.tokenRateLimit ? { rateLimit: options.tokenRateLimit } : {}),
      now,
    });

    app.get('/.well-known/oauth-authorization-server', (_req, res) => {
      res.json({
        issuer,
        token_endpoint: `${publicUrl}/auth/token`,
        jwks_uri: `${publicUrl}/.well-known/jwks.json`,
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        token_endpoint_auth_signing_alg_values_supported: assertionAlgorithms,
        scopes_supported: knownScopes,
      });
    });
    mountJwks(app);
    if (devSignIn) mountDevSignIn(app, { issue });
  };

  const mountJwks = (app: Express) => {
    app.get('/.well-known/jwks.json', async (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=60');
      res.json(await keys.jwks());
    });
  };

  return { keys, issue, getKey, mount, mountInternal: mountJwks };
}

// The thin typed client of the gateway's sign-in endpoints (/auth/config, /auth/session, /auth/logout) and the
// caller roles the platform's tokens carry. The OpenID Connect redirects (/auth/login, /auth/callback) are full-page
// navigations, not calls of this client.

/** The roles a caller can act in, as the gateway puts them in the token's `role` claim. */
export const callerRoles = [
  'COUNTY_OFFICER',
  'MUNICIPALITY_OFFICER',
  'ADVISER',
  'INNOVASJON_NORGE',
  'NAV',
  'COORDINATION_MEMBER',
  'API_CLIENT',
] as const;
export type CallerRole = (typeof callerRoles)[number];

export function isCallerRole(value: unknown): value is CallerRole {
  return typeof value === 'string' && (callerRoles as readonly string[]).includes(value);
}

/** The paths on the console's own origin; the dev server proxies them to the gateway, which serves them in a deployment. */
export const authPaths = {
  config: '/auth/config',
  session: '/auth/session',
  logout: '/auth/logout',
  login: '/auth/login',
  token: '/auth/token',
} as const;

/** Where the browser goes to sign in, coming back to `returnTo` (a path on this console) afterwards. */
export function loginUrl(returnTo: string): string {
  return `${authPaths.login}?returnTo=${encodeURIComponent(returnTo)}`;
}

/** What `GET /auth/config` says the sign-in page can offer. */
export interface AuthConfig {
  /** Whether the OpenID Connect sign-in is set up (OIDC_ISSUER). */
  oidc: boolean;
  /** Whether the development sign-in (`/auth/dev/token`, for scripts) is on. */
  devSignIn: boolean;
  /** Whether the gateway shows what the development SMTP catcher received (`GET /dev/mail/messages`). */
  devMail: boolean;
}

/** What `POST /auth/session` gives for a live session. */
export interface SessionGrant {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token stays valid. */
  expiresIn: number;
  /** When the session itself ends (ISO 8601); the console renews tokens until then. */
  sessionExpiresAt: string;
}

/** What `POST /auth/logout` gives: the identity provider's sign-out page, or null when it has none. */
export interface LogoutResult {
  logoutUrl: string | null;
}

/** A failed call: an HTTP error (with the gateway's `error` code when it sent one), or no answer at all. */
export class AuthRequestError extends Error {
  override readonly name = 'AuthRequestError';
  /** The HTTP status, or undefined when the request never got an answer. */
  readonly status: number | undefined;
  /** The gateway's machine-readable reason, e.g. `no_session`. */
  readonly code: string | undefined;

  constructor(message: string, details: { status?: number; code?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
  }
}

async function call(path: string, method: 'GET' | 'POST'): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await globalThis.fetch(path, {
      method,
      // The session cookie goes along (same origin only); the JSON content type is the gateway's CSRF guard
      // on the POSTs: a plain HTML form cannot send it.
      credentials: 'same-origin',
      headers:
        method === 'POST'
          ? { accept: 'application/json', 'content-type': 'application/json' }
          : { accept: 'application/json' },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
  } catch (error) {
    throw new AuthRequestError('The gateway could not be reached.', { cause: error });
  }
  let body: unknown;
  try {
    body = response.headers.get('content-type')?.includes('json') ? await response.json() : undefined;
  } catch {
    body = undefined;
  }
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (!response.ok) {
    const { error, message } = fields;
    throw new AuthRequestError(
      typeof message === 'string' ? message : `The gateway answered HTTP ${response.status}.`,
      typeof error === 'string' ? { status: response.status, code: error } : { status: response.status },
    );
  }
  // The gateway is ours, but a proxy answering with an HTML page must fail here rather than deep in a component.
  if (body === undefined) throw new AuthRequestError('The gateway answered with something other than JSON.');
  return fields;
}

/** What the sign-in page can offer. */
export async function fetchAuthConfig(): Promise<AuthConfig> {
  const { oidc, devSignIn, devMail } = await call(authPaths.config, 'GET');
  return { oidc: oidc === true, devSignIn: devSignIn === true, devMail: devMail === true };
}

/**
 * A fresh access token for the browser's session; an `AuthRequestError` with status 401 means there is no session
 * (any more): never signed in, expired, idle too long, or the person's access ended.
 */
export async function requestSession(): Promise<SessionGrant> {
  const { accessToken, expiresIn, sessionExpiresAt } = await call(authPaths.session, 'POST');
  if (typeof accessToken !== 'string' || accessToken === '' || typeof expiresIn !== 'number') {
    throw new AuthRequestError('The gateway answered the session without an access token.');
  }
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresIn,
    sessionExpiresAt: typeof sessionExpiresAt === 'string' ? sessionExpiresAt : '',
  };
}

/** Ends the session at the gateway; the identity provider's own sign-out page follows when it has one. */
export async function requestLogout(): Promise<LogoutResult> {
  const { logoutUrl } = await call(authPaths.logout, 'POST');
  return { logoutUrl: typeof logoutUrl === 'string' && logoutUrl !== '' ? logoutUrl : null };
}

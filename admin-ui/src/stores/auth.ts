// The auth store: the browser's session at the gateway (OpenID Connect sign-in), the short-lived access token it
// gives (in memory only), its renewal before GraphQL requests, and signing out.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../graphql/client';
import {
  type AuthConfig,
  AuthRequestError,
  fetchAuthConfig,
  requestLogout,
  requestSession,
  type SessionGrant,
} from '../graphql/platform-auth';

/** The signed-in caller, as the access token's claims describe them. */
export interface Caller {
  /** The token's `sub`. */
  username: string;
  name: string;
  /** Usually a `CallerRole`; see `useRoleName` for showing it. */
  role: string;
  organisationName: string;
  /** The organisation's id, e.g. `akershus` for a county officer of Akershus fylkeskommune. */
  organisationId?: string | null;
  /** The region the caller works in, for advisers and municipality officers. */
  regionId: string | null;
  municipalityNumber: string | null;
  /** When the token stops being valid, in milliseconds since the epoch. */
  expiresAt: number;
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  // Names such as "Ås" are UTF-8 in the token; atob alone would give one character per byte.
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
}

/**
 * Reads the caller from a JWT without verifying its signature: the gateway and every subgraph
 * verify it, the console only needs to know whom to greet. Null for anything that is not a
 * token with the claims the console relies on.
 */
export function decodeAccessToken(token: string): Caller | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  let claims: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(decodeBase64Url(payload));
    if (typeof parsed !== 'object' || parsed === null) return null;
    claims = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  const { sub, name, role, org, region, municipality, exp } = claims;
  const organisationName = (org as { name?: unknown } | null | undefined)?.name;
  const organisationId = (org as { id?: unknown } | null | undefined)?.id;
  if (
    typeof sub !== 'string' ||
    typeof name !== 'string' ||
    typeof role !== 'string' ||
    typeof organisationName !== 'string' ||
    typeof exp !== 'number'
  ) {
    return null;
  }
  return {
    username: sub,
    name,
    role,
    organisationName,
    organisationId: typeof organisationId === 'string' ? organisationId : null,
    regionId: typeof region === 'string' ? region : null,
    municipalityNumber: typeof municipality === 'string' ? municipality : null,
    expiresAt: exp * 1000,
  };
}

/** What went wrong talking to the gateway's sign-in endpoints; plain data, so the store state stays serialisable. */
export interface AuthError {
  action: 'session' | 'sign-out' | 'config';
  message: string;
  /** The gateway's reason, e.g. `no_session`, or null when it gave none. */
  code: string | null;
}

function toAuthError(action: AuthError['action'], error: unknown): AuthError {
  if (error instanceof AuthRequestError) return { action, message: error.message, code: error.code ?? null };
  return { action, message: error instanceof Error ? error.message : String(error), code: null };
}

/** A token expiring sooner than this is renewed before a request rather than sent. */
export const renewalMargin = 30_000;

// setTimeout keeps delays in a signed 32-bit integer; a longer one would fire at once.
const longestTimeout = 2 ** 31 - 1;

/** Where the browser goes after signing out when the identity provider has no sign-out page of its own. */
export const signedOutPath = '/signed-out';

/** Full-page navigation, behind a function so that tests can watch it (happy-dom's location cannot be spied on). */
export const browserNavigation = {
  assign(url: string): void {
    globalThis.location.assign(url);
  },
};

export const useAuthStore = defineStore('auth', () => {
  /** The platform access token: in memory only, so a script reading storage never finds one; a reload asks anew. */
  const accessToken = ref<string | null>(null);
  /** When the session at the gateway ends (ISO 8601), as /auth/session said; null when unknown. */
  const sessionExpiresAt = ref<string | null>(null);
  /** True once the first /auth/session answer is in (or a token was given otherwise). */
  const sessionChecked = ref(false);
  /** True when the session ended without the user signing out: it expired, or the gateway refused it. */
  const sessionExpired = ref(false);
  /** True once the user signed out in this page's life; the sign-in page then does not sign them straight in again. */
  const signedOut = ref(false);
  const signingOut = ref(false);
  const config = ref<AuthConfig | null>(null);
  const error = ref<AuthError | null>(null);

  const caller = computed(() => (accessToken.value ? decodeAccessToken(accessToken.value) : null));
  /** A session is held while there is a readable token; an expired token is renewed before it is sent. */
  const isSignedIn = computed(() => caller.value !== null);

  function endSession(expired: boolean): void {
    accessToken.value = null;
    sessionExpiresAt.value = null;
    sessionExpired.value = expired;
  }

  function accept(grant: SessionGrant): boolean {
    const signedIn = decodeAccessToken(grant.accessToken);
    if (signedIn === null) {
      error.value = { action: 'session', message: 'The gateway issued a token the console cannot read.', code: null };
      return false;
    }
    accessToken.value = grant.accessToken;
    sessionExpiresAt.value = grant.sessionExpiresAt || null;
    sessionExpired.value = false;
    signedOut.value = false;
    error.value = null;
    return true;
  }

  let sessionTimer: ReturnType<typeof setTimeout> | undefined;

  function timeSessionEnd(): void {
    clearTimeout(sessionTimer);
    const ends = sessionExpiresAt.value === null ? Number.NaN : Date.parse(sessionExpiresAt.value);
    if (accessToken.value === null || Number.isNaN(ends)) return;
    const remaining = ends - Date.now();
    // A timer can fire early (or cap out on a very long session), so it checks again rather than trusting itself.
    if (remaining <= 0) endSession(true);
    else sessionTimer = setTimeout(timeSessionEnd, Math.min(remaining, longestTimeout));
  }

  // A watcher rather than a call in `accept`, so that a session set by a test is timed too.
  watch([accessToken, sessionExpiresAt], timeSessionEnd, { immediate: true });

  let started: Promise<void> | null = null;

  /**
   * Asks the gateway once whether this browser has a session (on app start; the router guard waits for it).
   * Without one the user is simply not signed in: nothing expired. Resolves when the answer is in.
   */
  function start(): Promise<void> {
    if (sessionChecked.value || accessToken.value !== null) {
      sessionChecked.value = true;
      return Promise.resolve();
    }
    started ??= (async () => {
      try {
        accept(await requestSession());
      } catch (caught) {
        // 401 is "no session": the sign-in page takes over. Anything else is worth telling the user about.
        if (!(caught instanceof AuthRequestError && caught.status === 401))
          error.value = toAuthError('session', caught);
      } finally {
        sessionChecked.value = true;
        started = null;
      }
    })();
    return started;
  }

  let renewal: Promise<string | undefined> | null = null;

  /** A new access token for the session; one request at a time, shared by everyone who asks meanwhile. */
  function renew(): Promise<string | undefined> {
    renewal ??= (async () => {
      try {
        const grant = await requestSession();
        return accept(grant) ? grant.accessToken : undefined;
      } catch (caught) {
        if (caught instanceof AuthRequestError && caught.status === 401) {
          endSession(true);
          return undefined;
        }
        // No answer: the current token, if still good, is better than none; the gateway judges it.
        error.value = toAuthError('session', caught);
        return accessToken.value ?? undefined;
      } finally {
        renewal = null;
      }
    })();
    return renewal;
  }

  /**
   * The token to send with a request: renewed first when it expires within `renewalMargin`. Synchronous when no
   * renewal is needed, so a request leaves at once, as it did before tokens were renewed.
   */
  function validAccessToken(): string | undefined | Promise<string | undefined> {
    const current = caller.value;
    if (current === null) return undefined;
    if (current.expiresAt - Date.now() > renewalMargin) return accessToken.value ?? undefined;
    return renew();
  }

  setAccessTokenSource(validAccessToken);
  setUnauthenticatedHandler(() => {
    if (accessToken.value !== null) endSession(true);
  });

  /** What the gateway's sign-in offers; null when it could not be asked (the reason is in `error`). */
  async function loadConfig(): Promise<AuthConfig | null> {
    try {
      config.value = await fetchAuthConfig();
    } catch (caught) {
      error.value = toAuthError('config', caught);
    }
    return config.value;
  }

  /**
   * Ends the session at the gateway, then leaves for the identity provider's sign-out page (or the console's
   * signed-out page). When the gateway cannot be reached the user stays signed in and `error` says why: a session
   * that silently lives on at the gateway is worse than a sign-out that visibly failed.
   */
  async function signOut(): Promise<void> {
    signingOut.value = true;
    error.value = null;
    try {
      const { logoutUrl } = await requestLogout();
      signedOut.value = true;
      endSession(false);
      browserNavigation.assign(logoutUrl ?? signedOutPath);
    } catch (caught) {
      // No session at the gateway any more is as good as signed out.
      if (caught instanceof AuthRequestError && caught.status === 401) {
        signedOut.value = true;
        endSession(false);
        browserNavigation.assign(signedOutPath);
      } else {
        error.value = toAuthError('sign-out', caught);
      }
    } finally {
      signingOut.value = false;
    }
  }

  return {
    accessToken,
    sessionExpiresAt,
    sessionChecked,
    sessionExpired,
    signedOut,
    signingOut,
    config,
    error,
    caller,
    isSignedIn,
    start,
    validAccessToken,
    loadConfig,
    signOut,
  };
});

// The auth store: who is signed in (the access token, kept for this browser session) and the development sign-in.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../graphql/client';
import { type DemoUser, DevSignInError, fetchDemoUsers, requestDemoToken } from '../graphql/dev-sign-in';

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

/** What the sign-in page needs to tell the user about a failure; plain data, so the store state stays serialisable. */
export interface AuthError {
  action: 'load-users' | 'sign-in';
  message: string;
  /** The gateway's reason, e.g. `unknown_user`, or null when it gave none. */
  code: string | null;
}

/** Whether the gateway offers the development sign-in; 'unknown' until the demo users have been asked for. */
export type DevelopmentSignIn = 'unknown' | 'on' | 'off';

// sessionStorage, not localStorage: a reload keeps the user signed in, closing the browser signs them out,
// and a token never outlives the session it was issued for on a shared computer.
const storageKey = 'etablerertjenesten.accessToken';

function readStoredToken(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(storageKey) ?? null;
  } catch {
    // Storage can be switched off; the user then signs in after every reload.
    return null;
  }
}

function storeToken(token: string | null): void {
  try {
    if (token === null) globalThis.sessionStorage?.removeItem(storageKey);
    else globalThis.sessionStorage?.setItem(storageKey, token);
  } catch {
    // Not surviving a reload is better than failing the sign-in.
  }
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

function describe(error: unknown): Omit<AuthError, 'action'> {
  if (error instanceof DevSignInError) return { message: error.message, code: error.code ?? null };
  return { message: error instanceof Error ? error.message : String(error), code: null };
}

// setTimeout keeps delays in a signed 32-bit integer; a longer one would fire at once.
const longestTimeout = 2 ** 31 - 1;

export const useAuthStore = defineStore('auth', () => {
  const accessToken = ref<string | null>(readStoredToken());
  /** True when the session ended without the user signing out: the token expired or the gateway refused it. */
  const sessionExpired = ref(false);
  const demoUsers = ref<DemoUser[]>([]);
  const developmentSignIn = ref<DevelopmentSignIn>('unknown');
  /** True while the demo users load. */
  const loading = ref(false);
  const signingIn = ref(false);
  const error = ref<AuthError | null>(null);

  const caller = computed(() => (accessToken.value ? decodeAccessToken(accessToken.value) : null));
  // Date.now() is not reactive; the expiry timer below ends the session when the token runs out, which
  // changes the token and so recomputes this.
  const isSignedIn = computed(() => caller.value !== null && caller.value.expiresAt > Date.now());

  function endSession(expired: boolean): void {
    accessToken.value = null;
    storeToken(null);
    sessionExpired.value = expired;
  }

  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  function timeExpiry(current: Caller | null): void {
    clearTimeout(expiryTimer);
    if (current === null) {
      // A stored token the console cannot read would otherwise sit in storage for the whole session.
      if (accessToken.value !== null) endSession(false);
      return;
    }
    const remaining = current.expiresAt - Date.now();
    // A timer can fire early (or cap out on a very long token), so it checks again rather than trusting itself.
    if (remaining <= 0) endSession(true);
    else expiryTimer = setTimeout(() => timeExpiry(current), Math.min(remaining, longestTimeout));
  }

  // A watcher rather than a call in signIn, so that a token restored from storage or set by a test is timed too.
  watch(caller, timeExpiry, { immediate: true });

  // An expired or unknown token is not sent: the gateway would refuse it anyway, and it is nobody's business.
  setAccessTokenSource(() => (isSignedIn.value ? (accessToken.value ?? undefined) : undefined));
  setUnauthenticatedHandler(() => {
    if (accessToken.value !== null) endSession(true);
  });

  async function loadDemoUsers(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      demoUsers.value = await fetchDemoUsers();
      developmentSignIn.value = 'on';
    } catch (caught) {
      demoUsers.value = [];
      // 404 is the gateway saying the development sign-in is off, not a failure to report.
      if (caught instanceof DevSignInError && caught.status === 404) developmentSignIn.value = 'off';
      else error.value = { action: 'load-users', ...describe(caught) };
    } finally {
      loading.value = false;
    }
  }

  /** Signs in as a demo user; resolves to whether it worked, the reason is in `error`. */
  async function signIn(username: string): Promise<boolean> {
    signingIn.value = true;
    error.value = null;
    try {
      const grant = await requestDemoToken(username);
      const signedIn = decodeAccessToken(grant.accessToken);
      if (signedIn === null) {
        error.value = { action: 'sign-in', message: 'The gateway issued a token the console cannot read.', code: null };
        return false;
      }
      if (signedIn.expiresAt <= Date.now()) {
        // A fresh token that is already expired means this computer's clock is wrong, not the user.
        error.value = { action: 'sign-in', message: 'The new token has already expired.', code: 'clock_skew' };
        return false;
      }
      accessToken.value = grant.accessToken;
      storeToken(grant.accessToken);
      sessionExpired.value = false;
      return true;
    } catch (caught) {
      error.value = { action: 'sign-in', ...describe(caught) };
      return false;
    } finally {
      signingIn.value = false;
    }
  }

  function signOut(): void {
    endSession(false);
  }

  return {
    accessToken,
    sessionExpired,
    demoUsers,
    developmentSignIn,
    loading,
    signingIn,
    error,
    caller,
    isSignedIn,
    loadDemoUsers,
    signIn,
    signOut,
  };
});

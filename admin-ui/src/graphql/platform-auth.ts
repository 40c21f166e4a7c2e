// The thin typed client of the gateway's development sign-in: the demo users, and a token for one of them.

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

/** One demo user as `GET /auth/dev/users` lists it. */
export interface DemoUser {
  username: string;
  name: string;
  /** Usually a `CallerRole`; a role added to the gateway later still lists, shown by its code. */
  role: string;
  organisation: string;
}

/** What `POST /auth/dev/token` issues. */
export interface AccessTokenGrant {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the token stays valid. */
  expiresIn: number;
}

/** The paths on the console's own origin; the dev server and the deployment proxy them to the gateway. */
export const devSignInPaths = { users: '/auth/dev/users', token: '/auth/dev/token' } as const;

/** A failed call: an HTTP error (with the gateway's `error` code when it sent one), or no answer at all. */
export class DevSignInError extends Error {
  override readonly name = 'DevSignInError';
  /** The HTTP status, or undefined when the request never got an answer. */
  readonly status: number | undefined;
  /** The gateway's machine-readable reason, e.g. `unknown_user`. */
  readonly code: string | undefined;

  constructor(message: string, details: { status?: number; code?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
  }
}

async function call(path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await globalThis.fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (error) {
    throw new DevSignInError('The gateway could not be reached.', { cause: error });
  }
  let body: unknown;
  try {
    body = response.headers.get('content-type')?.includes('json') ? await response.json() : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const { error, message } = (typeof body === 'object' && body !== null ? body : {}) as {
      error?: unknown;
      message?: unknown;
    };
    throw new DevSignInError(
      typeof message === 'string' ? message : `The gateway answered HTTP ${response.status}.`,
      typeof error === 'string' ? { status: response.status, code: error } : { status: response.status },
    );
  }
  return body;
}

// The gateway is ours, but a proxy answering with an HTML page must fail here rather than deep in a component.
function toDemoUser(raw: unknown): DemoUser {
  const { username, name, role, organisation } = (raw ?? {}) as Record<string, unknown>;
  if (
    typeof username !== 'string' ||
    typeof name !== 'string' ||
    typeof role !== 'string' ||
    typeof organisation !== 'string'
  ) {
    throw new DevSignInError('The gateway listed a demo user the console does not understand.');
  }
  return { username, name, role, organisation };
}

/** The demo users; a `DevSignInError` with status 404 means the development sign-in is off. */
export async function fetchDemoUsers(): Promise<DemoUser[]> {
  const body = await call(devSignInPaths.users);
  if (!Array.isArray(body)) throw new DevSignInError('The gateway answered the demo users with something else.');
  return body.map(toDemoUser);
}

/** An access token for a demo user; a `DevSignInError` with code `unknown_user` when there is no such user. */
export async function requestDemoToken(username: string): Promise<AccessTokenGrant> {
  const body = await call(devSignInPaths.token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  const { accessToken, expiresIn } = (body ?? {}) as Record<string, unknown>;
  if (typeof accessToken !== 'string' || accessToken === '' || typeof expiresIn !== 'number') {
    throw new DevSignInError('The gateway answered the sign-in without an access token.');
  }
  return { accessToken, tokenType: 'Bearer', expiresIn };
}

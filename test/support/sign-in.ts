// Signing in over HTTP as a person does, without a browser: the gateway's /auth/login sends us to the
// identity provider, its login page's form is posted for the person, the provider sends us back to the
// gateway's /auth/callback, which sets the session cookie; POST /auth/session then gives the platform's
// access token, as the console asks for it. Cookies are kept per origin, redirects followed by hand.

/** What the sign-in asks of an HTTP client; the global fetch is one. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Redirects are the sign-in's to follow: each hop may set cookies. */
  redirect: 'manual';
}
export type HttpClient = (url: string, request: HttpRequest) => Promise<Response>;

export interface SignInOptions {
  /** How requests are made: e.g. one that trusts a test's own TLS certificate. The global fetch by default. */
  http?: HttpClient;
  /** Where the gateway sends the person after the sign-in (`returnTo`). */
  returnTo?: string;
}

/** Thrown when the gateway's callback sends the person to its sign-in page with an error (`no_access`, …). */
export class SignInRefusedError extends Error {
  constructor(readonly code: string) {
    super(`the gateway refused the sign-in: ${code}`);
    this.name = 'SignInRefusedError';
  }
}

const maxRedirects = 20;

/** A client with a cookie jar per origin (cookies' paths and attributes ignored: a test's own short visit). */
function browser(http: HttpClient) {
  const jars = new Map<string, Map<string, string>>();
  return async (url: URL, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {}) => {
    const jar = jars.get(url.origin) ?? new Map<string, string>();
    jars.set(url.origin, jar);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await http(url.href, {
      method: init.method ?? 'GET',
      headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
      ...(init.body === undefined ? {} : { body: init.body }),
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*(expires=Thu, 01 Jan 1970|max-age=0\b)/i.test(attribute));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}

/**
 * Signs `username` (a demo person of the identity provider the gateway is configured with) in at the gateway
 * at `gatewayUrl` (its PUBLIC_URL) through the identity provider's login page, and returns the platform access
 * token the gateway then gives the session.
 */
export async function signInOverHttp(
  gatewayUrl: string,
  username: string,
  { http = fetch, returnTo = '/' }: SignInOptions = {},
): Promise<string> {
  const visit = browser(http);
  const gateway = new URL(gatewayUrl).origin;
  const redirectOf = (response: Response, from: URL) => {
    const location = response.headers.get('location');
    return location && response.status >= 300 && response.status < 400 ? new URL(location, from) : undefined;
  };

  // To the identity provider, until its login page answers.
  let url = new URL(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, gateway);
  let response = await visit(url);
  for (let hop = 0; ; hop++) {
    const next = redirectOf(response, url);
    if (!next) break;
    if (hop === maxRedirects) throw new Error(`more than ${maxRedirects} redirects from ${gateway}/auth/login`);
    url = next;
    response = await visit(url);
  }
  const page = await response.text();
  if (response.status !== 200) throw new Error(`${url.href} answered ${response.status}: ${page}`);
  // The login page: one form posting `username`, one button per person.
  const action = /<form method="post" action="([^"]+\/login)">/.exec(page)?.[1];
  if (!action) throw new Error(`${url.href} is no login page: ${page.slice(0, 500)}`);
  if (!page.includes(`name="username" value="${username}"`)) {
    throw new Error(`the identity provider's login page offers no ${username}`);
  }

  // The person's button, then back to the gateway's callback and on to returnTo.
  url = new URL(action.replaceAll('&amp;', '&'), url);
  response = await visit(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username }).toString(),
  });
  for (let hop = 0; ; hop++) {
    const next = redirectOf(response, url);
    if (!next) throw new Error(`${url.href} answered ${response.status} without a redirect: ${await response.text()}`);
    if (hop === maxRedirects) throw new Error(`more than ${maxRedirects} redirects from the login form`);
    if (next.origin === gateway && next.pathname === '/sign-in') {
      throw new SignInRefusedError(next.searchParams.get('error') ?? 'unknown');
    }
    // Back where the person wanted to go: signed in, the session cookie set by the callback.
    if (url.origin === gateway && url.pathname === '/auth/callback') break;
    url = next;
    response = await visit(url);
  }

  const session = await visit(new URL('/auth/session', gateway), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await session.json()) as { accessToken?: string };
  if (session.status !== 200 || !body.accessToken) {
    throw new Error(`POST /auth/session answered ${session.status}: ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}

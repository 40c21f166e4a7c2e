// Where sign-in sends the user: which pages need it, the sign-in page with its way back, and which ways back are safe.
import type { RouteLocationNormalizedLoaded, RouteLocationRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** True for the few pages anyone may see; every other page needs a signed-in user, so a new page is safe by default. */
    public?: boolean;
  }
}

export function requiresSignIn(route: Pick<RouteLocationNormalizedLoaded, 'meta'>): boolean {
  return route.meta.public !== true;
}

/** The sign-in page, remembering where to go afterwards. */
export function signInLocation(redirect?: string): RouteLocationRaw {
  return redirect ? { name: 'sign-in', query: { redirect } } : { name: 'sign-in' };
}

/**
 * Where to go after signing in: the `redirect` query when it is a path on this console, else the
 * start page. Anything else (another origin, `//host`, a repeated query value) could send a
 * freshly signed-in user to a page someone else chose.
 */
export function safeRedirect(redirect: unknown): string {
  if (typeof redirect !== 'string' || !redirect.startsWith('/')) return '/';
  if (redirect.startsWith('//') || redirect.startsWith('/\\') || redirect.startsWith('/sign-in')) return '/';
  return redirect;
}

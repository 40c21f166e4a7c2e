// Where the links in e-mails lead: the public website's pages for one-time links, under
// PUBLIC_SITE_URL (the public website's origin, as the gateway's feeds use it).
export const developmentSiteUrl = 'http://localhost:5173';

let configured: string | undefined;

/** Sets the public website's origin (from the configuration, at start); tests may set their own. */
export function setPublicSiteUrl(url: string | undefined): void {
  configured = url?.replace(/\/+$/, '');
}

export function publicSiteUrl(): string {
  return configured ?? process.env.PUBLIC_SITE_URL?.replace(/\/+$/, '') ?? developmentSiteUrl;
}

export type LinkPage = 'survey' | 'unsubscribe' | 'cancel';

/** The public page of a one-time link, e.g. `https://example.no/public/survey/<token>`. */
export const publicPageUrl = (page: LinkPage, token: string) => `${publicSiteUrl()}/public/${page}/${token}`;

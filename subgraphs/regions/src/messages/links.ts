// Where the links in e-mails lead: the public website's pages for one-time links, under the kit's
// publicSiteUrl() (PUBLIC_SITE_URL: the public website's origin, required in production).
import { publicSiteUrl } from '@etablerer/kit';

export type LinkPage = 'survey' | 'unsubscribe' | 'cancel' | 'impact';

/** The public page of a one-time link, e.g. `https://example.no/public/survey/<token>`. */
export const publicPageUrl = (page: LinkPage, token: string) => `${publicSiteUrl()}/public/${page}/${token}`;

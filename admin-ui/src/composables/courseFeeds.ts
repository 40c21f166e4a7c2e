// Where the gateway serves the course calendar for municipalities' own websites: next to the
// graph's endpoint, so the links follow wherever the console finds the gateway.
import { graphqlEndpoint } from '../graphql/client';

export type CourseFeedFormat = 'ics' | 'json' | 'html';

/** The absolute address of a course feed, for the whole county or one region. */
export function courseFeedUrl(
  format: CourseFeedFormat,
  regionId: string | null,
  pageAddress: string = globalThis.location?.href ?? 'http://localhost/',
): string {
  const endpoint = new URL(graphqlEndpoint, pageAddress);
  const url = new URL(`feeds/courses.${format}`, endpoint);
  if (regionId) url.searchParams.set('region', regionId);
  return url.href;
}

// Course feeds for the municipalities' own websites (§5.2.1: the service visible on every
// municipality's site): iCalendar, JSON and an HTML list to embed, per region or for the whole
// county. They answer from the graph's public fields, as an anonymous request would.
import type { ApolloServer, BaseContext } from '@apollo/server';
import { logger } from '@etablerer/kit';
import escapeHtml from 'escape-html';
import type { Express, Request, Response } from 'express';
import ical, { ICalCalendarMethod } from 'ical-generator';

export interface FeedCourse {
  id: string;
  /** Who holds it: a region's name, or Innovasjon Norge. */
  organiser: string;
  regionId: string | null;
  kind: 'BASIC' | 'THEME' | 'COURSE' | 'WEBINAR';
  title: string;
  startsOn: string;
  endsOn: string;
  location: string | null;
  online: boolean;
  /** NOK as an exact decimal string; null for Innovasjon Norge's, which do not say. */
  participantFee: string | null;
  seatsLeft: number | null;
  /** Where to sign up: the public website's page, or Innovasjon Norge's description. */
  signUpUrl: string | null;
  description: string | null;
}

// The page size as a variable, as the console sends it; the cost limit counts it all the same
// (200 courses with their region: about 420 of the gateway's 5,000).
const FeedDocument = /* GraphQL */ `
  query CourseFeed($filter: PublicCourseFilter!, $first: Int!) {
    publicRegions {
      id
      name
    }
    publicCourses(filter: $filter, first: $first) {
      items {
        id
        kind
        title
        startsOn
        endsOn
        location
        online
        participantFee
        seatsLeft
        region {
          id
        }
      }
    }
    publicPartnerCourses {
      id
      kind
      title
      date
      online
      location
      description
    }
  }
`;

interface FeedData {
  publicRegions: { id: string; name: string }[];
  publicCourses: {
    items: {
      id: string;
      kind: 'BASIC' | 'THEME';
      title: string;
      startsOn: string;
      endsOn: string;
      location: string | null;
      online: boolean;
      participantFee: string;
      seatsLeft: number;
      region: { id: string };
    }[];
  };
  publicPartnerCourses: {
    id: string;
    kind: 'COURSE' | 'WEBINAR';
    title: string;
    date: string;
    online: boolean;
    location: string | null;
    description: string | null;
  }[];
}

export class FeedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const regionIdPattern = /^[a-z0-9-]{1,60}$/;

/** The courses of one region (or all) and Innovasjon Norge's open ones, upcoming, by date. */
export async function feedCourses(
  execute: (query: string, variables: Record<string, unknown>) => Promise<{ data?: unknown; errors?: unknown[] }>,
  regionId: string | undefined,
  siteUrl: string | undefined,
): Promise<{ title: string; courses: FeedCourse[] }> {
  if (regionId !== undefined && !regionIdPattern.test(regionId)) {
    throw new FeedError(400, 'region must be a region id such as follo');
  }
  const result = await execute(FeedDocument, { filter: regionId ? { regionId } : {}, first: 200 });
  if (result.errors?.length || !result.data) {
    logger.warn({ errors: result.errors }, 'the course feed query failed');
    throw new FeedError(503, 'The course calendar is not available just now.');
  }
  const data = result.data as FeedData;
  const regionNames = new Map(data.publicRegions.map((candidate) => [candidate.id, candidate.name]));
  const region = regionId ? data.publicRegions.find((candidate) => candidate.id === regionId) : undefined;
  if (regionId && !region) throw new FeedError(404, `There is no region ${regionId}.`);
  const courses: FeedCourse[] = [
    ...data.publicCourses.items.map((course) => ({
      id: course.id,
      organiser: regionNames.get(course.region.id) ?? course.region.id,
      regionId: course.region.id,
      kind: course.kind,
      title: course.title,
      startsOn: course.startsOn,
      endsOn: course.endsOn,
      location: course.location,
      online: course.online,
      participantFee: course.participantFee,
      seatsLeft: course.seatsLeft,
      signUpUrl: siteUrl ? `${siteUrl}/public/courses?course=${encodeURIComponent(course.id)}` : null,
      description: null,
    })),
    ...data.publicPartnerCourses.map((course) => ({
      id: course.id,
      organiser: 'Innovasjon Norge',
      regionId: null,
      kind: course.kind,
      title: course.title,
      startsOn: course.date,
      endsOn: course.date,
      location: course.location,
      online: course.online,
      participantFee: null,
      seatsLeft: null,
      signUpUrl: null,
      description: course.description,
    })),
  ].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title, 'nb'));
  return { title: `Etablerertjenesten – kurs${region ? ` i ${region.name}` : ''}`, courses };
}

const kindNames: Record<FeedCourse['kind'], string> = {
  BASIC: 'Grunnkurs for etablerere (gratis)',
  THEME: 'Temakurs',
  COURSE: 'Kurs (Innovasjon Norge)',
  WEBINAR: 'Webinar (Innovasjon Norge)',
};

function feeText(course: FeedCourse): string | null {
  if (course.participantFee === null) return null;
  return Number(course.participantFee) === 0 ? 'Gratis' : `Egenandel kr ${course.participantFee.replace('.', ',')}`;
}

function nextDay(date: string): Date {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

/** An iCalendar (RFC 5545) calendar of the courses, as all-day events. */
export function coursesAsICalendar(title: string, courses: FeedCourse[], feedUrl: string | undefined): string {
  const calendar = ical({
    name: title,
    prodId: { company: 'Etablerertjenesten', product: 'Kurskalender', language: 'NB' },
    method: ICalCalendarMethod.PUBLISH,
    ...(feedUrl ? { url: feedUrl } : {}),
    ttl: 60 * 60,
  });
  for (const course of courses) {
    calendar.createEvent({
      id: `${course.id}@etablerertjenesten`,
      allDay: true,
      start: new Date(`${course.startsOn}T00:00:00Z`),
      // All-day events end on the day after the last (DTEND is exclusive).
      end: nextDay(course.endsOn),
      summary: course.title,
      location: course.online ? 'Nettkurs' : course.location,
      description: [kindNames[course.kind], course.organiser, feeText(course), course.description, course.signUpUrl]
        .filter(Boolean)
        .join('\n'),
      ...(course.signUpUrl ? { url: course.signUpUrl } : {}),
      stamp: new Date(),
    });
  }
  return calendar.toString();
}

const norwegianDate = new Intl.DateTimeFormat('nb-NO', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const formatDay = (date: string) => norwegianDate.format(new Date(`${date}T00:00:00Z`));

/** A small, self-contained HTML list of the courses for a municipality's site to embed in an iframe. */
export function coursesAsHtml(title: string, courses: FeedCourse[]): string {
  const items = courses
    .slice(0, 50)
    .map((course) => {
      const when =
        course.startsOn === course.endsOn
          ? formatDay(course.startsOn)
          : `${formatDay(course.startsOn)} – ${formatDay(course.endsOn)}`;
      const where = course.online ? 'Nettkurs' : (course.location ?? '');
      const details = [kindNames[course.kind], course.organiser, where, feeText(course)].filter(Boolean).join(' · ');
      const name = course.signUpUrl
        ? `<a href="${escapeHtml(course.signUpUrl)}" target="_top">${escapeHtml(course.title)}</a>`
        : escapeHtml(course.title);
      return `<li><strong>${name}</strong><br><time datetime="${escapeHtml(course.startsOn)}">${escapeHtml(when)}</time> · ${escapeHtml(details)}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:.5rem;color:#1a1a1a;font-size:15px}
ul{list-style:none;margin:0;padding:0}
li{padding:.5rem 0;border-bottom:1px solid #ddd}
a{color:#0b5394}
p{margin:.5rem 0 0;font-size:13px;color:#555}
</style>
</head>
<body>
<h1 style="font-size:1.1rem;margin:0 0 .5rem">${escapeHtml(title)}</h1>
${courses.length ? `<ul>\n${items}\n</ul>` : '<p>Ingen kommende kurs akkurat nå.</p>'}
<p>Etablerertjenesten i samarbeid med fylkeskommunen, kommunene og Innovasjon Norge.</p>
</body>
</html>
`;
}

/**
 * Mounts /feeds/courses.ics, .json and .html; `?region=<id>` narrows them to one region. Links lead to
 * `siteUrl` (PUBLIC_SITE_URL), never to the request's Host header: the answers are cached publicly, so one
 * request with a forged Host would otherwise send every later reader to the forger's site. Without a
 * `siteUrl` the feeds carry no links.
 */
export function mountFeeds<Context extends BaseContext>(
  app: Express,
  { apollo, siteUrl }: { apollo: ApolloServer<Context>; siteUrl?: string | undefined },
  contextFor: (req: Request) => Context,
): void {
  const handle =
    (render: (title: string, courses: FeedCourse[], req: Request, res: Response) => void) =>
    async (req: Request, res: Response) => {
      const region = typeof req.query.region === 'string' && req.query.region !== '' ? req.query.region : undefined;
      try {
        const { title, courses } = await feedCourses(
          async (query, variables) => {
            const response = await apollo.executeOperation({ query, variables }, { contextValue: contextFor(req) });
            if (response.body.kind !== 'single') throw new FeedError(503, 'unexpected incremental result');
            return response.body.singleResult as { data?: unknown; errors?: unknown[] };
          },
          region,
          siteUrl,
        );
        // Municipalities' sites and calendar apps may fetch it from anywhere; it holds nothing personal.
        res.set('access-control-allow-origin', '*');
        res.set('cache-control', 'public, max-age=300');
        render(title, courses, req, res);
      } catch (error) {
        if (!(error instanceof FeedError)) logger.error({ err: error }, 'a course feed failed');
        const status = error instanceof FeedError ? error.status : 500;
        res
          .status(status)
          .type('text/plain; charset=utf-8')
          .send(error instanceof FeedError ? error.message : 'error');
      }
    };
  app.get(
    '/feeds/courses.ics',
    handle((title, courses, req, res) => {
      // The region was checked by then (feedCourses refuses any other).
      const region = typeof req.query.region === 'string' && req.query.region !== '' ? req.query.region : undefined;
      const feedUrl = siteUrl && `${siteUrl}/feeds/courses.ics${region ? `?region=${encodeURIComponent(region)}` : ''}`;
      res.type('text/calendar; charset=utf-8').send(coursesAsICalendar(title, courses, feedUrl));
    }),
  );
  app.get(
    '/feeds/courses.json',
    handle((title, courses, _req, res) => {
      res.json({ title, generatedAt: new Date().toISOString(), courses });
    }),
  );
  app.get(
    '/feeds/courses.html',
    handle((title, courses, _req, res) => {
      // A page meant for other sites' iframes: nothing runs in it, and it loads nothing.
      res.set(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
      );
      res.type('text/html; charset=utf-8').send(coursesAsHtml(title, courses));
    }),
  );
}

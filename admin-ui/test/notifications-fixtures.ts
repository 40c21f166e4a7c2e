// Notifications as the gateway returns them, an API client's token, and a gateway stub answering by operation name.
import type { NotificationItem, NotificationPreferenceItem } from '../src/queries/notifications';
import { type GraphQLCall, jsonResponse, stubGateway } from './fixtures';

export const referralReceived: NotificationItem = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  kind: 'REFERRAL_RECEIVED',
  title: 'Ny henvisning',
  body: 'En henvisning for en klient i Follo venter på svar.',
  link: '/referrals',
  createdAt: '2026-12-07T08:15:00.000Z',
  read: false,
};

export const reportReminder: NotificationItem = {
  id: 'a1b2c3d4-0000-4000-8000-000000000002',
  kind: 'REPORT_DEADLINE_REMINDER',
  title: 'Årsrapporten for Follo skal leveres om 7 dager',
  body: 'Årsrapport og regnskap for 2026 skal leveres innen 1. mai.',
  link: null,
  createdAt: '2026-12-06T06:00:00.000Z',
  read: true,
};

export const overdueInstalment: NotificationItem = {
  id: 'a1b2c3d4-0000-4000-8000-000000000003',
  kind: 'INSTALMENT_OVERDUE',
  title: 'Utbetaling er forfalt',
  body: 'Andre utbetaling til Follo for 2026 er ikke betalt.',
  // A stored link that leads off the console: never offered as a link.
  link: 'https://evil.example/phish',
  createdAt: '2026-12-05T06:00:00.000Z',
  read: false,
};

export function notificationPage(
  items: NotificationItem[],
  { totalCount = items.length, unreadCount = items.filter((item) => !item.read).length, hasNextPage = false } = {},
) {
  return { items, totalCount, unreadCount, hasNextPage };
}

export const defaultPreferences: NotificationPreferenceItem[] = [
  // Out of order, as a server may give them; the console lists them in its own order.
  { kind: 'MEETING_NOT_HELD', console: true, email: true },
  { kind: 'REFERRAL_RECEIVED', console: true, email: true },
  { kind: 'REFERRAL_ANSWERED', console: true, email: false },
  { kind: 'REPORT_DEADLINE_REMINDER', console: true, email: true },
  { kind: 'REPORT_OVERDUE', console: true, email: true },
  { kind: 'INSTALMENT_DUE', console: false, email: false },
  { kind: 'INSTALMENT_OVERDUE', console: true, email: true },
];

/** The operation a call runs, e.g. `NotificationList`. */
export function operationOf(call: GraphQLCall): string {
  return /^\s*(?:query|mutation)\s+(\w+)/.exec(call.body.query)?.[1] ?? 'unknown';
}

export type Answers = Partial<Record<string, (call: GraphQLCall) => Response | Promise<Response>>>;

/** A gateway answering GraphQL by operation name (an operation without an answer fails the call) and /auth/config. */
export function stubNotificationsGateway(answers: Answers, { devMail = false }: { devMail?: boolean } = {}) {
  const stub = stubGateway({
    graphql: (call) => {
      const answer = answers[operationOf(call)];
      if (!answer) return jsonResponse({ errors: [{ message: `No answer for ${operationOf(call)} in this test` }] });
      return answer(call);
    },
    config: () => jsonResponse({ oidc: true, devSignIn: false, devMail }),
  });
  const graphqlCalls = () =>
    stub.calls
      .filter((call) => call.url === '/graphql')
      .map((call) => ({ ...(call.body as GraphQLCall['body']), headers: call.headers }));
  const callsOf = (operation: string) =>
    graphqlCalls().filter((call) => operationOf({ url: '/graphql', headers: call.headers, body: call }) === operation);
  return { ...stub, graphqlCalls, callsOf };
}

/** An API client's token: a partner system, not a person. */
export function apiClientToken(): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'ES256', typ: 'JWT' })}.${encode({
    sub: 'client:ssb-statistikk',
    name: 'SSB statistikk',
    role: 'API_CLIENT',
    org: { id: 'ssb', kind: 'API_CLIENT', name: 'Statistisk sentralbyrå' },
    iat: now,
    exp: now + 3600,
  })}.not-a-real-signature`;
}

// Dates sent in: one answer whether a date is written inline or sent in a variable (issue 17: inline
// it was GRAPHQL_VALIDATION_FAILED, in a variable BAD_USER_INPUT), at the gateway and at the subgraph
// alike, and only dates in the years the service has data for (year 9999 was stored).
import { describe, expect, it } from 'vitest';
import { useTestPlatform } from './support/platform.js';

// Demo data: the events and evaluations are written by demo users of the demo regions.
const platform = useTestPlatform();

type Target = 'gateway' | 'subgraph';

interface DateMutation {
  name: string;
  subgraph: 'regions' | 'county';
  caller: string;
  /** The mutation with `$date` in a variable, and with the date written inline. */
  document: (date: string | null) => string;
}

const mutations: DateMutation[] = [
  {
    name: 'createNetworkEvent.date',
    subgraph: 'regions',
    caller: 'follo.adviser',
    document: (date) =>
      `mutation N${date === null ? '($date: Date!)' : ''} { createNetworkEvent(input: { regionId: "follo", title: "Gründerpub", date: ${date === null ? '$date' : JSON.stringify(date)}, participantCount: 3 }) { date } }`,
  },
  {
    name: 'recordEvaluation.publishedOn',
    subgraph: 'county',
    caller: 'county.officer',
    document: (date) =>
      `mutation E${date === null ? '($date: Date!)' : ''} { recordEvaluation(input: { title: "Evaluering", periodFrom: "2024-01-01", periodTo: "2024-12-31", author: "Fylket", findings: "Funn", publishedOn: ${date === null ? '$date' : JSON.stringify(date)} }) { publishedOn } }`,
  },
];

async function send(target: Target, mutation: DateMutation, date: string, inline: boolean) {
  const url = target === 'gateway' ? undefined : platform.subgraphUrls[mutation.subgraph];
  return platform.post(mutation.document(inline ? date : null), inline ? {} : { date }, {
    token: await platform.tokenFor(mutation.caller),
    ...(url ? { url } : {}),
  });
}

describe.each(['gateway', 'subgraph'] as const)('dates sent to the %s', (target) => {
  describe.each(mutations)('$name', (mutation) => {
    it.each([
      ['no date', '2024-13-45'],
      ['year 9999', '9999-01-01'],
      ['year 1999', '1999-12-31'],
      ['year 2101', '2101-01-01'],
    ])('refuses %s (%s) with 400 BAD_USER_INPUT, inline and in a variable alike', async (_, date) => {
      const inline = await send(target, mutation, date, true);
      const variable = await send(target, mutation, date, false);
      for (const answer of [inline, variable]) {
        expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }, answer.text).toEqual({
          status: 400,
          code: 'BAD_USER_INPUT',
        });
        expect(answer.body.errors?.[0]?.message).toContain(JSON.stringify(date).slice(1, -1));
        expect(answer.body.data ?? undefined).toBeUndefined();
      }
      expect(variable.body.errors?.[0]?.extensions?.field, variable.text).toBe('date');
    });

    it.each([['2000-01-01'], ['2024-02-29'], ['2100-12-31']])('takes %s inline and in a variable', async (date) => {
      for (const inline of [true, false]) {
        const { status, body } = await send(target, mutation, date, inline);
        expect(body.errors).toBeUndefined();
        expect(status).toBe(200);
        expect(JSON.stringify(body.data)).toContain(date);
      }
    });
  });
});

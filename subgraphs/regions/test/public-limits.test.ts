// The public mutations' limit where their data is written: the regions subgraph called straight
// over HTTP, past the gateway's own limits (signed as the gateway signs), by two instances on one
// database. Each aliased field counts, an operation that would go over is refused whole with
// nothing stored, and the count is per client address: the one the gateway signed, else the
// connection's own.
import {
  clientAddressHeader,
  defaultAudience,
  defaultIssuer,
  dropDatabase,
  generateServiceKeys,
  queryRows,
  type RunningService,
  type ServiceKeys,
  startSubgraph,
} from '@etablerer/kit';
import { generateDevKeys } from '@etablerer/kit/demo';
import { signedHeaders, testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicMutationLimit } from '../src/public-limits.js';
import { regionsSubgraph } from '../src/server.js';

const database = uniqueDatabaseName('regions');
let instances: RunningService[] = [];
let serviceKeys: ServiceKeys;

beforeAll(async () => {
  const keys = await generateDevKeys();
  serviceKeys = await generateServiceKeys();
  const options = {
    server: testServerUrl(),
    database,
    port: 0,
    host: '127.0.0.1',
    seedDemo: true,
    retentionSchedule: null,
    auth: { issuer: defaultIssuer, audience: defaultAudience, publicKey: keys.publicKey },
    serviceKeys: serviceKeys.jwks.keys,
    servicePrivateKey: serviceKeys.privateKeys.regions,
  };
  // One after the other: the first creates, migrates and seeds the database the second shares.
  instances.push(await startSubgraph(regionsSubgraph, options));
  instances.push(await startSubgraph(regionsSubgraph, options));
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  instances = [];
  await dropDatabase(testServerUrl(), database);
});

interface Answer {
  status: number;
  retryAfter: string | null;
  body: {
    data?: Record<string, { reference: string } | null> | null;
    errors?: { message: string; extensions: { code: string } }[];
  };
}

/**
 * POSTs an operation to one instance, without a token, as the website's visitors send it, signed
 * as the gateway signs it: with the client's address bound into the assertion when it names one.
 */
async function send(
  query: string,
  variables: Record<string, unknown>,
  { instance = 0, clientAddress }: { instance?: number; clientAddress?: string } = {},
): Promise<Answer> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(`${instances[instance]?.url}/graphql`, {
    method: 'POST',
    headers: await signedHeaders(serviceKeys, 'gateway', 'regions', body, {
      'content-type': 'application/json',
      ...(clientAddress === undefined ? {} : { [clientAddressHeader]: clientAddress }),
    }),
    body,
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Answer['body'],
  };
}

let people = 0;
/** A request for counselling from a person of their own (the per-e-mail limit is not what is tested here). */
const counselling = () => ({
  person: {
    name: 'Tiril Haugen',
    email: `tiril.${++people}@example.no`,
    municipalityNumber: '3021',
    consentToProcessing: true,
  },
  message: 'Jeg vil starte et bakeri.',
});

/** One operation of `count` aliased requestCounselling fields, each with its own variable. */
function aliased(count: number) {
  const names = Array.from({ length: count }, (_, i) => `r${i}`);
  const query = `mutation Many(${names.map((name) => `$${name}: CounsellingRequestInput!`).join(', ')}) {
    ${names.map((name) => `${name}: requestCounselling(input: $${name}) { reference }`).join('\n    ')}
  }`;
  return { query, variables: Object.fromEntries(names.map((name) => [name, counselling()])) };
}

const stored = async () =>
  (await queryRows<{ n: number }>(testServerUrl(), database, 'select count(*)::int as n from website_request'))[0]?.n;

const expectRefusal = (answer: Answer) => {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors?.map((error) => error.extensions.code)).toEqual(['RATE_LIMITED']);
};

describe('the public mutations’ limit, straight at the subgraph', () => {
  it('counts every aliased field and refuses an operation over the limit whole, storing none of it', async () => {
    const clientAddress = '203.0.113.10';
    const before = await stored();
    const tooMany = aliased(publicMutationLimit.points + 5);
    const refused = await send(tooMany.query, tooMany.variables, { clientAddress });
    expectRefusal(refused);
    expect(refused.body.errors?.[0]?.message).toContain(`this operation sends ${publicMutationLimit.points + 5}`);
    expect(refused.body.errors?.[0]?.message).toContain('none of them was stored');
    expect(await stored()).toBe(before);

    // The refused operation took nothing: the whole limit is still there, in one operation.
    const all = aliased(publicMutationLimit.points);
    const accepted = await send(all.query, all.variables, { clientAddress });
    expect(accepted.body.errors).toBeUndefined();
    expect(Object.keys(accepted.body.data ?? {})).toHaveLength(publicMutationLimit.points);
    expect(await stored()).toBe((before ?? 0) + publicMutationLimit.points);

    // The other instance counts against the same limit: it is held in the database.
    const one = aliased(1);
    expectRefusal(await send(one.query, one.variables, { clientAddress, instance: 1 }));
    expect(await stored()).toBe((before ?? 0) + publicMutationLimit.points);
  });

  it('counts the fields a fragment adds', async () => {
    const clientAddress = '203.0.113.11';
    const half = Math.ceil((publicMutationLimit.points + 1) / 2);
    const names = Array.from({ length: half * 2 }, (_, i) => `r${i}`);
    const [inFragment, atRoot] = [names.slice(0, half), names.slice(half)];
    const query = `mutation Many(${names.map((name) => `$${name}: CounsellingRequestInput!`).join(', ')}) {
      ...Asks
      ${atRoot.map((name) => `${name}: requestCounselling(input: $${name}) { reference }`).join('\n')}
    }
    fragment Asks on Mutation {
      ${inFragment.map((name) => `${name}: requestCounselling(input: $${name}) { reference }`).join('\n')}
    }`;
    const before = await stored();
    expectRefusal(await send(query, Object.fromEntries(names.map((name) => [name, counselling()])), { clientAddress }));
    expect(await stored()).toBe(before);
  });

  it('keys a request without a client address from the gateway by the connection’s address, whatever else it says', async () => {
    const before = await stored();
    const half = aliased(publicMutationLimit.points / 2);
    expect((await send(half.query, half.variables)).body.errors).toBeUndefined();
    // A header that is not an address is no key of its own: this counts against the peer too.
    expect((await send(half.query, half.variables, { clientAddress: 'anyone, 10.0.0.1' })).body.errors).toBeUndefined();
    const one = aliased(1);
    expectRefusal(await send(one.query, one.variables, { instance: 1 }));
    expect(await stored()).toBe((before ?? 0) + publicMutationLimit.points);
    // Another client, as the gateway reports it, has a limit of its own.
    expect((await send(one.query, one.variables, { clientAddress: '198.51.100.7' })).body.errors).toBeUndefined();
  });
});

// Idempotency keys through the gateway: a partner system (or the console) that sends a mutation
// again with the same Idempotency-Key, after a timeout or a lost answer, gets the first answer and
// no second record; the same key for another operation is a CONFLICT.
import { randomUUID } from 'node:crypto';
import { withDatabaseClient } from '@etablerer/kit';
import { testServerUrl } from '@etablerer/kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform({ timeoutMs: 120_000 });

const logSession = `mutation LogSession($input: LogCounsellingSessionInput!) {
  logCounsellingSession(input: $input) { id topic }
}`;

let token: string;
let clientId: string;

beforeAll(async () => {
  token = await platform.tokenFor('follo.adviser');
  const { body } = await platform.post<{ clients: { items: { id: string }[] } }>(
    'query C { clients(regionId: "follo", first: 1) { items { id } } }',
    undefined,
    { token },
  );
  const id = body.data?.clients.items[0]?.id;
  if (!id) throw new Error('the demo data has no client in Follo');
  clientId = id;
});

async function sessionsWith(topic: string): Promise<number> {
  return withDatabaseClient(testServerUrl(), platform.databases.regions, async (client) => {
    const { rows } = await client.query<{ count: string }>(
      'select count(*) as count from counselling_session where topic = $1',
      [topic],
    );
    return Number(rows[0]?.count);
  });
}

function logWithKey(topic: string, key: string) {
  return platform.post<{ logCounsellingSession: { id: string; topic: string } }>(
    logSession,
    { input: { clientId, date: '2024-04-11', durationMinutes: 30, form: 'PHONE', topic } },
    { token, headers: { 'idempotency-key': key } },
  );
}

describe('a mutation sent with an Idempotency-Key', () => {
  it('is carried out once when sent twice with the same key: the repeat gets the first answer', async () => {
    const topic = `idempotent-${randomUUID()}`;
    const key = randomUUID();
    const first = await logWithKey(topic, key);
    expect(first.body.errors).toBeUndefined();
    const again = await logWithKey(topic, key);
    expect(again.body).toEqual(first.body);
    expect(await sessionsWith(topic)).toBe(1);
  });

  it('is carried out once when the same key arrives twice at the same time', async () => {
    const topic = `concurrent-${randomUUID()}`;
    const key = randomUUID();
    const answers = await Promise.all([logWithKey(topic, key), logWithKey(topic, key)]);
    const done = answers.filter((answer) => answer.body.data?.logCounsellingSession);
    expect(done.length).toBeGreaterThan(0);
    // The other got the same answer, or was told the first is still being carried out.
    for (const answer of answers) {
      if (answer.body.data?.logCounsellingSession) expect(answer.body).toEqual(done[0]?.body);
      else expect(answer.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    }
    expect(await sessionsWith(topic)).toBe(1);
  });

  it('is refused as CONFLICT when the key was used for another operation', async () => {
    const key = randomUUID();
    const topic = `first-${randomUUID()}`;
    expect((await logWithKey(topic, key)).body.errors).toBeUndefined();
    const other = await logWithKey(`other-${randomUUID()}`, key);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(other.body.errors?.[0]?.message).toMatch(/another operation/);
  });

  it('is carried out each time with a fresh key, or without one', async () => {
    const topic = `fresh-${randomUUID()}`;
    await logWithKey(topic, randomUUID());
    await logWithKey(topic, randomUUID());
    expect(await sessionsWith(topic)).toBe(2);
  });
});

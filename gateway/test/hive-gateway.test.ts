// Either router in front of the subgraphs (issue 24): Hive Gateway loads the committed supergraph and
// answers every operation of schema/operations/*.graphql with the same data as the Apollo gateway, for
// the same caller, over the same subgraphs and data.
import { readdirSync, readFileSync } from 'node:fs';
import { queryRows } from '@etablerer/kit';
import { demoClients } from '@etablerer/kit/demo';
import { testServerUrl } from '@etablerer/kit/testing';
import type { GatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiveGateway } from './support/hive-gateway.js';
import { startTestPlatform, type TestPlatform } from './support/platform.js';

const operationsDir = new URL('../../schema/operations/', import.meta.url);
const operations = readdirSync(operationsDir)
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => ({ file, query: readFileSync(new URL(file, operationsDir), 'utf8') }));

/** The variables each contract operation is tried with; an operation added without them fails here. */
const variablesOf: Record<string, Record<string, unknown>[]> = {
  'coordination-overview.graphql': [{ year: 2024 }, { year: 2025 }],
};

let platform: TestPlatform;
let hive: GatewayRuntime;

beforeAll(async () => {
  platform = await startTestPlatform();
  hive = await startHiveGateway({
    subgraphUrls: platform.subgraphUrls,
    gatewayKey: platform.serviceKeys.privateKeys.gateway as JWK,
  });
}, 180_000);

afterAll(async () => {
  await hive?.dispose();
  await platform?.stop();
});

async function askHive(query: string, variables: Record<string, unknown>, token: string) {
  const response = await hive.fetch('http://hive-gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

describe('Hive Gateway over the committed supergraph', () => {
  it('has variables for every contract operation', () => {
    expect(operations.map(({ file }) => file)).toEqual(Object.keys(variablesOf).sort());
  });

  for (const { file, query } of operations) {
    for (const variables of variablesOf[file] ?? []) {
      it(`answers ${file} ${JSON.stringify(variables)} as the Apollo gateway does`, async () => {
        const token = await platform.tokenFor('county.officer');
        const apollo = await platform.post(query, variables, { token });
        expect(apollo.body.errors).toBeUndefined();
        const answer = await askHive(query, variables, token);
        expect(answer.body.errors).toBeUndefined();
        expect(answer.status).toBe(200);
        expect(answer.body.data).toEqual(apollo.body.data);
      });
    }
  }

  it('sends each of the same reads at once to the subgraph, so the audit log counts every one', async () => {
    const client = demoClients().find((candidate) => candidate.regionId === 'follo');
    if (!client) throw new Error('no demo client in Follo');
    const audited = async () =>
      (
        await queryRows<{ n: number }>(
          testServerUrl(),
          platform.databases.regions,
          `select count(*)::int as n from audit_entry where record_id = $1 and operation = 'READ'`,
          [client.id],
        )
      )[0]?.n ?? 0;
    const before = await audited();
    // A county officer's reads of a region's client are audited (an adviser's of their own region's are not).
    const token = await platform.tokenFor('county.officer');
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => askHive('query C($id: ID!) { client(id: $id) { id name } }', { id: client.id }, token)),
    );
    expect(answers.map((answer) => answer.body.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect((await audited()) - before).toBe(4);
  });

  it('passes no caller on without a token: the subgraphs refuse, as behind the Apollo gateway', async () => {
    const response = await hive.fetch('http://hive-gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ agreements { id } }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

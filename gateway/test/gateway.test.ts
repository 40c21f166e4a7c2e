// The real gateway over the three real subgraphs, all on HTTP port 0, each subgraph on a fresh database.
import { countySubgraph } from '@etablerer/county';
import {
  dropDatabase,
  type RunningService,
  type SubgraphContext,
  type SubgraphDefinition,
  startSubgraph,
} from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { partnersSubgraph } from '@etablerer/partners';
import { regionsSubgraph } from '@etablerer/regions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '../src/composition.js';
import { startGateway } from '../src/server.js';

const definitions = { county: countySubgraph, regions: regionsSubgraph, partners: partnersSubgraph } as Record<
  SubgraphName,
  SubgraphDefinition<SubgraphContext>
>;
const databases: string[] = [];
const subgraphs = {} as Record<SubgraphName, RunningService>;
let gateway: RunningService;

async function post(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

beforeAll(async () => {
  const server = testServerUrl();
  for (const [name, definition] of Object.entries(definitions) as [
    SubgraphName,
    SubgraphDefinition<SubgraphContext>,
  ][]) {
    const database = uniqueDatabaseName(name);
    databases.push(database);
    subgraphs[name] = await startSubgraph(definition, { server, database, port: 0 });
  }
  gateway = await startGateway({
    port: 0,
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, `${s.url}/graphql`])),
  });
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop()));
  await Promise.all(databases.map((database) => dropDatabase(testServerUrl(), database)));
});

describe('the gateway over the three subgraphs', () => {
  it('answers a query that spans all three subgraphs', async () => {
    const { status, body } = await post(
      `query Span($year: Int!, $id: ID!) {
        region(id: $id) { name contractMunicipality { name population } municipalities { number name population populationSource } }
        gatherings(year: $year) { title date }
      }`,
      { year: 2024, id: 'follo' },
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        region: {
          name: 'Follo',
          contractMunicipality: { name: 'Nordre Follo', population: 61200 },
          municipalities: [
            { number: '3020', name: 'Nordre Follo', population: 61200, populationSource: 'DEMO_APPROXIMATION' },
            { number: '3021', name: 'Ås', population: 20800, populationSource: 'DEMO_APPROXIMATION' },
            { number: '3022', name: 'Frogn', population: 15900, populationSource: 'DEMO_APPROXIMATION' },
            { number: '3023', name: 'Nesodden', population: 19900, populationSource: 'DEMO_APPROXIMATION' },
            { number: '3028', name: 'Enebakk', population: 11200, populationSource: 'DEMO_APPROXIMATION' },
          ],
        },
        gatherings: [
          { title: 'Fagsamling vår 2024: regionreformen og nye fylker', date: '2024-03-12' },
          { title: 'Fagsamling høst 2024: bærekraftige forretningsmodeller', date: '2024-10-16' },
        ],
      },
    });
  });

  it('gives every region its population from the county, summing to the demo total', async () => {
    const { body } = await post('query Regions { regions { name municipalities { population } } }');
    const regions = (body.data as { regions: { name: string; municipalities: { population: number }[] }[] }).regions;
    expect(regions).toHaveLength(13);
    const total = regions.flatMap((r) => r.municipalities).reduce((sum, m) => sum + m.population, 0);
    expect(total).toBe(1_255_600);
  });

  it('passes a subgraph error through with its code', async () => {
    const { body } = await post('query Gatherings($year: Int!) { gatherings(year: $year) { title } }', { year: 3000 });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'year must be between 2000 and 2100, not 3000',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it('reports every subgraph as up on /health', async () => {
    const response = await fetch(`${gateway.url}/health`);
    const health = (await response.json()) as { status: string; subgraphs: Record<string, { status: string }> };
    expect(response.status).toBe(200);
    expect(health.status).toBe('ok');
    expect(Object.fromEntries(Object.entries(health.subgraphs).map(([name, s]) => [name, s.status]))).toEqual({
      county: 'up',
      regions: 'up',
      partners: 'up',
    });
  });

  it('reports a stopped subgraph as down on /health (503), the others still up', async () => {
    await subgraphs.partners.stop();
    const response = await fetch(`${gateway.url}/health`);
    const health = (await response.json()) as { status: string; subgraphs: Record<string, { status: string }> };
    expect(response.status).toBe(503);
    expect(health.status).toBe('degraded');
    expect(health.subgraphs.partners?.status).toBe('down');
    expect(health.subgraphs.regions?.status).toBe('up');
  });
});

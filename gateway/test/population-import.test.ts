// Population figures from Statistics Norway through the gateway: a county officer previews and
// imports SSB's file, the region's municipalities then carry the official figure with its source,
// a file of the largest accepted size fits the gateway's request limit, and the years the console
// offers come from the agreements.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform();

const ssbFile = readFileSync(
  new URL('../../subgraphs/county/test/fixtures/ssb-01222-2021K2.json', import.meta.url),
  'utf8',
);

const importMutation = `mutation Import($input: ImportPopulationFiguresInput!) {
  importPopulationFigures(input: $input) { applied figureCount dates { date figureCount } skipped { regionCode reason } }
}`;

describe('importing SSB population through the gateway', () => {
  it('previews, imports, and shows the official figure with its source on the region', async () => {
    const preview = await platform.post(importMutation, { input: { content: ssbFile, preview: true } });
    expect(preview.body).toEqual({
      data: {
        importPopulationFigures: {
          applied: false,
          figureCount: 3,
          dates: [{ date: '2021-07-01', figureCount: 3 }],
          skipped: [{ regionCode: '30', reason: 'NOT_A_MUNICIPALITY' }],
        },
      },
    });
    const region = `query Region($id: ID!) {
      region(id: $id) { municipalities { number population populationSource populationFigure { sourceTable sourceUpdatedAt importedBy } } }
    }`;
    const before = await platform.post<{ region: { municipalities: { number: string; populationSource: string }[] } }>(
      region,
      { id: 'follo' },
    );
    expect(before.body.data?.region.municipalities.find((m) => m.number === '3020')?.populationSource).toBe(
      'DEMO_APPROXIMATION',
    );

    const applied = await platform.post(importMutation, { input: { content: ssbFile } });
    expect(applied.body.data).toMatchObject({ importPopulationFigures: { applied: true, figureCount: 3 } });

    const after = await platform.post<{ region: { municipalities: unknown[] } }>(region, { id: 'follo' });
    expect(after.body.data?.region.municipalities[0]).toEqual({
      number: '3020',
      population: 60844,
      populationSource: 'SSB',
      populationFigure: {
        sourceTable: '01222',
        sourceUpdatedAt: '2021-08-19T06:00:00.000Z',
        importedBy: 'Kari Nordmann (Akershus fylkeskommune)',
      },
    });
  });

  it('refuses a bad file with BAD_USER_INPUT from the county service, and others than county officers', async () => {
    const bad = await platform.post(importMutation, { input: { content: '{"class":"dataset"' } });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.message).toMatch(/^input\.content: The file is not JSON/);
    // The console words the refusal from these, in the officer's language.
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ field: 'input.content', reason: 'NOT_JSON' });

    const adviser = await platform.post(
      importMutation,
      { input: { content: ssbFile } },
      { token: await platform.tokenFor('follo.adviser') },
    );
    expect(adviser.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('takes a file of the largest size the county accepts within the gateway’s request limit', async () => {
    // SSB's JSON is about a fifth quotes, each escaped in the request: pad the real file with labels like its own.
    const file = JSON.parse(ssbFile) as { dimension: { Region: { category: { label: Record<string, string> } } } };
    const labels = file.dimension.Region.category.label;
    let serial = 0;
    while (JSON.stringify(file).length < 39_950) labels[`K-${9000 + (serial++ % 1000)}x${serial}`] = 'Kommune';
    const content = JSON.stringify(file);
    expect(content.length).toBeLessThanOrEqual(40_000);
    const answer = await platform.post(importMutation, { input: { content, preview: true } });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toMatchObject({ importPopulationFigures: { applied: false, figureCount: 3 } });
  });

  it('offers the years the agreements cover, up to next year', async () => {
    const answer = await platform.post<{ agreementYears: number[] }>('query Years { agreementYears }');
    const years = answer.body.data?.agreementYears ?? [];
    const thisYear = new Date().getFullYear();
    expect(years[0]).toBe(2022);
    expect(years.at(-1)).toBeLessThanOrEqual(thisYear + 1);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2022 + i));
  });
});

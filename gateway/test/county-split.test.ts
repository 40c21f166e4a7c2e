// Through the gateway: the 2024 county split. Authority follows the county that succeeded Viken for
// the region, a region's payers are each municipality's own county, and a municipality's number is
// shown as valid on a date (figures from the demo's approximate populations, by hand).
import { describe, expect, it } from 'vitest';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform();
const { post, tokenFor } = platform;

type Errors = { errors?: { extensions?: { code?: string } }[] };
const code = (body: Errors) => body.errors?.[0]?.extensions?.code;

describe('authority after the county split, through the gateway', () => {
  it('refuses an Akershus officer the payment and the approvals of a Buskerud region', async () => {
    const token = await tokenFor('county.officer');
    const pay = await post<unknown>(
      `mutation Pay($regionId: ID!, $year: Int!) {
        recordPayment(regionId: $regionId, year: $year, instalment: AUGUST, paidOn: "2025-08-20", reference: "X") { status }
      }`,
      { regionId: 'midt-buskerud', year: 2025 },
      { token },
    );
    expect(code(pay.body as Errors)).toBe('FORBIDDEN');
    const { body: submissions } = await post<{ region: { submissions: { id: string | null; kind: string }[] } }>(
      'query S($year: Int!) { region(id: "midt-buskerud") { submissions(year: $year) { id kind } } }',
      { year: 2024 },
      { token },
    );
    const rejected = submissions.data?.region.submissions.find((item) => item.kind === 'BUDGET' && item.id);
    const approve = await post<unknown>(
      'mutation A($id: ID!) { approveSubmission(id: $id, version: 1) { status } }',
      { id: rejected?.id },
      { token },
    );
    expect(code(approve.body as Errors)).toBe('FORBIDDEN');
  });

  it('shows a county officer only their county’s clients', async () => {
    const query = 'query C { clients(first: 200, offset: 0) { items { region { id } } } }';
    const regionsOf = async (username: string) => {
      const { body } = await post<{ clients: { items: { region: { id: string } }[] } }>(
        query,
        {},
        {
          token: await tokenFor(username),
        },
      );
      return new Set(body.data?.clients.items.map((item) => item.region.id));
    };
    const akershus = await regionsOf('county.officer');
    expect(akershus.has('follo')).toBe(true);
    expect(akershus.has('drammensregionen')).toBe(false);
    const buskerud = await regionsOf('buskerud.officer');
    expect(buskerud.has('drammensregionen')).toBe(true);
    expect(buskerud.has('follo')).toBe(false);
    expect((await regionsOf('viken.officer')).size).toBe(0);
  });
});

describe('payers and municipality numbers, through the gateway', () => {
  it('shows Mosseregionen’s two payers in 2024 and the municipalities’ numbers that year', async () => {
    const { body } = await post<unknown>(
      `query Payers($year: Int!, $on: Date!) {
        region(id: "mosseregionen") {
          county { id }
          funding(year: $year) { countyAmount countyPayers { county { name } amount municipalities { name numberOn(date: $on) } } }
        }
      }`,
      { year: 2024, on: '2024-07-01' },
    );
    expect(body).toEqual({
      data: {
        region: {
          county: { id: 'ostfold' },
          funding: {
            countyAmount: '452100.00',
            countyPayers: [
              {
                county: { name: 'Østfold fylkeskommune' },
                // 63 800 inhabitants × 5.50
                amount: '350900.00',
                municipalities: [
                  { name: 'Moss', numberOn: '3103' },
                  { name: 'Råde', numberOn: '3112' },
                  { name: 'Våler', numberOn: '3114' },
                ],
              },
              {
                county: { name: 'Akershus fylkeskommune' },
                // Vestby's 18 400 inhabitants × 5.50
                amount: '101200.00',
                municipalities: [{ name: 'Vestby', numberOn: '3216' }],
              },
            ],
          },
        },
      },
    });
  });

  it('finds a municipality and its population by either number', async () => {
    const query = 'query M($number: String!) { municipality(number: $number) { number name population } }';
    for (const number of ['3053', '3236']) {
      const { body } = await post<unknown>(query, { number });
      expect(body).toEqual({ data: { municipality: { number: '3053', name: 'Jevnaker', population: 6900 } } });
    }
  });
});

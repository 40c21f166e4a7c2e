// A region's funding for a year (§6), computed in one SQL statement per batch of agreements and years.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { type FundedMonths, fundedMonths, monthsOf, prorateFrame, prorateShares } from './agreement-lifecycle.js';
import {
  type BudgetDecision,
  BudgetDecisionSchema,
  minimumCountyRateOre,
  minimumMunicipalRateOre,
} from './entities/funding.js';
import { frameOre, splitMunicipalContribution } from './money.js';
import { counterpartNumbers } from './population/municipality-numbers.js';

export interface MunicipalShare {
  municipalityNumber: string;
  inhabitants: number;
  frameOre: bigint;
  amountOre: bigint;
}

export interface Funding {
  agreementId: string;
  year: number;
  /** The months funded per half of the year; 6 and 6 except in a year the agreement starts or ends in. */
  fundedMonths: FundedMonths;
  inhabitants: number;
  countyRateOre: bigint;
  municipalRateOre: bigint;
  countyFrameOre: bigint;
  countyAmountOre: bigint;
  municipalAmountOre: bigint;
  totalOre: bigint;
  municipalShares: MunicipalShare[];
  /** The decisions in force: a correction supersedes the decision it corrects. */
  budgetDecisions: BudgetDecision[];
  /** Every decision of the year, superseded ones included, as recorded. */
  budgetDecisionHistory: BudgetDecision[];
}

export interface FundingKey {
  agreementId: string;
  year: number;
}

interface ShareRow {
  agreement_id: string;
  year: number;
  municipality_number: string;
  basis_points: number | null;
  inhabitants: number | null;
  total_inhabitants: string;
  county_rate_ore: string | null;
  municipal_rate_ore: string | null;
  valid_from: string;
  last_day: string;
}

/** A funding key as text: the loader's cache key. */
export const fundingKey = (key: FundingKey) => `${key.agreementId}:${key.year}`;

export function fundingLoader(em: EntityManager) {
  return new DataLoader<FundingKey, Funding | null, string>(
    async (keys) => {
      const agreementIds = [...new Set(keys.map((key) => key.agreementId))];
      const years = [...new Set(keys.map((key) => key.year))];
      // Inhabitants are summed in SQL; the per-municipality rows are needed for the split anyway.
      const rows: ShareRow[] = await em.execute(
        `select a.id as agreement_id, k.year, p.municipality_number,
                p.contribution_share_basis_points as basis_points, f.population as inhabitants,
                sum(coalesce(f.population, 0)) over (partition by a.id, k.year)::bigint as total_inhabitants,
                r.county_rate_ore, r.municipal_rate_ore,
                to_char(a.valid_from, 'YYYY-MM-DD') as valid_from,
                to_char(least(a.valid_to, (select min(n.effective_on) - 1 from notice n where n.agreement_id = a.id)),
                        'YYYY-MM-DD') as last_day
           from agreement a
          cross join unnest(array[?]::int[]) as k(year)
           join agreement_party p on p.agreement_id = a.id and p.municipality_number is not null
           -- A figure is stored under the number valid on its date (31xx-33xx from 2024), the parties
           -- keep the number they signed under: either finds it, the party's own first.
           left join lateral (
                 select pf.population from population_figure pf
                  where pf.date = a.population_date
                    and pf.municipality_number in (p.municipality_number,
                        coalesce(?::jsonb ->> p.municipality_number, p.municipality_number))
                  order by pf.municipality_number = p.municipality_number desc
                  limit 1) f on true
           left join funding_rate r on r.agreement_id = a.id and r.year = k.year
          where a.id in (?)
          order by a.id, k.year, p.kind = 'CONTRACT_MUNICIPALITY' desc, p.municipality_number`,
        [years, JSON.stringify(counterpartNumbers), agreementIds],
      );
      const decisions = await em.find(
        BudgetDecisionSchema,
        { agreement: { $in: agreementIds }, year: { $in: years } },
        { orderBy: { decidedOn: 'asc', recordedAt: 'asc' } },
      );
      return keys.map((key) => {
        const shares = rows.filter((row) => row.agreement_id === key.agreementId && row.year === key.year);
        const first = shares[0];
        if (!first) return null;
        // §6 funds the year an agreement starts or ends in only for the months it runs.
        const months = fundedMonths(key.year, first.valid_from, first.last_day);
        if (monthsOf(months) === 0) return null;
        const missing = shares.filter((row) => row.inhabitants === null).map((row) => row.municipality_number);
        if (missing.length) {
          // Funding without a municipality's inhabitants would silently be too low.
          throw new GraphQLError(`No population figure for ${missing.join(', ')} on the agreement's population date.`);
        }
        const history = decisions.filter((d) => d.agreement.id === key.agreementId && d.year === key.year);
        // Only the decision in force counts; the ones it corrected stay as history.
        const yearDecisions = history.filter((d) => d.supersededById == null);
        const granted = (payer: string) => yearDecisions.find((d) => d.payer === payer)?.grantedOre;
        const countyRateOre = first.county_rate_ore === null ? minimumCountyRateOre : BigInt(first.county_rate_ore);
        const municipalRateOre =
          first.municipal_rate_ore === null ? minimumMunicipalRateOre : BigInt(first.municipal_rate_ore);
        const inhabitants = BigInt(first.total_inhabitants);
        const yearlyFrames = splitMunicipalContribution(
          municipalRateOre,
          shares.map((row) => ({
            municipalityNumber: row.municipality_number,
            inhabitants: BigInt(row.inhabitants ?? 0),
            basisPoints: row.basis_points,
          })),
        );
        const frames = prorateShares(yearlyFrames, months);
        const municipalShares = shares.map((row) => {
          const frame = frames.get(row.municipality_number) ?? 0n;
          return {
            municipalityNumber: row.municipality_number,
            inhabitants: row.inhabitants ?? 0,
            frameOre: frame,
            amountOre: granted(row.municipality_number) ?? frame,
          };
        });
        const countyFrameOre = prorateFrame(frameOre(countyRateOre, inhabitants), months);
        const countyAmountOre = granted('COUNTY') ?? countyFrameOre;
        const municipalAmountOre = municipalShares.reduce((sum, share) => sum + share.amountOre, 0n);
        return {
          agreementId: key.agreementId,
          year: key.year,
          fundedMonths: months,
          inhabitants: Number(inhabitants),
          countyRateOre,
          municipalRateOre,
          countyFrameOre,
          countyAmountOre,
          municipalAmountOre,
          totalOre: countyAmountOre + municipalAmountOre,
          municipalShares,
          budgetDecisions: yearDecisions,
          budgetDecisionHistory: history,
        };
      });
    },
    { cacheKeyFn: fundingKey },
  );
}

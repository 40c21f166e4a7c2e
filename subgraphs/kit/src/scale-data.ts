// The county-scale data set (issue 9): its size, and the advisers and clients that the regions
// subgraph holds and the partners subgraph points at. Generated deterministically from the
// reference data, as the demo's are, so both seed consistent databases without reading each other's.
import { type DemoAdviser, demoAdvisers } from './demo-advisers.js';
import { clientPerson, type DemoClient, demoYears, newClientsYearFactor, seededRandom } from './demo-clients.js';
import { type ReferenceRegion, referenceMunicipalities, referenceRegions } from './reference-data.js';

export interface CountyScale {
  /** Advisers in all, the demo users' advisers (follo.adviser, drammen.adviser) among them. */
  advisers: number;
  /** Clients registered over 2022–2025. */
  clients: number;
  /** Counselling sessions in all; at least one per client. */
  counsellingSessions: number;
  courses: number;
  /** Places on the courses and on their waiting lists. */
  enrolments: number;
  referrals: number;
  /** Professional gatherings for the advisers. */
  gatherings: number;
  /**
   * The fewest clients a region registers in a year (as far as `clients` allows), so that no
   * region's key figures are suppressed at a reduced scale; at full scale every region has more.
   */
  minimumNewClientsPerRegionYear: number;
}

/** The county at full scale: ten times the demo's clients, a busy service over the agreement period. */
export const countyScale: Readonly<CountyScale> = {
  advisers: 300,
  clients: 60_000,
  counsellingSessions: 400_000,
  courses: 6_000,
  enrolments: 120_000,
  referrals: 15_000,
  gatherings: 40,
  minimumNewClientsPerRegionYear: 100,
};

/** The full scale with some counts changed, or with every count multiplied by `factor`. */
export function countyScaleOf(size: Partial<CountyScale> | number = {}): CountyScale {
  const times = (n: number) => Math.max(1, Math.round(n * (size as number)));
  const scale: CountyScale =
    typeof size === 'number'
      ? {
          advisers: Math.max(demoAdvisers().length, times(countyScale.advisers)),
          clients: times(countyScale.clients),
          counsellingSessions: times(countyScale.counsellingSessions),
          courses: times(countyScale.courses),
          enrolments: times(countyScale.enrolments),
          referrals: times(countyScale.referrals),
          gatherings: times(countyScale.gatherings),
          minimumNewClientsPerRegionYear: countyScale.minimumNewClientsPerRegionYear,
        }
      : { ...countyScale, ...size };
  for (const [name, value] of Object.entries(scale)) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`County scale: ${name} must be a whole number ≥ 0`);
  }
  if (scale.advisers < demoAdvisers().length) {
    throw new Error(`County scale: at least ${demoAdvisers().length} advisers, the demo users' among them`);
  }
  if (scale.counsellingSessions < scale.clients) {
    throw new Error('County scale: every client has a counselling session, so at least as many sessions as clients');
  }
  return scale;
}

/**
 * Splits `total` into whole shares in proportion to `weights` (largest remainders, as seats are
 * apportioned), each at least its minimum; the shares always add up to `total` exactly.
 */
export function apportion(
  total: number,
  weights: readonly number[],
  minimums: number | readonly number[] = 0,
): number[] {
  const floors = weights.map((_, i) => (typeof minimums === 'number' ? minimums : (minimums[i] ?? 0)));
  if (floors.reduce((sum, floor) => sum + floor, 0) > total) {
    throw new Error(`Cannot apportion ${total}: the minimums add up to more`);
  }
  const fixed = weights.map(() => false);
  for (;;) {
    const free = total - floors.reduce((sum, floor, i) => (fixed[i] ? sum + floor : sum), 0);
    const weightSum = weights.reduce((sum, weight, i) => (fixed[i] ? sum : sum + weight), 0);
    const quotas = weights.map((weight, i) =>
      fixed[i] ? (floors[i] as number) : weightSum > 0 ? (free * weight) / weightSum : 0,
    );
    // Those whose proportional share falls short get their minimum; the rest share what is left.
    const short = quotas.map((quota, i) => !fixed[i] && quota < (floors[i] as number));
    if (short.some(Boolean)) {
      short.forEach((isShort, i) => {
        if (isShort) fixed[i] = true;
      });
      continue;
    }
    const shares = quotas.map(Math.floor);
    const candidates = quotas
      .map((quota, i) => ({ remainder: quota - Math.floor(quota), i }))
      .filter(({ i }) => !fixed[i] || fixed.every(Boolean))
      .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
    let left = total - shares.reduce((sum, share) => sum + share, 0);
    for (let k = 0; left > 0; k++, left--) {
      const { i } = candidates[k % candidates.length] as { i: number };
      shares[i] = (shares[i] as number) + 1;
    }
    return shares;
  }
}

const spreadSteps = [Math.SQRT2, Math.sqrt(3), Math.sqrt(5), Math.sqrt(7), Math.sqrt(11), Math.sqrt(13)];

/**
 * The k-th number in [0, 1) of an evenly spread sequence (k·√p mod 1, one prime p per stream):
 * of n consecutive ones, n·share of them, give or take a few, fall below `share`, where random
 * draws stray by about √n. So a share meant for a key figure holds in a region's year of a few
 * hundred clients, and no figure is suppressed by bad luck. Different streams are independent.
 */
export function evenlySpread(k: number, stream: number): number {
  const step = spreadSteps[stream % spreadSteps.length] as number;
  return ((k + 1) * step + stream / spreadSteps.length) % 1;
}

function populationOf(region: ReferenceRegion): number {
  return referenceMunicipalities()
    .filter((m) => m.regionName === region.name)
    .reduce((sum, m) => sum + m.approximatePopulation2021, 0);
}

export interface RegionYearClients {
  regionId: string;
  regionIndex: number;
  year: number;
  /** Clients the region registers that year. */
  count: number;
}

/** New clients per region and year: by population and year, at least the scale's minimum. */
export function scaleNewClients(scale: CountyScale): RegionYearClients[] {
  const cells = referenceRegions().flatMap((region, regionIndex) =>
    demoYears.map((year) => ({
      regionId: region.id,
      regionIndex,
      year,
      weight: populationOf(region) * newClientsYearFactor(year),
    })),
  );
  const minimum = Math.min(scale.minimumNewClientsPerRegionYear, Math.floor(scale.clients / cells.length));
  const counts = apportion(
    scale.clients,
    cells.map((cell) => cell.weight),
    minimum,
  );
  return cells.map(({ weight: _weight, ...cell }, i) => ({ ...cell, count: counts[i] as number }));
}

/** A stable UUID for the n-th county-scale client; apart from the demo clients' (…-8000-…). */
export function scaleClientId(serial: number): string {
  return `00000000-0000-4000-9000-${serial.toString(16).padStart(12, '0')}`;
}

export interface ScaleClient extends DemoClient {
  /** The client's place among those its region registered that year, in date order. */
  rank: number;
}

const ascii = (text: string) => text.toLowerCase().replaceAll('ø', 'o').replaceAll('å', 'a').replaceAll('æ', 'ae');

const clientsByScale = new Map<string, ScaleClient[]>();

/**
 * The county-scale clients, region by region and year by year: residence by municipality
 * population, registrations spread over the year, immigrant background (27 %) and high growth
 * potential (10 %) evenly spread over each region's year, so those figures hold at any scale.
 */
export function scaleClients(scale: CountyScale): ScaleClient[] {
  const key = `${scale.clients}:${scale.minimumNewClientsPerRegionYear}`;
  const known = clientsByScale.get(key);
  if (known) return known;
  const municipalities = referenceMunicipalities();
  const regions = referenceRegions();
  const clients: ScaleClient[] = [];
  let serial = 0;
  for (const cell of scaleNewClients(scale)) {
    const region = regions[cell.regionIndex] as ReferenceRegion;
    const inRegion = municipalities.filter((m) => m.regionName === region.name);
    const population = populationOf(region);
    const days = (Date.UTC(cell.year + 1, 0, 1) - Date.UTC(cell.year, 0, 1)) / 86_400_000;
    for (let rank = 0; rank < cell.count; rank++, serial++) {
      const random = seededRandom(serial * 2654435761 + 977);
      const draw = random() * population;
      let cumulative = 0;
      const municipality =
        inRegion.find((m) => {
          cumulative += m.approximatePopulation2021;
          return draw < cumulative;
        }) ?? inRegion[0];
      const person = clientPerson(random, serial);
      const day = Math.floor(((rank + random()) / cell.count) * days);
      const background = evenlySpread(rank, 0);
      const potential = evenlySpread(rank, 1);
      clients.push({
        id: scaleClientId(serial),
        serial,
        rank,
        regionId: region.id,
        municipalityNumber: municipality?.number as string,
        ...person,
        immigrantBackground: background < 0.27 ? 'YES' : background < 0.95 ? 'NO' : 'UNKNOWN',
        growthPotential:
          potential < 0.3 ? 'NOT_ASSESSED' : potential < 0.65 ? 'LOW' : potential < 0.9 ? 'MEDIUM' : 'HIGH',
        registeredOn: new Date(Date.UTC(cell.year, 0, 1 + day)).toISOString().slice(0, 10),
      });
    }
  }
  clientsByScale.set(key, clients);
  return clients;
}

/**
 * The county-scale advisers: the demo advisers (with the demo users' usernames, so a benchmark
 * signs in as follo.adviser), and more in every region up to the scale's number, by population.
 */
export function scaleAdvisers(scale: CountyScale): DemoAdviser[] {
  const demo = demoAdvisers();
  const regions = referenceRegions();
  const counts = apportion(
    scale.advisers,
    regions.map(populationOf),
    regions.map((region) => demo.filter((adviser) => adviser.regionId === region.id).length),
  );
  return regions.flatMap((region, index) => {
    const own = demo.filter((adviser) => adviser.regionId === region.id);
    const more = Array.from({ length: (counts[index] as number) - own.length }, (_, i): DemoAdviser => {
      const serial = index * 1000 + i;
      const { name } = clientPerson(seededRandom(serial * 40_503 + 7), serial);
      return {
        id: `10000000-0000-4000-9000-${String(serial).padStart(12, '0')}`,
        regionId: region.id,
        name,
        email: `${ascii(name).replace(' ', '.')}.${i + 1}@${region.id}.etablerer.example.org`,
        phone: `+47 ${23_000_000 + serial}`,
        username: null,
      };
    });
    return [...own, ...more];
  });
}

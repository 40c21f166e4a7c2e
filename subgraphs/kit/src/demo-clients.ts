// The demo clients, generated deterministically from the reference data so that the regions
// subgraph (which holds them) and the partners subgraph (whose demo referrals point at them)
// seed consistent data without reading each other's databases.
import { referenceMunicipalities, referenceRegions } from './reference-data.js';

export interface DemoClient {
  id: string;
  serial: number;
  regionId: string;
  municipalityNumber: string;
  name: string;
  email: string;
  phone: string;
  birthYear: number;
  gender: 'FEMALE' | 'MALE' | 'OTHER' | null;
  immigrantBackground: 'YES' | 'NO' | 'UNKNOWN';
  businessIdea: string;
  industryCode: string;
  growthPotential: 'NOT_ASSESSED' | 'LOW' | 'MEDIUM' | 'HIGH';
  surveyConsent: boolean;
  registeredOn: string;
}

/** The years of the agreement period the demo data covers. */
export const demoYears = [2022, 2023, 2024, 2025] as const;

/** Nothing in the demo data (nor the county-scale data) happens after this day, whatever day it is seeded on. */
export const demoCutOff = '2026-06-30';

/**
 * Years the demo has courses planned for (nothing else happens after the demo's cut-off), so the
 * public course calendar has something to show.
 */
export const demoPlannedYears = [2027, 2028] as const;

/** A small seeded generator (mulberry32): the same seed gives the same demo data everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/**
 * New clients a region registers in a year: about 1.2 per 1,000 inhabitants, at least 20 so
 * that no region's key figures are suppressed, varying a little from year to year.
 */
export function demoNewClients(population: number, year: number, regionIndex: number): number {
  const yearFactor = newClientsYearFactor(year);
  const wobble = 0.95 + ((regionIndex * 7 + year) % 5) * 0.025;
  return Math.max(20, Math.round((population / 1000) * 1.2 * yearFactor * wobble));
}

/** How a year's registrations compare with an average year of the period (2024 was the busiest). */
export function newClientsYearFactor(year: number): number {
  return [0.9, 1.0, 1.1, 1.05][year - 2022] ?? 1;
}

/** A stable UUID (version 4 layout) for the n-th demo client. */
export function demoClientId(serial: number): string {
  return `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

const womenNames = [
  'Nora',
  'Emma',
  'Ingrid',
  'Sara',
  'Fatima',
  'Leah',
  'Maja',
  'Aisha',
  'Olivia',
  'Zofia',
  'Hiba',
  'Thea',
  'Linh',
  'Amina',
  'Sofie',
];
const menNames = [
  'Jakob',
  'Ahmed',
  'Ali',
  'Oskar',
  'Magnus',
  'Tomasz',
  'Emil',
  'Omar',
  'Henrik',
  'Mateusz',
  'Yonas',
  'Lars',
  'Minh',
  'Filip',
  'Sander',
];
const lastNames = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Khan',
  'Larsen',
  'Nowak',
  'Andersen',
  'Nguyen',
  'Pettersen',
  'Ali',
  'Berg',
  'Haugen',
  'Mohammed',
  'Kowalski',
  'Dahl',
  'Bakken',
  'Tesfaye',
  'Lie',
];
const ideas: [string, string][] = [
  ['Kafé med lokalmat', '56.101'],
  ['Regnskapstjenester for småbedrifter', '69.201'],
  ['Frisørsalong', '96.021'],
  ['Nettbutikk for brukte klær', '47.911'],
  ['Snekkerfirma', '43.320'],
  ['Apputvikling for reiseliv', '62.010'],
  ['Rengjøringsbyrå', '81.210'],
  ['Grafisk design og markedsføring', '74.102'],
  ['Matlevering med etniske retter', '56.210'],
  ['Yogastudio', '93.130'],
  ['Transport og budtjenester', '53.200'],
  ['Barnehageleker i tre', '32.400'],
  ['Oversettelsesbyrå', '74.300'],
  ['Bilverksted', '45.200'],
  ['Gårdsutsalg og andelslandbruk', '01.130'],
];

const pad = (n: number) => String(n).padStart(2, '0');

/** A client as a person, apart from where and when they registered. */
export type ClientPerson = Omit<DemoClient, 'id' | 'serial' | 'regionId' | 'municipalityNumber' | 'registeredOn'>;

/**
 * The person behind the `serial`-th client: drawn from `random` in a fixed order, so the demo
 * data stays the same; the county-scale data draws its clients (and advisers' names) here too.
 */
export function clientPerson(random: () => number, serial: number): ClientPerson {
  const female = random() < 0.45;
  const first = pick(random, female ? womenNames : menNames);
  const last = pick(random, lastNames);
  const background = random();
  const [businessIdea, industryCode] = pick(random, ideas);
  const potential = random();
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}.${serial}@example.org`.toLowerCase().replaceAll('ø', 'o').replaceAll('å', 'a'),
    phone: `+47 ${4 + (serial % 2) * 5}${String(1000000 + ((serial * 7919) % 9000000)).slice(-7)}`,
    birthYear: 1958 + Math.floor(random() * 47),
    gender: random() < 0.05 ? null : female ? 'FEMALE' : 'MALE',
    immigrantBackground: background < 0.27 ? 'YES' : background < 0.95 ? 'NO' : 'UNKNOWN',
    businessIdea,
    industryCode,
    growthPotential: potential < 0.3 ? 'NOT_ASSESSED' : potential < 0.65 ? 'LOW' : potential < 0.9 ? 'MEDIUM' : 'HIGH',
    surveyConsent: random() < 0.7,
  };
}

let cached: DemoClient[] | undefined;

export function demoClients(): DemoClient[] {
  if (cached) return cached;
  const municipalities = referenceMunicipalities();
  const clients: DemoClient[] = [];
  let serial = 0;
  referenceRegions().forEach((region, regionIndex) => {
    const inRegion = municipalities.filter((m) => m.regionName === region.name);
    const population = inRegion.reduce((sum, m) => sum + m.approximatePopulation2021, 0);
    for (const year of demoYears) {
      const count = demoNewClients(population, year, regionIndex);
      for (let i = 0; i < count; i++, serial++) {
        const random = seededRandom(serial * 2654435761);
        // Residence follows population: larger municipalities send more clients.
        const draw = random() * population;
        let cumulative = 0;
        const municipality = inRegion.find((m) => {
          cumulative += m.approximatePopulation2021;
          return draw < cumulative;
        });
        const person = clientPerson(random, serial);
        const day = Math.floor((i / count) * 360);
        const date = new Date(Date.UTC(year, 0, 2 + day));
        clients.push({
          id: demoClientId(serial),
          serial,
          regionId: region.id,
          municipalityNumber: (municipality ?? inRegion[0])?.number as string,
          ...person,
          registeredOn: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
        });
      }
    }
  });
  cached = clients;
  return clients;
}

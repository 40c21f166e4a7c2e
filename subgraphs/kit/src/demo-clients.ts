// The demo clients, generated deterministically from the reference data so that the regions
// subgraph (which holds them) and the partners subgraph (whose demo referrals point at them)
// seed consistent data without reading each other's databases.
import { referenceMunicipalities, referenceRegions } from './reference-data.js';

export interface DemoClient {
  id: string;
  regionId: string;
  municipalityNumber: string;
  name: string;
  email: string;
  phone: string;
  birthYear: number;
  immigrantBackground: 'YES' | 'NO' | 'UNKNOWN';
  registeredOn: string;
}

const firstNames = [
  'Nora',
  'Jakob',
  'Emma',
  'Ahmed',
  'Sara',
  'Ali',
  'Ingrid',
  'Oskar',
  'Fatima',
  'Magnus',
  'Leah',
  'Tomasz',
];
const lastNames = ['Hansen', 'Johansen', 'Olsen', 'Khan', 'Larsen', 'Nowak', 'Andersen', 'Nguyen', 'Pettersen', 'Ali'];
const backgrounds = ['NO', 'YES', 'NO', 'UNKNOWN', 'YES', 'NO'] as const;

/** Clients per region and year; Hallingdal's 2024 count stays below 5 to show suppression. */
export function demoClientsPerYear(regionId: string): Record<number, number> {
  return regionId === 'hallingdal' ? { 2023: 2, 2024: 3 } : { 2023: 2, 2024: 6 };
}

/** A stable UUID (version 4 layout) for the n-th demo client. */
export function demoClientId(serial: number): string {
  return `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function demoClients(): DemoClient[] {
  const municipalities = referenceMunicipalities();
  const clients: DemoClient[] = [];
  let serial = 0;
  for (const region of referenceRegions()) {
    const numbers = municipalities.filter((m) => m.regionName === region.name).map((m) => m.number);
    for (const [year, count] of Object.entries(demoClientsPerYear(region.id))) {
      for (let i = 0; i < count; i++, serial++) {
        const first = firstNames[serial % firstNames.length] as string;
        const last = lastNames[(serial * 7) % lastNames.length] as string;
        clients.push({
          id: demoClientId(serial),
          regionId: region.id,
          municipalityNumber: numbers[serial % numbers.length] as string,
          name: `${first} ${last}`,
          email: `${first}.${last}.${serial}@example.org`.toLowerCase(),
          phone: `+47 4${String(1000000 + serial * 7919).slice(-7)}`,
          birthYear: 1960 + ((serial * 13) % 45),
          immigrantBackground: backgrounds[serial % backgrounds.length] as DemoClient['immigrantBackground'],
          registeredOn: `${year}-${pad(1 + (i % 12))}-${pad(1 + ((serial * 5) % 28))}`,
        });
      }
    }
  }
  return clients;
}

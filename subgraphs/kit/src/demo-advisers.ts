// The demo advisers, generated deterministically so that the regions subgraph (which holds them)
// and the partners subgraph (whose gathering registrations point at them) agree.
import { demoUser } from './demo-users.js';
import { referenceMunicipalities, referenceRegions } from './reference-data.js';

export interface DemoAdviser {
  id: string;
  regionId: string;
  name: string;
  email: string;
  phone: string;
  /** The demo sign-in user who is this adviser, if any. */
  username: string | null;
}

const adviserNames = [
  'Amira Haddad',
  'Per Olsen',
  'Kristin Moe',
  'Jonas Lund',
  'Hanne Strand',
  'Bilal Aziz',
  'Marte Vik',
  'Erik Solberg',
  'Nadia Rahman',
  'Trond Berge',
  'Silje Nygård',
  'Daniel Tran',
];

/** The demo users of the development sign-in who are advisers. */
const demoAdviserUsernames: Record<string, string> = { follo: 'follo.adviser', drammensregionen: 'drammen.adviser' };

export function demoAdvisers(): DemoAdviser[] {
  const municipalities = referenceMunicipalities();
  return referenceRegions().flatMap((region, index) => {
    const population = municipalities
      .filter((m) => m.regionName === region.name)
      .reduce((sum, m) => sum + m.approximatePopulation2021, 0);
    const count = Math.max(2, Math.round(population / 45_000));
    return Array.from({ length: count }, (_, i) => {
      const username = i === 0 ? (demoAdviserUsernames[region.id] ?? null) : null;
      // The adviser a demo user signs in as has that user's name, so the console and the data agree.
      const name =
        (username ? demoUser(username)?.name : undefined) ??
        (adviserNames[(index * 3 + i) % adviserNames.length] as string);
      return {
        id: `10000000-0000-4000-8000-${String(index * 100 + i).padStart(12, '0')}`,
        regionId: region.id,
        name,
        email: `${name.split(' ')[0]?.toLowerCase()}@${region.id}.etablerer.example.org`,
        phone: `+47 ${String(22_000_000 + index * 1000 + i)}`,
        username,
      };
    });
  });
}

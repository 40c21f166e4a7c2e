// The demo users of the development sign-in, one or more of every role, acting for organisations
// that exist in the demo data. In production the partners' identity provider knows the users.
import type { TokenClaims } from './auth.js';

export type DemoUser = Omit<TokenClaims, 'sub'> & { username: string };

const county = { id: 'viken', kind: 'COUNTY', name: 'Viken fylkeskommune' } as const;
const akershus = { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' } as const;
const buskerud = { id: 'buskerud', kind: 'COUNTY', name: 'Buskerud fylkeskommune' } as const;
const ostfold = { id: 'ostfold', kind: 'COUNTY', name: 'Østfold fylkeskommune' } as const;

/**
 * County officers act for one county (the token's `org`): Akershus, Buskerud or Østfold for the
 * regions that answer to it since Viken was dissolved on 2024-01-01, or Viken, whose officers read
 * the years before and decide nothing. `county.officer` is Kari Nordmann, who led the coordination
 * group for Viken and leads it for Akershus since 2024 (see the county demo data): an Akershus officer;
 * `county.controller` is a second Akershus officer, who confirms the payments Kari records.
 */
export const demoUsers: DemoUser[] = [
  { username: 'county.officer', name: 'Kari Nordmann', role: 'COUNTY_OFFICER', org: akershus },
  { username: 'akershus.officer', name: 'Eirik Strand', role: 'COUNTY_OFFICER', org: akershus },
  // A second officer per county: a payment one officer records is confirmed by another officer of
  // the same paying county (separation of duties).
  { username: 'county.controller', name: 'Eirik Solberg', role: 'COUNTY_OFFICER', org: akershus },
  {
    username: 'buskerud.officer',
    name: 'Trond Eriksen',
    role: 'COUNTY_OFFICER',
    org: buskerud,
  },
  { username: 'buskerud.controller', name: 'Tor Haugland', role: 'COUNTY_OFFICER', org: buskerud },
  {
    username: 'ostfold.officer',
    name: 'Hilde Solberg',
    role: 'COUNTY_OFFICER',
    org: ostfold,
  },
  { username: 'ostfold.controller', name: 'Mona Berg', role: 'COUNTY_OFFICER', org: ostfold },
  { username: 'viken.officer', name: 'Anne Lund', role: 'COUNTY_OFFICER', org: county },
  { username: 'coordination.member', name: 'Ola Hansen', role: 'COORDINATION_MEMBER', org: county },
  {
    username: 'nordrefollo.officer',
    name: 'Ingrid Berg',
    role: 'MUNICIPALITY_OFFICER',
    org: { id: '3020', kind: 'MUNICIPALITY', name: 'Nordre Follo kommune' },
    region: 'follo',
    municipality: '3020',
  },
  {
    username: 'drammen.officer',
    name: 'Lars Johansen',
    role: 'MUNICIPALITY_OFFICER',
    org: { id: '3005', kind: 'MUNICIPALITY', name: 'Drammen kommune' },
    region: 'drammensregionen',
    municipality: '3005',
  },
  {
    // Halden's contract municipality: Halden has no operator of its own in the demo, so its
    // municipality officer submits the region's plans and budgets to Østfold.
    username: 'halden.officer',
    name: 'Siri Halvorsen',
    role: 'MUNICIPALITY_OFFICER',
    org: { id: '3001', kind: 'MUNICIPALITY', name: 'Halden kommune' },
    region: 'halden',
    municipality: '3001',
  },
  {
    username: 'follo.adviser',
    name: 'Amira Haddad',
    role: 'ADVISER',
    org: { id: 'operator-follo', kind: 'OPERATOR', name: 'Etablerertjenesten i Follo' },
    region: 'follo',
  },
  {
    username: 'drammen.adviser',
    name: 'Per Olsen',
    role: 'ADVISER',
    org: { id: 'operator-drammensregionen', kind: 'OPERATOR', name: 'Etablererservice Drammensregionen' },
    region: 'drammensregionen',
  },
  {
    username: 'innovasjonnorge.officer',
    name: 'Sofie Lie',
    role: 'INNOVASJON_NORGE',
    org: { id: 'innovasjon-norge', kind: 'INNOVASJON_NORGE', name: 'Innovasjon Norge Oslo, Viken og Innlandet' },
  },
  {
    username: 'nav.officer',
    name: 'Jonas Bakken',
    role: 'NAV',
    org: { id: 'nav-vest-viken', kind: 'NAV', name: 'NAV Vest-Viken' },
  },
  {
    username: 'partner.api',
    name: 'Rapporteringsklient',
    role: 'API_CLIENT',
    org: county,
    scope: 'aggregates:read',
  },
];

export function demoUser(username: string): DemoUser | undefined {
  return demoUsers.find((user) => user.username === username);
}

/** The demo domain: the demo identity provider's accounts and the county's demo role assignments use it. */
export const demoEmailDomain = 'demo.etablerer.no';

/** A demo user's e-mail address, e.g. `county.officer@demo.etablerer.no`. */
export function demoEmail(username: string): string {
  return `${username}@${demoEmailDomain}`;
}

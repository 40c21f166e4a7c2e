// What the demo data and the county-scale data share: the regions and municipalities of the
// reference data with each region's operator, advisers, office and services, the network events,
// and the vocabulary (topics, course titles, organisation numbers, dates) both draw from.
import { organisationNumberCheckDigit, referenceMunicipalities, referenceRegions } from '@etablerer/kit';
import { type DemoAdviser, demoCutOff, demoYears } from '@etablerer/kit/demo';
import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AdviserSchema } from '../entities/adviser.js';
import { MunicipalitySchema } from '../entities/municipality.js';
import { NetworkEventSchema } from '../entities/network-event.js';
import { OfficeSchema } from '../entities/office.js';
import { OperatorSchema } from '../entities/operator.js';
import { RegionSchema } from '../entities/region.js';
import { ServiceOfferingSchema } from '../entities/service-offering.js';

export const topics = [
  'Forretningsplan',
  'Budsjett og likviditet',
  'Valg av selskapsform',
  'Markedsføring',
  'Finansiering og tilskudd',
  'Skatt og merverdiavgift',
  'Prising',
  'Regnskap',
  'Søknad til Innovasjon Norge',
  'Oppfølging etter kurs',
];
export const themeCourses = [
  'Markedsføring i sosiale medier',
  'Regnskap for nybegynnere',
  'Skatt og mva',
  'Salg og kundebehandling',
  'Finansiering av oppstart',
  'Prising og lønnsomhet',
];

export const day = 24 * 60 * 60 * 1000;
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * day).toISOString().slice(0, 10);
export const notAfterCutOff = (date: string) => (date > demoCutOff ? null : date);

/** A valid organisation number (mod 11 check digit) near `seed`. */
export function organisationNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const firstEight = String(91_000_000 + (n % 8_999_999)).slice(0, 8);
    const check = organisationNumberCheckDigit(firstEight);
    if (check !== null) return `${firstEight}${check}`;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: any entity schema; the rows are plain column values
export async function insertInChunks(em: EntityManager, schema: EntitySchema<any, any>, rows: object[]) {
  for (let i = 0; i < rows.length; i += 2000) await em.insertMany(schema, rows.slice(i, i + 2000));
}

/**
 * The 13 regions and 51 municipalities, and in every region its operator, the given advisers,
 * its office and services. Returns each region's adviser ids.
 */
export async function seedRegionsAndOperators(
  em: EntityManager,
  allAdvisers: DemoAdviser[],
): Promise<Map<string, string[]>> {
  const regions = referenceRegions();
  const municipalities = referenceMunicipalities();
  await em.insertMany(
    RegionSchema,
    regions.map((region) => ({
      id: region.id,
      name: region.name,
      contractMunicipalityNumber: region.contractMunicipalityNumber,
      freeCounsellingMinutesPerClientYear: region.id === 'asker-og-baerum' ? 360 : 300,
    })),
  );
  await em.insertMany(
    MunicipalitySchema,
    municipalities.map((m) => ({
      number: m.number,
      name: m.name,
      region: regions.find((r) => r.name === m.regionName)?.id as string,
    })),
  );

  const advisersOf = new Map<string, string[]>();
  const operators: object[] = [];
  const advisers: object[] = [];
  const offices: object[] = [];
  const services: object[] = [];
  regions.forEach((region, index) => {
    const inRegion = municipalities.filter((m) => m.regionName === region.name);
    const contract = inRegion.find((m) => m.number === region.contractMunicipalityNumber);
    const byMunicipality = index % 5 === 4;
    const operatorId = `operator-${region.id}`;
    operators.push({
      id: operatorId,
      region: region.id,
      name:
        region.id === 'drammensregionen' ? 'Etablererservice Drammensregionen' : `Etablerertjenesten i ${region.name}`,
      organisationNumber: byMunicipality ? null : organisationNumber(index * 7919 + 1),
      runByContractMunicipality: byMunicipality,
    });
    const ids: string[] = [];
    for (const adviser of allAdvisers.filter((a) => a.regionId === region.id)) {
      ids.push(adviser.id);
      const { regionId, ...fields } = adviser;
      advisers.push({ ...fields, operator: operatorId, region: regionId, active: true });
    }
    advisersOf.set(region.id, ids);
    offices.push({
      id: `20000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      region: region.id,
      municipality: region.contractMunicipalityNumber,
      name: `${region.name} etablerersenter`,
      streetAddress: `Storgata ${1 + index * 3}`,
      postalCode: String(1400 + index * 37).padStart(4, '0'),
      postalTown: contract?.name ?? region.name,
      coLocatedWith: index % 2 === 0 ? 'Næringshage og kommunens næringsavdeling' : 'Kommunens servicetorg',
    });
    services.push({
      id: `30000000-0000-4000-8000-${String(index * 10).padStart(12, '0')}`,
      region: region.id,
      kind: 'BUSINESS_ASSESSMENT',
      description: 'Næringsfaglige vurderinger for NAV og Innovasjon Norge',
      validFrom: '2022-01-01',
      validTo: null,
    });
    if (index % 3 === 0) {
      services.push({
        id: `30000000-0000-4000-8000-${String(index * 10 + 1).padStart(12, '0')}`,
        region: region.id,
        kind: 'MENTOR_SCHEME_FOR_IMMIGRANTS',
        description: 'Mentorordning for etablerere med innvandrerbakgrunn',
        validFrom: '2023-01-01',
        validTo: index % 2 === 0 ? '2024-12-31' : null,
      });
    }
  });
  await em.insertMany(OperatorSchema, operators as never[]);
  await insertInChunks(em, AdviserSchema, advisers);
  await em.insertMany(OfficeSchema, offices as never[]);
  await em.insertMany(ServiceOfferingSchema, services as never[]);
  return advisersOf;
}

/** Two network events a year in every region. */
export async function seedNetworkEvents(em: EntityManager) {
  const events: object[] = [];
  referenceRegions().forEach((region, index) => {
    for (const year of demoYears) {
      for (const [month, title] of [
        [3, 'Gründerfrokost'],
        [9, 'Nettverksmøte med lokalt næringsliv'],
      ] as const) {
        events.push({
          id: `d0000000-0000-4000-8000-${String(index * 100 + (year - 2022) * 10 + month).padStart(12, '0')}`,
          region: region.id,
          title,
          date: `${year}-${String(month).padStart(2, '0')}-1${index % 10}`,
          participantCount: 15 + ((index * 7 + year) % 30),
        });
      }
    }
  });
  await em.insertMany(NetworkEventSchema, events as never[]);
}

// What the demo data and the county-scale data share: NAV's local offices, Innovasjon Norge's
// courses and webinars, the qualification measures for immigrants, and how a client's referral
// to or from a partner (with NAV's request for a business assessment) comes about.
import { referenceMunicipalities, referenceRegions } from '@etablerer/kit';
import { type DemoClient, demoCutOff, demoPlannedYears, demoYears, pick } from '@etablerer/kit/demo';
import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type NavDivision, NavOfficeSchema } from '../entities/nav-office.js';
import { PartnerCourseSchema } from '../entities/partner-course.js';
import { ExpertOrganisationSchema, QualificationMeasureSchema } from '../entities/qualification-measure.js';
import type { ReferralProgramme, ReferralStatus } from '../entities/referral.js';

export const day = 24 * 60 * 60 * 1000;
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * day).toISOString().slice(0, 10);

export const id = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// biome-ignore lint/suspicious/noExplicitAny: any entity schema; the rows are plain column values
export async function insertInChunks(em: EntityManager, schema: EntitySchema<any, any>, rows: object[]) {
  for (let i = 0; i < rows.length; i += 2000) await em.insertMany(schema, rows.slice(i, i + 2000));
}

/** NAV Vest-Viken serves Buskerud and Asker og Bærum; NAV Øst-Viken the rest of the former Viken. */
export const westernRegions = new Set([
  'drammensregionen',
  'kongsbergregionen',
  'ringerike-og-hadeland',
  'hallingdal',
  'midt-buskerud',
  'asker-og-baerum',
]);

export interface SeededNavOffice {
  id: string;
  municipalityNumbers: string[];
}

/** One local NAV office per region, serving its municipalities. */
export async function seedNavOffices(em: EntityManager): Promise<SeededNavOffice[]> {
  const municipalities = referenceMunicipalities();
  const navOffices = referenceRegions().map((region) => {
    const contract = municipalities.find((m) => m.number === region.contractMunicipalityNumber);
    return {
      id: `nav-${region.id}`,
      name: `NAV ${contract?.name ?? region.name}`,
      division: (westernRegions.has(region.id) ? 'NAV_VEST_VIKEN' : 'NAV_OST_VIKEN') as NavDivision,
      municipalityNumbers: municipalities.filter((m) => m.regionName === region.name).map((m) => m.number),
    };
  });
  await em.insertMany(NavOfficeSchema, navOffices);
  return navOffices;
}

/** Innovasjon Norge's courses and webinars: past years' offers and the ones planned ahead, for the public calendar. */
export async function seedPartnerCourses(em: EntityManager) {
  await em.insertMany(
    PartnerCourseSchema,
    [...demoYears, ...demoPlannedYears].flatMap((year, i) => [
      {
        id: id('e', year * 10 + 1),
        kind: 'WEBINAR',
        title: 'Fra idé til marked',
        date: `${year}-02-0${2 + i}`,
        online: true,
        location: null,
        description: 'Innovasjon Norges innføring i kommersialisering for gründere.',
      },
      {
        id: id('e', year * 10 + 2),
        kind: 'COURSE',
        title: 'Søknadsskriving for oppstartstilskudd',
        date: `${year}-04-1${i}`,
        online: false,
        location: 'Oslo',
        description: 'Slik søker du oppstartstilskudd fase 1 og 2.',
      },
      {
        id: id('e', year * 10 + 3),
        kind: 'WEBINAR',
        title: 'Internasjonalisering for små bedrifter',
        date: `${year}-09-2${i}`,
        online: true,
        location: null,
        description: null,
      },
    ]) as never[],
  );
}

/**
 * The expert organisations and, in every other region for 2023–2025, a yearly qualification
 * measure whose participants are the first `participants` clients with an immigrant background
 * the region registered that year.
 */
export async function seedQualificationMeasures(em: EntityManager, clients: DemoClient[], participants = 8) {
  const organisations = [
    { id: id('5', 1), name: 'Gründerskolen for innvandrere', description: 'Kurs i etablering på flere språk.' },
    {
      id: id('5', 2),
      name: 'Nettverk for nye landsmenn i næringslivet',
      description: 'Mentorer fra etablert næringsliv.',
    },
    {
      id: id('5', 3),
      name: 'Kvinner i arbeid og næring',
      description: 'Etablereropplæring for kvinner med innvandrerbakgrunn.',
    },
  ];
  await em.insertMany(ExpertOrganisationSchema, organisations as never[]);
  const measures: { id: string; partner: string }[] = [];
  const rows: object[] = [];
  referenceRegions().forEach((region, index) => {
    if (index % 2 === 1) return;
    for (const year of [2023, 2024, 2025]) {
      const measureId = id('4', index * 10 + (year - 2020));
      const participantClientIds = clients
        .filter(
          (c) => c.regionId === region.id && c.immigrantBackground === 'YES' && c.registeredOn.startsWith(String(year)),
        )
        .slice(0, participants)
        .map((c) => c.id);
      rows.push({
        id: measureId,
        name: year % 2 ? 'Etablereropplæring i introduksjonsprogrammet' : 'Kvalifisering til selvstendig næringsdrift',
        organiserKind: year % 2 ? 'MUNICIPALITY' : 'NAV',
        organiserName: year % 2 ? `${region.name} (kontraktskommunen)` : `NAV ${region.name}`,
        regionId: region.id,
        startsOn: `${year}-02-01`,
        endsOn: `${year}-11-30`,
        participantClientIds,
        version: 1,
      });
      measures.push({ id: measureId, partner: organisations[(index + year) % organisations.length]?.id as string });
    }
  });
  await em.insertMany(QualificationMeasureSchema, rows as never[]);
  await em.execute(
    `insert into qualification_measure_partners (qualification_measure_id, expert_organisation_id) values ${measures.map(() => '(?, ?)').join(', ')}`,
    measures.flatMap((measure) => [measure.id, measure.partner]),
  );
}

const inProgrammes: ReferralProgramme[] = [
  'STARTUP_GRANT_PHASE_1',
  'STARTUP_GRANT_PHASE_1',
  'STARTUP_GRANT_PHASE_2',
  'STARTUP_LOAN',
  'FROM_IDEA_TO_MARKET_SEMINAR',
  'FROM_IDEA_TO_MARKET_SEMINAR',
];
const navProgrammes: ReferralProgramme[] = [
  'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
  'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
  'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP',
  'INTRODUCTION_PROGRAMME',
  'QUALIFICATION_PROGRAMME',
];

/** How far a referral sent on `sentOn` has come by the cut-off: older ones are settled. */
function statusBy(
  sentOn: string,
  random: () => number,
): { status: ReferralStatus; changedOn: string; reason: string | null } {
  const age = (Date.parse(demoCutOff) - Date.parse(sentOn)) / day;
  if (age < 14) return { status: 'SENT', changedOn: sentOn, reason: null };
  if (age < 45) return { status: 'RECEIVED', changedOn: addDays(sentOn, 7), reason: null };
  const declined = random() < 0.2;
  if (declined)
    return {
      status: 'DECLINED',
      changedOn: addDays(sentOn, 21),
      reason: 'Vilkårene for ordningen er ikke oppfylt ennå.',
    };
  return age < 120
    ? { status: 'ACCEPTED', changedOn: addDays(sentOn, 21), reason: null }
    : { status: 'COMPLETED', changedOn: addDays(sentOn, 100), reason: null };
}

/** Below this, a client's draw makes a referral (one client in about four and a half is referred). */
export const referredShare = 0.23;

export interface ClientReferral {
  referral: Record<string, unknown>;
  /** NAV's request for a business assessment, for the programmes that need one. */
  assessment: Record<string, unknown> | null;
}

/**
 * The referral of `client` a `draw` below `referredShare` makes (to Innovasjon Norge, NAV or
 * another actor, or from NAV; immigrants more often to NAV), or null for a higher draw or one
 * that would be sent after the cut-off. `assessor` is the adviser who delivers an assessment.
 */
export function referralOf(
  client: DemoClient,
  random: () => number,
  draw: number,
  ids: { referral: string; assessment: string },
  officeOf: (municipalityNumber: string) => string | null,
  assessor: string | null = null,
): ClientReferral | null {
  const sentOn = addDays(client.registeredOn, 20 + Math.floor(random() * 60));
  if (sentOn > demoCutOff) return null;
  const shared = { sharedName: client.name, sharedEmail: client.email, sharedPhone: client.phone };
  const status = statusBy(sentOn, random);
  const common = {
    regionId: client.regionId,
    consentGivenOn: sentOn,
    sentOn,
    version: 1,
    note: null,
    otherActor: null,
    ...shared,
    status: status.status,
    statusChangedOn: status.changedOn,
    statusReason: status.reason,
  };
  if (draw < 0.11) {
    return {
      referral: {
        ...common,
        id: ids.referral,
        direction: 'TO_INNOVASJON_NORGE',
        programme: pick(random, inProgrammes),
        clientId: client.id,
        navOfficeId: null,
      },
      assessment: null,
    };
  }
  if (draw < 0.17 || (client.immigrantBackground === 'YES' && draw < 0.22)) {
    const programme =
      client.immigrantBackground === 'YES' && random() < 0.4 ? 'INTRODUCTION_PROGRAMME' : pick(random, navProgrammes);
    const navOfficeId = officeOf(client.municipalityNumber);
    const referral = {
      ...common,
      id: ids.referral,
      direction: 'TO_NAV',
      programme,
      clientId: client.id,
      navOfficeId,
    };
    if (
      programme !== 'UNEMPLOYMENT_BENEFIT_DURING_START_UP' &&
      programme !== 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP'
    )
      return { referral, assessment: null };
    const delivered = addDays(sentOn, 18) <= demoCutOff;
    return {
      referral,
      assessment: {
        id: ids.assessment,
        clientId: client.id,
        regionId: client.regionId,
        navOfficeId,
        purpose: programme,
        requestedOn: addDays(sentOn, 4),
        question: 'Er forretningsplanen realistisk nok til at søkeren kan beholde ytelsen i etableringsfasen?',
        ...shared,
        consentGivenOn: sentOn,
        status: delivered ? 'DELIVERED' : 'REQUESTED',
        conclusion: delivered ? pick(random, ['VIABLE', 'VIABLE', 'VIABLE_WITH_CONDITIONS', 'NOT_VIABLE']) : null,
        assessment: delivered ? 'Planen er vurdert ut fra marked, økonomi og søkerens kompetanse.' : null,
        feeOre: 0,
        deliveredOn: delivered ? addDays(sentOn, 18) : null,
        adviserId: delivered ? assessor : null,
        version: 1,
      },
    };
  }
  if (draw < 0.18) {
    return {
      referral: {
        ...common,
        id: ids.referral,
        direction: 'TO_OTHER_ACTOR',
        programme: 'OTHER',
        otherActor: 'Næringshagen',
        clientId: client.id,
        navOfficeId: null,
      },
      assessment: null,
    };
  }
  if (draw < referredShare) {
    // NAV sent the person to the service, which then registered them as a client.
    return {
      referral: {
        ...common,
        id: ids.referral,
        direction: 'FROM_NAV',
        programme: 'ENTREPRENEUR_SERVICE',
        clientId: client.id,
        navOfficeId: officeOf(client.municipalityNumber),
        consentGivenOn: addDays(client.registeredOn, -10),
        sentOn: addDays(client.registeredOn, -7),
        note: 'Arbeidssøker med forretningsidé, ønsker veiledning.',
      },
      assessment: null,
    };
  }
  return null;
}

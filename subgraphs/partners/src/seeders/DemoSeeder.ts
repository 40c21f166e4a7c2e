// Demo data consistent with the CRM seed: professional gatherings with the demo advisers'
// registrations and attendance, Innovasjon Norge's courses and webinars, NAV's offices,
// referrals of the demo clients both ways, business assessments and qualification measures.
// Deterministic (seeded), bulk-inserted.
import {
  type DemoClient,
  demoAdvisers,
  demoClients,
  demoPlannedYears,
  demoYears,
  pick,
  referenceMunicipalities,
  referenceRegions,
  seededRandom,
} from '@etablerer/kit';
import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { BusinessAssessmentSchema } from '../entities/business-assessment.js';
import { GatheringSchema } from '../entities/gathering.js';
import { GatheringRegistrationSchema } from '../entities/gathering-registration.js';
import type { NavDivision } from '../entities/nav-office.js';
import { NavOfficeSchema } from '../entities/nav-office.js';
import { PartnerCourseSchema } from '../entities/partner-course.js';
import { ExpertOrganisationSchema, QualificationMeasureSchema } from '../entities/qualification-measure.js';
import { type ReferralProgramme, ReferralSchema, type ReferralStatus } from '../entities/referral.js';

/** Nothing in the demo data happens after this day (the CRM seed's cut-off too). */
const demoCutOff = '2026-06-30';
const day = 24 * 60 * 60 * 1000;
const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * day).toISOString().slice(0, 10);

/** NAV Vest-Viken serves Buskerud and Asker og Bærum; NAV Øst-Viken the rest of the former Viken. */
const westernRegions = new Set([
  'drammensregionen',
  'kongsbergregionen',
  'ringerike-og-hadeland',
  'hallingdal',
  'midt-buskerud',
  'asker-og-baerum',
]);

const themes = [
  { spring: 'finansiering og virkemidler', autumn: 'veiledning av etablerere med innvandrerbakgrunn' },
  { spring: 'vekstpotensial og oppfølging', autumn: 'felles CRM og rapportering' },
  { spring: 'regionreformen og nye fylker', autumn: 'bærekraftige forretningsmodeller' },
  { spring: 'digital markedsføring av tjenesten', autumn: 'erfaringer fra avtaleperioden' },
];
const places = ['Lillestrøm', 'Drammen', 'Sarpsborg', 'Hønefoss'];
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

const id = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// biome-ignore lint/suspicious/noExplicitAny: any entity schema; the rows are plain column values
async function insertInChunks(em: EntityManager, schema: EntitySchema<any, any>, rows: object[]) {
  for (let i = 0; i < rows.length; i += 2000) await em.insertMany(schema, rows.slice(i, i + 2000));
}

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

export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const regions = referenceRegions();
    const municipalities = referenceMunicipalities();
    const navOffices = regions.map((region) => {
      const contract = municipalities.find((m) => m.number === region.contractMunicipalityNumber);
      return {
        id: `nav-${region.id}`,
        name: `NAV ${contract?.name ?? region.name}`,
        division: (westernRegions.has(region.id) ? 'NAV_VEST_VIKEN' : 'NAV_OST_VIKEN') as NavDivision,
        municipalityNumbers: municipalities.filter((m) => m.regionName === region.name).map((m) => m.number),
        regionId: region.id,
      };
    });
    await em.insertMany(
      NavOfficeSchema,
      navOffices.map(({ regionId: _region, ...office }) => office),
    );

    await this.seedGatherings(em);
    await em.insertMany(
      PartnerCourseSchema,
      // Past years' offers and the ones planned ahead, for the public calendar.
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

    const { referrals, assessments } = this.referralsOf(demoClients(), navOffices);
    await insertInChunks(em, ReferralSchema, referrals);
    await insertInChunks(em, BusinessAssessmentSchema, assessments);
    await this.seedQualificationMeasures(em);
  }

  private async seedGatherings(em: EntityManager) {
    const advisers = demoAdvisers();
    const gatherings: object[] = [];
    const registrations: object[] = [];
    themes.forEach((theme, i) => {
      const year = 2022 + i;
      const both = [
        {
          id: id('f', year * 10 + 1),
          title: `Fagsamling vår ${year}: ${theme.spring}`,
          date: `${year}-03-${String(10 + i).padStart(2, '0')}`,
          location: places[i] ?? null,
          online: false,
          description: `Innovasjon Norge og fylkeskommunen samler veilederne i etablerertjenesten. Tema: ${theme.spring}.`,
        },
        {
          id: id('f', year * 10 + 2),
          title: `Fagsamling høst ${year}: ${theme.autumn}`,
          date: `${year}-10-${String(14 + i).padStart(2, '0')}`,
          location: null,
          online: true,
          description: `Digital fagsamling for veiledere. Tema: ${theme.autumn}.`,
        },
      ];
      for (const gathering of both) {
        gatherings.push({
          ...gathering,
          organisers: ['Innovasjon Norge', year < 2024 ? 'Viken fylkeskommune' : 'Akershus fylkeskommune'],
          programme: '09.00 Velkommen\n09.30 Faglig innlegg\n11.00 Erfaringsdeling i grupper\n12.00 Lunsj og nettverk',
          invitedRegionIds: [],
          version: 1,
        });
        const random = seededRandom(Number.parseInt(gathering.id.slice(-6), 10));
        advisers.forEach((adviser, n) => {
          // Most advisers come; Midt-Buskerud's skipped 2024's gatherings, which the report must show.
          if (random() > 0.7 || (adviser.regionId === 'midt-buskerud' && year === 2024)) return;
          registrations.push({
            id: id('9', Number.parseInt(gathering.id.slice(-6), 10) * 1000 + n),
            gathering: gathering.id,
            adviserId: adviser.id,
            regionId: adviser.regionId,
            registeredAt: new Date(Date.parse(gathering.date) - 20 * day),
            attended: gathering.date <= demoCutOff ? random() < 0.9 : null,
          });
        });
      }
    });
    await em.insertMany(GatheringSchema, gatherings as never[]);
    await insertInChunks(em, GatheringRegistrationSchema, registrations);
  }

  private referralsOf(clients: DemoClient[], navOffices: { id: string; municipalityNumbers: string[] }[]) {
    const referrals: object[] = [];
    const assessments: object[] = [];
    const officeOf = (number: string) =>
      navOffices.find((office) => office.municipalityNumbers.includes(number))?.id ?? null;
    for (const client of clients) {
      const random = seededRandom(client.serial * 31_337 + 11);
      const draw = random();
      const sentOn = addDays(client.registeredOn, 20 + Math.floor(random() * 60));
      if (sentOn > demoCutOff) continue;
      const shared = { sharedName: client.name, sharedEmail: client.email, sharedPhone: client.phone };
      const base = {
        regionId: client.regionId,
        consentGivenOn: sentOn,
        sentOn,
        version: 1,
        note: null,
        otherActor: null,
      };
      const status = statusBy(sentOn, random);
      const common = {
        ...base,
        ...shared,
        status: status.status,
        statusChangedOn: status.changedOn,
        statusReason: status.reason,
      };
      if (draw < 0.11) {
        referrals.push({
          ...common,
          id: id('7', client.serial),
          direction: 'TO_INNOVASJON_NORGE',
          programme: pick(random, inProgrammes),
          clientId: client.id,
          navOfficeId: null,
        });
      } else if (draw < 0.17 || (client.immigrantBackground === 'YES' && draw < 0.22)) {
        const programme =
          client.immigrantBackground === 'YES' && random() < 0.4
            ? 'INTRODUCTION_PROGRAMME'
            : pick(random, navProgrammes);
        const navOfficeId = officeOf(client.municipalityNumber);
        referrals.push({
          ...common,
          id: id('7', client.serial),
          direction: 'TO_NAV',
          programme,
          clientId: client.id,
          navOfficeId,
        });
        if (
          programme === 'UNEMPLOYMENT_BENEFIT_DURING_START_UP' ||
          programme === 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP'
        ) {
          const delivered = addDays(sentOn, 18) <= demoCutOff;
          assessments.push({
            id: id('6', client.serial),
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
            adviserId: null,
            version: 1,
          });
        }
      } else if (draw < 0.18) {
        referrals.push({
          ...common,
          id: id('7', client.serial),
          direction: 'TO_OTHER_ACTOR',
          programme: 'OTHER',
          otherActor: 'Næringshagen',
          clientId: client.id,
          navOfficeId: null,
        });
      } else if (draw < 0.23) {
        // NAV sent the person to the service, which then registered them as a client.
        referrals.push({
          ...common,
          id: id('7', client.serial),
          direction: 'FROM_NAV',
          programme: 'ENTREPRENEUR_SERVICE',
          clientId: client.id,
          navOfficeId: officeOf(client.municipalityNumber),
          consentGivenOn: addDays(client.registeredOn, -10),
          sentOn: addDays(client.registeredOn, -7),
          note: 'Arbeidssøker med forretningsidé, ønsker veiledning.',
        });
      }
    }
    return { referrals, assessments };
  }

  private async seedQualificationMeasures(em: EntityManager) {
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
    const clients = demoClients();
    const measures: { id: string; partner: string }[] = [];
    const rows: object[] = [];
    referenceRegions().forEach((region, index) => {
      if (index % 2 === 1) return;
      for (const year of [2023, 2024, 2025]) {
        const measureId = id('4', index * 10 + (year - 2020));
        const participants = clients
          .filter(
            (c) =>
              c.regionId === region.id && c.immigrantBackground === 'YES' && c.registeredOn.startsWith(String(year)),
          )
          .slice(0, 8)
          .map((c) => c.id);
        rows.push({
          id: measureId,
          name:
            year % 2 ? 'Etablereropplæring i introduksjonsprogrammet' : 'Kvalifisering til selvstendig næringsdrift',
          organiserKind: year % 2 ? 'MUNICIPALITY' : 'NAV',
          organiserName: year % 2 ? `${region.name} (kontraktskommunen)` : `NAV ${region.name}`,
          regionId: region.id,
          startsOn: `${year}-02-01`,
          endsOn: `${year}-11-30`,
          participantClientIds: participants,
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
}

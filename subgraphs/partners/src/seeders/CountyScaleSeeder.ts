// The partners' part of the county-scale data set (issue 9), into a database of its own: the
// demo's NAV offices, courses and qualification measures, 40 gatherings with the county-scale
// advisers' registrations and attendance, and 15,000 referrals of county-scale clients with NAV's
// business assessments. Clients and advisers come from the kit's scale-data, as the regions
// subgraph's do, so every id points at a record there. Deterministic; bulk inserts.
import { bulkInsert, referenceRegions } from '@etablerer/kit';
import {
  type CountyScale,
  countyScaleOf,
  type DemoAdviser,
  demoCutOff,
  pick,
  type ScaleClient,
  scaleAdvisers,
  scaleClients,
  seededRandom,
} from '@etablerer/kit/demo';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { BusinessAssessmentSchema } from '../entities/business-assessment.js';
import { GatheringSchema } from '../entities/gathering.js';
import { GatheringRegistrationSchema } from '../entities/gathering-registration.js';
import { ReferralSchema } from '../entities/referral.js';
import {
  day,
  referralOf,
  referredShare,
  type SeededNavOffice,
  seedNavOffices,
  seedPartnerCourses,
  seedQualificationMeasures,
  westernRegions,
} from './common.js';

type Row = Record<string, unknown>;

/** A UUID of the county-scale data: `prefix` tells the table, as in the demo data; 9000 tells it from the demo's. */
const scaleId = (prefix: string, serial: number) => `${prefix}-0000-4000-9000-${String(serial).padStart(12, '0')}`;

const firstGathering = Date.parse('2022-02-01') / day;
const lastGathering = Date.parse('2026-11-30') / day;
const themes = [
  'finansiering og virkemidler',
  'veiledning av etablerere med innvandrerbakgrunn',
  'vekstpotensial og oppfølging',
  'felles CRM og rapportering',
  'regionreformen og nye fylker',
  'bærekraftige forretningsmodeller',
  'digital markedsføring av tjenesten',
  'erfaringer fra avtaleperioden',
];
const places = ['Lillestrøm', 'Drammen', 'Sarpsborg', 'Hønefoss', 'Kongsberg', 'Moss'];

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export class CountyScaleSeeder extends Seeder {
  private readonly scale: CountyScale;

  /** The full county scale, or smaller counts (or a factor), as tests use. */
  constructor(size?: Partial<CountyScale> | number) {
    super();
    this.scale = countyScaleOf(size);
  }

  async run(em: EntityManager): Promise<void> {
    const advisers = scaleAdvisers(this.scale);
    const clients = scaleClients(this.scale);
    const navOffices = await seedNavOffices(em);
    await this.seedGatherings(em, advisers);
    await seedPartnerCourses(em);
    const { referrals, assessments } = this.referrals(clients, navOffices, advisers);
    await bulkInsert(em, ReferralSchema, referrals);
    await bulkInsert(em, BusinessAssessmentSchema, assessments);
    await seedQualificationMeasures(em, clients, 20);
  }

  /**
   * Gatherings spread over 2022–2026 (the last ones planned, after the cut-off), every other one
   * for all regions, the others for the western or the eastern regions; three in four invited
   * advisers register, nine in ten of them came to the ones held.
   */
  private async seedGatherings(em: EntityManager, advisers: DemoAdviser[]) {
    const gatherings: Row[] = [];
    const registrations: Row[] = [];
    const count = this.scale.gatherings;
    for (let g = 0; g < count; g++) {
      const random = seededRandom(g * 7_919 + 41);
      let dayNumber = firstGathering + Math.floor(((g + 0.5) / count) * (lastGathering - firstGathering));
      const weekday = new Date(dayNumber * day).getUTCDay();
      if (weekday === 6 || weekday === 0) dayNumber += weekday === 6 ? 3 : 2;
      const date = new Date(dayNumber * day).toISOString().slice(0, 10);
      const year = Number(date.slice(0, 4));
      const scope = g % 2 === 0 ? 'all' : g % 4 === 1 ? 'west' : 'east';
      const invited =
        scope === 'all'
          ? []
          : referenceRegions()
              .map((region) => region.id)
              .filter((id) => westernRegions.has(id) === (scope === 'west'));
      const theme = themes[g % themes.length] as string;
      const online = g % 3 === 2;
      const county =
        year < 2024 ? 'Viken fylkeskommune' : scope === 'west' ? 'Buskerud fylkeskommune' : 'Akershus fylkeskommune';
      const id = scaleId('f0000000', g);
      gatherings.push({
        id,
        title:
          scope === 'all'
            ? `Fagsamling ${date.slice(5, 7) < '07' ? 'vår' : 'høst'} ${year}: ${theme}`
            : `Regional fagsamling ${year} (${scope === 'west' ? 'vest' : 'øst'}): ${theme}`,
        date,
        location: online ? null : pick(random, places),
        online,
        description: `Innovasjon Norge og fylkeskommunen samler veilederne i etablerertjenesten. Tema: ${theme}.`,
        organisers: ['Innovasjon Norge', county],
        programme: '09.00 Velkommen\n09.30 Faglig innlegg\n11.00 Erfaringsdeling i grupper\n12.00 Lunsj og nettverk',
        invitedRegionIds: invited,
        version: 1,
      });
      for (const adviser of advisers) {
        if (invited.length && !invited.includes(adviser.regionId)) continue;
        if (random() >= 0.75) continue;
        // Registered one to six weeks ahead, never after the cut-off.
        const registeredOn = Math.min(dayNumber - 7 - Math.floor(random() * 35), Date.parse(demoCutOff) / day);
        registrations.push({
          id: scaleId('90000000', registrations.length),
          gathering: id,
          adviserId: adviser.id,
          regionId: adviser.regionId,
          registeredAt: new Date(registeredOn * day + (9 + Math.floor(random() * 8)) * 3_600_000),
          attended: date <= demoCutOff ? random() < 0.9 : null,
        });
      }
    }
    await bulkInsert(em, GatheringSchema, gatherings);
    await bulkInsert(em, GatheringRegistrationSchema, registrations);
  }

  /**
   * Exactly the scale's referrals, of clients taken in a scattered order (a stride prime to their
   * number), each going the way the demo's do; NAV's assessments delivered by an adviser of the
   * client's region.
   */
  private referrals(clients: ScaleClient[], navOffices: SeededNavOffice[], advisers: DemoAdviser[]) {
    const referrals: Row[] = [];
    const assessments: Row[] = [];
    if (!clients.length) return { referrals, assessments };
    const officeOf = (number: string) =>
      navOffices.find((office) => office.municipalityNumbers.includes(number))?.id ?? null;
    const advisersOf = new Map<string, string[]>();
    for (const adviser of advisers)
      advisersOf.set(adviser.regionId, [...(advisersOf.get(adviser.regionId) ?? []), adviser.id]);
    let stride = 7_919;
    while (gcd(stride, clients.length) !== 1) stride++;
    for (let k = 0; referrals.length < this.scale.referrals; k++) {
      if (k > 10 * (clients.length + this.scale.referrals)) throw new Error('The clients make too few referrals');
      const client = clients[(k * stride) % clients.length] as ScaleClient;
      const random = seededRandom(k * 31_337 + 12);
      const made = referralOf(
        client,
        random,
        random() * referredShare,
        { referral: scaleId('70000000', referrals.length), assessment: scaleId('60000000', assessments.length) },
        officeOf,
        pick(random, advisersOf.get(client.regionId) ?? []),
      );
      // Sent after the cut-off (none is: clients register by 2025): the next client instead.
      if (!made) continue;
      referrals.push(made.referral);
      if (made.assessment) assessments.push(made.assessment);
    }
    return { referrals, assessments };
  }
}

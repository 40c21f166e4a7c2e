// Demo data consistent with the CRM seed: professional gatherings with the demo advisers'
// registrations and attendance, Innovasjon Norge's courses and webinars, NAV's offices,
// referrals of the demo clients both ways, business assessments and qualification measures.
// Deterministic (seeded), bulk-inserted.
import { type DemoClient, demoAdvisers, demoClients, demoCutOff, seededRandom } from '@etablerer/kit/demo';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { BusinessAssessmentSchema } from '../entities/business-assessment.js';
import { GatheringSchema } from '../entities/gathering.js';
import { GatheringRegistrationSchema } from '../entities/gathering-registration.js';
import { ReferralSchema } from '../entities/referral.js';
import {
  day,
  id,
  insertInChunks,
  referralOf,
  type SeededNavOffice,
  seedNavOffices,
  seedPartnerCourses,
  seedQualificationMeasures,
} from './common.js';

const themes = [
  { spring: 'finansiering og virkemidler', autumn: 'veiledning av etablerere med innvandrerbakgrunn' },
  { spring: 'vekstpotensial og oppfølging', autumn: 'felles CRM og rapportering' },
  { spring: 'regionreformen og nye fylker', autumn: 'bærekraftige forretningsmodeller' },
  { spring: 'digital markedsføring av tjenesten', autumn: 'erfaringer fra avtaleperioden' },
];
const places = ['Lillestrøm', 'Drammen', 'Sarpsborg', 'Hønefoss'];

export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const navOffices = await seedNavOffices(em);
    await this.seedGatherings(em);
    await seedPartnerCourses(em);
    const { referrals, assessments } = this.referralsOf(demoClients(), navOffices);
    await insertInChunks(em, ReferralSchema, referrals);
    await insertInChunks(em, BusinessAssessmentSchema, assessments);
    await seedQualificationMeasures(em, demoClients());
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

  private referralsOf(clients: DemoClient[], navOffices: SeededNavOffice[]) {
    const referrals: object[] = [];
    const assessments: object[] = [];
    const officeOf = (number: string) =>
      navOffices.find((office) => office.municipalityNumbers.includes(number))?.id ?? null;
    for (const client of clients) {
      const random = seededRandom(client.serial * 31_337 + 11);
      const draw = random();
      const made = referralOf(
        client,
        random,
        draw,
        { referral: id('7', client.serial), assessment: id('6', client.serial) },
        officeOf,
      );
      if (!made) continue;
      referrals.push(made.referral);
      if (made.assessment) assessments.push(made.assessment);
    }
    return { referrals, assessments };
  }
}

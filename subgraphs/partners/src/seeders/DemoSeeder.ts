// Demo data: two professional gatherings a year over the agreement period, as §5.4 asks.
import { type DemoClient, demoClients } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { GatheringSchema } from '../entities/gathering.js';
import { type ReferralDirection, ReferralSchema, type ReferralStatus } from '../entities/referral.js';

const themes = [
  { spring: 'finansiering og virkemidler', autumn: 'veiledning av etablerere med innvandrerbakgrunn' },
  { spring: 'vekstpotensial og oppfølging', autumn: 'felles CRM og rapportering' },
  { spring: 'regionreformen og nye fylker', autumn: 'bærekraftige forretningsmodeller' },
  { spring: 'digital markedsføring av tjenesten', autumn: 'erfaringer fra avtaleperioden' },
];
const places = ['Lillestrøm', 'Drammen', 'Sarpsborg', 'Hønefoss'];

export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    themes.forEach((theme, i) => {
      const year = 2022 + i;
      em.create(GatheringSchema, {
        title: `Fagsamling vår ${year}: ${theme.spring}`,
        date: `${year}-03-${String(10 + i).padStart(2, '0')}`,
        location: places[i] ?? null,
        online: false,
        description: `Innovasjon Norge og fylkeskommunen samler veilederne i etablerertjenesten. Tema: ${theme.spring}.`,
      });
      em.create(GatheringSchema, {
        title: `Fagsamling høst ${year}: ${theme.autumn}`,
        date: `${year}-10-${String(14 + i).padStart(2, '0')}`,
        location: null,
        online: true,
        description: `Digital fagsamling for veiledere. Tema: ${theme.autumn}.`,
      });
    });
    this.seedReferrals(em);
    await em.flush();
  }

  /** A few referrals of 2024's demo clients in Follo and Drammensregionen, both ways. */
  private seedReferrals(em: EntityManager) {
    const plan: [string, number, ReferralDirection, ReferralStatus, string][] = [
      ['follo', 0, 'TO_INNOVASJON_NORGE', 'ACCEPTED', 'Søker etableringstilskudd fase 1.'],
      ['follo', 1, 'TO_NAV', 'RECEIVED', 'Ønsker dagpenger under etablering; næringsfaglig vurdering følger.'],
      ['drammensregionen', 0, 'TO_INNOVASJON_NORGE', 'SENT', 'Interessert i seminaret «Fra idé til marked».'],
      ['drammensregionen', 1, 'FROM_NAV', 'COMPLETED', 'Henvist fra NAV Drammen: arbeidssøker med forretningsidé.'],
    ];
    const clients2024 = (regionId: string): DemoClient[] =>
      demoClients().filter((c) => c.regionId === regionId && c.registeredOn.startsWith('2024'));
    for (const [regionId, index, direction, status, note] of plan) {
      const client = clients2024(regionId)[index];
      if (!client) throw new Error(`No demo client ${index} in ${regionId}`);
      em.create(ReferralSchema, {
        direction,
        regionId,
        clientId: client.id,
        sharedName: client.name,
        sharedEmail: client.email,
        sharedPhone: client.phone,
        consentGivenOn: client.registeredOn,
        sentOn: client.registeredOn,
        status,
        note,
      });
    }
  }
}

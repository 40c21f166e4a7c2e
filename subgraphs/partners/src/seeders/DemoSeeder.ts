// Demo data: two professional gatherings a year over the agreement period, as §5.4 asks.
import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { GatheringSchema } from '../entities/gathering.js';

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
    await em.flush();
  }
}

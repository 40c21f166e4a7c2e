// Demo data: the approximate 2021 population of the 51 municipalities, labelled as approximate.
import { referenceMunicipalities } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { fundingPopulationDate, PopulationFigureSchema } from '../entities/population-figure.js';

export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    for (const municipality of referenceMunicipalities()) {
      em.create(PopulationFigureSchema, {
        municipalityNumber: municipality.number,
        date: fundingPopulationDate,
        population: municipality.approximatePopulation2021,
        source: 'DEMO_APPROXIMATION',
      });
    }
    await em.flush();
  }
}

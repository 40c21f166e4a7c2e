// Demo data: the 13 regions and 51 municipalities of the reference data.
import { referenceMunicipalities, referenceRegions } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { MunicipalitySchema } from '../entities/municipality.js';
import { type Region, RegionSchema } from '../entities/region.js';

export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const regionOf = new Map<string, Region>();
    for (const region of referenceRegions()) {
      regionOf.set(
        region.name,
        em.create(RegionSchema, {
          id: region.id,
          name: region.name,
          contractMunicipalityNumber: region.contractMunicipalityNumber,
        }),
      );
    }
    for (const municipality of referenceMunicipalities()) {
      const region = regionOf.get(municipality.regionName);
      if (!region) throw new Error(`No region ${municipality.regionName}`);
      em.create(MunicipalitySchema, { number: municipality.number, name: municipality.name, region });
    }
    await em.flush();
  }
}

// Demo data: the 13 regions and 51 municipalities of the reference data, and the demo clients.
import { demoClients, referenceMunicipalities, referenceRegions } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { ClientSchema } from '../entities/client.js';
import { MunicipalitySchema } from '../entities/municipality.js';
import { RegionSchema } from '../entities/region.js';

export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    for (const region of referenceRegions()) {
      em.create(RegionSchema, {
        id: region.id,
        name: region.name,
        contractMunicipalityNumber: region.contractMunicipalityNumber,
      });
    }
    for (const municipality of referenceMunicipalities()) {
      const region = referenceRegions().find((r) => r.name === municipality.regionName);
      if (!region) throw new Error(`No region ${municipality.regionName}`);
      em.create(MunicipalitySchema, { number: municipality.number, name: municipality.name, region: region.id });
    }
    for (const { regionId, municipalityNumber, ...client } of demoClients()) {
      em.create(ClientSchema, { ...client, region: regionId, municipality: municipalityNumber });
    }
    await em.flush();
  }
}

// The county's part of the county-scale data set: the county's demo data is its real size already
// (13 regions' 2022–2025 agreements, funding, submissions, payments, coordination), so this is the
// demo seed as of the demo's cut-off, with numbered ids (two runs seed identical databases) and
// activity plans whose targets match the regions' county-scale clients.
import { type CountyScale, countyScaleOf, demoCutOff, scaleNewClients } from '@etablerer/kit/demo';
import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { DemoSeeder } from './DemoSeeder.js';

export class CountyScaleSeeder extends Seeder {
  private readonly scale: CountyScale;

  /** The full county scale, or smaller counts (or a factor), as tests use. */
  constructor(size?: Partial<CountyScale> | number) {
    super();
    this.scale = countyScaleOf(size);
  }

  async run(em: EntityManager): Promise<void> {
    const newClients = new Map(
      scaleNewClients(this.scale).map((cell) => [`${cell.regionId}:${cell.year}`, cell.count]),
    );
    let serial = 0;
    await new DemoSeeder({
      today: demoCutOff,
      newId: () => `c0000000-0000-4000-9000-${String(serial++).padStart(12, '0')}`,
      recordedAt: new Date(`${demoCutOff}T12:00:00Z`),
      activityTargets: (regionId, year, demoTargets) => {
        // An extension year past the data's years plans for as many clients as the last one had.
        const planned = newClients.get(`${regionId}:${year}`) ?? newClients.get(`${regionId}:2025`) ?? 0;
        const factor = planned / Math.max(1, demoTargets.newClients);
        return {
          newClients: planned,
          clientsWithImmigrantBackground: Math.floor(planned / 4),
          coursesHeld: Math.round(demoTargets.coursesHeld * factor),
          counsellingHours: planned * 5,
          businessesStarted: Math.floor(planned / 3),
        };
      },
    }).run(em);
  }
}

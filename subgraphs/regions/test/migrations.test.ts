// Migrations on start: several processes starting at once migrate once, and a database that a
// newer version of the code migrated is refused rather than served with entities that no longer fit.
import {
  type AuthConfig,
  DatabaseNewerThanCodeError,
  dropDatabase,
  generateServiceKeys,
  openSubgraphDatabase,
  runSql,
  startSubgraph,
} from '@etablerer/kit';
import { generateDevKeys } from '@etablerer/kit/demo';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../src/migrations/index.js';
import { regionsSubgraph } from '../src/server.js';

const databases: string[] = [];
/** Only /health is called here: any keys do. */
const allServiceKeys = await generateServiceKeys();
const serviceKeys = allServiceKeys.jwks.keys;
const servicePrivateKey = allServiceKeys.privateKeys.regions;
const auth = async (): Promise<AuthConfig> => ({
  issuer: 'test',
  audience: 'test',
  publicKey: (await generateDevKeys()).publicKey,
});

function freshDatabase(): string {
  const database = uniqueDatabaseName('regions');
  databases.push(database);
  return database;
}

afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => dropDatabase(testServerUrl(), database)));
});

describe('migrations on start', () => {
  it('run once when three processes start on a fresh database at the same time', async () => {
    const database = freshDatabase();
    const orms = await Promise.all(
      [1, 2, 3].map(() => openSubgraphDatabase(regionsSubgraph, testServerUrl(), database)),
    );
    try {
      const rows = await orms[0]?.em
        .getConnection()
        .execute<{ name: string }[]>('select name from mikro_orm_migrations');
      expect(rows?.map((row) => row.name).sort()).toEqual(migrations.map((migration) => migration.name).sort());
    } finally {
      await Promise.all(orms.map((orm) => orm.close()));
    }
  });

  it('seed the demo data once when three processes start on an empty database at the same time', async () => {
    const database = freshDatabase();
    const keys = await auth();
    const services = await Promise.all(
      [1, 2, 3].map(() =>
        startSubgraph(regionsSubgraph, {
          server: testServerUrl(),
          database,
          port: 0,
          auth: keys,
          serviceKeys,
          servicePrivateKey,
        }),
      ),
    );
    try {
      const orm = await openSubgraphDatabase(regionsSubgraph, testServerUrl(), database);
      try {
        const [row] = await orm.em
          .getConnection()
          .execute<{ regions: number }[]>('select count(*)::int as regions from region');
        expect(row?.regions).toBe(13);
      } finally {
        await orm.close();
      }
    } finally {
      await Promise.all(services.map((service) => service.stop()));
    }
  });

  it('refuse to start on a database a newer version has migrated, naming the migration', async () => {
    const database = freshDatabase();
    const orm = await openSubgraphDatabase(regionsSubgraph, testServerUrl(), database);
    await orm.close();
    await runSql(
      testServerUrl(),
      database,
      "insert into mikro_orm_migrations (name, executed_at) values ('Migration29991231000000_from_a_newer_version', now())",
    );

    const starting = startSubgraph(regionsSubgraph, {
      server: testServerUrl(),
      database,
      port: 0,
      seedDemo: false,
      auth: await auth(),
      serviceKeys,
      servicePrivateKey,
    });
    await expect(starting).rejects.toBeInstanceOf(DatabaseNewerThanCodeError);
    await expect(starting).rejects.toThrow(
      /has migrations this version of the code does not know \(Migration29991231000000_from_a_newer_version\)/,
    );
  });

  it('start normally on a database this version migrated (nothing pending)', async () => {
    const database = freshDatabase();
    const first = await openSubgraphDatabase(regionsSubgraph, testServerUrl(), database);
    await first.close();
    const service = await startSubgraph(regionsSubgraph, {
      server: testServerUrl(),
      database,
      port: 0,
      seedDemo: false,
      auth: await auth(),
      serviceKeys,
      servicePrivateKey,
    });
    try {
      const response = await fetch(`${service.internalUrl}/health/ready`);
      expect(response.status).toBe(200);
    } finally {
      await service.stop();
    }
  });
});

// The demo's role assignments and partner system (issue 20 §6): seeded with the demo data, and
// added to a database seeded before they existed, without touching what it holds.
import { seedIfEmpty } from '@etablerer/kit';
import { demoEmail, demoUsers } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { ApiClientKeySchema, ApiClientSchema, RoleAssignmentSchema } from '../src/entities/access.js';
import { AgreementSchema } from '../src/entities/agreement.js';
import { countySubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(countySubgraph);
});
afterAll(() => subgraph?.close());

describe('demo access', () => {
  it('gives every demo person whose role the platform holds an active assignment by their demo e-mail', async () => {
    const rows = await subgraph.orm.em
      .fork()
      .find(RoleAssignmentSchema, { endedAt: null }, { orderBy: { email: 'asc' } });
    const expected = demoUsers.filter(
      (user) => !['innovasjonnorge.officer', 'nav.officer', 'partner.api'].includes(user.username),
    );
    expect(rows.map((row) => row.email)).toEqual(expected.map((user) => demoEmail(user.username)).sort());
    const drammen = rows.find((row) => row.email === demoEmail('drammen.officer'));
    expect(drammen).toMatchObject({
      personName: 'Lars Johansen',
      role: 'MUNICIPALITY_OFFICER',
      organisationId: '3005',
      regionId: 'drammensregionen',
      municipalityNumber: '3005',
      countyId: 'buskerud',
      assignedBy: 'demo',
      subject: null,
    });
    expect(await subgraph.orm.em.fork().count(RoleAssignmentSchema, { endedAt: { $ne: null } })).toBe(1);
    const client = await subgraph.orm.em.fork().findOneOrFail(ApiClientSchema, { clientId: 'reporting.demo' });
    expect(client).toMatchObject({ organisationId: 'akershus', scopes: ['aggregates:read'], revokedAt: null });
    expect(await subgraph.orm.em.fork().count(ApiClientKeySchema, {})).toBe(0);
  });

  it('adds them to a database seeded before they existed, and nothing else', async () => {
    const em = subgraph.orm.em.fork();
    const agreements = await em.count(AgreementSchema);
    await em.nativeDelete(RoleAssignmentSchema, {});
    await em.nativeDelete(ApiClientSchema, {});
    expect(await seedIfEmpty(subgraph.orm, countySubgraph.demoSeeder, countySubgraph.isEmpty)).toBe(true);
    const after = subgraph.orm.em.fork();
    expect(await after.count(AgreementSchema)).toBe(agreements);
    expect(await after.count(RoleAssignmentSchema, { email: demoEmail('county.officer') })).toBe(1);
    expect(await after.count(ApiClientSchema)).toBe(1);
    // Seeded now: the next start leaves it alone.
    expect(await seedIfEmpty(subgraph.orm, countySubgraph.demoSeeder, countySubgraph.isEmpty)).toBe(false);
  });
});

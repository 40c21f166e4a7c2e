// The reminder of the professional gatherings the agreement requires (§5.4, at least two a year;
// issue 21 §3) on fixed days: while the year has fewer held or planned, a NOTIFY message to
// Innovasjon Norge, the county officers and the coordination group at each reminder day before its
// end; after a year that ended short, an overdue one; never twice however often a day is run.
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { runGatheringReminders } from '../src/gathering-reminders.js';
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph, { seed: false });
});
afterAll(() => subgraph?.close());

const connection = () => subgraph.orm.em.fork().getConnection();
beforeEach(async () => {
  await connection().execute('delete from outbox_message');
  await connection().execute('delete from gathering_registration');
  await connection().execute('delete from gathering');
});

const addGathering = (date: string) =>
  connection().execute(
    `insert into gathering (id, title, date, organisers, invited_region_ids, online, version)
     values (gen_random_uuid(), 'Fagsamling', ?, '{Innovasjon Norge}', '{}', false, 1)`,
    [date],
  );

interface Row {
  kind: string;
  dedupe_key: string;
  audience: Record<string, string>;
  subject: string;
  text_body: string;
  payload: { link: string | null; email: { subject: string; text: string; html: string } | null };
}
const messages = () =>
  connection().execute<Row[]>(
    `select kind, dedupe_key, audience, subject, text_body, payload from outbox_message
      where channel = 'NOTIFY' order by dedupe_key`,
  );
const run = (today: string) => runGatheringReminders(subgraph.orm, { today, days: [120, 60, 30] });

describe('professional gatherings the year still lacks (§5.4)', () => {
  it('reminds Innovasjon Norge, the county officers and the coordination group 120, 60 and 30 days before the year ends, once each', async () => {
    await addGathering('2026-03-12');
    expect(await run('2026-09-01')).toEqual({ today: '2026-09-01', created: 0, existing: 0 });

    const first = await run('2026-09-02');
    expect(first).toEqual({ today: '2026-09-02', created: 3, existing: 0 });
    const rows = await messages();
    expect(rows.map((row) => [row.kind, row.dedupe_key, row.audience])).toEqual([
      [
        'MEETING_NOT_HELD',
        'MEETING_NOT_HELD:all:2026:professional-gatherings:120:COORDINATION_MEMBER',
        { role: 'COORDINATION_MEMBER' },
      ],
      [
        'MEETING_NOT_HELD',
        'MEETING_NOT_HELD:all:2026:professional-gatherings:120:COUNTY_OFFICER',
        { role: 'COUNTY_OFFICER' },
      ],
      [
        'MEETING_NOT_HELD',
        'MEETING_NOT_HELD:all:2026:professional-gatherings:120:INNOVASJON_NORGE',
        { role: 'INNOVASJON_NORGE' },
      ],
    ]);
    expect(rows[0]?.subject).toBe('Fagsamlinger 2026: 1 av minst 2 holdt eller planlagt');
    expect(rows[0]?.text_body).toContain('året slutter 31. desember 2026 (om 120 dager)');
    expect(rows[0]?.payload.link).toBe('/gatherings');
    expect(rows[0]?.payload.email?.text).toContain('«Fagsamlinger»');

    // The same day again, and a day between: nothing new. A day the task did not run is caught up.
    expect(await run('2026-09-02')).toEqual({ today: '2026-09-02', created: 0, existing: 3 });
    expect(await run('2026-10-01')).toEqual({ today: '2026-10-01', created: 0, existing: 3 });
    expect((await run('2026-11-05'))?.created).toBe(3);
    expect((await run('2026-12-01'))?.created).toBe(3);
    expect((await messages()).map((row) => row.dedupe_key.split(':')[4])).toEqual([
      ...['120', '120', '120'],
      ...['30', '30', '30'],
      ...['60', '60', '60'],
    ]);
  });

  it('says nothing while two gatherings are held or planned for the year', async () => {
    await addGathering('2026-03-12');
    await addGathering('2026-12-10');
    expect(await run('2026-09-02')).toEqual({ today: '2026-09-02', created: 0, existing: 0 });
    expect(await run('2027-01-01')).toEqual({ today: '2027-01-01', created: 0, existing: 0 });
  });

  it('tells when a year ended with fewer than two held, for two weeks after it', async () => {
    await addGathering('2026-03-12');
    await addGathering('2027-02-01');
    const run1 = await run('2027-01-03');
    expect(run1?.created).toBe(3);
    const [row] = await messages();
    expect(row?.dedupe_key).toBe('MEETING_NOT_HELD:all:2026:professional-gatherings:overdue:COORDINATION_MEMBER');
    expect(row?.subject).toBe('Fagsamlinger 2026: 1 av minst 2 holdt');
    expect(row?.text_body).toContain('I 2026 ble 1 holdt. Ta det opp i koordineringsgruppen.');
    expect((await run('2027-01-14'))?.created).toBe(0);

    await connection().execute('delete from outbox_message');
    expect((await run('2027-01-15'))?.created).toBe(0);
  });

  it("makes a day's reminders once when two instances run them at the same time", async () => {
    const runs = await Promise.all([run('2026-12-01'), run('2026-12-01')]);
    const made = runs.reduce((sum, result) => sum + (result?.created ?? 0), 0);
    expect(made).toBe(3);
    expect(await messages()).toHaveLength(3);
  });
});

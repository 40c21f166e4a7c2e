// The county's reminders (issue 21 §3) on fixed days, against the demo data as it stood on
// 2026-03-01: what the reporting model, the instalments and the meeting rules say is owed becomes
// one NOTIFY message per audience and occasion, never two however often a day is run; delivered,
// it reaches the console of those it is for.
import { OutboxMessageSchema, seedInTransaction } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { reminderMessage } from '../src/messages/reminders.js';
import { deliverNotification, deliveryOfOutboxMessage } from '../src/notifications.js';
import { runReminders } from '../src/reminders.js';
import { DemoSeeder } from '../src/seeders/DemoSeeder.js';
import { countySubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(countySubgraph, { seed: false });
  await seedInTransaction(subgraph.orm, new DemoSeeder({ today: '2026-03-01' }));
  const connection = subgraph.orm.em.getConnection();
  // Drammensregionen has submitted its 2025 annual report and accounts; Follo has not.
  await connection.execute(
    `insert into submission (id, agreement_id, kind, covers_year, status, submitted_on, submitted_by, document_reference, version)
     select gen_random_uuid(), 'drammensregionen-2022', kind, 2025, 'SUBMITTED', '2026-03-20', 'test', 'test.pdf', 1
       from unnest(array['ANNUAL_REPORT', 'ACCOUNTS']) as kind`,
  );
  // Asker og Bærum held its first discussion of supplementary content of 2026.
  await connection.execute(
    `insert into meeting (id, kind, date, region_id, participants, agenda, decisions, version)
     values (gen_random_uuid(), 'SUPPLEMENTARY_CONTENT', '2026-04-20', 'asker-og-baerum', '{}', 'test', '{}', 1)`,
  );
});
afterAll(() => subgraph?.close());

interface Row {
  id: string;
  kind: string;
  dedupe_key: string;
  audience: Record<string, string>;
  subject: string;
  text_body: string;
}
/** The NOTIFY messages whose dedupe key starts with `prefix`. */
const messages = (prefix: string) =>
  subgraph.orm.em.getConnection().execute<Row[]>(
    `select id, kind, dedupe_key, audience, subject, text_body from outbox_message
        where channel = 'NOTIFY' and dedupe_key like ? order by dedupe_key`,
    [`${prefix}%`],
  );
const run = (today: string) => runReminders(subgraph.orm, { today, days: [30, 7, 1] });

describe('reporting deadlines (§7, 1 May)', () => {
  it('reminds 30, 7 and 1 days before, once each, to the contract municipality and the operator', async () => {
    const first = await run('2026-04-01');
    expect(first?.created.REPORT_DEADLINE_REMINDER).toBeGreaterThan(0);
    const follo = await messages('REPORT_DEADLINE_REMINDER:follo:2025:annual-report-and-accounts:');
    expect(follo.map((row) => [row.dedupe_key, row.audience])).toEqual([
      [
        'REPORT_DEADLINE_REMINDER:follo:2025:annual-report-and-accounts:30:ADVISER',
        { regionId: 'follo', role: 'ADVISER' },
      ],
      [
        'REPORT_DEADLINE_REMINDER:follo:2025:annual-report-and-accounts:30:MUNICIPALITY_OFFICER',
        { regionId: 'follo', role: 'MUNICIPALITY_OFFICER' },
      ],
    ]);
    expect(follo[0]?.subject).toBe('Påminnelse: frist 1. mai 2026 for Follo');
    expect(follo[0]?.text_body).toContain('Follo har ikke levert årsrapport 2025 og regnskap 2025');
    expect(follo[0]?.text_body).toContain('om 30 dager');

    // Run again the same day, and on a day between: nothing new.
    const again = await run('2026-04-01');
    expect(again?.created).toEqual({});
    expect(again?.existing).toBe(first ? Object.values(first.created).reduce((a, b) => a + b, 0) : -1);
    expect((await run('2026-04-10'))?.created.REPORT_DEADLINE_REMINDER).toBeUndefined();

    await run('2026-04-24');
    await run('2026-04-30');
    await run('2026-04-30');
    const keys = (await messages('REPORT_DEADLINE_REMINDER:follo:2025:')).map((row) => row.dedupe_key);
    expect(keys.filter((key) => key.endsWith(':ADVISER'))).toEqual([
      'REPORT_DEADLINE_REMINDER:follo:2025:annual-report-and-accounts:1:ADVISER',
      'REPORT_DEADLINE_REMINDER:follo:2025:annual-report-and-accounts:30:ADVISER',
      'REPORT_DEADLINE_REMINDER:follo:2025:annual-report-and-accounts:7:ADVISER',
    ]);
  });

  it('reminds no region that has submitted', async () => {
    expect(await messages('REPORT_DEADLINE_REMINDER:drammensregionen:2025:')).toEqual([]);
    expect(await messages('REPORT_OVERDUE:drammensregionen:2025:')).toEqual([]);
  });

  it('tells it is overdue the day after, once', async () => {
    expect(await messages('REPORT_OVERDUE:follo:')).toEqual([]);
    await run('2026-05-01');
    expect(await messages('REPORT_OVERDUE:follo:')).toEqual([]);
    await run('2026-05-02');
    await run('2026-05-03');
    const overdue = await messages('REPORT_OVERDUE:follo:');
    expect(overdue.map((row) => row.dedupe_key)).toEqual([
      'REPORT_OVERDUE:follo:2025:annual-report-and-accounts:overdue:ADVISER',
      'REPORT_OVERDUE:follo:2025:annual-report-and-accounts:overdue:MUNICIPALITY_OFFICER',
    ]);
    expect(overdue[0]?.subject).toBe('Fristen er passert: årsrapport 2025 og regnskap 2025 fra Follo');
  });

  it('reaches the console of those it is for, and theirs only', async () => {
    const [row] = await messages('REPORT_DEADLINE_REMINDER:follo:2025:annual-report-and-accounts:30:ADVISER');
    const message = await subgraph.orm.em.fork().findOneOrFail(OutboxMessageSchema, { id: row?.id as string });
    expect(await deliverNotification(subgraph.orm, deliveryOfOutboxMessage(message), 'county')).toEqual({
      created: true,
      emails: 1,
    });
    const query = 'query { notifications { items { id kind title link read } unreadCount } }';
    expect(await subgraph.execute(query, {}, { as: 'follo.adviser' })).toEqual({
      data: {
        notifications: {
          items: [
            {
              id: row?.id,
              kind: 'REPORT_DEADLINE_REMINDER',
              title: 'Påminnelse: frist 1. mai 2026 for Follo',
              link: '/submissions',
              read: false,
            },
          ],
          unreadCount: 1,
        },
      },
    });
    expect(await subgraph.execute(query, {}, { as: 'drammen.adviser' })).toEqual({
      data: { notifications: { items: [], unreadCount: 0 } },
    });
  });
});

describe('required meetings not held (§5.2)', () => {
  it('tells the county’s officers and coordination members of a discussion not held, once', async () => {
    await run('2026-07-01');
    await run('2026-07-02');
    const follo = await messages('MEETING_NOT_HELD:follo:2026:');
    expect(follo.map((row) => [row.dedupe_key, row.audience])).toEqual([
      [
        'MEETING_NOT_HELD:follo:2026:supplementary-content-2026-06-30:overdue:COORDINATION_MEMBER-akershus',
        { role: 'COORDINATION_MEMBER', organisationId: 'akershus' },
      ],
      [
        'MEETING_NOT_HELD:follo:2026:supplementary-content-2026-06-30:overdue:COUNTY_OFFICER-akershus',
        { role: 'COUNTY_OFFICER', organisationId: 'akershus' },
      ],
    ]);
    expect(follo[0]?.text_body).toContain('halvårlig drøfting av supplerende innhold');
    expect(await messages('MEETING_NOT_HELD:asker-og-baerum:')).toEqual([]);
  });
});

describe('instalments (§7)', () => {
  it('reminds each paying county of its own part, then tells it is overdue', async () => {
    await run('2026-08-01');
    const due = await messages('INSTALMENT_DUE:mosseregionen:2026:AUGUST-');
    expect(due.map((row) => [row.dedupe_key, row.audience])).toEqual([
      [
        'INSTALMENT_DUE:mosseregionen:2026:AUGUST-akershus:30:COUNTY_OFFICER-akershus',
        { role: 'COUNTY_OFFICER', organisationId: 'akershus' },
      ],
      [
        'INSTALMENT_DUE:mosseregionen:2026:AUGUST-ostfold:30:COUNTY_OFFICER-ostfold',
        { role: 'COUNTY_OFFICER', organisationId: 'ostfold' },
      ],
    ]);
    expect(due[0]?.text_body).toContain('Akershus fylkeskommunes del av august-utbetalingen 2026 til Mosseregionen');
    expect(due[1]?.text_body).toContain('Østfold fylkeskommunes del av august-utbetalingen 2026 til Mosseregionen');
    await run('2026-09-01');
    await run('2026-09-02');
    const overdue = await messages('INSTALMENT_OVERDUE:mosseregionen:2026:AUGUST-');
    expect(overdue.map((row) => row.dedupe_key)).toEqual([
      'INSTALMENT_OVERDUE:mosseregionen:2026:AUGUST-akershus:overdue:COUNTY_OFFICER-akershus',
      'INSTALMENT_OVERDUE:mosseregionen:2026:AUGUST-ostfold:overdue:COUNTY_OFFICER-ostfold',
    ]);
  });
});

describe('templates', () => {
  it('writes each reminder in bokmål and English, text and escaped HTML', () => {
    const data = {
      regionName: 'Follo <b>',
      dueDate: '2026-05-01',
      missing: [{ kind: 'ANNUAL_REPORT' as const, coversYear: 2025 }],
      daysLeft: 7,
    };
    const nb = reminderMessage('REPORT_DEADLINE_REMINDER', data, 'nb');
    const en = reminderMessage('REPORT_DEADLINE_REMINDER', data, 'en');
    expect(nb.title).toBe('Påminnelse: frist 1. mai 2026 for Follo <b>');
    expect(en.title).toBe("Reminder: Follo <b>'s deadline 1 May 2026");
    expect(en.body).toContain(
      'has not submitted its annual report 2025 to the county. The deadline is 1 May 2026 (in 7 days).',
    );
    expect(nb.email?.html).toContain('Follo &lt;b&gt;');
    expect(nb.email?.html).not.toContain('Follo <b>');
    expect(nb.email?.text).toContain('Etablerertjenesten');
  });
});

// The agreement's groups and meetings (issue 22, part E) through the subgraph on the demo seed: the
// coordination group's membership changed with its history kept, the professional group (§4),
// attendance checked against the members on the meeting day, and conflict meetings (§8) held
// promptly or not against the configurable target.
import type { Caller, Orm, SubgraphRequest } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Context, createContext } from '../src/context.js';
import { runReminders } from '../src/reminders.js';
import { countySubgraph } from '../src/server.js';

const today = '2026-06-15';
let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph({
    ...countySubgraph,
    context: (orm: Orm, caller: Caller, request: SubgraphRequest) => createContext(orm, caller, request, () => today),
  });
});
afterAll(() => subgraph?.close());

type Result = { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const field = (result: Result) => result.errors?.[0]?.extensions?.field;

interface Member {
  id: string;
  name: string;
  organisationName: string;
  role: string | null;
  validFrom: string;
  validTo: string | null;
}
const memberFields = 'id name organisationName role validFrom validTo';

const addCoordinationMember = `mutation Add($input: CoordinationMemberInput!) {
  addCoordinationMember(input: $input) { ${memberFields} }
}`;
const endCoordinationMembership = `mutation End($id: ID!, $validTo: Date!) {
  endCoordinationMembership(id: $id, validTo: $validTo) { ${memberFields} }
}`;
const changeRole = `mutation Change($id: ID!, $role: String, $from: Date!) {
  changeCoordinationMemberRole(id: $id, role: $role, from: $from) { ${memberFields} }
}`;
const coordinationGroup = `query Group($on: Date) { coordinationGroup(on: $on) { ${memberFields} } }`;
const history = `query History { coordinationGroupHistory { ${memberFields} } }`;

async function addMember(name: string, validFrom: string, role: string | null = null) {
  const result = await subgraph.execute<{ addCoordinationMember: Member }>(addCoordinationMember, {
    input: { name, organisationId: 'nav-ost-viken', organisationName: 'NAV Øst-Viken', role, validFrom },
  });
  expect(result.errors).toBeUndefined();
  return result.data?.addCoordinationMember as Member;
}
const groupOn = async (on: string) =>
  (await subgraph.execute<{ coordinationGroup: Member[] }>(coordinationGroup, { on })).data?.coordinationGroup ?? [];

const attendanceFields = `attendance {
  presentMembers { id name }
  absentMembers { id name }
  presentNonMembers
}`;
const recordMeeting = `mutation Record($input: MeetingInput!) {
  recordMeeting(input: $input) {
    id kind date participants requestedOn daysFromRequest heldPromptly
    conflictRequest { id }
    ${attendanceFields}
  }
}`;
interface MeetingData {
  id: string;
  kind: string;
  participants: string[];
  requestedOn: string | null;
  daysFromRequest: number | null;
  heldPromptly: boolean | null;
  conflictRequest: { id: string } | null;
  attendance: {
    presentMembers: { id: string; name: string }[];
    absentMembers: { id: string; name: string }[];
    presentNonMembers: string[];
  } | null;
}
const meetingCount = async () =>
  Number(
    ((await subgraph.orm.em.getConnection().execute('select count(*) as n from meeting')) as { n: string }[])[0]?.n,
  );

describe('the coordination group with history (§5.1)', () => {
  it('adds a member from a day and ends the membership on a day, keeping it in the history', async () => {
    const member = await addMember('Per Olsen', '2026-02-01');
    expect(member).toMatchObject({ name: 'Per Olsen', organisationName: 'NAV Øst-Viken', validTo: null });
    expect((await groupOn('2026-01-31')).map((m) => m.id)).not.toContain(member.id);
    expect((await groupOn('2026-02-01')).map((m) => m.id)).toContain(member.id);

    const ended = await subgraph.execute<{ endCoordinationMembership: Member }>(endCoordinationMembership, {
      id: member.id,
      validTo: '2026-05-31',
    });
    expect(ended.errors).toBeUndefined();
    expect(ended.data?.endCoordinationMembership.validTo).toBe('2026-05-31');
    expect((await groupOn('2026-05-31')).map((m) => m.id)).toContain(member.id);
    expect((await groupOn('2026-06-01')).map((m) => m.id)).not.toContain(member.id);
    const all = await subgraph.execute<{ coordinationGroupHistory: Member[] }>(history);
    expect(all.data?.coordinationGroupHistory.find((m) => m.id === member.id)).toMatchObject({
      validFrom: '2026-02-01',
      validTo: '2026-05-31',
    });
    // The demo's ended membership (Kari Nordmann for Viken) is in the history too.
    expect(
      all.data?.coordinationGroupHistory.some((m) => m.name === 'Kari Nordmann' && m.validTo === '2023-12-31'),
    ).toBe(true);

    // Ending it again, or an unknown one: refused.
    expect(code(await subgraph.execute(endCoordinationMembership, { id: member.id, validTo: '2026-06-30' }))).toBe(
      'CONFLICT',
    );
    expect(
      code(
        await subgraph.execute(endCoordinationMembership, {
          id: '00000000-0000-4000-8000-000000000000',
          validTo: '2026-06-30',
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('refuses an end before the start, changing nothing', async () => {
    const member = await addMember('Siri Moe', '2026-03-01');
    const result = await subgraph.execute(endCoordinationMembership, { id: member.id, validTo: '2026-02-28' });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('validTo');
    expect((await groupOn('2026-12-31')).find((m) => m.id === member.id)?.validTo).toBeNull();
  });

  it('changes a role by ending one membership and starting another', async () => {
    const member = await addMember('Nils Aas', '2026-01-01', 'member');
    const changed = await subgraph.execute<{ changeCoordinationMemberRole: Member }>(changeRole, {
      id: member.id,
      role: 'leader',
      from: '2026-04-01',
    });
    expect(changed.errors).toBeUndefined();
    const next = changed.data?.changeCoordinationMemberRole as Member;
    expect(next).toMatchObject({ name: 'Nils Aas', role: 'leader', validFrom: '2026-04-01', validTo: null });
    expect(next.id).not.toBe(member.id);
    expect((await groupOn('2026-03-31')).find((m) => m.name === 'Nils Aas')).toMatchObject({
      id: member.id,
      role: 'member',
      validTo: '2026-03-31',
    });
    expect((await groupOn('2026-04-01')).filter((m) => m.name === 'Nils Aas')).toEqual([next]);
    // Not from the first day or before: that would be a correction, not a change.
    expect(code(await subgraph.execute(changeRole, { id: next.id, role: 'member', from: '2026-04-01' }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it("lets only the current counties' officers change it", async () => {
    const member = await addMember('Liv Berg', '2026-01-01');
    const input = { name: 'X', organisationId: 'x', organisationName: 'X', validFrom: '2026-01-01' };
    for (const as of ['viken.officer', 'nordrefollo.officer', 'follo.adviser', 'coordination.member']) {
      expect(code(await subgraph.execute(addCoordinationMember, { input }, { as })), as).toBe('FORBIDDEN');
      expect(
        code(await subgraph.execute(endCoordinationMembership, { id: member.id, validTo: '2026-06-30' }, { as })),
        as,
      ).toBe('FORBIDDEN');
      expect(
        code(await subgraph.execute(changeRole, { id: member.id, role: 'x', from: '2026-06-30' }, { as })),
        as,
      ).toBe('FORBIDDEN');
    }
    expect((await groupOn('2026-12-31')).find((m) => m.id === member.id)?.validTo).toBeNull();
  });
});

describe('attendance checked against the members on the meeting day', () => {
  it('shows present and absent members and present non-members of a coordination group meeting', async () => {
    const present = await addMember('Eva Lunde', '2025-01-01');
    const ended = await addMember('Tor Ruud', '2025-01-01');
    await subgraph.execute(endCoordinationMembership, { id: ended.id, validTo: '2025-12-31' });
    const members = await groupOn('2026-05-20');

    const result = await subgraph.execute<{ recordMeeting: MeetingData }>(recordMeeting, {
      input: {
        kind: 'COORDINATION_GROUP',
        date: '2026-05-20',
        participants: ['Guri Gjest (Fylkesmannen)'],
        presentMemberIds: [present.id],
        agenda: 'Status',
        decisions: [],
      },
    });
    expect(result.errors).toBeUndefined();
    const meeting = result.data?.recordMeeting as MeetingData;
    expect(meeting.participants).toEqual(['Guri Gjest (Fylkesmannen)', 'Eva Lunde (NAV Øst-Viken)']);
    expect(meeting.attendance?.presentMembers).toEqual([{ id: present.id, name: 'Eva Lunde' }]);
    expect(meeting.attendance?.presentNonMembers).toEqual(['Guri Gjest (Fylkesmannen)']);
    const absent = meeting.attendance?.absentMembers.map((m) => m.id) ?? [];
    expect(absent).toHaveLength(members.length - 1);
    expect(absent).not.toContain(present.id);
    expect(absent).not.toContain(ended.id);

    // It reads the same from the year's meetings.
    const year = await subgraph.execute<{ meetings: MeetingData[] }>(
      `query Year($year: Int!) { meetings(year: $year) { id kind ${attendanceFields} } }`,
      { year: 2026 },
    );
    expect(year.data?.meetings.find((m) => m.id === meeting.id)?.attendance).toEqual(meeting.attendance);
    // Other kinds have no group to check against.
    expect(year.data?.meetings.find((m) => m.kind === 'SUPPLEMENTARY_CONTENT')?.attendance).toBeNull();
  });

  it('refuses a present member who was not a member on the day, storing nothing', async () => {
    const ended = await addMember('Ada Vik', '2025-01-01');
    await subgraph.execute(endCoordinationMembership, { id: ended.id, validTo: '2025-12-31' });
    const before = await meetingCount();
    for (const ids of [[ended.id], ['00000000-0000-4000-8000-000000000000'], ['not-an-id']]) {
      const result = await subgraph.execute(recordMeeting, {
        input: {
          kind: 'COORDINATION_GROUP',
          date: '2026-05-21',
          participants: ['Someone (Somewhere)'],
          presentMemberIds: ids,
          agenda: 'Status',
          decisions: [],
        },
      });
      expect(code(result), ids[0]).toBe('BAD_USER_INPUT');
      expect(field(result)).toBe('input.presentMemberIds');
    }
    // Members present only where a group meets.
    const other = await subgraph.execute(recordMeeting, {
      input: {
        kind: 'EXPERIENCE_MEETING',
        date: '2026-05-21',
        participants: ['A (B)'],
        presentMemberIds: [ended.id],
        agenda: 'x',
        decisions: [],
      },
    });
    expect(code(other)).toBe('BAD_USER_INPUT');
    expect(await meetingCount()).toBe(before);
  });
});

describe('the professional group (faggruppe, §4)', () => {
  const addProfessional = `mutation Add($input: ProfessionalGroupMemberInput!) {
    addProfessionalGroupMember(input: $input) { id name organisationName region { id } role validFrom validTo }
  }`;
  const endProfessional = `mutation End($id: ID!, $validTo: Date!) {
    endProfessionalGroupMembership(id: $id, validTo: $validTo) { id validTo }
  }`;
  const adviser = (name: string, regionId: string | null) => ({
    name,
    organisationId: '912345678',
    organisationName: 'Etablerertjenesten',
    regionId,
    validFrom: '2026-01-01',
  });

  it('is kept by county officers and, for their own region, by municipality officers', async () => {
    const own = await subgraph.execute<{ addProfessionalGroupMember: Member & { region: { id: string } } }>(
      addProfessional,
      { input: adviser('Mona Rådgiver', 'follo') },
      { as: 'nordrefollo.officer' },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.addProfessionalGroupMember.region).toEqual({ id: 'follo' });
    const county = await subgraph.execute<{ addProfessionalGroupMember: Member }>(addProfessional, {
      input: adviser('Kari Fag', null),
    });
    expect(county.errors).toBeUndefined();

    for (const [as, input] of [
      ['nordrefollo.officer', adviser('Other Region', 'drammensregionen')],
      ['nordrefollo.officer', adviser('No Region', null)],
      ['follo.adviser', adviser('Self', 'follo')],
      ['viken.officer', adviser('Historic', 'follo')],
    ] as const) {
      expect(code(await subgraph.execute(addProfessional, { input }, { as })), `${as} ${input.name}`).toBe('FORBIDDEN');
    }
    const memberId = own.data?.addProfessionalGroupMember.id as string;
    expect(
      code(await subgraph.execute(endProfessional, { id: memberId, validTo: '2026-06-30' }, { as: 'drammen.officer' })),
    ).toBe('FORBIDDEN');

    const group = await subgraph.execute<{ professionalGroup: Member[]; coordinationGroup: Member[] }>(
      `query Groups($on: Date) { professionalGroup(on: $on) { id name } coordinationGroup(on: $on) { id } }`,
      { on: '2026-03-01' },
    );
    expect(group.data?.professionalGroup.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Kari Fag', 'Mona Rådgiver']),
    );
    // The groups are apart: a professional group member is not in the coordination group.
    expect(group.data?.coordinationGroup.map((m) => m.id)).not.toContain(memberId);

    // Its meetings: recorded by the municipality officer, attendance against the professional group.
    const meeting = await subgraph.execute<{ recordMeeting: MeetingData }>(
      recordMeeting,
      {
        input: {
          kind: 'PROFESSIONAL_GROUP',
          date: '2026-03-10',
          participants: [],
          presentMemberIds: [memberId],
          agenda: 'Felles kursmateriell',
          decisions: ['Kursmateriell deles i CRM-et.'],
        },
      },
      { as: 'nordrefollo.officer' },
    );
    expect(meeting.errors).toBeUndefined();
    const attendance = meeting.data?.recordMeeting.attendance;
    expect(attendance?.presentMembers).toEqual([{ id: memberId, name: 'Mona Rådgiver' }]);
    expect(attendance?.absentMembers).toContainEqual({
      id: county.data?.addProfessionalGroupMember.id,
      name: 'Kari Fag',
    });
    expect(attendance?.absentMembers.map((m) => m.id)).not.toContain(memberId);
    // Members and non-members of the professional group are checked against that group, not the coordination group.
    expect(attendance?.absentMembers).toHaveLength((group.data?.professionalGroup.length ?? 0) - 1);
    expect(attendance?.presentNonMembers).toEqual([]);
    // A municipality officer records no other kind of meeting.
    expect(
      code(
        await subgraph.execute(
          recordMeeting,
          {
            input: { kind: 'COORDINATION_GROUP', date: '2026-03-10', participants: ['A'], agenda: 'x', decisions: [] },
          },
          { as: 'nordrefollo.officer' },
        ),
      ),
    ).toBe('FORBIDDEN');

    const ended = await subgraph.execute<{ endProfessionalGroupMembership: { validTo: string } }>(
      endProfessional,
      { id: memberId, validTo: '2026-06-30' },
      { as: 'nordrefollo.officer' },
    );
    expect(ended.data?.endProfessionalGroupMembership.validTo).toBe('2026-06-30');
    const history = await subgraph.execute<{ professionalGroupHistory: Member[] }>(
      'query { professionalGroupHistory { id validTo } }',
    );
    expect(history.data?.professionalGroupHistory.find((m) => m.id === memberId)?.validTo).toBe('2026-06-30');
  });
});

describe('the demo data', () => {
  it("has the professional group with its meetings' attendance, and a conflict meeting held promptly", async () => {
    const result = await subgraph.execute<{
      professionalGroup: Member[];
      meetings: (MeetingData & { date: string })[];
    }>(
      `query Demo($on: Date, $year: Int!) {
        professionalGroup(on: $on) { id name }
        meetings(year: $year) { id kind date requestedOn daysFromRequest heldPromptly conflictRequest { id } ${attendanceFields} }
      }`,
      { on: '2024-05-15', year: 2024 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.professionalGroup.length).toBeGreaterThan(10);
    const spring = result.data?.meetings.find((m) => m.kind === 'PROFESSIONAL_GROUP' && m.date === '2024-05-15');
    expect(spring?.attendance?.presentMembers.length).toBeGreaterThan(0);
    expect(spring?.attendance?.absentMembers.length).toBeGreaterThan(0);
    expect((spring?.attendance?.presentMembers.length ?? 0) + (spring?.attendance?.absentMembers.length ?? 0)).toBe(
      result.data?.professionalGroup.length,
    );
    expect(spring?.attendance?.presentNonMembers).toEqual(['Jonas Bakken (NAV Vest-Viken)']);
    expect(result.data?.meetings.find((m) => m.kind === 'CONFLICT')).toMatchObject({
      requestedOn: '2024-02-20',
      daysFromRequest: 14,
      heldPromptly: true,
      conflictRequest: { id: expect.any(String) },
    });
  });
});

describe('conflict meetings held promptly (§8)', () => {
  const conflictMeeting = (input: Record<string, unknown>) => ({
    kind: 'CONFLICT',
    date: '2026-05-20',
    regionId: 'follo',
    calledBy: 'Nordre Follo kommune',
    participants: ['Kari Nordmann (Akershus fylkeskommune)'],
    agenda: 'Kontorutgifter',
    decisions: [],
    ...input,
  });
  afterEach(() => {
    delete process.env.CONFLICT_MEETING_TARGET_DAYS;
  });

  it('needs the day it was asked for, not after the meeting', async () => {
    const before = await meetingCount();
    const missing = await subgraph.execute(recordMeeting, { input: conflictMeeting({}) });
    expect(code(missing)).toBe('BAD_USER_INPUT');
    expect(field(missing)).toBe('input.requestedOn');
    const after = await subgraph.execute(recordMeeting, { input: conflictMeeting({ requestedOn: '2026-05-21' }) });
    expect(code(after)).toBe('BAD_USER_INPUT');
    expect(field(after)).toBe('input.requestedOn');
    expect(await meetingCount()).toBe(before);
  });

  it('counts the days from the request against the target, 14 days unless configured', async () => {
    const prompt = await subgraph.execute<{ recordMeeting: MeetingData }>(recordMeeting, {
      input: conflictMeeting({ requestedOn: '2026-05-06' }),
    });
    expect(prompt.data?.recordMeeting).toMatchObject({
      requestedOn: '2026-05-06',
      daysFromRequest: 14,
      heldPromptly: true,
    });
    const late = await subgraph.execute<{ recordMeeting: MeetingData }>(recordMeeting, {
      input: conflictMeeting({ requestedOn: '2026-04-30' }),
    });
    expect(late.data?.recordMeeting).toMatchObject({ daysFromRequest: 20, heldPromptly: false });

    process.env.CONFLICT_MEETING_TARGET_DAYS = '21';
    const again = await subgraph.execute<{ meetings: MeetingData[] }>(
      'query Year($year: Int!) { meetings(year: $year) { id heldPromptly } conflictMeetingTargetDays }',
      { year: 2026 },
    );
    expect(again.data?.meetings.find((m) => m.id === late.data?.recordMeeting.id)?.heldPromptly).toBe(true);
    expect((again.data as unknown as { conflictMeetingTargetDays: number }).conflictMeetingTargetDays).toBe(21);

    // Other kinds have no request and no promptness.
    const other = await subgraph.execute<{ recordMeeting: MeetingData }>(recordMeeting, {
      input: { kind: 'EXPERIENCE_MEETING', date: '2026-05-20', participants: ['A'], agenda: 'x', decisions: [] },
    });
    expect(other.data?.recordMeeting).toMatchObject({ requestedOn: null, daysFromRequest: null, heldPromptly: null });
  });

  it('shows a request not held as due, overdue once the target passed, until a meeting holds it', async () => {
    const request = await subgraph.execute<{ requestConflictMeeting: { id: string; dueBy: string; overdue: boolean } }>(
      `mutation Ask($input: ConflictMeetingRequestInput!) {
        requestConflictMeeting(input: $input) { id dueBy overdue }
      }`,
      {
        input: {
          requestedOn: '2026-05-25',
          regionId: 'mosseregionen',
          calledBy: 'Moss kommune',
          subject: 'Fordeling av husleie',
        },
      },
    );
    expect(request.errors).toBeUndefined();
    expect(request.data?.requestConflictMeeting).toMatchObject({ dueBy: '2026-06-08', overdue: true });
    const id = request.data?.requestConflictMeeting.id as string;
    const due = async () =>
      (
        await subgraph.execute<{
          dueMeetings: {
            kind: string;
            dueBy: string;
            overdue: boolean;
            region: { id: string } | null;
            heldAs: { id: string } | null;
            conflictRequest: { id: string } | null;
          }[];
        }>(
          `query Due($year: Int!) {
            dueMeetings(year: $year) { kind dueBy overdue region { id } heldAs { id } conflictRequest { id } }
          }`,
          { year: 2026 },
        )
      ).data?.dueMeetings.find((meeting) => meeting.conflictRequest?.id === id);
    expect(await due()).toEqual({
      kind: 'CONFLICT',
      dueBy: '2026-06-08',
      overdue: true,
      region: { id: 'mosseregionen' },
      heldAs: null,
      conflictRequest: { id },
    });
    const open = await subgraph.execute<{ conflictMeetingRequests: { id: string }[] }>(
      'query { conflictMeetingRequests(openOnly: true) { id } }',
    );
    expect(open.data?.conflictMeetingRequests.map((r) => r.id)).toContain(id);

    const held = await subgraph.execute<{ recordMeeting: MeetingData }>(recordMeeting, {
      input: {
        kind: 'CONFLICT',
        date: '2026-06-12',
        conflictRequestId: id,
        participants: ['Kari Nordmann (Akershus fylkeskommune)', 'Ordfører (Moss kommune)'],
        agenda: 'Fordeling av husleie',
        decisions: ['Husleie fordeles etter innbyggertall.'],
      },
    });
    expect(held.errors).toBeUndefined();
    expect(held.data?.recordMeeting).toMatchObject({
      requestedOn: '2026-05-25',
      daysFromRequest: 18,
      heldPromptly: false,
      conflictRequest: { id },
    });
    expect(await due()).toMatchObject({ overdue: false, heldAs: { id: held.data?.recordMeeting.id } });
    const stillOpen = await subgraph.execute<{ conflictMeetingRequests: { id: string }[] }>(
      'query { conflictMeetingRequests(openOnly: true) { id } }',
    );
    expect(stillOpen.data?.conflictMeetingRequests.map((r) => r.id)).not.toContain(id);

    // One request is held by one meeting.
    const twice = await subgraph.execute(recordMeeting, {
      input: {
        kind: 'CONFLICT',
        date: '2026-06-13',
        conflictRequestId: id,
        participants: ['A (B)'],
        agenda: 'x',
        decisions: [],
      },
    });
    expect(code(twice)).toBe('CONFLICT');
  });

  it("tells the region's county once when a request is not held within the target, and not after it is held", async () => {
    const asked = await subgraph.execute<{ requestConflictMeeting: { id: string; dueBy: string } }>(
      `mutation Ask($input: ConflictMeetingRequestInput!) { requestConflictMeeting(input: $input) { id dueBy } }`,
      { input: { requestedOn: '2026-06-01', regionId: 'follo', calledBy: 'Nordre Follo kommune', subject: 'Husleie' } },
    );
    const id = asked.data?.requestConflictMeeting.id as string;
    expect(asked.data?.requestConflictMeeting.dueBy).toBe('2026-06-15');
    const reminders = async () =>
      (
        (await subgraph.orm.em
          .getConnection()
          .execute(
            `select dedupe_key from outbox_message where channel = 'NOTIFY' and dedupe_key like ? order by dedupe_key`,
            [`MEETING_NOT_HELD:follo:2026:conflict-${id}:%`],
          )) as { dedupe_key: string }[]
      ).map((row) => row.dedupe_key);
    // On its target day it is not overdue yet.
    await runReminders(subgraph.orm, { today: '2026-06-15', days: [30, 7, 1] });
    expect(await reminders()).toEqual([]);
    await runReminders(subgraph.orm, { today: '2026-06-16', days: [30, 7, 1] });
    await runReminders(subgraph.orm, { today: '2026-06-17', days: [30, 7, 1] });
    expect(await reminders()).toEqual([
      `MEETING_NOT_HELD:follo:2026:conflict-${id}:overdue:COORDINATION_MEMBER-akershus`,
      `MEETING_NOT_HELD:follo:2026:conflict-${id}:overdue:COUNTY_OFFICER-akershus`,
    ]);
    const [message] = (await subgraph.orm.em
      .getConnection()
      .execute(`select subject, text_body from outbox_message where dedupe_key = ?`, [
        `MEETING_NOT_HELD:follo:2026:conflict-${id}:overdue:COUNTY_OFFICER-akershus`,
      ])) as { subject: string; text_body: string }[];
    expect(message?.text_body).toContain('møtet en part ba om ved konflikt eller uklarhet (§ 8) med Follo');

    // Held: a later run tells no one of another request held in time either.
    const other = await subgraph.execute<{ requestConflictMeeting: { id: string } }>(
      `mutation Ask($input: ConflictMeetingRequestInput!) { requestConflictMeeting(input: $input) { id } }`,
      { input: { requestedOn: '2026-06-02', regionId: 'follo', calledBy: 'Ås kommune', subject: 'Kontor' } },
    );
    const otherId = other.data?.requestConflictMeeting.id as string;
    await subgraph.execute(recordMeeting, {
      input: {
        kind: 'CONFLICT',
        date: '2026-06-10',
        conflictRequestId: otherId,
        participants: ['A (B)'],
        agenda: 'Kontor',
        decisions: [],
      },
    });
    await runReminders(subgraph.orm, { today: '2026-06-18', days: [30, 7, 1] });
    const held = (await subgraph.orm.em
      .getConnection()
      .execute(`select count(*) as n from outbox_message where dedupe_key like ?`, [
        `MEETING_NOT_HELD:%:conflict-${otherId}:%`,
      ])) as { n: string }[];
    expect(Number(held[0]?.n)).toBe(0);
  });

  it("lets only the current counties' officers ask for one", async () => {
    const input = { requestedOn: '2026-06-01', calledBy: 'X', subject: 'Y' };
    for (const as of ['viken.officer', 'nordrefollo.officer', 'follo.adviser', 'coordination.member']) {
      expect(
        code(
          await subgraph.execute(
            'mutation Ask($input: ConflictMeetingRequestInput!) { requestConflictMeeting(input: $input) { id } }',
            { input },
            { as },
          ),
        ),
        as,
      ).toBe('FORBIDDEN');
    }
    const future = await subgraph.execute(
      'mutation Ask($input: ConflictMeetingRequestInput!) { requestConflictMeeting(input: $input) { id } }',
      { input: { ...input, requestedOn: '2026-06-16' } },
    );
    expect(code(future)).toBe('BAD_USER_INPUT');
  });
});

// The meetings store against a stubbed gateway: one query with variables, the newest year winning, recording and updating with field errors and conflicts.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { MeetingInput } from '../src/graphql/generated/graphql';
import { useMeetingsStore } from '../src/stores/meetings';
import { type GraphQLCall, jsonResponse, stubGraphQL } from './fixtures';
import { answeredOn, meetings2024, meetingsAnswer2024 } from './meetings-fixtures';

const isQuery = (call: GraphQLCall) => call.body.query.includes('query MeetingsOfYear');

const input: MeetingInput = {
  kind: 'SUPPLEMENTARY_CONTENT',
  date: '2024-08-14',
  regionId: 'indre-ostfold',
  calledBy: null,
  participants: ['Kari Nordmann (fylkeskommunen)', 'Etablerertjenesten Indre Østfold'],
  agenda: 'Supplerende innhold og aktiviteter i Indre Østfold',
  minutes: null,
  decisions: ['Kurs i regnskap for nye etablerere.'],
};

/** A promise the test resolves when it chooses, to hold a response back. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('meetings store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads the meetings, the meetings due, the coordination group and the regions in one query, values as variables', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: meetingsAnswer2024 }));
    const store = useMeetingsStore();

    const loading = store.load(2024, answeredOn);
    expect(store.loading).toBe(true);
    await loading;

    expect(calls).toHaveLength(1);
    const query = calls[0]?.body.query ?? '';
    expect(query).toContain('meetings(year: $year)');
    expect(query).toContain('dueMeetings(year: $year)');
    expect(query).toContain('coordinationGroup(on: $groupOn)');
    expect(query).not.toContain('2024');
    // This year's group is today's.
    expect(calls[0]?.body.variables).toEqual({ year: 2024, groupOn: '2024-08-15' });
    expect(store.year).toBe(2024);
    expect(store.groupOn).toBe('2024-08-15');
    expect(store.meetings).toHaveLength(4);
    expect(store.dueMeetings).toHaveLength(6);
    expect(store.coordinationGroup[0]?.name).toBe('Kari Nordmann');
    expect(store.regions.map((region) => region.id)).toEqual(['follo', 'indre-ostfold', 'mosseregionen']);
    expect(store.loading).toBe(false);
    expect(store.error).toBeNull();
  });

  it("shows a past year's coordination group as it was on the year's last day", async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: meetingsAnswer2024 }));
    const store = useMeetingsStore();

    await store.load(2023, answeredOn);

    expect(calls[0]?.body.variables).toEqual({ year: 2023, groupOn: '2023-12-31' });
    expect(store.groupOn).toBe('2023-12-31');
  });

  it('keeps the newest year when an earlier answer comes late', async () => {
    const slow = deferred<Response>();
    stubGraphQL((call) =>
      call.body.variables?.year === 2023
        ? slow.promise
        : jsonResponse({ data: { ...meetingsAnswer2024, meetings: meetings2024.slice(0, 1) } }),
    );
    const store = useMeetingsStore();

    const first = store.load(2023, answeredOn);
    await store.load(2024, answeredOn);
    slow.resolve(jsonResponse({ data: { ...meetingsAnswer2024, meetings: [] } }));
    await first;

    expect(store.year).toBe(2024);
    expect(store.meetings).toHaveLength(1);
    expect(store.loading).toBe(false);
  });

  it('reports a failed load and drops what an earlier year left', async () => {
    let fail = false;
    stubGraphQL(() =>
      fail
        ? jsonResponse({ errors: [{ message: 'No scope.', extensions: { code: 'FORBIDDEN' } }] })
        : jsonResponse({ data: meetingsAnswer2024 }),
    );
    const store = useMeetingsStore();
    await store.load(2024, answeredOn);
    fail = true;
    await store.load(2025, answeredOn);

    expect(store.error).toEqual({ message: 'No scope.', codes: ['FORBIDDEN'] });
    expect(store.year).toBeNull();
    expect(store.meetings).toEqual([]);
    expect(store.dueMeetings).toEqual([]);
    expect(store.coordinationGroup).toEqual([]);
  });

  it('records a meeting with the input as a variable and reloads the year it belongs to', async () => {
    const { calls } = stubGraphQL((call) =>
      isQuery(call)
        ? jsonResponse({ data: meetingsAnswer2024 })
        : jsonResponse({ data: { recordMeeting: { id: 'new-meeting', version: 1, date: '2024-08-14' } } }),
    );
    const store = useMeetingsStore();
    await store.load(2024, answeredOn);

    const pending = store.record(input);
    expect(store.saving).toBe(true);
    const saved = await pending;

    expect(saved).toEqual({ id: 'new-meeting', version: 1, date: '2024-08-14' });
    const mutation = calls[1];
    expect(mutation?.body.query).toContain('mutation RecordMeeting($input: MeetingInput!)');
    expect(mutation?.body.query).not.toContain('Indre Østfold');
    expect(mutation?.body.variables).toEqual({ input });
    // Whether the discussion due was held has changed on the server, so the store asks again.
    expect(calls).toHaveLength(3);
    expect(calls[2]?.body.variables).toMatchObject({ year: 2024 });
    expect(store.saving).toBe(false);
    expect(store.actionError).toBeNull();
  });

  it('leaves a meeting of another year for the page to load there', async () => {
    const { calls } = stubGraphQL((call) =>
      isQuery(call)
        ? jsonResponse({ data: meetingsAnswer2024 })
        : jsonResponse({ data: { recordMeeting: { id: 'old-meeting', version: 1, date: '2023-10-18' } } }),
    );
    const store = useMeetingsStore();
    await store.load(2024, answeredOn);

    const saved = await store.record({ ...input, kind: 'EXPERIENCE_MEETING', date: '2023-10-18', regionId: null });

    expect(saved?.date).toBe('2023-10-18');
    expect(calls).toHaveLength(2);
  });

  it('updates a meeting with its id and the version it was based on', async () => {
    const meeting = meetings2024[3];
    const { calls } = stubGraphQL((call) =>
      isQuery(call)
        ? jsonResponse({ data: meetingsAnswer2024 })
        : jsonResponse({ data: { updateMeeting: { id: meeting?.id, version: 2, date: '2024-04-20' } } }),
    );
    const store = useMeetingsStore();
    await store.load(2024, answeredOn);
    const changed = { ...input, date: '2024-04-20', regionId: 'mosseregionen', minutes: 'Referat godkjent.' };

    const saved = await store.update(meeting?.id ?? '', 1, changed);

    expect(saved).toMatchObject({ id: meeting?.id, version: 2 });
    expect(calls[1]?.body.query).toContain('mutation UpdateMeeting($id: ID!, $version: Int!, $input: MeetingInput!)');
    expect(calls[1]?.body.variables).toEqual({ id: meeting?.id, version: 1, input: changed });
    expect(calls).toHaveLength(3);
  });

  it('reports a conflict without reloading, so the form can say that someone else changed the meeting', async () => {
    const { calls } = stubGraphQL((call) =>
      isQuery(call)
        ? jsonResponse({ data: meetingsAnswer2024 })
        : jsonResponse({
            data: null,
            errors: [
              { message: 'Someone else changed this record; reload and try again.', extensions: { code: 'CONFLICT' } },
            ],
          }),
    );
    const store = useMeetingsStore();
    await store.load(2024, answeredOn);

    const saved = await store.update('meeting-2', 2, input);

    expect(saved).toBeNull();
    expect(calls).toHaveLength(2);
    expect(store.conflict).toBe(true);
    expect(store.actionError).toMatchObject({ action: 'update', meetingId: 'meeting-2', codes: ['CONFLICT'] });
    expect(store.saving).toBe(false);

    store.clearActionError();
    expect(store.conflict).toBe(false);
  });

  it("maps the server's field errors to the form's fields, rows by index", async () => {
    stubGraphQL(() =>
      jsonResponse({
        errors: [
          {
            message: 'input.regionId: a discussion of supplementary content is with a region',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.regionId' },
          },
          {
            message: 'input.decisions.1: must not be empty',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.decisions.1' },
          },
        ],
      }),
    );
    const store = useMeetingsStore();

    const saved = await store.record({ ...input, regionId: null });

    expect(saved).toBeNull();
    expect(store.actionError).toMatchObject({
      action: 'record',
      meetingId: null,
      codes: ['BAD_USER_INPUT'],
      fieldErrors: {
        regionId: 'a discussion of supplementary content is with a region',
        'decisions.1': 'must not be empty',
      },
    });
    expect(store.conflict).toBe(false);
  });
  it('records a conflict meeting request and loads the year again, so it shows among the meetings due', async () => {
    const { calls } = stubGraphQL((call) =>
      jsonResponse(
        isQuery(call)
          ? { data: meetingsAnswer2024 }
          : { data: { requestConflictMeeting: { id: 'request-1', dueBy: '2024-08-28' } } },
      ),
    );
    const store = useMeetingsStore();
    await store.load(2024, answeredOn);
    const request = {
      requestedOn: '2024-08-14',
      regionId: 'follo',
      calledBy: 'Nordre Follo kommune',
      subject: 'Husleie',
    };
    expect(await store.requestConflictMeeting(request)).toEqual({ id: 'request-1', dueBy: '2024-08-28' });
    expect(calls[1]?.body.query).toContain('mutation RequestConflictMeeting');
    expect(calls[1]?.body.variables).toEqual({ input: request });
    expect(calls[2] && isQuery(calls[2])).toBe(true);
    expect(calls[0]?.body.query).toContain('conflictMeetingTargetDays');
    expect(store.conflictMeetingTargetDays).toBe(14);
  });
});

// Through the gateway: a stored region id that names no region (written before region ids were
// checked) costs one error on that item, never the list it is in; and such an id cannot be stored
// any more.
import { withDatabaseClient } from '@etablerer/kit';
import { testServerUrl } from '@etablerer/kit/testing';
import { describe, expect, it } from 'vitest';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform();
const { post, tokenFor } = platform;

const rows = <Row>(database: string, sql: string) =>
  withDatabaseClient(testServerUrl(), database, async (client) => (await client.query(sql)).rows as Row[]);

/** A copy of a stored row of `table` under a new id, naming the made-up region `atlantis`; its id and year. */
async function danglingCopy(database: string, table: string, dateColumn: string) {
  const [copy] = await rows<{ id: string; year: number }>(
    database,
    `insert into ${table}
       select (jsonb_populate_record(null::${table},
         to_jsonb(t) || jsonb_build_object('id', gen_random_uuid(), 'region_id', 'atlantis'))).*
       from ${table} t where t.region_id is not null order by t.${dateColumn} desc limit 1
     returning id::text, extract(year from ${dateColumn})::int as year`,
  );
  if (!copy) throw new Error(`no ${table} to copy`);
  return copy;
}

describe('a stored region id of no region, through the gateway', () => {
  it("costs one NOT_FOUND on that meeting's region; the year's other meetings come back", async () => {
    const dangling = await danglingCopy(platform.databases.county, 'meeting', 'date');
    const { body } = await post<{ meetings: { id: string; region: { id: string; name: string } | null }[] | null }>(
      'query M($year: Int!) { meetings(year: $year) { id region { id name } } }',
      { year: dangling.year },
      { token: await tokenFor('county.officer') },
    );
    const meetings = body.data?.meetings ?? [];
    expect(meetings.length).toBeGreaterThan(1);
    const index = meetings.findIndex((meeting) => meeting.id === dangling.id);
    expect(meetings[index]?.region).toBeNull();
    expect(meetings.filter((meeting) => meeting.id !== dangling.id && meeting.region).length).toBeGreaterThan(0);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ path: ['meetings', index, 'region'], extensions: { code: 'NOT_FOUND' } });
  });

  it("costs one NOT_FOUND on that qualification measure's region; the other measures come back", async () => {
    const dangling = await danglingCopy(platform.databases.partners, 'qualification_measure', 'starts_on');
    const { body } = await post<{
      qualificationMeasures: { id: string; region: { id: string; name: string } | null }[] | null;
    }>(
      'query Q($year: Int!) { qualificationMeasures(year: $year) { id region { id name } } }',
      { year: dangling.year },
      { token: await tokenFor('nav.officer') },
    );
    const measures = body.data?.qualificationMeasures ?? [];
    expect(measures.length).toBeGreaterThan(1);
    const index = measures.findIndex((measure) => measure.id === dangling.id);
    expect(measures[index]?.region).toBeNull();
    expect(measures.filter((measure) => measure.region?.name).length).toBe(measures.length - 1);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      path: ['qualificationMeasures', index, 'region'],
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('cannot be stored any more: recordMeeting with a made-up region is refused', async () => {
    const { body } = await post(
      'mutation R($input: MeetingInput!) { recordMeeting(input: $input) { id } }',
      {
        input: {
          kind: 'SUPPLEMENTARY_CONTENT',
          date: '2026-03-02',
          regionId: 'atlantis',
          participants: ['Viken fylkeskommune'],
          agenda: 'Tilleggsinnhold',
          decisions: [],
        },
      },
      { token: await tokenFor('county.officer') },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.regionId' });
  });
});

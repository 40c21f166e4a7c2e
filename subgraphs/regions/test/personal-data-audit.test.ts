// Every read of a client's personal data from outside the client's region is in the audit log,
// whichever path it takes: each personal-data field of the schema, read through each field that
// leads to a client (and `_entities`), as the county's officer, writes an entry for that client.
import { personalDataFields } from '@etablerer/kit';
import {
  createTestSubgraph,
  fieldsLeadingTo,
  readingSelection,
  recordsRead,
  type TestSubgraph,
  unexplainedPersonalLookingFields,
} from '@etablerer/kit/testing';
import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { schema } from '../src/schema.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
afterAll(() => subgraph?.close());

/** Fields named like personal data that are not a client's, and why. */
const notClientData: Record<string, string> = {
  'Region.name': 'a region',
  'Operator.name': 'a company running the service',
  'Adviser.name': "staff contact data, published on the website's adviser list",
  'Adviser.email': "staff contact data, published on the website's adviser list",
  'Adviser.phone': "staff contact data, published on the website's adviser list",
  'Office.name': 'an office',
  'Office.streetAddress': "an office's address",
  'Business.name': 'reached only through Client.businesses, whose read audits the client',
  'FollowUp.note': 'reached only through Client.followUps (and its own write), whose read audits the client',
  'ClientLink.name': 'reached only through Client.links, whose read audits the client',
  'ImpactRecord.note':
    'reached only through Client.impactRecords (and its own writes, by the adviser), whose read audits the client',
  'Municipality.name': 'a municipality',
  'MunicipalityNumber.countyName': 'a county',
  'AuditEntry.callerName': 'the staff member who read; the audit log is for county officers',
  'AuditEntry.organisationName': 'an organisation',
  'PublicRegion.name': 'public website data',
  'PublicRegion.operatorName': 'public website data',
  'PublicMunicipality.name': 'public website data',
  'PublicOffice.name': 'public website data',
  'PublicOffice.streetAddress': 'public website data',
  'PublicOffice.municipalityName': 'public website data',
  'PublicAdviser.name': 'public website data',
  'PublicAdviser.email': 'public website data',
  'PublicAdviser.phone': 'public website data',
  'PublicService.name': 'public website data',
  'PublicService.email': 'public website data',
  'PublicService.phone': 'public website data',
  'PublicAppointmentSlot.adviserName': "public website data (staff, as on the website's adviser list)",
};

/**
 * For every field that leads to a client (or a website request), an operation reaching it with
 * `SELECTION` where the record's fields go and `VARIABLES` where extra variable definitions go.
 */
let paths: Record<string, { query: string; variables: Record<string, unknown> }>;

beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph);
  const run = async <Data>(query: string, variables: Record<string, unknown>) => {
    const result = await subgraph.execute<Data>(query, variables, { as: 'follo.adviser' });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Data;
  };
  const register = `mutation R($input: RegisterClientInput!) { registerClient(input: $input) { id } }`;
  const person = {
    regionId: 'follo',
    municipalityNumber: '3020',
    name: 'Ingrid Audit-Testesen',
    email: 'ingrid.audit@example.no',
    phone: '+47 911 22 333',
    birthYear: 1990,
    confirmedNotDuplicate: true,
  };
  const first = await run<{ registerClient: { id: string } }>(register, { input: person });
  await run(register, { input: person });
  const merged = await run<{ registerClient: { id: string } }>(register, { input: person });
  await run(`mutation M($keep: ID!, $duplicate: ID!) { mergeClients(keepId: $keep, duplicateId: $duplicate) { id } }`, {
    keep: first.registerClient.id,
    duplicate: merged.registerClient.id,
  });
  const [enrolment] = await subgraph.orm.em
    .fork()
    .execute<{ course_id: string }[]>(
      `select e.course_id from enrolment e join client c on c.id = e.client_id where c.region_id = 'follo' limit 1`,
    );
  const firstId = first.registerClient.id;
  // A booked appointment (issue 22): its booking is the client's personal data.
  const startsAt = new Date(Date.now() + 20 * 24 * 60 * 60 * 1000);
  startsAt.setUTCHours(7, 0, 0, 0);
  const slots = await run<{ publishAppointmentSlots: { id: string }[] }>(
    `mutation P($input: PublishAppointmentSlotsInput!) { publishAppointmentSlots(input: $input) { id } }`,
    { input: { slots: [{ startsAt: startsAt.toISOString(), durationMinutes: 30, form: 'PHONE' }] } },
  );
  const booked = await subgraph.execute(
    `mutation B($input: AppointmentBookingInput!) { bookAppointment(input: $input) { reference } }`,
    {
      input: {
        slotId: slots.publishAppointmentSlots[0]?.id,
        person: {
          name: person.name,
          email: person.email,
          phone: person.phone,
          municipalityNumber: person.municipalityNumber,
          consentToProcessing: true,
        },
        topic: 'Audit',
      },
    },
    { as: null },
  );
  if (booked.errors) throw new Error(JSON.stringify(booked.errors));
  const day = startsAt.toISOString().slice(0, 10);
  const slotsOf = (selection: string) =>
    `query Q(VARIABLES) { appointmentSlots(regionId: "follo", from: "${day}", to: "${day}") { ${selection} } }`;
  paths = {
    'AppointmentSlot.booking': { query: slotsOf('booking { SELECTION }'), variables: {} },
    'AppointmentSlot.bookings': { query: slotsOf('bookings { SELECTION }'), variables: {} },
    'AppointmentBooking.client': { query: slotsOf('booking { client { SELECTION } }'), variables: {} },
    'AppointmentBooking.websiteRequest': { query: slotsOf('booking { websiteRequest { SELECTION } }'), variables: {} },
    'Query.client': {
      query: 'query Q($id: ID! VARIABLES) { client(id: $id) { SELECTION } }',
      variables: { id: firstId },
    },
    'ClientPage.items': {
      query: `query Q(VARIABLES) { clients(regionId: "follo", first: 3) { items { SELECTION } } }`,
      variables: {},
    },
    'Client.possibleDuplicates': {
      query: 'query Q($id: ID! VARIABLES) { client(id: $id) { id possibleDuplicates { SELECTION } } }',
      variables: { id: firstId },
    },
    'Client.mergedInto': {
      query: 'query Q($id: ID! VARIABLES) { client(id: $id) { id mergedInto { SELECTION } } }',
      variables: { id: merged.registerClient.id },
    },
    'PersonalDataExport.client': {
      query: 'query Q($id: ID! VARIABLES) { clientDataExport(clientId: $id) { client { SELECTION } } }',
      variables: { id: firstId },
    },
    'Enrolment.client': {
      query: 'query Q($id: ID! VARIABLES) { course(id: $id) { enrolments { client { SELECTION } } } }',
      variables: { id: enrolment?.course_id },
    },
    'Region.surveyInvitations': {
      query: `query Q(VARIABLES) { region(id: "follo") { surveyInvitations(since: "2000-01-01") { SELECTION } } }`,
      variables: {},
    },
    'WebsiteRequest.client': {
      query: `query Q(VARIABLES) { websiteRequests(regionId: "follo", first: 2) { items { client { SELECTION } } } }`,
      variables: {},
    },
    'WebsiteRequestPage.items': {
      query: `query Q(VARIABLES) { websiteRequests(regionId: "follo", first: 2) { items { SELECTION } } }`,
      variables: {},
    },
    _entities: {
      query: 'query Q($r: [_Any!]! VARIABLES) { _entities(representations: $r) { ... on Client { SELECTION } } }',
      variables: { r: [{ __typename: 'Client', id: firstId }] },
    },
  };
});

/** The audit entries written since `afterId`, as "recordType:recordId". */
async function entriesSince(afterId: string): Promise<Set<string>> {
  const rows = await subgraph.orm.em
    .fork()
    .execute<{ record_type: string; record_id: string }[]>(
      `select record_type, record_id from audit_entry where id > ? and operation = 'READ'`,
      [afterId],
    );
  return new Set(rows.map((row) => `${row.record_type}:${row.record_id}`));
}

async function lastEntryId(): Promise<string> {
  const [row] = await subgraph.orm.em
    .fork()
    .execute<{ id: string | null }[]>('select max(id)::text as id from audit_entry');
  return row?.id ?? '0';
}

const personalTypes = [...new Set(personalDataFields(schema).map(({ typeName }) => typeName))].sort();

describe('personal data in the regions subgraph', () => {
  it('is marked wherever a field is named like it, or it is explained why not', () => {
    expect(unexplainedPersonalLookingFields(schema, notClientData)).toEqual([]);
    expect(personalTypes).toEqual(['AppointmentBooking', 'Client', 'WebsiteRequest']);
  });

  it('has a test path for every field that leads to a record holding it', () => {
    expect(
      Object.keys(paths)
        .filter((path) => path !== '_entities')
        .sort(),
    ).toEqual(fieldsLeadingTo(schema, personalTypes));
  });

  const typeOf = (name: string) => schema.getType(name) as GraphQLObjectType;

  it.each(personalDataFields(schema).map(({ typeName, field }) => [`${typeName}.${field.name}`, typeName, field.name]))(
    '%s is audited through every path, for the county officer reading from outside the region',
    async (_name, typeName, fieldName) => {
      const parentType = typeOf(typeName);
      const field = parentType.getFields()[fieldName];
      if (!field) throw new Error(`no field ${typeName}.${fieldName}`);
      const reading = readingSelection(parentType, field, { year: 2024 });
      const unaudited: string[] = [];
      const leadingHere = [...fieldsLeadingTo(schema, [typeName]), ...(typeName === 'Client' ? ['_entities'] : [])];
      expect(leadingHere.length).toBeGreaterThan(0);
      for (const pathName of leadingHere) {
        const path = paths[pathName];
        if (!path) throw new Error(`no test path for ${pathName}`);
        const query = path.query
          .replace('SELECTION', reading.selection)
          .replace('VARIABLES', reading.variableDefinitions)
          .replace('Q()', 'Q');
        const before = await lastEntryId();
        const result = await subgraph.execute(
          query,
          { ...path.variables, ...reading.variables },
          { as: 'county.officer' },
        );
        expect(result.errors, pathName).toBeUndefined();
        const read = recordsRead(result.data, typeName, fieldName);
        // Every path must find a record, or it would prove nothing.
        expect(read, pathName).not.toEqual([]);
        const audited = await entriesSince(before);
        const ids = typeName === 'Client' ? read : await clientsOfRecords(typeName, read);
        for (const id of ids) if (!audited.has(`Client:${id}`)) unaudited.push(`${pathName} → ${id}`);
      }
      expect(unaudited).toEqual([]);
    },
  );
});

async function clientsOfRecords(typeName: string, ids: string[]): Promise<string[]> {
  const table = typeName === 'AppointmentBooking' ? 'appointment_booking' : 'website_request';
  const rows = await subgraph.orm.em
    .fork()
    .execute<{ client_id: string }[]>(`select client_id from ${table} where id in (?)`, [ids]);
  return rows.map((row) => row.client_id);
}

// Every read of the client data referrals and business assessments hold, by NAV, Innovasjon Norge
// or the county (all outside the client's region), is in the audit log whichever path it takes:
// each personal-data field of the schema, read through each field that leads to it and through
// `_entities`, writes an entry for the referral or assessment it belongs to.
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
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
afterAll(() => subgraph?.close());

/** Fields named like personal data that are not a client's, and why. */
const notClientData: Record<string, string> = {
  'QualificationMeasure.name': 'a measure',
  'QualificationMeasure.organiserName': 'a municipality or NAV office',
  'ExpertOrganisation.name': 'an organisation',
  'NavOffice.name': 'a NAV office',
  'AuditEntry.callerName': 'the staff member who read; the audit log is for county officers',
  'AuditEntry.organisationName': 'an organisation',
  'Client.personalDataHeldByPartners': 'the export, which writes an entry on every call, from inside the region too',
};

interface Path {
  /** The operation, with `SELECTION` where the record's fields go and `VARIABLES` for extra variable definitions. */
  query: string;
  variables: Record<string, unknown>;
  /** Who reads: a partner or the county, outside every region. */
  as: string;
}

let paths: Record<string, Path>;

beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
  const [referral] = await subgraph.orm.em
    .fork()
    .execute<{ id: string }[]>(`select id from referral where direction = 'TO_INNOVASJON_NORGE' limit 1`);
  const [assessment] = await subgraph.orm.em
    .fork()
    .execute<{ id: string }[]>(`select id from business_assessment where status = 'DELIVERED' limit 1`);
  const [referredClient] = await subgraph.orm.em
    .fork()
    .execute<{ client_id: string }[]>(
      `select client_id from referral where direction = 'TO_INNOVASJON_NORGE' and client_id is not null limit 1`,
    );
  const innovasjonNorge = 'innovasjonnorge.officer';
  const nav = 'nav.officer';
  paths = {
    'Query.referral': {
      query: 'query Q($id: ID! VARIABLES) { referral(id: $id) { SELECTION } }',
      variables: { id: referral?.id },
      as: innovasjonNorge,
    },
    'ReferralPage.items': {
      query: 'query Q(VARIABLES) { referrals(first: 3) { items { SELECTION } } }',
      variables: {},
      as: innovasjonNorge,
    },
    'Referral.sharedClientData': {
      query: 'query Q(VARIABLES) { referrals(first: 3) { items { id sharedClientData { SELECTION } } } }',
      variables: {},
      as: 'county.officer',
    },
    'Client.referrals': {
      query:
        'query Q($r: [_Any!]! VARIABLES) { _entities(representations: $r) { ... on Client { referrals { SELECTION } } } }',
      variables: { r: [{ __typename: 'Client', id: referredClient?.client_id }] },
      as: innovasjonNorge,
    },
    'Query.businessAssessments': {
      query: 'query Q(VARIABLES) { businessAssessments(first: 200) { SELECTION } }',
      variables: {},
      as: nav,
    },
    'BusinessAssessmentPage.items': {
      query: 'query Q(VARIABLES) { businessAssessmentPage(first: 3) { items { SELECTION } } }',
      variables: {},
      as: nav,
    },
    'BusinessAssessment.sharedClientData': {
      query: 'query Q(VARIABLES) { businessAssessments(first: 3) { id sharedClientData { SELECTION } } }',
      variables: {},
      as: nav,
    },
    '_entities.Referral': {
      query: 'query Q($r: [_Any!]! VARIABLES) { _entities(representations: $r) { ... on Referral { SELECTION } } }',
      variables: { r: [{ __typename: 'Referral', id: referral?.id }] },
      as: innovasjonNorge,
    },
    '_entities.BusinessAssessment': {
      query:
        'query Q($r: [_Any!]! VARIABLES) { _entities(representations: $r) { ... on BusinessAssessment { SELECTION } } }',
      variables: { r: [{ __typename: 'BusinessAssessment', id: assessment?.id }] },
      as: nav,
    },
  };
});

/** The ids of the records READ entries were written for since `afterId`. */
async function recordsAuditedSince(afterId: string): Promise<Set<string>> {
  const rows = await subgraph.orm.em
    .fork()
    .execute<{ record_id: string }[]>(`select record_id from audit_entry where id > ? and operation = 'READ'`, [
      afterId,
    ]);
  return new Set(rows.map((row) => row.record_id));
}

async function lastEntryId(): Promise<string> {
  const [row] = await subgraph.orm.em
    .fork()
    .execute<{ id: string | null }[]>('select max(id)::text as id from audit_entry');
  return row?.id ?? '0';
}

const personalTypes = [...new Set(personalDataFields(schema).map(({ typeName }) => typeName))].sort();
const entityTypes = ['BusinessAssessment', 'Referral'];

describe('personal data in the partners subgraph', () => {
  it('is marked wherever a field is named like it, or it is explained why not', () => {
    expect(unexplainedPersonalLookingFields(schema, notClientData)).toEqual([]);
    expect(personalTypes).toEqual(['BusinessAssessment', 'Referral', 'SharedClientData']);
  });

  it('has a test path for every field that leads to a record holding it', () => {
    expect(Object.keys(paths).sort()).toEqual(
      [...fieldsLeadingTo(schema, personalTypes), ...entityTypes.map((type) => `_entities.${type}`)].sort(),
    );
  });

  it.each(personalDataFields(schema).map(({ typeName, field }) => [`${typeName}.${field.name}`, typeName, field.name]))(
    '%s is audited through every path, for a partner or the county reading',
    async (_name, typeName, fieldName) => {
      const parentType = schema.getType(typeName) as GraphQLObjectType;
      const field = parentType.getFields()[fieldName];
      if (!field) throw new Error(`no field ${typeName}.${fieldName}`);
      const reading = readingSelection(parentType, field, {});
      const leadingHere = [
        ...fieldsLeadingTo(schema, [typeName]),
        ...(entityTypes.includes(typeName) ? [`_entities.${typeName}`] : []),
      ];
      expect(leadingHere.length).toBeGreaterThan(0);
      const unaudited: string[] = [];
      for (const pathName of leadingHere) {
        const path = paths[pathName];
        if (!path) throw new Error(`no test path for ${pathName}`);
        const query = path.query
          .replace('SELECTION', reading.selection)
          .replace('VARIABLES', reading.variableDefinitions)
          .replace('Q()', 'Q');
        const before = await lastEntryId();
        const result = await subgraph.execute(query, { ...path.variables, ...reading.variables }, { as: path.as });
        expect(result.errors, pathName).toBeUndefined();
        const read = recordsRead(result.data, typeName, fieldName);
        // Every path must find a record, or it would prove nothing.
        expect(read, pathName).not.toEqual([]);
        const audited = await recordsAuditedSince(before);
        for (const id of read) if (!audited.has(id)) unaudited.push(`${pathName} → ${id}`);
      }
      expect(unaudited).toEqual([]);
    },
  );

  it('logs a record read through many fields once per request, in one statement', async () => {
    const before = await lastEntryId();
    const result = await subgraph.execute<{ businessAssessments: { id: string }[] }>(
      'query { businessAssessments(first: 200) { id question assessment sharedClientData { name email phone } } }',
      {},
      { as: 'nav.officer' },
    );
    expect(result.errors).toBeUndefined();
    const ids = result.data?.businessAssessments.map((assessment) => assessment.id) ?? [];
    expect(ids.length).toBeGreaterThan(1);
    const rows = await subgraph.orm.em.fork().execute<{ record_id: string; entries: number; transaction: string }[]>(
      `select record_id, count(*)::int as entries, min(xmin::text) as transaction
           from audit_entry where id > ? group by record_id`,
      [before],
    );
    expect(rows.map((row) => row.record_id).sort()).toEqual([...ids].sort());
    expect(rows.every((row) => row.entries === 1)).toBe(true);
    // Written in one statement (one transaction id), not one per assessment or per field.
    expect(new Set(rows.map((row) => row.transaction)).size).toBe(1);
  });
});

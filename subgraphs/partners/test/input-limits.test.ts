// The input limits the console imports (src/input-limits.ts) are where the server refuses: a value at the limit is
// taken, one character more is BAD_USER_INPUT on that field. The console's forms stop at these same constants.
import { demoClients } from '@etablerer/kit/demo';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import {
  assessmentTextMaxLength,
  gatheringDescriptionMaxLength,
  gatheringLocationMaxLength,
  gatheringTitleMaxLength,
  otherActorMaxLength,
  referralNoteMaxLength,
} from '../src/input-limits.js';
import { partnersSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph(partnersSubgraph);
});
afterAll(() => subgraph?.close());

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const refusal = (result: Result) => result.errors?.[0]?.extensions;
const text = (length: number) => 'x'.repeat(length);
const clientId = demoClients().find((client) => client.regionId === 'follo')?.id as string;

describe('the input limits the console uses', () => {
  const createGathering = 'mutation C($input: CreateGatheringInput!) { createGathering(input: $input) { id } }';
  const gathering = { title: 'Fagsamling', date: '2031-05-20', online: false, location: 'Drammen' };

  it.each([
    ['title', gatheringTitleMaxLength],
    ['location', gatheringLocationMaxLength],
    ['description', gatheringDescriptionMaxLength],
  ] as const)("a gathering's %s: %i characters taken, one more refused", async (field, limit) => {
    const at = await subgraph.execute(
      createGathering,
      { input: { ...gathering, [field]: text(limit) } },
      { as: 'innovasjonnorge.officer' },
    );
    expect(at.errors).toBeUndefined();
    const beyond = await subgraph.execute(
      createGathering,
      { input: { ...gathering, [field]: text(limit + 1) } },
      { as: 'innovasjonnorge.officer' },
    );
    expect(refusal(beyond)).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
  });

  const send = 'mutation S($input: SendReferralInput!) { sendReferral(input: $input) { id } }';
  const referral = {
    clientId,
    consentGivenOn: '2024-06-01',
    sharedClientData: { name: 'Ali Nowak' },
    direction: 'TO_OTHER_ACTOR',
    programme: 'OTHER',
    otherActor: 'Gründerhuset',
  };

  it.each([
    ['note', referralNoteMaxLength],
    ['otherActor', otherActorMaxLength],
  ] as const)("a referral's %s: %i characters taken, one more refused", async (field, limit) => {
    const at = await subgraph.execute(send, { input: { ...referral, [field]: text(limit) } }, { as: 'follo.adviser' });
    expect(at.errors).toBeUndefined();
    const beyond = await subgraph.execute(
      send,
      { input: { ...referral, [field]: text(limit + 1) } },
      { as: 'follo.adviser' },
    );
    expect(refusal(beyond)).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
  });

  it(`a delivered assessment's text: ${assessmentTextMaxLength} characters taken, one more refused`, async () => {
    const requested = await subgraph.execute<{ requestBusinessAssessment: { id: string; version: number } }>(
      'mutation Q($input: RequestBusinessAssessmentInput!) { requestBusinessAssessment(input: $input) { id version } }',
      {
        input: {
          clientId,
          regionId: 'follo',
          municipalityNumber: '3022',
          purpose: 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP',
          question: 'Er planen levedyktig?',
          sharedClientData: { name: 'Leah Haugen' },
          consentGivenOn: '2024-08-01',
        },
      },
      { as: 'nav.officer' },
    );
    expect(requested.errors).toBeUndefined();
    const { id, version } = (requested.data as { requestBusinessAssessment: { id: string; version: number } })
      .requestBusinessAssessment;
    const deliver = `mutation D($id: ID!, $v: Int!, $input: DeliverBusinessAssessmentInput!) {
      deliverBusinessAssessment(id: $id, version: $v, input: $input) { status } }`;
    const input = (length: number) => ({ conclusion: 'VIABLE', assessment: text(length) });

    const beyond = await subgraph.execute(
      deliver,
      { id, v: version, input: input(assessmentTextMaxLength + 1) },
      { as: 'follo.adviser' },
    );
    expect(refusal(beyond)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assessment' });
    const at = await subgraph.execute(
      deliver,
      { id, v: version, input: input(assessmentTextMaxLength) },
      { as: 'follo.adviser' },
    );
    expect(at).toMatchObject({ data: { deliverBusinessAssessment: { status: 'DELIVERED' } } });
  });
});

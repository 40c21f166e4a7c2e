// The console names every mutation it sends with a fresh Idempotency-Key and keeps it when it
// sends the same mutation again after getting no answer, so the services carry it out once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idempotencyKeyHeader, request } from '../src/graphql/client';
import { BusinessAssessmentPageDocument, DeliverBusinessAssessmentDocument } from '../src/queries/assessments';
import { stubGraphQL } from './fixtures';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const deliver = () =>
  request(DeliverBusinessAssessmentDocument, { id: 'a1', version: 1, input: {} } as never) as Promise<unknown>;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the Idempotency-Key of a mutation', () => {
  it('is fresh for each mutation the console sends', async () => {
    const { calls } = stubGraphQL(() => json({ data: { deliverBusinessAssessment: { id: 'a1' } } }));
    await deliver();
    await deliver();
    const keys = calls.map((call) => call.headers.get(idempotencyKeyHeader));
    expect(keys).toEqual([expect.stringMatching(/^[\da-f-]{36}$/), expect.stringMatching(/^[\da-f-]{36}$/)]);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('is the same when the console sends the mutation again after getting no answer', async () => {
    let attempt = 0;
    const { calls } = stubGraphQL(() => {
      attempt += 1;
      if (attempt === 1) throw new TypeError('fetch failed');
      return json({ data: { deliverBusinessAssessment: { id: 'a1' } } });
    });
    await expect(deliver()).resolves.toEqual({ deliverBusinessAssessment: { id: 'a1' } });
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers.get(idempotencyKeyHeader)).toBe(calls[0]?.headers.get(idempotencyKeyHeader));
  });

  it('is not sent with a query, which is not repeated either', async () => {
    const { calls } = stubGraphQL(() => {
      throw new TypeError('fetch failed');
    });
    await expect(request(BusinessAssessmentPageDocument, {} as never)).rejects.toThrow(/could not be reached/);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers.has(idempotencyKeyHeader)).toBe(false);
  });
});

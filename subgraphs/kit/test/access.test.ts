// The access model's rules in isolation, for callers the demo users do not cover.
import { describe, expect, it } from 'vitest';
import { canSeePersonalDataIn, regionsWithPersonalData, requireAggregateAccess } from '../src/access.js';
import type { Caller } from '../src/auth.js';

const caller = (overrides: Partial<Caller>): Caller => ({
  subject: 's',
  name: 'n',
  role: 'ADVISER',
  organisation: { id: 'o', kind: 'OPERATOR', name: 'O' },
  scopes: [],
  ...overrides,
});

describe('the access model', () => {
  it('refuses aggregates to an API client without the aggregates scope, with FORBIDDEN', () => {
    expect(() => requireAggregateAccess(caller({ role: 'API_CLIENT' }))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
    expect(() => requireAggregateAccess(caller({ role: 'API_CLIENT', scopes: ['aggregates:read'] }))).not.toThrow();
  });

  it('gives an adviser or municipality officer without a region no one', () => {
    expect(regionsWithPersonalData(caller({ role: 'ADVISER' }))).toEqual([]);
    expect(canSeePersonalDataIn(caller({ role: 'MUNICIPALITY_OFFICER' }), 'follo')).toBe(false);
  });
});

// The DateTime scalar: a moment is told in UTC, and one sent in must carry its time zone.
import { describe, expect, it } from 'vitest';
import { DateInputError, DateTimeScalar } from '../src/scalars.js';

describe('DateTime', () => {
  it('tells a stored moment as ISO 8601 in UTC', () => {
    expect(DateTimeScalar.serialize(new Date('2026-12-07T11:15:00+01:00'))).toBe('2026-12-07T10:15:00.000Z');
  });

  it('takes a moment with its zone, and refuses one without (another moment on every server)', () => {
    expect(DateTimeScalar.parseValue('2026-12-07T11:15:00+01:00')).toEqual(new Date('2026-12-07T10:15:00Z'));
    expect(() => DateTimeScalar.parseValue('2026-12-07T11:15:00')).toThrow(DateInputError);
    expect(() => DateTimeScalar.parseValue('2026-12-07')).toThrow(DateInputError);
    expect(() => DateTimeScalar.parseValue('2026-13-45T11:15:00Z')).toThrow(DateInputError);
  });
});

// The agreement's arithmetic and dates as pure rules, against hand-computed examples (§6, §7, §10).
import { describe, expect, it } from 'vitest';
import { earliestNoticeEffectiveDate, submissionDueDate, submissionsDueIn } from '../src/calendar.js';
import type { Submission } from '../src/entities/submission.js';
import { frameOre, splitInstalments, splitMunicipalContribution } from '../src/money.js';
import { paymentDateProblem, paymentStatus, planAndBudgetApprovedOn, submissionLate } from '../src/money-controls.js';

describe('money', () => {
  it('computes a frame exactly: 129 000 inhabitants at NOK 5.50 is NOK 709 500.00', () => {
    expect(frameOre(550n, 129_000)).toBe(70_950_000n);
  });

  it('splits a year in two halves and gives the odd øre to January', () => {
    expect(splitInstalments(70_950_000n)).toEqual({ january: 35_475_000n, august: 35_475_000n });
    expect(splitInstalments(10_000_001n)).toEqual({ january: 5_000_001n, august: 5_000_000n });
  });

  it('splits the municipal contribution by own inhabitants, or by the agreement’s shares summing to the total', () => {
    const bases = [
      { municipalityNumber: '3001', inhabitants: 31_400n, basisPoints: null },
      { municipalityNumber: '3012', inhabitants: 1_300n, basisPoints: null },
    ];
    expect(splitMunicipalContribution(250n, bases)).toEqual(
      new Map([
        ['3001', 7_850_000n],
        ['3012', 325_000n],
      ]),
    );
    // 32 701 inhabitants × 2.51 = 82 079.51; 33.34 % and 2 × 33.33 % rounded down leave one øre, to the first.
    const thirds = [
      { municipalityNumber: 'a', inhabitants: 32_701n, basisPoints: 3334 },
      { municipalityNumber: 'b', inhabitants: 0n, basisPoints: 3333 },
      { municipalityNumber: 'c', inhabitants: 0n, basisPoints: 3333 },
    ];
    const split = splitMunicipalContribution(251n, thirds);
    expect([...split.values()].reduce((a, b) => a + b, 0n)).toBe(8_207_951n);
    expect(split).toEqual(
      new Map([
        ['a', 2_736_531n],
        ['b', 2_735_710n],
        ['c', 2_735_710n],
      ]),
    );
  });
});

describe('dates', () => {
  it('puts reports on the previous year due 1 May and plans for the next year due 1 December', () => {
    expect(submissionDueDate('ANNUAL_REPORT', 2023)).toBe('2024-05-01');
    expect(submissionDueDate('ACCOUNTS', 2023)).toBe('2024-05-01');
    expect(submissionDueDate('ACTIVITY_PLAN', 2025)).toBe('2024-12-01');
    expect(submissionDueDate('BUDGET', 2022)).toBe('2021-12-01');
  });

  it('asks in a year only for what an agreement of 2022–2025 covers, across the year boundary', () => {
    expect(submissionsDueIn(2021, 2022, 2025)).toEqual([
      { kind: 'ACTIVITY_PLAN', coversYear: 2022 },
      { kind: 'BUDGET', coversYear: 2022 },
    ]);
    expect(submissionsDueIn(2025, 2022, 2025)).toEqual([
      { kind: 'ANNUAL_REPORT', coversYear: 2024 },
      { kind: 'ACCOUNTS', coversYear: 2024 },
    ]);
    expect(submissionsDueIn(2026, 2022, 2025)).toEqual([
      { kind: 'ANNUAL_REPORT', coversYear: 2025 },
      { kind: 'ACCOUNTS', coversYear: 2025 },
    ]);
    expect(submissionsDueIn(2027, 2022, 2025)).toEqual([]);
  });

  it('lets a notice take effect one year later at the earliest, 29 February running to 28 February', () => {
    expect(earliestNoticeEffectiveDate('2024-03-15')).toBe('2025-03-15');
    expect(earliestNoticeEffectiveDate('2024-02-29')).toBe('2025-02-28');
    expect(earliestNoticeEffectiveDate('2024-12-31')).toBe('2025-12-31');
  });
});

describe('money controls', () => {
  const confirmed = { confirmedOn: '2025-01-16' };
  const unconfirmed = { confirmedOn: null };

  it('counts an instalment paid only once confirmed, and overdue from the day after its due date', () => {
    const january = { dueDate: '2025-01-31', approved: true };
    expect(paymentStatus({ ...january, paid: undefined, today: '2025-01-31' })).toBe('DUE');
    expect(paymentStatus({ ...january, paid: undefined, today: '2025-02-01' })).toBe('OVERDUE');
    expect(paymentStatus({ ...january, paid: unconfirmed, today: '2025-01-31' })).toBe('RECORDED');
    expect(paymentStatus({ ...january, paid: unconfirmed, today: '2025-02-01' })).toBe('OVERDUE');
    expect(paymentStatus({ ...january, paid: confirmed, today: '2025-09-01' })).toBe('PAID');
    expect(paymentStatus({ ...january, approved: false, paid: undefined, today: '2025-01-15' })).toBe('BLOCKED');
    expect(paymentStatus({ ...january, approved: false, paid: undefined, today: '2025-02-01' })).toBe('OVERDUE');
  });

  it('dates a payment within the agreement and not before the later of the plan’s and the budget’s approval', () => {
    const submission = (kind: 'ACTIVITY_PLAN' | 'BUDGET', status: 'APPROVED' | 'REJECTED', decidedOn: string) =>
      ({ kind, coversYear: 2026, status, decidedOn }) as Submission;
    expect(
      planAndBudgetApprovedOn(
        [submission('ACTIVITY_PLAN', 'APPROVED', '2025-12-10'), submission('BUDGET', 'APPROVED', '2026-01-10')],
        2026,
      ),
    ).toBe('2026-01-10');
    expect(
      planAndBudgetApprovedOn(
        [submission('ACTIVITY_PLAN', 'APPROVED', '2025-12-10'), submission('BUDGET', 'REJECTED', '2025-12-08')],
        2026,
      ),
    ).toBeNull();
    const period = { validFrom: '2022-01-01', lastDay: '2025-12-31' };
    expect(paymentDateProblem('2021-12-31', period, '2021-12-10')).toMatch(/outside the agreement's period/);
    expect(paymentDateProblem('2022-01-01', period, '2021-12-10')).toBeNull();
    expect(paymentDateProblem('2025-12-31', period, '2024-12-15')).toBeNull();
    expect(paymentDateProblem('2026-01-01', period, '2024-12-15')).toMatch(/outside/);
    expect(paymentDateProblem('2024-12-14', period, '2024-12-15')).toMatch(/before the activity plan and budget/);
  });

  it('counts a rejected submission late once its due date passed without a resubmission', () => {
    const rejected = { status: 'REJECTED' as const, submittedOn: '2024-11-28' };
    expect(submissionLate(rejected, '2024-12-01', '2024-12-01')).toBe(false);
    expect(submissionLate(rejected, '2024-12-01', '2024-12-02')).toBe(true);
    expect(submissionLate({ status: 'SUBMITTED', submittedOn: '2024-11-30' }, '2024-12-01', '2025-03-01')).toBe(false);
    expect(submissionLate({ status: 'SUBMITTED', submittedOn: '2024-12-05' }, '2024-12-01', '2024-12-05')).toBe(true);
    expect(submissionLate(undefined, '2024-12-01', '2024-12-02')).toBe(true);
  });
});

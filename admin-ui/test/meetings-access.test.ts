// Who reaches the meetings page and sees its link, who records meetings, and the page's rules: the Oslo day, overdue meetings, checking a meeting.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import AppHeader from '../src/components/AppHeader.vue';
import { readsMeetings, recordedMeetingKinds, recordsMeetings } from '../src/composables/meetingAccess';
import {
  checkMeetingDraft,
  coordinationGroupDay,
  dueMeetingState,
  isCalendarDate,
  type MeetingDraft,
} from '../src/composables/meetingRules';
import { todayInOslo } from '../src/composables/osloCalendar';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { createAppRouter } from '../src/router';
import { accessTokenFor, createStrictI18n, type DemoUsername, forbidNetwork, startSignedIn } from './fixtures';
import { extraTokenFor } from './meetings-fixtures';

async function visitWith(accessToken: string, path: string) {
  setActivePinia(createPinia());
  startSignedIn(accessToken);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

const visitAs = (username: DemoUsername, path: string) => visitWith(accessTokenFor(username), path);

function navLinks(accessToken: string) {
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { auth: { accessToken } } });
  const router = createAppRouter(createMemoryHistory());
  const wrapper = mount(AppHeader, { global: { plugins: [pinia, router, createStrictI18n('nb')] } });
  return wrapper
    .get('nav')
    .findAll('a')
    .map((link) => link.text());
}

const row = (key: number, text: string) => ({ key, text });

function draft(overrides: Partial<MeetingDraft> = {}): MeetingDraft {
  return {
    kind: 'COORDINATION_GROUP',
    date: '2024-03-15',
    regionId: '',
    calledBy: '',
    participants: [row(1, ' Kari Nordmann (fylkeskommunen) ')],
    agenda: ' Årsrapporter ',
    minutes: '',
    decisions: [],
    requestedOn: '',
    presentMemberIds: [],
    conflictRequestId: null,
    ...overrides,
  };
}

enableAutoUnmount(afterEach);

describe('meetings access', () => {
  beforeEach(() => {
    forbidNetwork();
    sessionStorage.clear();
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('lets every role the county subgraph lets read meetings see them, and only county officers record them', () => {
    for (const role of [
      'COUNTY_OFFICER',
      'COORDINATION_MEMBER',
      'MUNICIPALITY_OFFICER',
      'ADVISER',
      'INNOVASJON_NORGE',
      'NAV',
      'API_CLIENT',
    ]) {
      expect(readsMeetings(role)).toBe(true);
    }
    expect(readsMeetings('AUDITOR')).toBe(false);
    expect(readsMeetings(undefined)).toBe(false);

    expect(recordsMeetings('COUNTY_OFFICER')).toBe(true);
    expect(recordedMeetingKinds('COUNTY_OFFICER')).toContain('CONFLICT');
    expect(recordedMeetingKinds('MUNICIPALITY_OFFICER')).toEqual(['PROFESSIONAL_GROUP']);
    expect(recordedMeetingKinds('ADVISER')).toEqual([]);
    for (const role of ['COORDINATION_MEMBER', 'MUNICIPALITY_OFFICER', 'ADVISER', 'NAV', 'API_CLIENT', undefined]) {
      expect(recordsMeetings(role)).toBe(false);
    }
  });

  it('opens the page for the coordination group, advisers and NAV, and sends a role it does not know to the start page', async () => {
    expect((await visitAs('coordination.member', '/meetings?year=2024')).name).toBe('meetings');
    expect((await visitAs('follo.adviser', '/meetings')).name).toBe('meetings');
    expect((await visitWith(extraTokenFor('nav.officer'), '/meetings')).name).toBe('meetings');

    const route = await visitWith(extraTokenFor('future.role'), '/meetings');
    expect(route.name).not.toBe('meetings');
    expect(route.path).toBe('/');
  });

  it('asks for a sign-in first', async () => {
    setActivePinia(createPinia());
    const router = createAppRouter(createMemoryHistory());
    await router.push('/meetings?year=2024');
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('shows the link "Møter" to those who may read meetings only', () => {
    expect(navLinks(accessTokenFor('county.officer'))).toContain('Møter');
    expect(navLinks(accessTokenFor('nordrefollo.officer'))).toContain('Møter');
    expect(navLinks(extraTokenFor('partner.api'))).toContain('Møter');
    expect(navLinks(extraTokenFor('future.role'))).not.toContain('Møter');
    expect(navLinks(accessTokenFor('nordrefollo.officer'))).toContain('Grupper');
    expect(navLinks(extraTokenFor('future.role'))).not.toContain('Grupper');
  });
});

describe('meeting rules', () => {
  it('judges today by the Oslo calendar, not UTC', () => {
    // 23:30 UTC on New Year's Eve is already New Year's Day in Oslo.
    expect(todayInOslo(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(todayInOslo(new Date('2024-06-30T21:59:00Z'))).toBe('2024-06-30');
    expect(todayInOslo(new Date('2024-06-30T22:00:00Z'))).toBe('2024-07-01');
  });

  it("shows a past year's coordination group on its last day and this year's today", () => {
    expect(coordinationGroupDay(2023, '2024-08-15')).toBe('2023-12-31');
    expect(coordinationGroupDay(2024, '2024-08-15')).toBe('2024-08-15');
    expect(coordinationGroupDay(2026, '2024-08-15')).toBe('2024-08-15');
  });

  it('calls a required meeting held, overdue once its date has passed unheld, or still pending', () => {
    const held = { dueBy: '2024-06-30', overdue: false, heldAs: { id: 'meeting-1' } };
    expect(dueMeetingState(held, '2024-08-15')).toBe('HELD');
    expect(dueMeetingState({ dueBy: '2024-06-30', overdue: true, heldAs: null }, '2024-08-15')).toBe('OVERDUE');
    expect(dueMeetingState({ dueBy: '2024-12-31', overdue: false, heldAs: null }, '2024-08-15')).toBe('PENDING');
    // The due day itself still counts; the page left open past midnight sees the deadline pass.
    expect(dueMeetingState({ dueBy: '2024-06-30', overdue: false, heldAs: null }, '2024-06-30')).toBe('PENDING');
    expect(dueMeetingState({ dueBy: '2024-06-30', overdue: false, heldAs: null }, '2024-07-01')).toBe('OVERDUE');
  });

  it('knows real calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('15.03.2024')).toBe(false);
  });

  it('gives the trimmed input, without a region or caller the kind does not have', () => {
    const checked = checkMeetingDraft(
      draft({ regionId: 'follo', calledBy: 'Moss kommune', decisions: [row(2, ' Rapportene tas til orientering. ')] }),
      '2024-08-15',
    );
    expect(checked).toEqual({
      ok: true,
      input: {
        kind: 'COORDINATION_GROUP',
        date: '2024-03-15',
        regionId: null,
        calledBy: null,
        participants: ['Kari Nordmann (fylkeskommunen)'],
        agenda: 'Årsrapporter',
        minutes: null,
        decisions: ['Rapportene tas til orientering.'],
        requestedOn: null,
        presentMemberIds: [],
        conflictRequestId: null,
      },
    });
  });

  it('asks for what each kind needs', () => {
    expect(checkMeetingDraft(draft({ kind: 'SUPPLEMENTARY_CONTENT' }), '2024-08-15')).toEqual({
      ok: false,
      errors: { regionId: 'region' },
    });
    expect(checkMeetingDraft(draft({ kind: 'CONFLICT', calledBy: '  ' }), '2024-08-15')).toEqual({
      ok: false,
      errors: { calledBy: 'calledBy', requestedOn: 'requestedOn' },
    });
    // A conflict meeting may concern a region, but need not.
    const conflict = checkMeetingDraft(
      draft({ kind: 'CONFLICT', calledBy: 'Moss kommune', regionId: 'mosseregionen', requestedOn: '2024-03-01' }),
      '2024-08-15',
    );
    expect(conflict.ok && conflict.input).toMatchObject({
      regionId: 'mosseregionen',
      calledBy: 'Moss kommune',
      requestedOn: '2024-03-01',
    });
  });

  it("needs a conflict meeting's request day, not after the meeting, unless it holds a request (§8)", () => {
    expect(
      checkMeetingDraft(draft({ kind: 'CONFLICT', calledBy: 'Moss kommune', requestedOn: '2024-03-16' }), '2024-08-15'),
    ).toEqual({ ok: false, errors: { requestedOn: 'requestedAfter' } });
    expect(
      checkMeetingDraft(draft({ kind: 'CONFLICT', calledBy: 'Moss kommune', requestedOn: '2024-02-30' }), '2024-08-15'),
    ).toEqual({ ok: false, errors: { requestedOn: 'date' } });
    // Held for a request from the due meetings: the server takes the day and the party from it.
    const held = checkMeetingDraft(draft({ kind: 'CONFLICT', conflictRequestId: 'request-1' }), '2024-08-15');
    expect(held.ok && held.input).toMatchObject({ conflictRequestId: 'request-1', requestedOn: null, calledBy: null });
    // Other kinds send no request day, whatever the draft held.
    const other = checkMeetingDraft(draft({ requestedOn: '2024-03-01', conflictRequestId: 'x' }), '2024-08-15');
    expect(other.ok && other.input).toMatchObject({ requestedOn: null, conflictRequestId: null });
  });

  it('sends the members ticked as present for group meetings only, and counts them as participants', () => {
    const group = checkMeetingDraft(draft({ participants: [], presentMemberIds: ['member-1'] }), '2024-08-15');
    expect(group.ok && group.input).toMatchObject({ participants: [], presentMemberIds: ['member-1'] });
    const professional = checkMeetingDraft(
      draft({ kind: 'PROFESSIONAL_GROUP', presentMemberIds: ['member-9'] }),
      '2024-08-15',
    );
    expect(professional.ok && professional.input).toMatchObject({ presentMemberIds: ['member-9'] });
    const experience = checkMeetingDraft(
      draft({ kind: 'EXPERIENCE_MEETING', participants: [], presentMemberIds: ['member-1'] }),
      '2024-08-15',
    );
    expect(experience).toEqual({ ok: false, errors: { participants: 'participants' } });
  });

  it('refuses a missing kind, a date after today, empty rows, no participants and text that is too long', () => {
    const checked = checkMeetingDraft(
      draft({
        kind: '',
        date: '2024-08-16',
        participants: [],
        agenda: '',
        minutes: 'x'.repeat(100_001),
        decisions: [row(1, 'Vedtatt.'), row(2, '   ')],
      }),
      '2024-08-15',
    );
    expect(checked).toEqual({
      ok: false,
      errors: {
        kind: 'kind',
        date: 'future',
        participants: 'participants',
        agenda: 'required',
        minutes: 'tooLong',
        'decisions.1': 'emptyRow',
      },
    });
    expect(checkMeetingDraft(draft({ date: '' }), '2024-08-15')).toEqual({ ok: false, errors: { date: 'required' } });
    expect(checkMeetingDraft(draft({ participants: [row(1, 'Kari'), row(2, '')] }), '2024-08-15')).toEqual({
      ok: false,
      errors: { 'participants.1': 'emptyRow' },
    });
  });
});

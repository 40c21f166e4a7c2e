// The meetings the agreement requires (§5.1 experience meeting mid-period, §5.2 twice-yearly
// discussions of supplementary content) and whether they were held.
import { agreementsOfRegion } from './agreements.js';
import { dayBefore } from './calendar.js';
import type { Context } from './context.js';
import type { ConflictMeetingRequest, Meeting, MeetingKind } from './entities/coordination.js';

export interface DueMeetingView {
  kind: MeetingKind;
  regionId: string | null;
  dueBy: string;
  heldAs: Meeting | null;
  overdue: boolean;
  /** The request a due conflict meeting answers (conflict-meetings.ts). */
  conflictRequest?: ConflictMeetingRequest;
}

/** The last day of the first half of a period: 2022-01-01..2025-12-31 gives 2023-12-31. */
export function midPeriod(validFrom: string, validTo: string): string {
  const from = Date.parse(`${validFrom}T00:00:00Z`);
  const days = Math.round((Date.parse(`${validTo}T00:00:00Z`) - from) / 86_400_000) + 1;
  return dayBefore(new Date(from + Math.floor(days / 2) * 86_400_000).toISOString().slice(0, 10));
}

/** The two discussions of a year with one region: by 30 June and by 31 December. */
export async function supplementaryContentDiscussions(
  regionId: string,
  year: number,
  context: Context,
): Promise<DueMeetingView[]> {
  const inForce = (await agreementsOfRegion(regionId, context)).some(
    ({ firstYear, lastYear }) => firstYear <= year && year <= lastYear,
  );
  if (!inForce) return [];
  const meetings = (await context.loaders.meetingsOfYears.load(year)).filter(
    (meeting) => meeting.kind === 'SUPPLEMENTARY_CONTENT' && meeting.regionId === regionId,
  );
  const today = context.today();
  return [
    { from: `${year}-01-01`, dueBy: `${year}-06-30` },
    { from: `${year}-07-01`, dueBy: `${year}-12-31` },
  ].map(({ from, dueBy }) => {
    const heldAs = meetings.find((meeting) => meeting.date >= from && meeting.date <= dueBy) ?? null;
    return { kind: 'SUPPLEMENTARY_CONTENT', regionId, dueBy, heldAs, overdue: !heldAs && today > dueBy };
  });
}

/** The experience meetings of the agreement periods whose middle falls in the year. */
export async function experienceMeetingsDueIn(
  year: number,
  periods: { validFrom: string; validTo: string }[],
  context: Context,
): Promise<DueMeetingView[]> {
  const distinct = [...new Map(periods.map((period) => [`${period.validFrom}:${period.validTo}`, period])).values()];
  const views: DueMeetingView[] = [];
  for (const period of distinct) {
    const dueBy = midPeriod(period.validFrom, period.validTo);
    if (Number(dueBy.slice(0, 4)) !== year) continue;
    const years = Array.from(
      { length: Number(period.validTo.slice(0, 4)) - Number(period.validFrom.slice(0, 4)) + 1 },
      (_, index) => Number(period.validFrom.slice(0, 4)) + index,
    );
    const meetings = (await context.loaders.meetingsOfYears.loadMany(years)).flatMap((group) =>
      group instanceof Error ? [] : group,
    );
    const heldAs =
      meetings.find(
        (meeting) =>
          meeting.kind === 'EXPERIENCE_MEETING' && meeting.date >= period.validFrom && meeting.date <= period.validTo,
      ) ?? null;
    views.push({
      kind: 'EXPERIENCE_MEETING',
      regionId: null,
      dueBy,
      heldAs,
      overdue: !heldAs && context.today() > dueBy,
    });
  }
  return views;
}

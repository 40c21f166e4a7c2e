// How the meetings page names dates and meetings, the same in the list, the forms and the buttons' labels.
import { useI18n } from 'vue-i18n';
import type { MeetingKind } from '../graphql/generated/graphql';

// Norwegian dates (15.03.2024) whatever the language, as on the other pages of the agreement's deadlines.
const dateFormat = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatMeetingDate(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}

export function useMeetingFormat() {
  const { t } = useI18n();

  /** "20.04.2024: Drøfting av supplerende innhold – Follo": two discussions on one day differ by their region. */
  function meetingName(meeting: { date: string; kind: MeetingKind; region?: { name: string } | null }): string {
    const values = { date: formatMeetingDate(meeting.date), kind: t(`meetings.kind.${meeting.kind}`) };
    return meeting.region
      ? t('meetings.held.headingWithRegion', { ...values, region: meeting.region.name })
      : t('meetings.held.heading', values);
  }

  return { formatDate: formatMeetingDate, meetingName };
}

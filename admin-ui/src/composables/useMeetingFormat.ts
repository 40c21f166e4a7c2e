// How the meetings page names dates and meetings, the same in the list, the forms and the buttons' labels.
import { useI18n } from 'vue-i18n';
import type { MeetingKind } from '../graphql/generated/graphql';
import { calendarDay } from '../i18n';

export function useMeetingFormat() {
  const { t, d } = useI18n();

  // Norwegian dates (15.03.2024) whatever the language: the agreement's deadlines are read against Norwegian documents.
  const formatDate = (date: string): string => d(calendarDay(date), 'day', 'nb');

  /** "20.04.2024: Drøfting av supplerende innhold – Follo": two discussions on one day differ by their region. */
  function meetingName(meeting: { date: string; kind: MeetingKind; region?: { name: string } | null }): string {
    const values = { date: formatDate(meeting.date), kind: t(`meetings.kind.${meeting.kind}`) };
    return meeting.region
      ? t('meetings.held.headingWithRegion', { ...values, region: meeting.region.name })
      : t('meetings.held.heading', values);
  }

  return { formatDate, meetingName };
}

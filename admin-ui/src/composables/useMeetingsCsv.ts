// The meetings of a year as CSV rows: one meeting a row, with the kind in words and the decisions one a line.
import { useI18n } from 'vue-i18n';
import type { MeetingItem } from '../queries/meetings';

export function useMeetingsCsv() {
  const { t } = useI18n();

  function rows(meetings: readonly MeetingItem[]): string[][] {
    const header = [
      t('meetings.field.date'),
      t('meetings.field.kind'),
      t('meetings.field.region'),
      t('meetings.field.calledBy'),
      t('meetings.field.participants'),
      t('meetings.field.agenda'),
      t('meetings.field.minutes'),
      t('meetings.field.decisions'),
    ];
    const body = meetings.map((meeting) => [
      // ISO dates, which a spreadsheet reads as dates in every language.
      meeting.date,
      t(`meetings.kind.${meeting.kind}`),
      meeting.region?.name ?? '',
      meeting.calledBy ?? '',
      meeting.participants.join(', '),
      meeting.agenda,
      meeting.minutes ?? '',
      // One decision a line inside the cell; the CSV writer quotes the line breaks.
      meeting.decisions.join('\n'),
    ]);
    return [header, ...body];
  }

  return { rows };
}

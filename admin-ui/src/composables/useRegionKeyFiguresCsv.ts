// The region page's key-figures table as CSV rows: one row per agreement year, "–" for suppressed figures, with the reason.
import { useI18n } from 'vue-i18n';
import type { RegionKeyFigures } from '../queries/region';

const suppressedMark = '–';

export function useRegionKeyFiguresCsv() {
  const { t, locale } = useI18n();

  function rows(figures: readonly RegionKeyFigures[]): string[][] {
    // Norwegian Excel reads "310,5" as a number and "310.5" as text, so the mark follows the language.
    const decimalMark = locale.value === 'nb' ? ',' : '.';
    const count = (value: number | null | undefined) => (value == null ? suppressedMark : String(value));
    const decimal = (value: number | null | undefined) =>
      value == null ? suppressedMark : String(value).replace('.', decimalMark);

    const header = [
      t('region.keyFigures.year'),
      t('overview.table.newClients'),
      t('overview.table.immigrantBackground'),
      `${t('overview.table.immigrantShare')} (%)`,
      t('overview.table.counsellingHours'),
      t('overview.table.coursesHeld'),
      t('region.keyFigures.courseParticipants'),
      t('overview.table.businessesStarted'),
      t('region.keyFigures.reasonColumn'),
    ];
    const body = figures.map((year) => [
      String(year.year),
      count(year.newClients),
      count(year.clientsWithImmigrantBackground),
      // A share, not money: one rounding for display is all the arithmetic it gets.
      year.immigrantBackgroundShare == null
        ? suppressedMark
        : (year.immigrantBackgroundShare * 100).toFixed(1).replace('.', decimalMark),
      decimal(year.counsellingHours),
      count(year.coursesHeld),
      count(year.courseParticipants),
      count(year.businessesStarted),
      // The console's words, not the server's English reason.
      year.suppressionReason || year.suppressed.length > 0 ? t('overview.suppressed') : '',
    ]);
    return [header, ...body];
  }

  return { rows };
}

// Where a population figure comes from, in words: an approximate demo figure, or SSB's table with
// when SSB updated it and who imported it when. Dates are shown in Oslo's calendar.
import { useI18n } from 'vue-i18n';
import { calendarDay } from '../i18n';

export interface FigureSource {
  source: 'DEMO_APPROXIMATION' | 'SSB';
  sourceTable: string | null;
  sourceUpdatedAt: string | null;
  importedBy: string | null;
  recordedAt: string;
}

export function usePopulationSource() {
  const { t, d } = useI18n();
  /** A moment (ISO 8601) as its day in Oslo, e.g. "19. august 2021". */
  const formatMoment = (moment: string) => d(new Date(moment), 'longDayInOslo');
  /** A date without a time (YYYY-MM-DD) as a day: read in UTC so it never shifts. */
  const formatDay = (day: string) => d(calendarDay(day), 'longDay');

  function describeSource(figure: FigureSource): string {
    if (figure.source === 'DEMO_APPROXIMATION') return t('population.source.demo');
    const table = figure.sourceTable ?? '01222';
    if (!figure.sourceUpdatedAt || !figure.importedBy) return t('population.source.ssbTable', { table });
    return t('population.source.ssb', {
      table,
      updated: formatMoment(figure.sourceUpdatedAt),
      importedAt: formatMoment(figure.recordedAt),
      importedBy: figure.importedBy,
    });
  }

  return { describeSource, formatMoment, formatDay };
}

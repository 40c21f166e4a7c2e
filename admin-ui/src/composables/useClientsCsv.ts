// The client list as CSV rows: the table's columns and nothing more, so the file holds no personal data beyond what
// the list shows the person exporting it.
import { useI18n } from 'vue-i18n';
import type { ClientListItem } from '../queries/clients';

// A machine format, not the reader's: the exports' CSV files give a day as DD.MM.YYYY whatever the console's
// language, because Norwegian Excel reads that as a date (and "15 May 2024" as text). So it is formatted here and not
// with the language's `d()` formats.
const spreadsheetDateFormat = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
/** A calendar day (YYYY-MM-DD) as a CSV file gives it, e.g. 15.05.2024. */
export const spreadsheetDate = (date: string) =>
  spreadsheetDateFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

export function useClientsCsv() {
  const { t } = useI18n();

  /** With the region column when the table has one (the county officer's list of every region). */
  function rows(items: readonly ClientListItem[], { withRegion = false } = {}): string[][] {
    const header = [
      t('clients.table.name'),
      ...(withRegion ? [t('layout.clients.region')] : []),
      t('clients.table.municipality'),
      t('clients.table.registeredOn'),
      t('clients.table.immigrantBackground'),
      t('clients.table.businesses'),
    ];
    const body = items.map((client) => [
      client.erasedAt ? t('personalData.anonymised') : client.name,
      ...(withRegion ? [client.region.name] : []),
      client.municipality.name,
      spreadsheetDate(client.registeredOn),
      t(`clients.background.${client.immigrantBackground}`),
      String(client.businesses.length),
    ]);
    return [header, ...body];
  }

  return { rows };
}

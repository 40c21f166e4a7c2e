// The client list as CSV rows: the table's columns and nothing more, so the file holds no personal data beyond what
// the list shows the person exporting it.
import { useI18n } from 'vue-i18n';
import type { ClientListItem } from '../queries/clients';

// Norwegian dates whatever the language, as in the table; Norwegian Excel reads them as dates.
const dateFormat = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const formatDate = (date: string) => dateFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

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
      formatDate(client.registeredOn),
      t(`clients.background.${client.immigrantBackground}`),
      String(client.businesses.length),
    ]);
    return [header, ...body];
  }

  return { rows };
}

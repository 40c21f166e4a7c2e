// A page of website requests as CSV rows: one request a row, kinds and statuses in words, times on the clock in Oslo.
import { useI18n } from 'vue-i18n';
import type { WebsiteRequestItem } from '../queries/websiteRequests';
import { formatCalendarDate, osloDateAndTime } from './websiteRequestFormat';

export function useWebsiteRequestsCsv() {
  const { t } = useI18n();

  // "12.03.2026 14:05", which Norwegian Excel reads as a date and time.
  const moment = (instant: string | null | undefined) => {
    if (!instant) return '';
    const { date, time } = osloDateAndTime(instant);
    return `${date} ${time}`;
  };

  function rows(items: readonly WebsiteRequestItem[]): string[][] {
    const header = [
      t('websiteRequests.csv.receivedAt'),
      t('websiteRequests.csv.reference'),
      t('websiteRequests.csv.kind'),
      t('websiteRequests.csv.region'),
      t('websiteRequests.csv.client'),
      t('websiteRequests.csv.email'),
      t('websiteRequests.csv.phone'),
      t('websiteRequests.csv.municipality'),
      t('websiteRequests.csv.matchedExistingClient'),
      t('websiteRequests.csv.course'),
      t('websiteRequests.csv.courseStartsOn'),
      t('websiteRequests.csv.message'),
      t('websiteRequests.csv.status'),
      t('websiteRequests.csv.pickedUpBy'),
      t('websiteRequests.csv.pickedUpAt'),
    ];
    const body = items.map((item) => [
      moment(item.receivedAt),
      item.reference,
      t(`websiteRequests.kind.${item.kind}`),
      item.client.region.name,
      item.client.name,
      item.client.email ?? '',
      item.client.phone ?? '',
      item.client.municipality.name,
      item.matchedExistingClient ? t('websiteRequests.csv.yes') : t('websiteRequests.csv.no'),
      item.course?.title ?? '',
      item.course ? formatCalendarDate(item.course.startsOn) : '',
      // Line breaks stay inside the cell; the CSV writer quotes them.
      item.message ?? '',
      t(`websiteRequests.status.${item.status}`),
      item.pickedUpBy?.name ?? '',
      moment(item.pickedUpAt),
    ]);
    return [header, ...body];
  }

  return { rows };
}

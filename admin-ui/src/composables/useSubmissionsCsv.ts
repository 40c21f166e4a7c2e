// The submissions page as CSV rows: the year's submissions with their status and decision, and the
// payments of the year and the next, with the same texts and Norwegian dates as on screen.
import { useI18n } from 'vue-i18n';
import { calendarDay } from '../i18n';
import type { PaymentItem, SubmissionItem } from '../queries/submissions';
import { nokWithDecimalMark } from './overviewFigures';

export function useSubmissionsCsv() {
  const { t, d, locale } = useI18n();

  // The file's dates are bokmål's `day` (01.05.2024) whatever the language: a spreadsheet reads that as a date,
  // where the English `day` (1 May 2024) would stay text.
  const formatDate = (date: string | null | undefined) => (date ? d(calendarDay(date), 'day', 'nb') : '');

  // Norwegian Excel reads "1096500,00" as a number and "1096500.00" as text, so the mark follows the language.
  const amount = (value: string | null | undefined) =>
    value ? nokWithDecimalMark(value, locale.value === 'nb' ? ',' : '.') : '';

  function submissionRows(items: readonly SubmissionItem[]): string[][] {
    const header = [
      t('clientData.csv.submissions.kind'),
      t('clientData.csv.submissions.coversYear'),
      t('submissions.dueDate'),
      t('submissions.statusLabel'),
      t('submissions.late'),
      t('submissions.submitted'),
      t('clientData.csv.submissions.submittedBy'),
      t('submissions.documentReference'),
      `${t('submissions.totalAmount')} (NOK)`,
      t('submissions.comment'),
    ];
    const body = items.map((item) => [
      t(`submissions.kind.${item.kind}`),
      String(item.coversYear),
      formatDate(item.dueDate),
      t(`submissions.status.${item.status}`),
      item.late ? t('clients.yes') : t('clients.no'),
      formatDate(item.submittedOn),
      item.submittedBy ?? '',
      item.documentReference ?? '',
      amount(item.totalAmount),
      item.decisionComment ?? '',
    ]);
    return [header, ...body];
  }

  function paymentRows(years: readonly { year: number; payments: readonly PaymentItem[] }[]): string[][] {
    const header = [
      t('submissions.year'),
      t('submissions.payments.instalment'),
      t('submissions.payments.dueDate'),
      `${t('submissions.payments.amount')} (NOK)`,
      t('submissions.payments.status'),
      t('clientData.csv.payments.paidOn'),
    ];
    const body = years.flatMap(({ year, payments }) =>
      payments.map((payment) => [
        String(year),
        t(`submissions.payments.instalmentName.${payment.instalment}`),
        formatDate(payment.dueDate),
        amount(payment.amount),
        t(`submissions.payments.statusName.${payment.status}`),
        formatDate(payment.paidOn),
      ]),
    );
    return [header, ...body];
  }

  return { submissionRows, paymentRows };
}

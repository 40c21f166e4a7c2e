// The overview table as CSV rows: the same figures as on screen, with the language's decimal mark and "–" for suppressed ones.
import { useI18n } from 'vue-i18n';
import type { RegionYear } from '../queries/overview';
import { numberInYear } from './countySplit';
import { needsAttention, nokWithDecimalMark, paymentFor } from './overviewFigures';

const submissionKinds = ['ANNUAL_REPORT', 'ACCOUNTS', 'ACTIVITY_PLAN', 'BUDGET'] as const;
const suppressedMark = '–';

export function useOverviewCsv() {
  const { t, locale } = useI18n();

  /** `year`: the year shown, for the municipality number valid in it (numbers changed on 2024-01-01). */
  function rows(regions: readonly RegionYear[], year?: number): string[][] {
    // Norwegian Excel reads "1096500,00" as a number and "1096500.00" as text, so the mark follows the language.
    const decimalMark = locale.value === 'nb' ? ',' : '.';
    const decimal = (value: number | null | undefined) =>
      value == null ? suppressedMark : String(value).replace('.', decimalMark);
    const count = (value: number | null | undefined) => (value == null ? suppressedMark : String(value));

    const header = [
      t('overview.table.region'),
      t('overview.table.contractMunicipality'),
      t('overview.table.agreement'),
      `${t('overview.table.funding')} (NOK)`,
      `${t('overview.table.payments')} ${t('overview.instalment.JANUARY')}`,
      `${t('overview.table.payments')} ${t('overview.instalment.AUGUST')}`,
      ...submissionKinds.map((kind) => t(`overview.submissionKind.${kind}`)),
      t('overview.table.newClients'),
      t('overview.table.immigrantBackground'),
      `${t('overview.table.immigrantShare')} (%)`,
      t('overview.table.counsellingHours'),
      t('overview.table.coursesHeld'),
      t('overview.table.businessesStarted'),
      `${t('overview.table.referrals')}: ${t('overview.referrals.toInnovasjonNorge')}`,
      `${t('overview.table.referrals')}: ${t('overview.referrals.toNav')}`,
      `${t('overview.table.referrals')}: ${t('overview.referrals.fromNav')}`,
      // Since the 2024 county split: the region's county, who pays (NOK), the contract municipality's number that year.
      t('overview.table.countyOfRegion'),
      `${t('overview.table.payersColumn')} (NOK)`,
      year === undefined
        ? t('overview.table.contractMunicipality')
        : t('overview.table.municipalityNumberInYear', { year }),
    ];

    const body = regions.map((region) => {
      const { statistics: figures, referrals } = region;
      const payment = (instalment: 'JANUARY' | 'AUGUST') => {
        const found = paymentFor(region, instalment);
        return found ? t(`overview.paymentStatus.${found.status}`) : '';
      };
      const submission = (kind: (typeof submissionKinds)[number]) =>
        // Empty cells when the county service did not answer (the page's banner said so).
        (region.submissions ?? [])
          .filter((item) => item.kind === kind)
          .map((item) => {
            const text = `${t(`overview.submissionStatus.${item.status}`)} (${item.coversYear})`;
            return needsAttention(item) ? `${text} – ${t('overview.needsAttention')}` : text;
          })
          .join(', ');
      const share = figures.immigrantBackgroundShare;
      return [
        region.name,
        region.contractMunicipality.name,
        region.agreement
          ? t(`overview.agreementStatus.${region.agreement.status}`)
          : t('overview.agreementStatus.none'),
        region.funding ? nokWithDecimalMark(region.funding.total, decimalMark) : '',
        payment('JANUARY'),
        payment('AUGUST'),
        ...submissionKinds.map(submission),
        count(figures.newClients),
        count(figures.clientsWithImmigrantBackground),
        // A share, not money: one rounding for display is all the arithmetic it gets.
        share == null ? suppressedMark : (share * 100).toFixed(1).replace('.', decimalMark),
        decimal(figures.counsellingHours),
        count(figures.coursesHeld),
        count(figures.businessesStarted),
        // Empty, not "–", when the partners service did not answer: unknown, not suppressed.
        ...(referrals
          ? [count(referrals.toInnovasjonNorge), count(referrals.toNav), count(referrals.fromNav)]
          : ['', '', '']),
        region.county?.name ?? '',
        (region.funding?.countyPayers ?? [])
          .map((payer) => `${payer.county.name} ${nokWithDecimalMark(payer.amount, decimalMark)}`)
          .join(', '),
        year === undefined
          ? region.contractMunicipality.number
          : numberInYear(region.contractMunicipality.numbers, region.contractMunicipality.number, year),
      ];
    });

    return [header, ...body];
  }

  return { rows };
}

// The referral inbox as CSV rows: one row per referral, in the words and Norwegian dates the page uses.
import { useI18n } from 'vue-i18n';
import type { ReferralItem } from '../queries/referrals';
import { formatDay } from './gatheringRules';
import { usePersonName } from './personName';

export function useReferralsCsv() {
  const { t } = useI18n();
  const personName = usePersonName();

  function rows(items: readonly ReferralItem[]): string[][] {
    const header = [
      t('referrals.field.sentOn'),
      t('referrals.field.client'),
      t('partnerActions.csv.email'),
      t('partnerActions.csv.phone'),
      t('referrals.field.direction'),
      t('referrals.field.programme'),
      t('partnerActions.csv.otherActor'),
      t('referrals.field.region'),
      t('referrals.field.navOffice'),
      t('referrals.field.consentGivenOn'),
      t('referrals.field.status'),
      t('partnerActions.csv.statusChangedOn'),
      t('referrals.field.reason'),
      t('referrals.field.note'),
    ];
    const body = items.map((item) => [
      formatDay(item.sentOn),
      personName(item.sharedClientData.name),
      item.sharedClientData.email ?? '',
      item.sharedClientData.phone ?? '',
      t(`referrals.direction.${item.direction}`),
      t(`referrals.programme.${item.programme}`),
      item.otherActor ?? '',
      item.region.name,
      item.navOffice?.name ?? '',
      formatDay(item.consentGivenOn),
      t(`referrals.status.${item.status}`),
      formatDay(item.statusChangedOn),
      item.statusReason ?? '',
      item.note ?? '',
    ]);
    return [header, ...body];
  }

  return { rows };
}

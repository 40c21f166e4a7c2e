// The gatherings page as CSV rows: the year's gatherings with registered and attended, and one row per registration.
import { useI18n } from 'vue-i18n';
import type { GatheringItem } from '../queries/gatherings';
import { attendedCount, formatDay, formatInstant } from './gatheringRules';

export function useGatheringsCsv() {
  const { t } = useI18n();

  const yesNo = (value: boolean) => (value ? t('partnerActions.csv.yes') : t('partnerActions.csv.no'));

  /** One row per gathering, as the table shows it; "attended" is empty while attendance is not recorded. */
  function gatheringRows(gatherings: readonly GatheringItem[]): string[][] {
    const header = [
      t('gatherings.field.title'),
      t('gatherings.field.date'),
      t('gatherings.field.location'),
      t('gatherings.field.online'),
      t('gatherings.field.organisers'),
      t('partnerActions.gatherings.column.invited'),
      t('partnerActions.gatherings.column.registered'),
      t('partnerActions.gatherings.column.attended'),
    ];
    const body = gatherings.map((gathering) => {
      const attended = attendedCount(gathering);
      return [
        gathering.title,
        formatDay(gathering.date),
        gathering.location ?? t('gatherings.onlineOnly'),
        yesNo(gathering.online),
        gathering.organisers.join(', '),
        gathering.invitedRegions.length === 0
          ? t('partnerActions.gatherings.allRegions')
          : gathering.invitedRegions.map((region) => region.name).join(', '),
        String(gathering.registrations.length),
        attended === null ? '' : String(attended),
      ];
    });
    return [header, ...body];
  }

  /** One row per adviser registered, for following up who came. */
  function registrationRows(gatherings: readonly GatheringItem[]): string[][] {
    const header = [
      t('gatherings.field.title'),
      t('gatherings.field.date'),
      t('partnerActions.gatherings.column.adviser'),
      t('partnerActions.gatherings.column.region'),
      t('partnerActions.gatherings.column.registeredAt'),
      t('partnerActions.gatherings.column.attendance'),
    ];
    const body = gatherings.flatMap((gathering) =>
      gathering.registrations.map((registration) => [
        gathering.title,
        formatDay(gathering.date),
        registration.adviser?.name ??
          t('partnerActions.gatherings.unregister.unknownAdviser', { id: registration.adviserId }),
        registration.region.name,
        formatInstant(registration.registeredAt),
        registration.attended === null
          ? t('partnerActions.gatherings.attendance.notRecorded')
          : registration.attended
            ? t('partnerActions.gatherings.attendance.attended')
            : t('partnerActions.gatherings.attendance.absent'),
      ]),
    );
    return [header, ...body];
  }

  return { gatheringRows, registrationRows };
}

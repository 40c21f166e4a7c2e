// The words of the reminder that a year still lacks professional gatherings (§5.4), in bokmål and
// English: ahead of the year's end while fewer than the minimum are held or planned, and after it
// when fewer were held.
import { longDate, type MessageLocale } from '@etablerer/kit';
import type { NotificationText } from './notifications.js';

export interface GatheringShortfall {
  year: number;
  /** Gatherings dated in the year: held, or planned for later in it. */
  count: number;
  minimum: number;
  /** Days until the year's last day; negative once the year is over. */
  daysLeft: number;
}

export function gatheringShortfallText(data: GatheringShortfall, locale: MessageLocale): NotificationText {
  const yearEnd = longDate(`${data.year}-12-31`, locale);
  const over = data.daysLeft < 0;
  if (locale === 'nb') {
    return over
      ? {
          title: `Fagsamlinger ${data.year}: ${data.count} av minst ${data.minimum} holdt`,
          body: `Samarbeidsavtalen (§ 5.4) sier at Innovasjon Norge og fylkeskommunen holder minst ${data.minimum} fagsamlinger for rådgiverne hvert år. I ${data.year} ble ${data.count} holdt. Ta det opp i koordineringsgruppen.`,
        }
      : {
          title: `Fagsamlinger ${data.year}: ${data.count} av minst ${data.minimum} holdt eller planlagt`,
          body: `Samarbeidsavtalen (§ 5.4) sier at Innovasjon Norge og fylkeskommunen holder minst ${data.minimum} fagsamlinger for rådgiverne hvert år. For ${data.year} er ${data.count} holdt eller planlagt, og året slutter ${yearEnd} (om ${data.daysLeft} ${data.daysLeft === 1 ? 'dag' : 'dager'}). Planlegg samlingen i konsollet under «Fagsamlinger».`,
        };
  }
  return over
    ? {
        title: `Professional gatherings ${data.year}: ${data.count} of at least ${data.minimum} held`,
        body: `The cooperation agreement (§ 5.4) says Innovasjon Norge and the county hold at least ${data.minimum} professional gatherings for the advisers every year. In ${data.year}, ${data.count} were held. Raise it in the coordination group.`,
      }
    : {
        title: `Professional gatherings ${data.year}: ${data.count} of at least ${data.minimum} held or planned`,
        body: `The cooperation agreement (§ 5.4) says Innovasjon Norge and the county hold at least ${data.minimum} professional gatherings for the advisers every year. For ${data.year}, ${data.count} are held or planned, and the year ends on ${yearEnd} (in ${data.daysLeft} ${data.daysLeft === 1 ? 'day' : 'days'}). Plan the gathering in the console under “Professional gatherings”.`,
      };
}

// The words of the partners' notifications (referrals and business assessments), in bokmål and
// English. They name the region, the programme and the organisations, never the client: a
// notification travels to the county and into e-mail, where the client's data must not go.
import { type MessageLocale, referenceRegions } from '@etablerer/kit';
import type { BusinessAssessment } from '../entities/business-assessment.js';
import type { Referral, ReferralProgramme, ReferralStatus } from '../entities/referral.js';
import type { NotificationText } from './notifications.js';

const programmeNames: Record<MessageLocale, Record<ReferralProgramme, string>> = {
  nb: {
    STARTUP_GRANT_PHASE_1: 'etablerertilskudd fase 1 (markedsavklaring)',
    STARTUP_GRANT_PHASE_2: 'etablerertilskudd fase 2 (kommersialisering)',
    STARTUP_GRANT_PHASE_3: 'etablerertilskudd fase 3 (skalering)',
    STARTUP_LOAN: 'oppstartlån',
    FROM_IDEA_TO_MARKET_SEMINAR: 'seminaret «Fra idé til marked»',
    UNEMPLOYMENT_BENEFIT_DURING_START_UP: 'dagpenger under etablering',
    WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP: 'arbeidsavklaringspenger under etablering',
    INTRODUCTION_PROGRAMME: 'introduksjonsprogrammet',
    QUALIFICATION_PROGRAMME: 'kvalifiseringsprogrammet',
    ENTREPRENEUR_SERVICE: 'etablerertjenesten',
    OTHER: 'annet',
  },
  en: {
    STARTUP_GRANT_PHASE_1: 'startup grant phase 1 (market clarification)',
    STARTUP_GRANT_PHASE_2: 'startup grant phase 2 (commercialisation)',
    STARTUP_GRANT_PHASE_3: 'startup grant phase 3 (scaling)',
    STARTUP_LOAN: 'startup loan',
    FROM_IDEA_TO_MARKET_SEMINAR: 'the seminar “From idea to market”',
    UNEMPLOYMENT_BENEFIT_DURING_START_UP: 'unemployment benefit during start-up',
    WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP: 'work assessment allowance during start-up',
    INTRODUCTION_PROGRAMME: 'the introduction programme',
    QUALIFICATION_PROGRAMME: 'the qualification programme',
    ENTREPRENEUR_SERVICE: 'the entrepreneur service',
    OTHER: 'other',
  },
};

/** A status as the end of a sentence: "… marked the referral as accepted". */
const statusWords: Record<MessageLocale, Record<ReferralStatus, string>> = {
  nb: { SENT: 'sendt', RECEIVED: 'mottatt', ACCEPTED: 'akseptert', DECLINED: 'avslått', COMPLETED: 'fullført' },
  en: { SENT: 'sent', RECEIVED: 'received', ACCEPTED: 'accepted', DECLINED: 'declined', COMPLETED: 'completed' },
};

const regionName = (regionId: string) => referenceRegions().find((region) => region.id === regionId)?.name ?? regionId;

/** Who receives, and so answers, a referral of this direction. */
function receivingParty(referral: Referral, locale: MessageLocale): string {
  switch (referral.direction) {
    case 'TO_INNOVASJON_NORGE':
      return 'Innovasjon Norge';
    case 'TO_NAV':
      return 'NAV';
    case 'FROM_NAV':
      return locale === 'nb'
        ? `Etablerertjenesten i ${regionName(referral.regionId)}`
        : `The entrepreneur service in ${regionName(referral.regionId)}`;
    case 'TO_OTHER_ACTOR':
      return referral.otherActor ?? (locale === 'nb' ? 'Mottakeren' : 'The receiver');
  }
}

export function referralReceivedText(referral: Referral, locale: MessageLocale): NotificationText {
  const region = regionName(referral.regionId);
  const programme = programmeNames[locale][referral.programme as ReferralProgramme];
  if (referral.direction === 'FROM_NAV') {
    return locale === 'nb'
      ? {
          title: 'Ny henvisning fra NAV',
          body: `NAV har henvist en person i ${region} til etablerertjenesten. Registrer personen som klient og knytt henvisningen til klienten.`,
        }
      : {
          title: 'New referral from NAV',
          body: `NAV has referred a person in ${region} to the entrepreneur service. Register the person as a client and link the referral to them.`,
        };
  }
  return locale === 'nb'
    ? {
        title: 'Ny henvisning fra etablerertjenesten',
        body: `Etablerertjenesten i ${region} har henvist en klient til ${receivingParty(referral, locale)} for ${programme}.`,
      }
    : {
        title: 'New referral from the entrepreneur service',
        body: `The entrepreneur service in ${region} has referred a client to ${receivingParty(referral, locale)} for ${programme}.`,
      };
}

export function referralAnsweredText(referral: Referral, locale: MessageLocale): NotificationText {
  const region = regionName(referral.regionId);
  const programme = programmeNames[locale][referral.programme as ReferralProgramme];
  const status = statusWords[locale][referral.status as ReferralStatus];
  const party = receivingParty(referral, locale);
  // The reason given with a decline is free text the receiver wrote: it may name the client, so it stays in the console.
  return locale === 'nb'
    ? {
        title: `Henvisningen er ${status}`,
        body: `${party} har markert henvisningen av en klient i ${region} (${programme}) som ${status}.`,
      }
    : {
        title: `Referral ${status}`,
        body: `${party} has marked the referral of a client in ${region} (${programme}) as ${status}.`,
      };
}

export function assessmentRequestedText(assessment: BusinessAssessment, locale: MessageLocale): NotificationText {
  const region = regionName(assessment.regionId);
  const purpose = programmeNames[locale][assessment.purpose as ReferralProgramme] ?? assessment.purpose;
  return locale === 'nb'
    ? {
        title: 'NAV ber om en næringsfaglig vurdering',
        body: `NAV ber om en næringsfaglig vurdering av en klient i ${region} før vedtak om ${purpose}.`,
      }
    : {
        title: 'NAV asks for a business assessment',
        body: `NAV asks for a business assessment of a client in ${region} before deciding on ${purpose}.`,
      };
}

export function assessmentDeliveredText(assessment: BusinessAssessment, locale: MessageLocale): NotificationText {
  const region = regionName(assessment.regionId);
  const purpose = programmeNames[locale][assessment.purpose as ReferralProgramme] ?? assessment.purpose;
  // The conclusion is about the client's business: it stays in the console, behind NAV's access.
  return locale === 'nb'
    ? {
        title: 'Næringsfaglig vurdering levert',
        body: `Etablerertjenesten i ${region} har levert den næringsfaglige vurderingen av en klient (${purpose}).`,
      }
    : {
        title: 'Business assessment delivered',
        body: `The entrepreneur service in ${region} has delivered the business assessment of a client (${purpose}).`,
      };
}

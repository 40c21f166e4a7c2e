// The demo's county officers per county (kit `demo-users.ts`; the subject is the demo user name):
// one approves the plans and budgets and records the county's payments, a second officer of the
// same county confirms them (separation of duties). Viken's years were recorded by Kari Nordmann,
// then Viken's officer, and confirmed by Anne Lund.
import type { CountyId } from '@etablerer/kit';

export interface DemoOfficer {
  subject: string;
  name: string;
}

export const demoOfficers: Record<CountyId, { officer: DemoOfficer; controller: DemoOfficer }> = {
  viken: {
    officer: { subject: 'county.officer', name: 'Kari Nordmann' },
    controller: { subject: 'viken.officer', name: 'Anne Lund' },
  },
  akershus: {
    officer: { subject: 'county.officer', name: 'Kari Nordmann' },
    controller: { subject: 'county.controller', name: 'Eirik Solberg' },
  },
  buskerud: {
    officer: { subject: 'buskerud.officer', name: 'Trond Eriksen' },
    controller: { subject: 'buskerud.controller', name: 'Tor Haugland' },
  },
  ostfold: {
    officer: { subject: 'ostfold.officer', name: 'Hilde Solberg' },
    controller: { subject: 'ostfold.controller', name: 'Mona Berg' },
  },
};

/** The recording and confirming of a demo payment: confirmed the next day, or the same day when that is today. */
export function demoPaymentControl(payerId: CountyId, paidOn: string, today: string) {
  const { officer, controller } = demoOfficers[payerId];
  const next = new Date(`${paidOn}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const nextDay = next.toISOString().slice(0, 10);
  return {
    recordedBy: officer.name,
    recordedBySubject: officer.subject,
    recordedOn: paidOn,
    confirmedBy: controller.name,
    confirmedBySubject: controller.subject,
    confirmedOn: nextDay <= today ? nextDay : today,
  };
}

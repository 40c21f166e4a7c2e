// Which local NAV office serves a municipality, so a referral to NAV goes to the right office.
import { badUserInput, municipalityKeyOrSelf } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NavOfficeSchema } from './entities/nav-office.js';

export async function navOfficeServing(em: EntityManager, municipalityNumber: string) {
  if (!/^\d{4}$/.test(municipalityNumber)) {
    throw badUserInput('municipalityNumber: a municipality number has four digits', 'municipalityNumber');
  }
  const rows: { id: string }[] = await em.execute(
    'select id from nav_office where ? = any(municipality_numbers) limit 1',
    // Offices list the numbers municipalities are kept under (Viken's); the 2024 number finds the same office.
    [municipalityKeyOrSelf(municipalityNumber)],
  );
  return rows[0] ? em.findOne(NavOfficeSchema, { id: rows[0].id }) : null;
}

/** The office, or BAD_USER_INPUT naming the field when no office serves the municipality. */
export async function requiredNavOffice(em: EntityManager, municipalityNumber: string, field: string) {
  const office = await navOfficeServing(em, municipalityNumber);
  if (!office)
    throw badUserInput(`${field}: no NAV office is known to serve municipality ${municipalityNumber}`, field);
  return office;
}

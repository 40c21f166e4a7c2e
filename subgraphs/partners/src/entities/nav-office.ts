// A local NAV office, the NAV county division it belongs to, and the municipalities it serves.
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const navDivisions = ['NAV_VEST_VIKEN', 'NAV_OST_VIKEN'] as const;
export type NavDivision = (typeof navDivisions)[number];

export const NavOfficeSchema = defineEntity({
  name: 'NavOffice',
  properties: (p) => ({
    id: p.string().length(100).primary(),
    name: p.string().length(200),
    division: p.enum(navDivisions as unknown as NavDivision[]),
    /** Four-digit municipality numbers the office serves. */
    municipalityNumbers: p.array(),
  }),
});

export type NavOffice = InferEntity<typeof NavOfficeSchema>;

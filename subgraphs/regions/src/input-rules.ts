// Input rules the advisers' writes and the public website's share, so a phone number or a
// municipality number is judged the same wherever it comes in.
import { z } from 'zod';

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{8,20}$/, 'digits and spaces, 8 to 20, with an optional leading +');

export const municipalityNumber = z.string().regex(/^\d{4}$/, 'a municipality number has four digits');

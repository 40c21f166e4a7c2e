// Input rules the advisers' writes and the public website's share, so a phone number or a
// municipality number is judged the same wherever it comes in.
import { municipalityKeyOrSelf } from '@etablerer/kit';
import { z } from 'zod';

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{8,20}$/, 'digits and spaces, 8 to 20, with an optional leading +');

/**
 * Either of a municipality's numbers (Viken's 30xx or the one from 2024), as the number the
 * municipality is kept under, so a form filled in with the new number finds the same municipality.
 */
export const municipalityNumber = z
  .string()
  .regex(/^\d{4}$/, 'a municipality number has four digits')
  .transform(municipalityKeyOrSelf);

// Input validation with zod: the first problem becomes a BAD_USER_INPUT error naming the field.
import type { z } from 'zod';
import { badUserInput } from './errors.js';

export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  prefix = 'input',
): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [prefix, ...(issue?.path ?? [])].join('.');
  throw badUserInput(`${field}: ${issue?.message ?? 'invalid value'}`, field);
}

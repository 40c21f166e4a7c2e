// Structured JSON logs for every service; `LOG_LEVEL` sets the level (default info, silent in tests).
import { pino } from 'pino';

const defaultLevel = process.env.VITEST ? 'silent' : 'info';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? defaultLevel,
  base: { service: process.env.SERVICE_NAME ?? 'etablerer' },
});

export type Logger = typeof logger;

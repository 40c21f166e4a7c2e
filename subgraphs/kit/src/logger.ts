// Structured JSON logs for every service; `LOG_LEVEL` sets the level (default info, silent in tests).
// Every line logged while a request is handled carries its request id, which the gateway passes on
// to the subgraphs, so one request can be followed through every process's log.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino } from 'pino';

export interface RequestScope {
  requestId: string;
}

/** The request being handled, set by the service shell for everything a request runs. */
export const requestScope = new AsyncLocalStorage<RequestScope>();

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

const defaultLevel = process.env.VITEST ? 'silent' : 'info';
/**
 * LOG_LEVEL as the process starts, for what is logged before the configuration is read; a level
 * pino does not know is left for the configuration to refuse (config.ts), with a clear message.
 */
const startLevel = process.env.LOG_LEVEL;

export const logger = pino({
  level: startLevel && [...Object.keys(pino.levels.values), 'silent'].includes(startLevel) ? startLevel : defaultLevel,
  base: { service: process.env.SERVICE_NAME ?? 'etablerer', pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
});

export type Logger = typeof logger;

/**
 * Writes Node's process warnings (deprecations, listener leaks, a dependency's own warnings) to
 * the log as JSON lines, instead of Node's bare "(node:PID) Warning: …" on stderr, which a log
 * collector reading JSON would drop or choke on.
 */
export function logProcessWarnings(log: Logger = logger): void {
  // Node prints warnings from a 'warning' listener of its own; this one replaces it.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    const { name, message } = warning;
    const code = (warning as Error & { code?: string }).code;
    log.warn({ warning: { name, ...(code ? { code } : {}), message, stack: warning.stack } }, `${name}: ${message}`);
  });
}

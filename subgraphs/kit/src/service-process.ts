// The parent's side of runAsProcess: forks one service's entry point and resolves once the service says it listens.
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The export condition under which workspace packages resolve to their TypeScript sources (see each package.json). */
export const sourceCondition = 'development';

/**
 * How Node runs an entry point: a built `.js` as it is; a TypeScript source through tsx, with the
 * workspace packages it imports resolved to their sources too.
 */
export function nodeArgumentsFor(entry: string): string[] {
  return entry.endsWith('.ts') ? ['--import', import.meta.resolve('tsx'), `--conditions=${sourceCondition}`] : [];
}

interface ReadyMessage {
  type: 'ready';
  url: string;
  /** The service's internal port (the console has none). */
  internalUrl?: string;
}

function isReadyMessage(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as ReadyMessage).type === 'ready';
}

export interface ServiceProcess<Name extends string = string> {
  name: Name;
  url: string;
  /** Its internal port: /metrics, /health, /health/ready (none for the console). */
  internalUrl?: string;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServiceProcessOptions {
  env: Record<string, string>;
  /** 'inherit' (default) shares this process's output; 'pipe' leaves it on child.stdout/stderr. */
  output?: 'inherit' | 'pipe';
  timeoutMs?: number;
  /** Called with the process as soon as it is forked, before it is ready. */
  onFork?: (child: ChildProcess) => void;
}

/** Longer than a service's own drain (10 s), so that a stop is not cut short while requests finish. */
const stopGraceMs = 15_000;

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export function stopProcess(child: ChildProcess, graceMs = stopGraceMs): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Forks service `name` from `entry` (a built `.js` or a `.ts` source) and resolves once it says it listens. */
export function startServiceProcess<Name extends string>(
  name: Name,
  entry: string,
  { env, output = 'inherit', timeoutMs = 120_000, onFork }: ServiceProcessOptions,
): Promise<ServiceProcess<Name>> {
  const child = fork(entry, [], {
    execArgv: nodeArgumentsFor(entry),
    // Any free internal port unless told: two services on one machine must not both take the default.
    env: { ...process.env, SERVICE_NAME: name, INTERNAL_PORT: '0', ...env },
    stdio: ['ignore', output, output, 'ipc'],
  });
  onFork?.(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('message', (message) => {
      if (!isReadyMessage(message)) return;
      clearTimeout(timer);
      resolve({
        name,
        url: message.url,
        ...(message.internalUrl ? { internalUrl: message.internalUrl } : {}),
        child,
        stop: (graceMs) => stopProcess(child, graceMs),
      });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (${signal ?? `exit code ${code}`}); see its log above`));
    });
  });
}

/**
 * A port free on loopback now, for a service that must be told another's address before that one starts. Taken
 * below the system's range of ephemeral ports: a port from that range (what `listen(0)` gives) could be taken, in
 * the moment before the service listens on it, as the source port of any outgoing connection on the machine, and
 * the service then failed with EADDRINUSE (seen with two test packages starting stacks at once).
 */
export async function freePort(): Promise<number> {
  const [firstEphemeral] = ephemeralPortRange();
  const lowest = 10_000;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = lowest + Math.floor(Math.random() * (firstEphemeral - lowest));
    if (await isFreeOnLoopback(port)) return port;
  }
  throw new Error(`no free port found between ${lowest} and ${firstEphemeral}`);
}

/** The first and last port the system gives outgoing connections (Linux's ip_local_port_range; its default elsewhere). */
function ephemeralPortRange(): [number, number] {
  try {
    const [first, last] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (first && last && first > 10_000) return [first, last];
  } catch {
    // Not Linux: Linux's default range.
  }
  return [32_768, 60_999];
}

function isFreeOnLoopback(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

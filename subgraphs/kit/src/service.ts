// The HTTP shell every service runs in: Express with Apollo Server on /graphql, a health
// endpoint, a ready message to a parent process, and a graceful stop on SIGINT/SIGTERM.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext, type ContextFunction } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { type ExpressContextFunctionArgument, expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { formatError } from './errors.js';
import { logger } from './logger.js';

export interface ServiceOptions<Context extends BaseContext> {
  name: string;
  port: number;
  host?: string;
  /** A built schema (subgraphs); the gateway passes `gateway` instead. */
  apollo: Omit<ConstructorParameters<typeof ApolloServer<Context>>[0], 'formatError' | 'plugins'> & {
    plugins?: ApolloServerPlugin<Context>[];
  };
  context: ContextFunction<[ExpressContextFunctionArgument], Context>;
  /** Reports the service's own state and that of what it depends on; 200 when `ok`. */
  health: () => Promise<HealthReport>;
  /** Extra routes mounted before /graphql (the gateway's sign-in and feeds, for instance). */
  routes?: (app: Express, apollo: ApolloServer<Context>) => void;
  /** Runs after the HTTP server has closed: close pools, stop databases. */
  onStop?: () => Promise<void>;
  /** Largest request body accepted, e.g. "100kb". */
  bodyLimit?: string;
  /** Counters served on /metrics in Prometheus' text format, e.g. SQL statements sent. */
  metrics?: () => Record<string, { help: string; value: number }>;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  [detail: string]: unknown;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

export function apolloServer<Context extends BaseContext>(
  options: ServiceOptions<Context>['apollo'],
  httpServer?: Server,
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    introspection: !isProduction(),
    ...options,
    formatError,
    plugins: [
      ...(options.plugins ?? []),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      // The default landing page loads Apollo Sandbox from a CDN; the console bundles its own playground.
      ApolloServerPluginLandingPageDisabled(),
      // Inline tracing costs CPU on every request and nothing here reads it.
      ...('schema' in options && options.schema ? [ApolloServerPluginInlineTraceDisabled()] : []),
    ],
  } as ConstructorParameters<typeof ApolloServer<Context>>[0]);
}

export async function startService<Context extends BaseContext>(
  options: ServiceOptions<Context>,
): Promise<RunningService> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = apolloServer<Context>(options.apollo, httpServer);
  await apollo.start();

  app.get('/health', async (_req, res) => {
    const report = await options
      .health()
      .catch((error: unknown) => ({ status: 'down' as const, error: String(error) }));
    res.status(report.status === 'ok' ? 200 : 503).json({ service: options.name, ...report });
  });
  app.get('/metrics', (_req, res) => {
    const metrics = {
      process_cpu_seconds_total: { help: 'CPU time of this process (user and system).', value: cpuSeconds() },
      ...options.metrics?.(),
    };
    res.type('text/plain; version=0.0.4').send(
      Object.entries(metrics)
        .map(([name, { help, value }]) => `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}\n`)
        .join(''),
    );
  });
  options.routes?.(app, apollo);
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '100kb' }),
    expressMiddleware(apollo, { context: options.context }),
  );
  // Body-parser refusals (too large, not JSON) answer as GraphQL errors, not Express's HTML page.
  app.use(
    (error: { status?: number; type?: string; message?: string }, _req: Request, res: Response, next: NextFunction) => {
      if (!error.status || error.status >= 500) return next(error);
      const message =
        error.type === 'entity.too.large'
          ? `The request is larger than ${options.bodyLimit ?? '100kb'}.`
          : 'The request body is not valid JSON.';
      res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    },
  );

  const host = options.host ?? '127.0.0.1';
  httpServer.listen(options.port, host);
  await once(httpServer, 'listening');
  const { port } = httpServer.address() as AddressInfo;
  // A wildcard address is no address to call: other processes on the machine reach it on loopback.
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  logger.info({ url: `${url}/graphql` }, `${options.name} listening`);

  let stopping: Promise<void> | undefined;
  return {
    name: options.name,
    url,
    port,
    server: httpServer,
    stop() {
      stopping ??= (async () => {
        await apollo.stop();
        await options.onStop?.();
        logger.info(`${options.name} stopped`);
      })();
      return stopping;
    },
  };
}

/**
 * Runs a service as the main module of a process: tells a parent process (the stack) where it
 * listens, and stops cleanly on SIGINT/SIGTERM or when the parent goes away.
 */
export async function runAsProcess(start: () => Promise<RunningService>): Promise<void> {
  let service: RunningService | undefined;
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    try {
      await service?.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'unclean stop');
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));
  process.once('disconnect', () => void shutdown('parent disconnected'));
  try {
    service = await start();
    process.send?.({ type: 'ready', name: service.name, url: service.url });
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}

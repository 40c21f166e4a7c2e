// The HTTP shell every service runs in: Express with Apollo Server on /graphql, a request id and
// an access log line for every request, liveness on the public port and the detailed health,
// readiness and /metrics on an internal one, a ready message to a parent process, and a graceful
// stop on SIGINT/SIGTERM that lets requests in flight finish.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext, type ContextFunction } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { type ExpressContextFunctionArgument, expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { ServiceMode } from './config.js';
import { createErrorFormatter } from './errors.js';
import { logger, logProcessWarnings, requestScope } from './logger.js';
import { createRegistry, operationMetricsPlugin, type Registry } from './metrics.js';
import { operationResolutionPlugin } from './operation-resolution.js';

/** The header that carries a request's id from the caller (or the gateway) to the subgraphs. */
export const requestIdHeader = 'x-request-id';
/** An incoming id is kept only when it is short and plain; anything else gets a fresh one. */
const acceptableRequestId = /^[\w.:-]{1,128}$/;

export interface ServiceOptions<Context extends BaseContext> {
  name: string;
  port: number;
  host?: string;
  /** A built schema (subgraphs); the gateway passes `gateway` instead. */
  apollo: Omit<ConstructorParameters<typeof ApolloServer<Context>>[0], 'formatError' | 'plugins'> & {
    plugins?: ApolloServerPlugin<Context>[];
  };
  context: ContextFunction<[ExpressContextFunctionArgument], Context>;
  /**
   * Reports the service's own state and that of what it depends on, on the internal port's /health
   * (200 when `ok`, 503 otherwise, with the details) and /health/ready (the same verdict, without details).
   */
  health: () => Promise<HealthReport>;
  /**
   * Which health statuses still count as ready to take traffic; `ok` only by default. The gateway
   * takes `degraded` too: with a subgraph down it still answers the rest.
   */
  readyWhen?: HealthReport['status'][];
  /** Extra routes mounted before /graphql (the gateway's sign-in and feeds, for instance). */
  routes?: (app: Express, apollo: ApolloServer<Context>) => void;
  /** Extra routes on the internal port (the gateway's JWKS, which the subgraphs fetch there). */
  internalRoutes?: (app: Express) => void;
  /** Runs after the HTTP server has closed: close pools, stop databases. */
  onStop?: () => Promise<void>;
  /**
   * Admits a /graphql request before Apollo sees it, given its raw body (a subgraph checks the
   * calling service's assertion here); what it returns is `res.locals.admission` for the context.
   * A GraphQLError it throws is the answer, with its HTTP status (401 for UNAUTHENTICATED, 503
   * for SERVICE_UNAVAILABLE, 400 otherwise).
   */
  admit?: (req: Request, body: Buffer) => Promise<unknown>;
  /** Largest request body accepted, e.g. "100kb". */
  bodyLimit?: string;
  /**
   * The service's own Prometheus metrics (SQL statements, pool, subgraph calls), served with the
   * process and operation metrics on /metrics; a fresh registry when left out.
   */
  registry?: Registry;
  /** Production mode, introspection and stack traces (see config.ts); from NODE_ENV when left out. */
  mode?: ServiceMode;
  /**
   * The internal port: /metrics, /health, /health/ready (and /health/live). Port 0 (any free one) on
   * loopback when left out.
   */
  internal?: { port: number; host?: string };
  /** The log's level (LOG_LEVEL, from the configuration); left as it is when left out. */
  logLevel?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  [detail: string]: unknown;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  /** The internal port's address: /metrics, /health, /health/ready. */
  internalUrl: string;
  server: Server;
  stop(): Promise<void>;
}

/**
 * Whether NODE_ENV says production: the default of code started without a configuration (tests,
 * command-line tasks); a service started as a process takes its mode from its configuration.
 */
export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

/** The mode of a service started without one: production per NODE_ENV, no stack traces. */
export function defaultServiceMode(introspection?: boolean): ServiceMode {
  const production = isProduction();
  return { production, introspection: introspection ?? !production, stacktraces: false };
}

/** `cache-control: no-store` on every GraphQL answer, as Apollo's cache-control plugin sets on an uncacheable one. */
function noStorePlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

export function apolloServer<Context extends BaseContext>(
  options: ServiceOptions<Context>['apollo'],
  httpServer?: Server,
  mode: ServiceMode = defaultServiceMode(options.introspection),
  registry?: Registry,
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    ...options,
    introspection: mode.introspection,
    // Apollo's own default puts a trace on every error unless NODE_ENV is production or test.
    includeStacktraceInErrorResponses: mode.stacktraces,
    formatError: createErrorFormatter({ stacktraces: mode.stacktraces }),
    plugins: [
      ...(registry ? [operationMetricsPlugin<Context>(registry)] : []),
      // First: the other plugins may take the operation as chosen, and the gateway's executor needs it.
      operationResolutionPlugin<Context>(),
      ...(options.plugins ?? []),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      // The default landing page loads Apollo Sandbox from a CDN; the console bundles its own playground.
      ApolloServerPluginLandingPageDisabled(),
      // Inline tracing costs CPU on every request and nothing here reads it.
      ...('schema' in options && options.schema ? [ApolloServerPluginInlineTraceDisabled()] : []),
      // A subgraph's answers are never cached (no field has a cache hint, and the gateway keeps
      // none), yet Apollo's cache-control plugin wrapped every field's resolver to work out a policy
      // (an overview's county answer has about a thousand fields): the answer says no-store itself.
      ...('schema' in options && options.schema ? [ApolloServerPluginCacheControlDisabled(), noStorePlugin()] : []),
    ],
  } as ConstructorParameters<typeof ApolloServer<Context>>[0]);
}

export async function startService<Context extends BaseContext>(
  options: ServiceOptions<Context>,
): Promise<RunningService> {
  if (options.logLevel) logger.level = options.logLevel;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const registry = options.registry ?? createRegistry(options.name);
  registry.setDefaultLabels({ service: options.name });
  const apollo = apolloServer<Context>(
    options.apollo,
    httpServer,
    options.mode ?? defaultServiceMode(options.apollo.introspection),
    registry,
  );
  await apollo.start();
  let stopping: Promise<void> | undefined;

  app.use((req, res, next) => {
    const incoming = req.get(requestIdHeader);
    const requestId = incoming && acceptableRequestId.test(incoming) ? incoming : randomUUID();
    res.setHeader(requestIdHeader, requestId);
    const started = performance.now();
    res.once('finish', () => {
      // Mounted routers rewrite req.path; the original URL says what was asked for.
      const path = req.originalUrl.split('?')[0] ?? '';
      // Probes come every few seconds; they are logged only when asked for.
      const level = path.startsWith('/health') || path === '/metrics' ? 'debug' : 'info';
      const body = req.body as { operationName?: unknown } | undefined;
      logger[level](
        {
          requestId,
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          ...(typeof body?.operationName === 'string' ? { operationName: body.operationName } : {}),
        },
        'request',
      );
    });
    requestScope.run({ requestId }, next);
  });

  // Why a check failed (addresses, driver messages) goes to the log, not to the caller.
  const healthReport = () =>
    options.health().catch((error: unknown) => {
      logger.warn({ err: error }, 'health check failed');
      return { status: 'down' as const };
    });
  // Liveness: the process runs and its event loop answers; restarting it would not help otherwise.
  // The only health answer on the public port: what is up or down behind it is for the operators.
  const live = (_req: Request, res: Response) => void res.json({ service: options.name, status: 'ok' });
  app.get('/health/live', live);
  // The internal port: probes and the metrics scraper, never the internet (see docs/operations.md).
  const internalApp = express();
  internalApp.disable('x-powered-by');
  internalApp.get('/health/live', live);
  // Readiness: send it traffic. Not while stopping, nor while what it depends on is down.
  internalApp.get('/health/ready', async (_req, res) => {
    if (stopping) return void res.status(503).json({ service: options.name, status: 'stopping' });
    const { status } = await healthReport();
    const ready = (options.readyWhen ?? ['ok']).includes(status);
    res.status(ready ? 200 : 503).json({ service: options.name, status });
  });
  internalApp.get('/health', async (_req, res) => {
    const report = await healthReport();
    res.status(report.status === 'ok' ? 200 : 503).json({ service: options.name, ...report });
  });
  internalApp.get('/metrics', async (_req, res, next) => {
    try {
      const text = await registry.metrics();
      res.type(registry.contentType).send(text);
    } catch (error) {
      next(error);
    }
  });
  options.internalRoutes?.(internalApp);
  internalApp.use(internalErrorAnswer);
  options.routes?.(app, apollo);
  const admit = options.admit;
  app.use(
    '/graphql',
    express.json({
      limit: options.bodyLimit ?? '100kb',
      // The exact bytes received, for an admission check that signs them (JSON re-serialised could differ).
      verify: (req, _res, buffer) => {
        (req as Request & { rawBody?: Buffer }).rawBody = buffer;
      },
    }),
    ...(admit
      ? [
          async (req: Request, res: Response, next: NextFunction) => {
            // Only POST: a GET carries its operation in the URL, which no body digest covers.
            if (req.method !== 'POST') {
              res.status(405).setHeader('allow', 'POST');
              return void res.json({
                errors: [{ message: 'This service takes POST requests only.', extensions: { code: 'BAD_REQUEST' } }],
              });
            }
            try {
              res.locals.admission = await admit(
                req,
                (req as Request & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0),
              );
              next();
            } catch (error) {
              if (!(error instanceof GraphQLError)) return next(error);
              const code = error.extensions.code;
              const status: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, SERVICE_UNAVAILABLE: 503 };
              res.status(status[String(code)] ?? 400).json({
                errors: [{ message: error.message, extensions: { code } }],
              });
            }
          },
        ]
      : []),
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
  app.use(internalErrorAnswer);

  const host = options.host ?? '127.0.0.1';
  const internalServer = createServer(internalApp);
  const closeInternal = () =>
    new Promise<void>((resolve) => {
      internalServer.close(() => resolve());
      internalServer.closeAllConnections();
    });
  const url = await listen(httpServer, options.port, host);
  let internalUrl: string;
  try {
    internalUrl = await listen(internalServer, options.internal?.port ?? 0, options.internal?.host ?? '127.0.0.1');
  } catch (error) {
    // The public port listens already: nothing may go on running without its internal one.
    await apollo.stop();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  logger.info({ url: `${url}/graphql`, internalUrl }, `${options.name} listening`);

  return {
    name: options.name,
    url,
    port,
    internalUrl,
    server: httpServer,
    stop() {
      stopping ??= (async () => {
        // Apollo's drain plugin closes the listener, lets requests in flight finish (10 s at
        // most), then stops; new connections are refused meanwhile.
        logger.info(`${options.name} stopping: finishing requests in flight`);
        await apollo.stop();
        await closeInternal();
        await options.onStop?.();
        logger.info(`${options.name} stopped`);
      })();
      return stopping;
    },
  };
}

/** Listens on `host:port`; the address other processes on the machine call it on. */
async function listen(server: Server, port: number, host: string): Promise<string> {
  server.listen(port, host);
  // Rejects with the 'error' event (the port is taken, say).
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  // A wildcard address is no address to call: other processes on the machine reach it on loopback.
  return `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${address.port}`;
}

/**
 * The last word on an error no route handled: logged with its trace, answered as an internal
 * error with nothing of it (Express's own page shows the stack trace unless NODE_ENV is production).
 */
function internalErrorAnswer(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return void next(error);
  const status = (error as { status?: unknown }).status;
  const clientError = typeof status === 'number' && status >= 400 && status < 500;
  if (!clientError) logger.error({ err: error, path: req.originalUrl.split('?')[0] }, 'unexpected error in a route');
  res.status(clientError ? status : 500).json({
    errors: [
      clientError
        ? { message: 'The request was refused.', extensions: { code: 'BAD_REQUEST' } }
        : { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ],
  });
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
  logProcessWarnings();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));
  process.once('disconnect', () => void shutdown('parent disconnected'));
  // A bug that escaped every handler leaves the process in an unknown state: say so in the log's
  // own format, then exit for the supervisor to restart it (Node's default, minus the bare trace).
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.once(event, (error: unknown) => {
      logger.fatal({ err: error, event }, 'crashed');
      process.exit(1);
    });
  }
  try {
    service = await start();
    process.send?.({ type: 'ready', name: service.name, url: service.url, internalUrl: service.internalUrl });
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}

// Internal routes: JSON POST endpoints under /internal/ on a subgraph's public port that only
// trusted services call (the gateway asks the county whom a signed-in person is). They are admitted
// exactly as /graphql is: a service assertion signed for this subgraph over the exact body bytes,
// used once; anything else is 401 `{ "error": "unauthenticated" }`, and 503 while the database
// (which the assertions' uses live in) is away.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { clientAddressHeader } from './client-address.js';
import { isDatabaseTooSlow, isDatabaseUnavailable } from './database-errors.js';
import { logger } from './logger.js';
import type { Orm } from './orm.js';
import { isPastDeadline, requestDeadlineHeader } from './request-deadline.js';
import { type ServiceAssertionVerifier, type ServiceCall, serviceAssertionHeader } from './service-assertion.js';

/** One internal route: who may call it, and its answer to a request's JSON body. */
export interface InternalRoute {
  /** The services whose signed requests it accepts; the gateway only when left out. */
  trustedServices?: readonly string[];
  /**
   * The 200 answer (JSON) to the request's body; throw an InternalRouteError for another status.
   * `orm` is the subgraph's: fork an EntityManager (or run a transaction) per request.
   */
  handle(request: { orm: Orm; body: unknown; service: ServiceCall }): Promise<unknown>;
}

/** A refusal of an internal route: its HTTP status and `{ error, message }`. */
export class InternalRouteError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/** The body parsed by `schema`, or 400 `{ "error": "invalid_request" }` naming the first problem. */
export function parseInternalBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  throw new InternalRouteError(400, 'invalid_request', `${field}: ${issue?.message ?? 'invalid value'}`);
}

/** The path an internal route is served at, e.g. `access/person` at `/internal/access/person`. */
export const internalRoutePath = (name: string) => `/internal/${name.replace(/^\/+/, '')}`;

const internalBodyLimit = '100kb';

/**
 * Mounts `routes` on `app`, each admitted by its own verifier (made for its trusted services,
 * sharing the subgraph's record of used assertions).
 */
export function mountInternalRoutes(
  app: Express,
  routes: Record<string, InternalRoute>,
  verifierOf: (route: InternalRoute) => ServiceAssertionVerifier,
  orm: () => Orm,
): void {
  for (const [name, route] of Object.entries(routes)) {
    const verifyService = verifierOf(route);
    app.all(
      internalRoutePath(name),
      // The exact bytes: the assertion signs them, and JSON parsed and re-serialised could differ.
      express.raw({ type: () => true, limit: internalBodyLimit }),
      async (req: Request, res: Response) => {
        if (req.method !== 'POST') {
          res.status(405).setHeader('allow', 'POST');
          return void res.json({ error: 'method_not_allowed', message: 'This route takes POST requests only.' });
        }
        const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        let service: ServiceCall;
        try {
          service = await verifyService({
            assertion: req.get(serviceAssertionHeader),
            body,
            clientAddress: req.get(clientAddressHeader),
            deadline: req.get(requestDeadlineHeader),
          });
        } catch (error) {
          if (isDatabaseUnavailable(error) || isDatabaseTooSlow(error)) return void unavailable(res, error);
          if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
            logger.warn({ path: req.path, reason: error.message }, 'internal route refused');
            return void res.status(401).json({ error: 'unauthenticated' });
          }
          logger.error({ err: error, path: req.path }, 'unexpected error in an internal route');
          return void res.status(500).json({ error: 'internal_error' });
        }
        // As /graphql: a request its caller has given up on is not started.
        if (isPastDeadline(service.deadline)) {
          logger.warn({ service: service.service, deadline: service.deadline }, 'internal route: deadline passed');
          return void res.status(503).json({ error: 'deadline_passed', message: 'The caller stopped waiting.' });
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          return void res.status(400).json({ error: 'invalid_request', message: 'The body is not valid JSON.' });
        }
        try {
          res.status(200).json(await route.handle({ orm: orm(), body: parsed, service }));
        } catch (error) {
          if (error instanceof InternalRouteError) {
            return void res.status(error.status).json({ error: error.error, message: error.message });
          }
          if (isDatabaseUnavailable(error) || isDatabaseTooSlow(error)) return void unavailable(res, error);
          logger.error({ err: error, path: req.path }, 'unexpected error in an internal route');
          res.status(500).json({ error: 'internal_error' });
        }
      },
      // Body-parser refusals (too large) in this route's own terms, not /graphql's.
      (error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
        if (!error.status || error.status >= 500) return next(error);
        res.status(error.status).json({
          error: 'invalid_request',
          message: error.type === 'entity.too.large' ? `The body is larger than ${internalBodyLimit}.` : 'Bad body.',
        });
      },
    );
  }
}

function unavailable(res: Response, error: unknown): void {
  logger.warn({ err: error }, 'internal route: database unavailable');
  res.status(503).setHeader('retry-after', '5');
  res.json({ error: 'service_unavailable', message: 'The database is not available; try again shortly.' });
}

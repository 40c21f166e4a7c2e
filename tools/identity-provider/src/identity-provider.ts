// The development OpenID provider (panva's oidc-provider): the demo people sign in here, as people sign in at the
// county's own identity provider in production. Authorization code flow with PKCE (S256) only, refresh tokens that
// rotate on use, ID tokens signed RS256 (ES256 on request) carrying the person's claims, RP-initiated logout.
// Development only: it refuses to start with NODE_ENV=production, and its storage is oidc-provider's memory
// adapter, so every sign-in, grant and refresh token is forgotten when it stops.
/// <reference path="./memory-adapter.d.ts" />
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logger } from '@etablerer/kit/launcher';
import Provider, { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import { claimsOf, demoAccount, demoAccounts } from './accounts.js';
import { clientSchema, defaultKeysFile, type IdentityProviderClient, productionRefusal } from './config.js';
import { loadOrCreateKeys, readKeys } from './keys.js';
import {
  errorPage,
  loginPage,
  logoutPage,
  securityHeaders,
  signedOutPage,
  stylesheet,
  stylesheetPath,
} from './pages.js';

export { demoAccounts, demoRoleClaims } from './accounts.js';
export type { IdentityProviderClient } from './config.js';
export { loadOrCreateKeys, type Rotation, readKeys, rotateKeys } from './keys.js';

export interface IdentityProviderOptions {
  /** 0 (the default here) lets the system pick a free port. */
  port?: number;
  host?: string;
  /** The issuer relying parties and browsers use; `http://localhost:<port>` by default. */
  issuer?: string;
  clients?: IdentityProviderClient[];
  /** The signing keys' file; made on first start. */
  keysFile?: string;
  /** Seconds an access token and an ID token are valid (600). */
  accessTokenTtl?: number;
  /** Seconds a refresh token is valid (one day). */
  refreshTokenTtl?: number;
  /** Seconds a sign-in at the provider lasts (10 hours). */
  sessionTtl?: number;
  /** NODE_ENV, by default the process's: `production` is refused. */
  environment?: string;
}

export interface RunningIdentityProvider {
  name: 'identity-provider';
  /** The issuer: where relying parties find `/.well-known/openid-configuration`. */
  url: string;
  port: number;
  /** The provider has no internal port of its own (no metrics, no readiness beyond answering). */
  internalUrl: string;
  server: Server;
  /**
   * Reads the key file again (SIGHUP): signs with its current keys and publishes its next and previous ones
   * from now on; sign-ins are kept.
   */
  reloadKeys(): Promise<void>;
  stop(): Promise<void>;
}

/** Thrown for NODE_ENV=production. */
export class ProductionRefusedError extends Error {
  constructor() {
    super(`The identity provider cannot start: NODE_ENV ${productionRefusal}`);
    this.name = 'ProductionRefusedError';
  }
}

/** The largest form the login page posts: a username. */
const formLimitBytes = 4096;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > formLimitBytes) throw new errors.InvalidRequest('the form is too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

export async function startIdentityProvider(options: IdentityProviderOptions = {}): Promise<RunningIdentityProvider> {
  if ((options.environment ?? process.env.NODE_ENV) === 'production') throw new ProductionRefusedError();
  const clients = (options.clients ?? []).map((client) => clientSchema.parse(client));
  const keysFile = options.keysFile ?? defaultKeysFile;
  await loadOrCreateKeys(keysFile);
  const accessTokenTtl = options.accessTokenTtl ?? 600;
  const refreshTokenTtl = options.refreshTokenTtl ?? 86_400;
  const sessionTtl = options.sessionTtl ?? 36_000;
  // The clients' origins, where the login and logout forms' redirects lead (Content-Security-Policy form-action).
  const clientOrigins = [
    ...new Set(
      clients.flatMap((client) =>
        [...client.redirect_uris, ...client.post_logout_redirect_uris].map((uri) => new URL(uri).origin),
      ),
    ),
  ];
  const headers = securityHeaders(clientOrigins);
  // Signs the provider's cookies; the same across key reloads, so sign-ins in progress carry on.
  const cookieKeys = [randomBytes(32).toString('base64url')];
  // One store for the process, kept when reloadKeys swaps the provider: oidc-provider's default gives each provider
  // a store of its own, so a sign-in begun before a key reload would find its interaction gone.
  const adapter = createMemoryAdapter();

  const server = createServer();
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const issuer = (options.issuer ?? `http://localhost:${port}`).replace(/\/$/, '');

  const configuration = (): Configuration => ({
    clients: clients.map((client) => ({
      ...client,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      // The console's sign-in is the gateway's (a confidential client); the provider's clients are first-party.
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    findAccount: (_ctx, sub) => {
      const account = demoAccount(sub);
      return account ? { accountId: sub, claims: () => ({ ...claimsOf(account), sub }) } : undefined;
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'roles'],
      email: ['email', 'email_verified'],
      roles: ['roles'],
    },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'roles'],
    responseTypes: ['code'],
    // The ID token carries the claims of the granted scopes (name, e-mail, roles), so the relying party reads
    // them without asking userinfo; oidc-provider's default keeps them to userinfo when an access token is issued.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // Every client here signs people in for its own sessions and refreshes them: a refresh token whatever the
    // scopes asked for, a new one at each use (a used one replayed ends the grant).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => true,
    // First-party clients: no consent page. What a client asks for is granted (oidc-provider's recipe
    // "skipping consent for first-party clients"), to the grant the session already holds for it if any.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, account } = ctx.oidc;
      if (!client || !session || !account) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      const grant =
        existing && existing.accountId === account.accountId
          ? existing
          : new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: account.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
      if (ctx.oidc.requestParamClaims.size > 0) grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
    adapter,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: {
      keys: cookieKeys,
      // Cookies ignore ports: on localhost the gateway's and the console's share them. Names of their own.
      names: { session: 'idp_session', interaction: 'idp_interaction', resume: 'idp_interaction_resume' },
    },
    jwks: { keys: readKeys(keysFile).keys as NonNullable<Configuration['jwks']>['keys'] },
    enabledJWA: { idTokenSigningAlgValues: ['RS256', 'ES256'] },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.set(headers);
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.set(headers);
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
    },
    renderError: (ctx, out, error) => {
      if (!(error instanceof errors.OIDCProviderError)) logger.error({ err: error }, 'identity provider error');
      ctx.set(headers);
      ctx.type = 'html';
      ctx.body = errorPage(String(out.error), out.error_description ? String(out.error_description) : undefined);
    },
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: accessTokenTtl,
      IdToken: accessTokenTtl,
      AuthorizationCode: 60,
      RefreshToken: refreshTokenTtl,
      Grant: refreshTokenTtl,
      Session: sessionTtl,
      Interaction: 30 * 60,
    },
  });

  const createProvider = () => {
    const provider = new Provider(issuer, configuration());
    provider.on('server_error', (_ctx, error) => logger.error({ err: error }, 'identity provider error'));
    return { provider, callback: provider.callback() };
  };
  // Swapped whole by reloadKeys; the adapter's store and the cookie keys are kept, so sign-ins survive the swap.
  let current = createProvider();

  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) => {
    const { provider } = current;
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new errors.SessionNotFound('interaction not found');
    if (action === undefined) {
      if (req.method !== 'GET') return send(res, 405, errorPage('method_not_allowed'), { ...headers, allow: 'GET' });
      if (details.prompt.name !== 'login') {
        // Consent is never asked of a person here (see loadExistingGrant); should it come up, it is granted.
        return provider.interactionFinished(
          req,
          res,
          { consent: {} },
          {
            mergeWithLastSubmission: true,
          },
        );
      }
      const client = await provider.Client.find(String(details.params.client_id));
      return send(
        res,
        200,
        loginPage({
          loginAction: `/interaction/${uid}/login`,
          cancelAction: `/interaction/${uid}/abort`,
          clientName: client?.clientName ?? client?.clientId ?? String(details.params.client_id),
          accounts: demoAccounts,
        }),
        headers,
      );
    }
    if (req.method !== 'POST') return send(res, 405, errorPage('method_not_allowed'), { ...headers, allow: 'POST' });
    if (action === 'abort') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The person cancelled the sign-in.' },
        { mergeWithLastSubmission: false },
      );
    }
    const form = await readForm(req);
    const account = demoAccount(form.get('username') ?? '');
    if (!account || details.prompt.name !== 'login') {
      return send(res, 400, errorPage('invalid_request', 'Ukjent demobruker.'), headers);
    }
    logger.info({ sub: account.sub, client: details.params.client_id }, 'signed in');
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    res.once('finish', () =>
      logger.debug(
        { method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) },
        'request',
      ),
    );
    if (path === stylesheetPath) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' });
      return void res.end(stylesheet);
    }
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(path);
    if (!match) return void current.callback(req, res);
    interaction(req, res, match[1] ?? '', match[2]).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof errors.SessionNotFound) {
        return send(
          res,
          400,
          errorPage('login_expired', 'Innloggingen er utløpt eller ukjent. Start innloggingen på nytt fra tjenesten.'),
          headers,
        );
      }
      if (error instanceof errors.OIDCProviderError) {
        return send(res, error.statusCode, errorPage(error.error, error.error_description), headers);
      }
      logger.error({ err: error }, 'identity provider interaction failed');
      send(res, 500, errorPage('server_error'), headers);
    });
  });

  logger.info({ issuer, clients: clients.map((client) => client.client_id) }, 'identity provider listening');
  let stopping: Promise<void> | undefined;
  return {
    name: 'identity-provider',
    url: issuer,
    port,
    internalUrl: '',
    server,
    async reloadKeys() {
      current = createProvider();
      const { keys, next } = readKeys(keysFile);
      logger.info({ kids: keys.map((key) => key.kid), next }, 'identity provider keys reloaded');
    },
    stop() {
      // Its requests are short (pages, token exchanges): connections are closed at once, nothing is drained.
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => {
          logger.info('identity-provider stopped');
          resolve();
        });
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

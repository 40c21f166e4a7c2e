// A real OpenID provider (oidc-provider) in the test process, on a free port, with test accounts and
// an interaction handler that signs in whoever the test says (or cancels), and a browser that
// follows the redirects between the gateway and the provider, keeping the cookies of each.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  name: string;
  email: string;
  emailVerified?: boolean;
  roles?: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next login signs in as; `cancel` answers access_denied. */
  next: { account: string } | 'cancel';
  /** Refresh tokens the provider took (grant_type=refresh_token answered with new tokens). */
  refreshes: number;
  /** The grants made, by account: destroying one makes its refresh tokens fail. */
  grants: Map<string, string[]>;
  endGrants(account: string): Promise<void>;
  provider: Provider;
  stop(): Promise<void>;
}

export async function startIdentityProvider({
  accounts,
  gatewayUrl,
}: {
  accounts: TestAccount[];
  /** The gateway's PUBLIC_URL: the redirect URIs registered for its client. */
  gatewayUrl: string;
}): Promise<TestIdentityProvider> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'etablerer-gateway';
  const clientSecret = 'a-test-client-secret-of-enough-length';
  const byId = new Map(accounts.map((account) => [account.sub, account]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${gatewayUrl}/auth/callback`],
        post_logout_redirect_uris: [`${gatewayUrl}/signed-out`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_context, id) {
      const account = byId.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            name: account.name,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            ...(account.roles ? { roles: account.roles } : {}),
          };
        },
      };
    },
    claims: { openid: ['sub', 'roles'], profile: ['name'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    conformIdTokenClaims: false,
    // A refresh token without prompt=consent (which the gateway does not send), as the demo IdP does.
    issueRefreshToken: async (_context, client) => client.grantTypeAllowed('refresh_token'),
    // Each refresh token once, as careful IdPs do: one used twice is taken for a stolen one.
    rotateRefreshToken: true,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['a-test-cookie-key'] },
    ttl: { AccessToken: 600, IdToken: 600, RefreshToken: 86_400, Grant: 86_400, Session: 86_400, Interaction: 600 },
  });
  const grants = new Map<string, string[]>();
  const idp: TestIdentityProvider = {
    issuer,
    clientId,
    clientSecret,
    next: { account: accounts[0]?.sub ?? '' },
    grants,
    refreshes: 0,
    provider,
    async endGrants(account) {
      for (const grantId of grants.get(account) ?? []) await (await provider.Grant.find(grantId))?.destroy();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  provider.on('grant.success', (context) => {
    if (context.oidc.params?.grant_type === 'refresh_token') idp.refreshes++;
  });
  const callback = provider.callback();
  const interact = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (idp.next === 'cancel') {
      return provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'The person cancelled',
      });
    }
    if (details.prompt.name === 'login') {
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: idp.next.account } },
        {
          mergeWithLastSubmission: false,
        },
      );
    }
    const accountId = details.session?.accountId as string;
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    grants.set(accountId, [...(grants.get(accountId) ?? []), grantId]);
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  };
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  });
  return idp;
}

/** A browser: follows redirects by hand, with a cookie jar per origin, until a URL `until` accepts. */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string | undefined) {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    if (value === undefined) jar.delete(name);
    else jar.set(name, value);
    this.jars.set(origin, jar);
  }

  /** The cookies as a Cookie header for `url`. */
  header(url: string): string {
    return [...(this.jars.get(new URL(url).origin) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookies = this.header(url);
    if (cookies) headers.set('cookie', cookies);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      this.setCookie(new URL(url).origin, name, expired || value === '' ? undefined : value);
    }
    return response;
  }

  /** Follows redirects from `url` until one whose location `stop` accepts (not fetched); returns that location. */
  async follow(url: string, stop: (location: URL) => boolean, maxHops = 20): Promise<URL> {
    let current = new URL(url);
    for (let hop = 0; hop < maxHops; hop++) {
      if (stop(current)) return current;
      const response = await this.fetch(current.href);
      const location = response.headers.get('location');
      if (!location || response.status < 300 || response.status >= 400) {
        throw new Error(`${current.href} answered ${response.status} without a redirect: ${await response.text()}`);
      }
      current = new URL(location, current);
    }
    throw new Error(`more than ${maxHops} redirects from ${url}`);
  }
}

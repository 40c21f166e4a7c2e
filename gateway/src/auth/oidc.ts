// The gateway as an OpenID Connect relying party (openid-client v6): authorization code flow with
// PKCE S256, state and nonce, ID tokens checked against the IdP's JWKS; the IdP's tokens stay in the
// gateway (backend for frontend). The IdP's metadata is discovered at first use and again after a
// failure, so the gateway starts (and answers everything else) while the IdP is away.
import { logger } from '@etablerer/kit';
import * as client from 'openid-client';

export interface OidcSettings {
  /** OIDC_ISSUER */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** OIDC_SCOPES, space separated. */
  scopes: string;
  /** Where the IdP sends the browser back: `${PUBLIC_URL}/auth/callback`. */
  redirectUri: string;
  /** Where the IdP sends the browser after sign-out: `${PUBLIC_URL}/signed-out`. */
  postLogoutRedirectUri: string;
  /** Plain http to the IdP (development and tests only). */
  allowHttp?: boolean;
}

/** What the IdP says of the person, from its ID token. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified: boolean;
  name: string;
  /** Every claim of the ID token, for the role claim mapping (OIDC_ROLE_CLAIM). */
  claims: Record<string, unknown>;
}

export interface OidcTokens {
  idToken?: string;
  refreshToken?: string;
  /** When the IdP's access token expires (epoch ms); undefined when the IdP did not say. */
  accessExpiresAt?: number;
  identity?: OidcIdentity;
}

export interface LoginStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcClient {
  /** A new login: the authorization URL, and what the callback must check (kept on the server). */
  startLogin(): Promise<LoginStart>;
  /** Exchanges the callback's code (with the PKCE verifier), checking state, nonce and the ID token. */
  finishLogin(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<OidcTokens & { identity: OidcIdentity }>;
  refresh(refreshToken: string): Promise<OidcTokens>;
  /** The IdP's end-session URL, or null when it has none. */
  endSessionUrl(idToken: string | undefined): Promise<string | null>;
}

/**
 * The IdP answered and refused (invalid_grant: the refresh token revoked, expired or the person
 * disabled), or its answer failed the checks, as opposed to the IdP not answering at all.
 */
export function isRefusal(error: unknown): boolean {
  if (error instanceof client.ResponseBodyError) return error.status >= 400 && error.status < 500;
  return (
    error instanceof client.ClientError &&
    ['OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED'].includes(String(error.code))
  );
}

export function identityFromClaims(
  claims: Record<string, unknown>,
  { trustEmail = false }: { trustEmail?: boolean } = {},
): OidcIdentity {
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const subject = String(claims.sub);
  const name =
    typeof claims.name === 'string'
      ? claims.name
      : [claims.given_name, claims.family_name].filter((part) => typeof part === 'string').join(' ') ||
        email ||
        subject;
  return {
    issuer: String(claims.iss),
    subject,
    ...(email ? { email } : {}),
    emailVerified: email !== undefined && (claims.email_verified === true || trustEmail),
    name,
    claims,
  };
}

export function createOidcClient(
  settings: OidcSettings,
  { trustEmail = false, now = Date.now }: { trustEmail?: boolean; now?: () => number } = {},
): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  const configured = () => {
    configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: settings.clientSecret },
        client.ClientSecretBasic(settings.clientSecret),
        { timeout: 10, ...(settings.allowHttp ? { execute: [client.allowInsecureRequests] } : {}) },
      )
      .then((config) => {
        // The ID token's signature is checked against the IdP's JWKS too (openid-client checks it only
        // on request: the token endpoint's TLS vouches for it), so a token the IdP did not sign is refused
        // whatever the channel. The JWKS is cached up to five minutes and fetched again for an unknown
        // kid once a minute old: an IdP publishes a key before it signs with it (as the development one does).
        client.enableNonRepudiationChecks(config);
        return config;
      })
      .catch((error: unknown) => {
        // Tried again at the next sign-in rather than failing every one until a restart.
        configuration = undefined;
        logger.warn({ err: error, issuer: settings.issuer }, 'OIDC discovery failed');
        throw error;
      });
    return configuration;
  };
  const tokensOf = (response: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers): OidcTokens => {
    const claims = response.claims();
    const expiresIn = response.expiresIn();
    return {
      ...(response.id_token ? { idToken: response.id_token } : {}),
      ...(response.refresh_token ? { refreshToken: response.refresh_token } : {}),
      ...(expiresIn === undefined ? {} : { accessExpiresAt: now() + expiresIn * 1000 }),
      ...(claims ? { identity: identityFromClaims(claims as Record<string, unknown>, { trustEmail }) } : {}),
    };
  };
  return {
    async startLogin() {
      const config = await configured();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        // No prompt=consent, though OpenID Connect ties offline_access to it: Entra ID would then ask
        // every person for consent at every sign-in. An IdP that drops offline_access without it
        // gives no refresh token, and the session then lasts without the IdP's word (idle and absolute
        // expiry still apply); the demo IdP issues refresh tokens regardless (issueRefreshToken).
      });
      return { url: url.href, state, nonce, codeVerifier };
    },
    async finishLogin(callbackUrl, checks) {
      const config = await configured();
      const response = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const tokens = tokensOf(response);
      if (!tokens.identity) throw new Error('The IdP answered without an ID token');
      return { ...tokens, identity: tokens.identity };
    },
    async refresh(refreshToken) {
      return tokensOf(await client.refreshTokenGrant(await configured(), refreshToken));
    },
    async endSessionUrl(idToken) {
      const config = await configured();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        client_id: settings.clientId,
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
        ...(idToken ? { id_token_hint: idToken } : {}),
      }).href;
    },
  };
}

// The development identity provider's configuration: its environment variables, checked once at start with the
// kit's helpers, so a bad value stops the start naming the variable and what it wants.
import {
  across,
  countVariable,
  enumVariable,
  hostVariable,
  logLevels,
  nodeEnvironments,
  optionalVariableOf,
  portVariable,
  repositoryDataDir,
  textVariable,
  urlVariable,
} from '@etablerer/kit';
import { z } from 'zod';

export const defaultIdentityProviderPort = 4004;
export const defaultKeysFile = `${repositoryDataDir}identity-provider/keys.json`;

/** A client the provider knows: a relying party such as the gateway, which signs people in for the console. */
export const clientSchema = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(16),
  client_name: z.string().min(1).optional(),
  redirect_uris: z.array(z.url({ protocol: /^https?$/ })).min(1),
  post_logout_redirect_uris: z.array(z.url({ protocol: /^https?$/ })).default([]),
});
export type IdentityProviderClient = z.input<typeof clientSchema>;

const clientsWants =
  'a JSON array of clients, each {"client_id", "client_secret" (16 characters or more), "redirect_uris": [...], "post_logout_redirect_uris": [...]}';

function clients(text: string): z.output<typeof clientSchema>[] | undefined {
  try {
    const parsed = z.array(clientSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const productionRefusal =
  "must not be production: this is the development identity provider, at which anyone signs in as any demo person without a password. In production the gateway signs people in at the county's own identity provider (OIDC_ISSUER).";

export const identityProviderConfiguration = across(
  z.object({
    NODE_ENV: enumVariable(
      nodeEnvironments,
      'Refused when `production`: this identity provider is for development only.',
      'development',
    ),
    LOG_LEVEL: optionalVariableOf(
      (text) => logLevels.find((level) => level === text),
      `one of ${logLevels.join(', ')}`,
      'How much the JSON log on standard output says.',
      '`info`',
    ),
    PORT: portVariable(defaultIdentityProviderPort, 'The port the provider listens on (0: any free one).'),
    HOST: hostVariable('The address the provider listens on.'),
    IDP_ISSUER: urlVariable(
      'The issuer: the address relying parties and browsers reach the provider on, without a trailing slash.',
      '`http://localhost:<PORT>`',
    ),
    IDP_CLIENTS: optionalVariableOf(
      clients,
      clientsWants,
      'The clients (relying parties) the provider knows.',
      'none',
      {
        secret: true,
      },
    ),
    IDP_KEYS_FILE: textVariable(
      'Where the signing keys (a private JSON Web Key Set) are kept; made on first start, rotated by `rotate-keys`.',
      defaultKeysFile,
    ),
    IDP_ACCESS_TOKEN_TTL: countVariable('Seconds an access token and an ID token are valid.', 600),
    IDP_REFRESH_TOKEN_TTL: countVariable('Seconds a refresh token is valid (each use gives a new one).', 86_400),
    IDP_SESSION_TTL: countVariable("Seconds a person's sign-in at the provider lasts.", 36_000),
  }),
  ['NODE_ENV'],
  (config, context) => {
    if (config.NODE_ENV === 'production')
      context.addIssue({ code: 'custom', path: ['NODE_ENV'], message: productionRefusal });
  },
);

export type IdentityProviderConfiguration = z.output<typeof identityProviderConfiguration>;

// Runs the development identity provider as a process of the stack (`pnpm start`) or on its own (`pnpm dev` here):
// tells the parent where it listens, stops on SIGINT/SIGTERM, and reads its key file again on SIGHUP (after
// `rotate-keys`; a restart does the same).
import { logger, readConfiguration, runAsProcess } from '@etablerer/kit';
import { identityProviderConfiguration } from './config.js';

// oidc-provider tells of its set-up on the console (its runtime check asks for Node 22, though it runs on this
// Node 20; the memory adapter, which is what a development provider wants): as log lines, like the rest.
console.warn = (...parts: unknown[]) => logger.warn(parts.map(String).join(' '));
console.info = (...parts: unknown[]) => logger.debug(parts.map(String).join(' '));
// After the console is redirected: oidc-provider speaks as it loads.
const { startIdentityProvider } = await import('./identity-provider.js');

await runAsProcess(async () => {
  const config = readConfiguration('identity provider', identityProviderConfiguration);
  if (config.LOG_LEVEL) logger.level = config.LOG_LEVEL;
  if (!config.IDP_CLIENTS?.length) logger.warn('IDP_CLIENTS is not set: no relying party can sign anyone in here');
  const provider = await startIdentityProvider({
    port: config.PORT,
    host: config.HOST,
    ...(config.IDP_ISSUER ? { issuer: config.IDP_ISSUER } : {}),
    clients: config.IDP_CLIENTS ?? [],
    keysFile: config.IDP_KEYS_FILE,
    accessTokenTtl: config.IDP_ACCESS_TOKEN_TTL,
    refreshTokenTtl: config.IDP_REFRESH_TOKEN_TTL,
    sessionTtl: config.IDP_SESSION_TTL,
    environment: config.NODE_ENV,
  });
  process.on('SIGHUP', () => {
    provider
      .reloadKeys()
      .catch((error: unknown) => logger.error({ err: error }, 'the key file could not be read again'));
  });
  return provider;
});

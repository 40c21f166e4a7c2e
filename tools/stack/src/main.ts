// `pnpm start` (built, under plain node) and `pnpm dev` (sources, through tsx): the whole platform with demo data, until Ctrl-C.
// STACK_PORTS=0 lets the system pick every port and STACK_CONSOLE=false leaves the console out
// (tests run this launcher so, beside others' stacks).
import { logger } from '@etablerer/kit/launcher';
import { defaultArtefacts, startStack } from './stack.js';

const started = performance.now();
const anyPorts = process.env.STACK_PORTS === '0';
const stack = await startStack({
  ...(anyPorts
    ? {
        ports: {
          gateway: 0,
          county: 0,
          regions: 0,
          partners: 0,
          console: 0,
          identityProvider: 0,
          mailCatcher: 0,
          mailCatcherSmtp: 0,
        },
      }
    : {}),
  console: process.env.STACK_CONSOLE !== 'false',
}).catch(() => process.exit(1));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
// People read and type "localhost"; the processes talk over 127.0.0.1 whatever localhost resolves to.
const show = (url: string | undefined) => url?.replace('//127.0.0.1:', '//localhost:') ?? '(not started)';

console.log(`
  Etablerertjenesten is running (started in ${seconds} s, ${defaultArtefacts === 'built' ? 'built artefacts' : 'from source'})

  Console          ${show(stack.consoleUrl)}${stack.consoleUrl === stack.gatewayUrl ? ' (served by the gateway)' : ' (Vite, hot reload)'}
  Gateway          ${show(stack.gatewayUrl)}/graphql
  Health           ${show(stack.gatewayInternalUrl)}/health (internal port, with /metrics)
  Sign-in          ${show(stack.identityProviderUrl)} (development identity provider, the demo people)
  E-mail           ${show(stack.mailCatcherUrl)}/messages (development mail catcher; in the console: /dev/mail)
  Subgraphs        county ${show(stack.subgraphUrls.county)}
                   regions ${show(stack.subgraphUrls.regions)}
                   partners ${show(stack.subgraphUrls.partners)}
  Database         ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL in .data/postgres'}

  Press Ctrl-C to stop.
`);

// The launcher exits only once everything has stopped, PostgreSQL last (see stack.stop()).
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the platform');
    stack.stop().then(
      () => {
        logger.info('the platform stopped');
        // The log is written asynchronously: let the lines before this one out first, in order.
        logger.flush(() => process.exit(0));
      },
      (error: unknown) => {
        logger.error({ err: error }, 'the platform did not stop cleanly');
        process.exit(1);
      },
    );
  });
}

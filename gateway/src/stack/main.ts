// `pnpm start`: the whole platform with demo data, until Ctrl-C.
import { logger } from '@etablerer/kit';
import { startStack } from './stack.js';

const started = performance.now();
const stack = await startStack().catch(() => process.exit(1));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
// People read and type "localhost"; the processes talk over 127.0.0.1 whatever localhost resolves to.
const show = (url: string | undefined) => url?.replace('//127.0.0.1:', '//localhost:') ?? '(not started)';

console.log(`
  Etablerertjenesten is running (started in ${seconds} s)

  Console          ${show(stack.consoleUrl)}
  Gateway          ${show(stack.gatewayUrl)}/graphql
  Health           ${show(stack.gatewayUrl)}/health
  Subgraphs        county ${show(stack.subgraphUrls.county)}
                   regions ${show(stack.subgraphUrls.regions)}
                   partners ${show(stack.subgraphUrls.partners)}
  Database         ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL in .data/postgres'}

  Press Ctrl-C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the platform');
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'the platform did not stop cleanly');
        process.exit(1);
      },
    );
  });
}

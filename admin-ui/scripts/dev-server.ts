// Runs the console's Vite dev server for the platform's start command: PORT (0 picks a free one), ready message, clean stop.
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = '127.0.0.1';
const requestedPort = Number(process.env.PORT ?? 5173);

let server: ViteDevServer | undefined;
let stopping: Promise<void> | undefined;

function stop(reason: string): Promise<void> {
  stopping ??= (async () => {
    console.info(`console: stopping (${reason})`);
    try {
      await server?.close();
      process.exit(0);
    } catch (error) {
      console.error('console: unclean stop', error);
      process.exit(1);
    }
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal));
// Without this the dev server would outlive a parent that died without signalling.
process.once('disconnect', () => void stop('parent disconnected'));

try {
  server = await createServer({
    root,
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    server: {
      host,
      port: requestedPort,
      // A port asked for by number must be that port: the caller has told others about it. Port 0 lets the system pick.
      strictPort: requestedPort !== 0,
    },
  });
  await server.listen();
  const address = server.httpServer?.address() as AddressInfo | null;
  if (!address) throw new Error('the dev server has no address after listening');
  const url = `http://${host}:${address.port}`;
  console.info(
    `console: listening on ${url}, proxying the gateway at ${process.env.GATEWAY_URL ?? 'http://localhost:4000'}`,
  );
  process.send?.({ type: 'ready', name: 'console', url });
} catch (error) {
  console.error('console: could not start', error);
  await server?.close();
  process.exit(1);
}

// @vitest-environment node
// The dev server's file watcher reports the console's own files only: a write under the repository's .data/ (where the
// embedded PostgreSQL keeps its pages) once reached the watcher and reloaded every open tab.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const consoleRoot = fileURLToPath(new URL('..', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const probe = `watch-probe-${process.pid}`;
const dataProbe = `${repositoryRoot}.data/${probe}`;
const consoleProbe = `${consoleRoot}src/${probe}.ts`;

let devServer: ViteDevServer;
const events: string[] = [];

beforeAll(async () => {
  mkdirSync(dataProbe, { recursive: true });
  devServer = await createServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, ws: false },
    logLevel: 'silent',
  });
  await devServer.listen();
});

afterAll(async () => {
  await devServer?.close();
  rmSync(dataProbe, { recursive: true, force: true });
  rmSync(consoleProbe, { force: true });
});

/** Writes the console probe until the watcher reports it: proof that what was written before it has been seen. */
async function consoleProbeReported(): Promise<string[]> {
  let written = 0;
  await vi.waitFor(
    () => {
      writeFileSync(consoleProbe, `export const written = ${++written};\n`);
      expect(events).toContainEqual(expect.stringContaining(probe));
    },
    { timeout: 30_000, interval: 200 },
  );
  return events.splice(0);
}

describe('the dev server watcher', () => {
  it('reports a console source but nothing written under .data/, even when asked to watch there', async () => {
    devServer.watcher.on('all', (event, path) => void events.push(`${event} ${path}`));
    // What Vite does for a file outside the console it has loaded (a tsconfig it extends, a file under /@fs/).
    devServer.watcher.add([`${repositoryRoot}.data`, dataProbe]);
    await consoleProbeReported();
    writeFileSync(`${dataProbe}/16384`, 'page');
    writeFileSync(`${repositoryRoot}.data/${probe}.pid`, 'pid');
    const reported = await consoleProbeReported();
    rmSync(`${repositoryRoot}.data/${probe}.pid`, { force: true });
    expect(reported.filter((event) => event.includes('.data'))).toEqual([]);
    expect(Object.keys(devServer.watcher.getWatched()).filter((folder) => folder.includes('.data'))).toEqual([]);
  });
});

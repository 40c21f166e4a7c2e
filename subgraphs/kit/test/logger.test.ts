import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe("a service's process warnings", () => {
  it('are JSON log lines with their name and code, not Node\'s bare "(node:PID) Warning" on stderr', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/process-warning.ts', import.meta.url));
    const { stdout, stderr } = await run(process.execPath, ['--import', import.meta.resolve('tsx'), fixture], {
      env: { ...process.env, VITEST: '', LOG_LEVEL: 'info', SERVICE_NAME: 'regions' },
    });
    expect(stderr).toBe('');
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        service: 'regions',
        msg: 'MetadataLookupWarning: received unexpected error = socket hang up code = ECONNRESET',
        warning: expect.objectContaining({ name: 'MetadataLookupWarning' }),
      }),
      expect.objectContaining({
        level: 40,
        msg: 'DeprecationWarning: Buffer() is deprecated',
        warning: expect.objectContaining({ name: 'DeprecationWarning', code: 'DEP0005' }),
      }),
    ]);
  });
});

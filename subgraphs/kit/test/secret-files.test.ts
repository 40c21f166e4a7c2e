// Secrets made on first use: of processes that start at once, the first one's file is everyone's.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretFile, replaceSecretFile } from '../src/secret-files.js';

describe('createSecretFile', () => {
  it('writes the file once, readable by its owner only, and answers the first content to a later writer', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'secret-')), 'keys', 'keys.json');
    expect(createSecretFile(file, 'first')).toBe('first');
    expect(createSecretFile(file, 'second')).toBe('first');
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // No temporary file is left beside it.
    expect(readdirSync(join(file, '..'))).toEqual(['keys.json']);
  });

  it('gives processes that create it at the same moment one and the same content', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'secret-')), 'keys.json');
    const script = `import { createSecretFile } from ${JSON.stringify(new URL('../src/secret-files.ts', import.meta.url).href)};
      process.stdout.write(createSecretFile(process.env.SECRET_FILE, 'content of ' + process.pid));`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
          env: { ...process.env, SECRET_FILE: file },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
        });
        return new Promise<string>((resolve, reject) => {
          child.once('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`exit ${code}`))));
          child.once('error', reject);
        });
      }),
    );
    expect(answers[0]).toMatch(/^content of \d+$/);
    expect(new Set(answers).size).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(answers[0]);
  });
});

describe('replaceSecretFile', () => {
  it('replaces the content whole', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'secret-')), 'keys.json');
    createSecretFile(file, 'old');
    replaceSecretFile(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

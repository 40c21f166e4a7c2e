// Files of secrets made on first use (keys, the console's client secret) in the ignored .data/ folder.
// Several processes may start at once on a fresh clone (two test packages, two stacks): they must agree
// on one file, and none may read one half written.
import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function writeTemporary(file: string, content: string): string {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  return temporary;
}

/**
 * Puts `content` in `file` (readable by its owner only) unless the file exists, and answers what the
 * file holds then: the content written in full beside it and linked into place, so of two processes
 * the first wins and the second reads the first's.
 */
export function createSecretFile(file: string, content: string): string {
  const temporary = writeTemporary(file, content);
  try {
    linkSync(temporary, file);
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Replaces `file` with `content` at once (readable by its owner only): a reader sees the old file or the new. */
export function replaceSecretFile(file: string, content: string): void {
  renameSync(writeTemporary(file, content), file);
}

/**
 * The JSON in `file` when `usable` accepts it; else `make()`'s, put there (created once as
 * `createSecretFile` does, or replacing a file that is not usable) — of two processes making it at
 * once, both answer the first one's.
 */
export async function loadOrCreateSecretJson<T>(
  file: string,
  make: () => T | Promise<T>,
  usable: (saved: T) => boolean = () => true,
): Promise<T> {
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as T;
    if (usable(saved)) return saved;
    const made = await make();
    replaceSecretFile(file, `${JSON.stringify(made, null, 2)}\n`);
    return made;
  }
  return JSON.parse(createSecretFile(file, `${JSON.stringify(await make(), null, 2)}\n`)) as T;
}

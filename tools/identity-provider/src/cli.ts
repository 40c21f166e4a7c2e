// `pnpm --filter @etablerer/identity-provider rotate-keys [file]`: rotates the development identity provider's
// signing keys in two phases (see rotateKeys): the next key per algorithm, published since the last rotation,
// signs once the running provider reloads (restart, or SIGHUP); a fresh one is published as the next.
import { existsSync } from 'node:fs';
import { defaultKeysFile } from './config.js';
import { rotateKeys } from './keys.js';

const [command, file = process.env.IDP_KEYS_FILE || defaultKeysFile] = process.argv.slice(2);
if (command !== 'rotate-keys') {
  console.error('Usage: cli.ts rotate-keys [key file]');
  process.exit(2);
}
const existed = existsSync(file);
const rotation = await rotateKeys(file);
const list = (kids: string[]) => kids.join(', ') || '-';
const unchanged =
  existed && rotation.promoted.length === 0
    ? ' (unchanged: the file had no next key yet; the next rotation signs with the new one)'
    : '';
console.log(`Rotated the identity provider's signing keys in ${file}
  signing from the reload:                ${list(rotation.signing)}${unchanged}
  next (published, signs after the next): ${list(rotation.added)}
  previous (still published):             ${list(rotation.kept)}
  dropped:                                ${list(rotation.dropped)}
Restart the identity provider (or send it SIGHUP) for it to read the file again.`);

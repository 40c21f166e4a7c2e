// `pnpm --filter @etablerer/identity-provider rotate-keys [file]`: a new signing key per algorithm goes first in the
// development identity provider's key file, the previous one stays published, older ones are dropped. The running
// provider signs with the new key once restarted (or sent SIGHUP).
import { defaultKeysFile } from './config.js';
import { rotateKeys } from './keys.js';

const [command, file = process.env.IDP_KEYS_FILE || defaultKeysFile] = process.argv.slice(2);
if (command !== 'rotate-keys') {
  console.error('Usage: cli.ts rotate-keys [key file]');
  process.exit(2);
}
const rotation = await rotateKeys(file);
console.log(`Rotated the identity provider's signing keys in ${file}
  new (signs from the next start):     ${rotation.added.join(', ') || '-'}
  previous (still published):          ${rotation.kept.join(', ') || '-'}
  dropped:                             ${rotation.dropped.join(', ') || '-'}
Restart the identity provider (or send it SIGHUP) for it to sign with the new keys.`);

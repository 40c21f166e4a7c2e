// The development identity provider: an ES256 key pair kept in .data/ (so tokens survive
// restarts) and tokens for the demo users. Never used when a real identity provider is set.

import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { defaultAudience, defaultIssuer } from './auth.js';
import type { DemoUser } from './demo-users.js';
import { loadOrCreateSecretJson } from './secret-files.js';

export interface DevKeys {
  publicKey: JWK;
  privateKey: JWK;
}

const keyId = 'etablerertjenesten-dev-1';

export async function generateDevKeys(): Promise<DevKeys> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    publicKey: { ...(await exportJWK(publicKey)), kid: keyId, alg: 'ES256', use: 'sig' },
    privateKey: { ...(await exportJWK(privateKey)), kid: keyId, alg: 'ES256', use: 'sig' },
  };
}

/** The key pair in `file`, made on first use. The file holds a private key: it lives in ignored .data/. */
export function loadOrCreateDevKeys(file: string): Promise<DevKeys> {
  return loadOrCreateSecretJson(file, generateDevKeys);
}

export interface SignOptions {
  issuer?: string;
  audience?: string;
  /** e.g. "8h"; tests use a past expiry to make expired tokens. */
  expiresIn?: string | number;
}

export async function signDemoToken(privateKey: JWK, user: DemoUser, options: SignOptions = {}): Promise<string> {
  const { username, ...claims } = user;
  // Every registered claim the verifiers require (auth.ts), so a demo token is refused only for what a test changed.
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: privateKey.kid ?? keyId })
    .setSubject(username)
    .setIssuer(options.issuer ?? defaultIssuer)
    .setAudience(options.audience ?? defaultAudience)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setJti(randomUUID())
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(await importJWK(privateKey, 'ES256'));
}

// The development sign-in: tokens for the demo users, so the platform can be tried without an
// identity provider. Off unless AUTH_DEV_SIGN_IN=true; `pnpm start` turns it on. Its tokens are
// platform access tokens like any other, signed with the gateway's signing keys.
import { logger } from '@etablerer/kit';
import { demoUser, demoUsers } from '@etablerer/kit/demo';
import express, { type Express } from 'express';
import type { PlatformTokenIssuer } from './auth/platform-tokens.js';

export interface DevSignInOptions {
  issue: PlatformTokenIssuer;
}

export const devTokenLifetimeSeconds = 8 * 60 * 60;

export function mountDevSignIn(app: Express, options: DevSignInOptions): void {
  logger.warn('development sign-in is ON: anyone who can reach /auth/dev/token can act as any demo user');
  app.get('/auth/dev/users', (_req, res) => {
    res.json(demoUsers.map(({ username, name, role, org }) => ({ username, name, role, organisation: org.name })));
  });
  app.post('/auth/dev/token', express.json({ limit: '1kb' }), async (req, res) => {
    const username: unknown = req.body?.username;
    const user = typeof username === 'string' ? demoUser(username) : undefined;
    if (!user) {
      res
        .status(400)
        .json({ error: 'unknown_user', message: 'No demo user by that username; GET /auth/dev/users lists them.' });
      return;
    }
    const { username: sub, ...claims } = user;
    const { accessToken, expiresIn } = await options.issue({ sub, ...claims }, devTokenLifetimeSeconds);
    res.json({ accessToken, tokenType: 'Bearer', expiresIn });
  });
}

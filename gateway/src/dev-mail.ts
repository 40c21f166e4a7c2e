// What the development mail catcher caught (tools/mail-catcher), for the console's "Sendt e-post (utvikling)"
// page: GET /dev/mail/messages asks the catcher at MAIL_CATCHER_URL. Development only: the configuration
// refuses MAIL_CATCHER_URL in production, and without it the route answers 404.
import { logger } from '@etablerer/kit';
import type { Express } from 'express';

export const devMailPath = '/dev/mail/messages';

export function mountDevMail(app: Express, mailCatcherUrl: string | undefined): void {
  app.get(devMailPath, async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (!mailCatcherUrl) {
      return void res
        .status(404)
        .json({ error: 'dev_mail_off', message: 'No development mail catcher here (MAIL_CATCHER_URL).' });
    }
    try {
      const response = await fetch(new URL('/messages', mailCatcherUrl), { signal: AbortSignal.timeout(5_000) });
      res
        .status(response.status)
        .type('application/json')
        .send(await response.text());
    } catch (error) {
      logger.warn({ err: error }, 'dev mail: the mail catcher did not answer');
      res
        .status(502)
        .json({ error: 'mail_catcher_unavailable', message: 'The development mail catcher did not answer.' });
    }
  });
}

// Runs the mail catcher as a process of the stack (`pnpm start`) or on its own (`pnpm dev` here): tells the parent
// where it listens and stops on SIGINT/SIGTERM.
import { logger, readConfiguration, runAsProcess } from '@etablerer/kit';
import { mailCatcherConfiguration } from './config.js';
import { startMailCatcher } from './mail-catcher.js';

await runAsProcess(async () => {
  const config = readConfiguration('mail catcher', mailCatcherConfiguration);
  if (config.LOG_LEVEL) logger.level = config.LOG_LEVEL;
  return startMailCatcher({
    port: config.PORT,
    smtpPort: config.PORT_SMTP,
    host: config.HOST,
    environment: config.NODE_ENV,
    ...(config.MAIL_CATCHER_JOURNAL ? { journal: config.MAIL_CATCHER_JOURNAL } : {}),
  });
});

// The mail catcher's configuration: its environment variables, checked once at start with the kit's helpers.
import {
  across,
  enumVariable,
  hostVariable,
  logLevels,
  nodeEnvironments,
  optionalVariableOf,
  portVariable,
} from '@etablerer/kit';
import { z } from 'zod';
import { defaultMailCatcherPorts, productionRefusal } from './mail-catcher.js';

export const mailCatcherConfiguration = across(
  z.object({
    NODE_ENV: enumVariable(
      nodeEnvironments,
      'Refused when `production`: the mail catcher is for development only.',
      'development',
    ),
    LOG_LEVEL: optionalVariableOf(
      (text) => logLevels.find((level) => level === text),
      `one of ${logLevels.join(', ')}`,
      'How much the JSON log on standard output says.',
      '`info`',
    ),
    PORT: portVariable(defaultMailCatcherPorts.http, 'The HTTP API’s port (0: any free one).'),
    PORT_SMTP: portVariable(defaultMailCatcherPorts.smtp, 'The SMTP port the subgraphs send to (0: any free one).'),
    HOST: hostVariable('The address both listen on.'),
    MAIL_CATCHER_JOURNAL: optionalVariableOf(
      (text) => (text.length ? text : undefined),
      'a file path',
      'A file every caught message is appended to and read back from at start, so they survive a restart.',
      'none: messages are kept in memory only',
    ),
  }),
  ['NODE_ENV'],
  (config, context) => {
    if (config.NODE_ENV === 'production')
      context.addIssue({ code: 'custom', path: ['NODE_ENV'], message: productionRefusal });
  },
);

// The development SMTP catcher: an SMTP server (nodemailer's smtp-server) that accepts every e-mail
// the subgraphs' outboxes send and keeps it, and a small HTTP API the gateway's /dev/mail proxies
// for the console. Like real mail systems it recognises a message sent again by its Message-ID:
// the repeat is counted in `duplicates`, not kept twice. Development only: it refuses
// NODE_ENV=production, and keeps messages in memory (or, given a journal file, in that file too,
// so a test can kill it and count across the restart).

import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { logger } from '@etablerer/kit/launcher';
import { type AddressObject, type Attachment, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const defaultMailCatcherPorts = { http: 1080, smtp: 1025 } as const;

/** Messages kept at most; the oldest go first (their Message-IDs are still recognised). */
export const defaultMaxMessages = 1000;

/** Largest message accepted (bytes): far above any e-mail the platform sends. */
const maxMessageBytes = 10 * 1024 * 1024;

export interface CaughtMessage {
  /** The catcher's own id of the message (for GET /messages/:id). */
  id: string;
  /** The Message-ID header, e.g. `<…@etablerertjenesten>`; null when the sender gave none. */
  messageId: string | null;
  from: string;
  /** The envelope's recipients. */
  to: string[];
  subject: string;
  /** When the catcher received it (ISO 8601). */
  date: string;
  text: string;
  html: string | null;
  /**
   * A calendar invitation sent with it (the `text/calendar` part): its iTIP method (the part's
   * `method` parameter, e.g. REQUEST or CANCEL) and the iCalendar text; null when there is none.
   */
  calendar: { method: string | null; content: string } | null;
}

export interface MailCatcherOptions {
  /** The HTTP API's port; 0 (the default here) lets the system pick a free one. */
  port?: number;
  /** The SMTP port; 0 (the default here) lets the system pick a free one. */
  smtpPort?: number;
  host?: string;
  maxMessages?: number;
  /**
   * A file the catcher appends every message and repeat to before it answers the sender, and reads
   * at start: what it caught survives the process (a test kills it and counts across the restart).
   */
  journal?: string;
  /** NODE_ENV, by default the process's: `production` is refused. */
  environment?: string;
}

export interface RunningMailCatcher {
  name: 'mail-catcher';
  /** The HTTP API: GET /messages, GET /messages/:id, DELETE /messages, GET /health. */
  url: string;
  port: number;
  /** What the subgraphs' SMTP_URL is: `smtp://<host>:<smtp port>`. */
  smtpUrl: string;
  smtpPort: number;
  /** No internal port of its own (runAsProcess's ready message carries it empty). */
  internalUrl: string;
  server: Server;
  /** Newest first. */
  messages(): CaughtMessage[];
  /** Messages received again with a Message-ID already caught (not kept twice). */
  duplicates(): number;
  clear(): void;
  stop(): Promise<void>;
}

/** The text/calendar part of a parsed message (mailparser lists it among the attachments), or null. */
function calendarOf(attachments: Attachment[]): CaughtMessage['calendar'] {
  const part =
    attachments.find((attachment) => attachment.contentType === 'text/calendar') ??
    attachments.find((attachment) => attachment.contentType === 'application/ics');
  if (!part) return null;
  const type = part.headers.get('content-type');
  const method =
    type && typeof type === 'object' && 'params' in type
      ? ((type.params as Record<string, string>).method ?? null)
      : null;
  return { method: method ? method.toUpperCase() : null, content: part.content.toString('utf8') };
}

export const productionRefusal =
  'must not be production: the mail catcher keeps every e-mail it is given and sends none on; in production SMTP_URL names the real mail server.';

export class ProductionRefusedError extends Error {
  constructor() {
    super(`The mail catcher cannot start: NODE_ENV ${productionRefusal}`);
    this.name = 'ProductionRefusedError';
  }
}

type JournalEntry = { type: 'message'; message: CaughtMessage } | { type: 'duplicate'; messageId: string };

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).map((address) => address.text).join(', ');

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<RunningMailCatcher> {
  if ((options.environment ?? process.env.NODE_ENV) === 'production') throw new ProductionRefusedError();
  const host = options.host ?? '127.0.0.1';
  const maxMessages = options.maxMessages ?? defaultMaxMessages;
  // Oldest first internally; the API answers newest first.
  let kept: CaughtMessage[] = [];
  const seen = new Set<string>();
  let duplicates = 0;

  const record = (entry: JournalEntry) => {
    if (entry.type === 'duplicate') {
      duplicates += 1;
      return;
    }
    if (entry.message.messageId) seen.add(entry.message.messageId);
    kept.push(entry.message);
    if (kept.length > maxMessages) kept = kept.slice(kept.length - maxMessages);
  };
  const { journal } = options;
  if (journal) {
    mkdirSync(dirname(journal), { recursive: true });
    if (existsSync(journal)) {
      for (const line of readFileSync(journal, 'utf8').split('\n')) {
        // A line cut short by a kill mid-write was never answered: the sender sends it again.
        if (!line.trim()) continue;
        try {
          record(JSON.parse(line) as JournalEntry);
        } catch {
          logger.warn({ journal }, 'mail catcher: an incomplete journal line skipped');
        }
      }
    }
  }
  const keep = (entry: JournalEntry) => {
    // Written before the sender hears 250: a message the sender believes delivered is never lost.
    if (journal) appendFileSync(journal, `${JSON.stringify(entry)}\n`);
    record(entry);
  };

  const smtp = new SMTPServer({
    // A local catcher: no TLS, any sender, any (or no) credentials.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: maxMessageBytes,
    banner: 'Etablerertjenesten mail catcher (development)',
    logger: false,
    // A stop need not wait for the senders' pooled connections to leave.
    closeTimeout: 100,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'anyone' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const messageId = parsed.messageId ?? null;
          if (messageId && seen.has(messageId)) {
            keep({ type: 'duplicate', messageId });
            logger.info(
              { messageId, duplicates },
              'mail catcher: a message received again (same Message-ID), kept once',
            );
            return callback();
          }
          const message: CaughtMessage = {
            id: randomUUID(),
            messageId,
            from: addresses(parsed.from) || (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? '',
            date: new Date().toISOString(),
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            calendar: calendarOf(parsed.attachments),
          };
          keep({ type: 'message', message });
          // What was "sent", on the developer's console.
          logger.info(
            { to: message.to, subject: message.subject, messageId },
            `mail catcher: e-mail to ${message.to.join(', ')}: ${message.subject}`,
          );
          callback();
        })
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'mail catcher: a message could not be read');
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    },
  });
  smtp.on('error', (error) => logger.warn({ err: error }, 'mail catcher: SMTP error'));
  smtp.listen(options.smtpPort ?? 0, host);
  await once(smtp.server, 'listening');
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const messages = () => [...kept].reverse();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'mail catcher: request failed');
      send(res, 500, { error: 'internal_error' });
    });
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://catcher').pathname.replace(/\/+$/, '') || '/';
    if (path === '/health' && req.method === 'GET') {
      return send(res, 200, { status: 'ok', messages: kept.length, unique: seen.size, duplicates });
    }
    if (path === '/messages' && req.method === 'GET') {
      return send(res, 200, { messages: messages(), duplicates });
    }
    if (path === '/messages' && req.method === 'DELETE') {
      kept = [];
      return send(res, 200, { deleted: true });
    }
    const one = /^\/messages\/([\w-]+)$/.exec(path);
    if (one && req.method === 'GET') {
      const message = kept.find((candidate) => candidate.id === one[1]);
      return message ? send(res, 200, message) : send(res, 404, { error: 'not_found' });
    }
    send(res, 404, { error: 'not_found' });
  };
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const smtpUrl = `smtp://${host}:${smtpPort}`;
  logger.info({ url, smtpUrl }, 'mail catcher listening');

  let stopping: Promise<void> | undefined;
  return {
    name: 'mail-catcher',
    url,
    port,
    smtpUrl,
    smtpPort,
    internalUrl: '',
    server,
    messages,
    duplicates: () => duplicates,
    clear: () => {
      kept = [];
    },
    stop() {
      stopping ??= (async () => {
        await Promise.all([
          new Promise<void>((resolve) => smtp.close(() => resolve())),
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
        ]);
        logger.info('mail-catcher stopped');
      })();
      return stopping;
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

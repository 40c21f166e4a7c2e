// The thin client of the gateway's development mail route (`GET /dev/mail/messages`): what the local SMTP catcher
// received. The gateway answers it only in development, when the stack runs the catcher (404 otherwise).

export const devMailPath = '/dev/mail/messages';

/** One e-mail as the catcher received it. */
export interface DevMailMessage {
  id: string;
  /** The Message-ID header: the outbox row's id, by which repeats are recognised. */
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  /** When it was received (ISO 8601). */
  date: string;
  text: string | null;
  html: string | null;
}

/** A failed call: an HTTP error, or no answer at all (status undefined). */
export class DevMailRequestError extends Error {
  override readonly name = 'DevMailRequestError';
  readonly status: number | undefined;

  constructor(message: string, details: { status?: number; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** An address as mailparser or the catcher may give it: a string, `{ address, name }`, or `{ text }` / `{ value }`. */
function addresses(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(addresses);
  if (typeof value !== 'object' || value === null) return [];
  const { text: whole, address, name, value: parts } = value as Record<string, unknown>;
  if (typeof whole === 'string') return [whole];
  if (Array.isArray(parts)) return addresses(parts);
  if (typeof address === 'string') return [typeof name === 'string' && name !== '' ? `${name} <${address}>` : address];
  return [];
}

function toMessage(raw: unknown, index: number): DevMailMessage {
  const fields = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const id = text(fields.id) ?? (typeof fields.id === 'number' ? String(fields.id) : null);
  return {
    id: id ?? text(fields.messageId) ?? String(index),
    messageId: text(fields.messageId),
    from: addresses(fields.from).join(', '),
    to: addresses(fields.to),
    subject: text(fields.subject) ?? '',
    date: text(fields.date) ?? '',
    text: text(fields.text),
    html: text(fields.html),
  };
}

/** The e-mails received, newest first as the catcher lists them. */
export async function fetchDevMailMessages(accessToken?: string): Promise<DevMailMessage[]> {
  let response: Response;
  try {
    response = await globalThis.fetch(devMailPath, {
      method: 'GET',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
    });
  } catch (error) {
    throw new DevMailRequestError('The gateway could not be reached.', { cause: error });
  }
  if (!response.ok) {
    throw new DevMailRequestError(`The gateway answered HTTP ${response.status}.`, { status: response.status });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new DevMailRequestError('The gateway answered with something other than JSON.', { cause: error });
  }
  // The catcher's list, bare or under `messages`.
  const list = Array.isArray(body) ? body : (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(list)) throw new DevMailRequestError('The gateway answered without a list of messages.');
  return list.map(toMessage);
}

// The development mail catcher: what the subgraphs send over SMTP is listed newest first on its
// HTTP API (which the gateway's /dev/mail proxies), a message sent again with the same Message-ID
// is counted, not kept twice, and it refuses to run in production.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductionRefusedError, type RunningMailCatcher, startMailCatcher } from '../src/mail-catcher.js';

let catcher: RunningMailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(() => catcher?.stop());

const send = (smtpUrl: string, message: Mail.Options) =>
  nodemailer.createTransport({ url: smtpUrl } as never).sendMail({
    from: 'Etablerertjenesten <ikke-svar@etablerertjenesten.no>',
    ...message,
  });

const api = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${catcher.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('the mail catcher', () => {
  it('lists what it caught, newest first, and keeps a repeated Message-ID once', async () => {
    await send(catcher.smtpUrl, {
      to: 'Kari Nordmann <kari@example.no>',
      subject: 'Kvittering',
      text: 'Takk!',
      html: '<p>Takk!</p>',
      messageId: '<one@etablerertjenesten>',
    });
    await send(catcher.smtpUrl, { to: 'ola@example.no', subject: 'Påminnelse', text: 'Husk fristen.' });
    // The first one again, as a sender retrying after a lost answer would.
    await send(catcher.smtpUrl, {
      to: 'kari@example.no',
      subject: 'Kvittering',
      text: 'Takk!',
      messageId: '<one@etablerertjenesten>',
    });
    const { status, body } = await api('/messages');
    expect(status).toBe(200);
    expect(body.duplicates).toBe(1);
    const messages = body.messages as Record<string, unknown>[];
    expect(messages.map((message) => message.subject)).toEqual(['Påminnelse', 'Kvittering']);
    expect(messages[1]).toMatchObject({
      messageId: '<one@etablerertjenesten>',
      from: '"Etablerertjenesten" <ikke-svar@etablerertjenesten.no>',
      to: ['kari@example.no'],
      html: '<p>Takk!</p>',
    });
    expect(String(messages[1]?.text).trim()).toBe('Takk!');
    expect(messages[0]?.html).toBeNull();

    const one = await api(`/messages/${messages[1]?.id}`);
    expect(one).toMatchObject({ status: 200, body: { subject: 'Kvittering' } });
    expect(await api('/messages/unknown')).toEqual({ status: 404, body: { error: 'not_found' } });
    expect(await api('/health')).toEqual({
      status: 200,
      body: { status: 'ok', messages: 2, unique: 2, duplicates: 1 },
    });
    expect(await api('/messages', { method: 'DELETE' })).toEqual({ status: 200, body: { deleted: true } });
    expect((await api('/messages')).body.messages).toEqual([]);
  });

  it('keeps what it caught across a restart when given a journal', async () => {
    const journal = join(tmpdir(), `mail-catcher-test-${randomBytes(4).toString('hex')}.jsonl`);
    try {
      const first = await startMailCatcher({ journal });
      await send(first.smtpUrl, { to: 'a@example.no', subject: 'Én', text: '1', messageId: '<j1@etablerertjenesten>' });
      await first.stop();
      const second = await startMailCatcher({ journal });
      try {
        await send(second.smtpUrl, {
          to: 'a@example.no',
          subject: 'Én',
          text: '1',
          messageId: '<j1@etablerertjenesten>',
        });
        expect(second.messages().map((message) => message.messageId)).toEqual(['<j1@etablerertjenesten>']);
        expect(second.duplicates()).toBe(1);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(journal, { force: true });
    }
  });

  it('refuses to start in production', async () => {
    await expect(startMailCatcher({ environment: 'production' })).rejects.toThrow(ProductionRefusedError);
  });
});

import { randomUUID } from 'node:crypto';
import { connect as connectTcp, Socket } from 'node:net';
import { connect as connectTls, TLSSocket } from 'node:tls';

/** Where and as whom to send, from an `smtp://` or `smtps://` URL. */
export interface SmtpSettings {
  /** smtps: TLS from the first byte (port 465); smtp: plain, upgraded with STARTTLS when offered. */
  secure: boolean;
  host: string;
  port: number;
  user: string | null;
  password: string | null;
  /** The From header, e.g. "Kindred <alerts@example.org>". */
  from: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * `smtps://user:password@smtp.example.org:465?from=alerts@example.org`. The `from` parameter names
 * the sender (default `defaultFrom`); user and password are percent-decoded.
 */
export function parseSmtpUrl(value: string, defaultFrom: string): SmtpSettings {
  const url = new URL(value);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  if (!url.hostname) throw new Error('SMTP_URL has no host');
  const secure = url.protocol === 'smtps:';
  return {
    secure,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    user: url.username ? decodeURIComponent(url.username) : null,
    password: url.password ? decodeURIComponent(url.password) : null,
    from: url.searchParams.get('from') || defaultFrom,
  };
}

/** The bare address in "Name <address>" (or the whole value when there are no brackets). */
export function addressOf(mailbox: string): string {
  return (/<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox).trim();
}

/** A header value on one line: no CR/LF (header injection), non-ASCII as an RFC 2047 word. */
export function headerValue(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ').trim();
  return /^[\x20-\x7e]*$/.test(oneLine) ? oneLine : `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}

/** The message as sent after DATA: headers, then the UTF-8 body in base64 lines of 76. */
export function formatMessage(from: string, message: MailMessage, date = new Date()): string {
  const body = Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
  const domain = addressOf(from).split('@')[1] || 'localhost';
  const headers = [
    `From: ${headerValue(from)}`,
    `To: ${headerValue(message.to)}`,
    `Subject: ${headerValue(message.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body.replace(/.{1,76}/g, '$&\r\n')}`;
}

/** Reads SMTP replies ("250-first", "250 last") off a socket, one complete reply at a time. */
class ReplyReader {
  private buffer = '';
  private lines: string[] = [];
  private waiting: { resolve: (reply: string[]) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(private socket: Socket | TLSSocket) {
    this.attach(socket);
  }

  attach(socket: Socket | TLSSocket): void {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, end).replace(/\r$/, ''));
        this.buffer = this.buffer.slice(end + 1);
      }
      this.settle();
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('the mail server closed the connection')));
  }

  next(): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.settle();
    });
  }

  private settle(): void {
    if (!this.waiting) return;
    const last = this.lines.findIndex((line) => /^\d{3}(?: |$)/.test(line));
    if (last >= 0) {
      const reply = this.lines.splice(0, last + 1);
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve(reply);
    } else if (this.failure) {
      const { reject } = this.waiting;
      this.waiting = null;
      reject(this.failure);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settle();
  }
}

/**
 * Sends one plain-text message: EHLO, STARTTLS when a plain connection is offered it, AUTH PLAIN
 * when the URL has a user, then MAIL, RCPT, DATA and QUIT. Rejects on any unexpected reply or
 * after `timeoutMs`. A password is never sent over an unencrypted connection.
 */
export async function sendSmtp(settings: SmtpSettings, message: MailMessage, timeoutMs = 30_000): Promise<void> {
  let socket: Socket | TLSSocket = settings.secure
    ? connectTls({ host: settings.host, port: settings.port, servername: settings.host })
    : connectTcp({ host: settings.host, port: settings.port });
  const reader = new ReplyReader(socket);
  const timer = setTimeout(() => socket.destroy(new Error(`the mail server did not answer within ${timeoutMs} ms`)), timeoutMs);
  let encrypted = settings.secure;

  const expect = async (codes: readonly number[], what: string): Promise<string[]> => {
    const reply = await reader.next();
    const code = Number(reply[reply.length - 1]?.slice(0, 3));
    if (!codes.includes(code)) throw new Error(`the mail server refused ${what}: ${reply.join(' | ')}`);
    return reply;
  };
  const command = (line: string, codes: readonly number[], what = line.split(' ')[0] ?? line) => {
    socket.write(`${line}\r\n`);
    return expect(codes, what);
  };

  try {
    await expect([220], 'the connection');
    const hello = `EHLO ${addressOf(settings.from).split('@')[1] || 'localhost'}`;
    let capabilities = await command(hello, [250]);
    if (!encrypted && capabilities.some((line) => /^250[- ]STARTTLS\b/i.test(line))) {
      await command('STARTTLS', [220]);
      socket.removeAllListeners('data');
      socket = connectTls({ socket, servername: settings.host });
      reader.attach(socket);
      encrypted = true;
      capabilities = await command(hello, [250]);
    }
    if (settings.user) {
      if (!encrypted) throw new Error('the mail server offers no STARTTLS; refusing to send the password unencrypted');
      const token = Buffer.from(`\u0000${settings.user}\u0000${settings.password ?? ''}`, 'utf8').toString('base64');
      await command(`AUTH PLAIN ${token}`, [235], 'AUTH');
    }
    await command(`MAIL FROM:<${addressOf(settings.from)}>`, [250], 'MAIL FROM');
    await command(`RCPT TO:<${addressOf(message.to)}>`, [250, 251], 'RCPT TO');
    await command('DATA', [354]);
    socket.write(formatMessage(settings.from, message));
    await command('.', [250], 'the message');
    await command('QUIT', [221]).catch(() => undefined);
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}

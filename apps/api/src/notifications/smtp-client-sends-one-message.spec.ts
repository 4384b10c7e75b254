import { createServer, Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { addressOf, formatMessage, headerValue, parseSmtpUrl, sendSmtp } from './smtp-client.util';

/** A tiny SMTP server on loopback that records the session and answers as told. */
function fakeSmtpServer(options: { refuseRecipient?: boolean; capabilities?: string[] } = {}) {
  const transcript: string[] = [];
  let data = '';
  const server: Server = createServer((socket: Socket) => {
    let inData = false;
    let buffer = '';
    socket.write('220 fake.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            transcript.push('<data>');
            socket.write('250 queued\r\n');
          } else data += `${line}\r\n`;
          continue;
        }
        transcript.push(line);
        const verb = line.split(/[ :]/)[0]!.toUpperCase();
        if (verb === 'EHLO') socket.write(['250-fake.test', ...(options.capabilities ?? []).map((c) => `250-${c}`), '250 SIZE 1000000\r\n'].join('\r\n'));
        else if (verb === 'MAIL') socket.write('250 ok\r\n');
        else if (verb === 'RCPT') socket.write(options.refuseRecipient ? '550 no such user\r\n' : '250 ok\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'AUTH') socket.write('235 ok\r\n');
        else if (verb === 'QUIT') {
          socket.write('221 bye\r\n');
          socket.end();
        } else socket.write('502 not implemented\r\n');
      }
    });
  });
  return {
    transcript,
    body: () => data,
    start: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('SMTP client', () => {
  it('reads the sender and credentials from the URL', () => {
    const s = parseSmtpUrl('smtps://me%40x.org:p%3Ass@mail.example.org?from=Kindred%20%3Calerts%40example.org%3E', 'no-reply@localhost');
    expect(s).toEqual({
      secure: true,
      host: 'mail.example.org',
      port: 465,
      user: 'me@x.org',
      password: 'p:ss',
      from: 'Kindred <alerts@example.org>',
    });
    expect(parseSmtpUrl('smtp://localhost:2525', 'no-reply@localhost')).toMatchObject({ secure: false, port: 2525, user: null, from: 'no-reply@localhost' });
    expect(() => parseSmtpUrl('http://mail.example.org', 'x@y')).toThrow(/smtp/);
  });

  it('keeps headers on one line and encodes non-ASCII', () => {
    expect(headerValue('Hi\r\nBcc: victim@example.org')).toBe('Hi Bcc: victim@example.org');
    expect(headerValue('3 new projects – Kindred')).toMatch(/^=\?UTF-8\?B\?.+\?=$/);
    expect(addressOf('Kindred <alerts@example.org>')).toBe('alerts@example.org');
    const formatted = formatMessage('alerts@example.org', { to: 'a@b.org', subject: 'S', text: '.starts with a dot\nline two' });
    const body = formatted.split('\r\n\r\n')[1]!;
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('.starts with a dot\r\nline two');
    expect(body.split('\r\n').every((line) => line.length <= 76 && !line.startsWith('.'))).toBe(true);
  });

  it('speaks SMTP to a server: hello, sender, recipient, the message, goodbye', async () => {
    const server = fakeSmtpServer();
    const port = await server.start();
    try {
      await sendSmtp(
        { secure: false, host: '127.0.0.1', port, user: null, password: null, from: 'Kindred <alerts@example.org>' },
        { to: 'Dr Asha <asha@example.org>', subject: 'Your Kindred alerts', text: 'One new project near Leeds.\nhttp://localhost/projects/1' },
      );
    } finally {
      await server.stop();
    }
    expect(server.transcript).toEqual(['EHLO example.org', 'MAIL FROM:<alerts@example.org>', 'RCPT TO:<asha@example.org>', 'DATA', '<data>', 'QUIT']);
    const [headers, body] = server.body().split('\r\n\r\n');
    expect(headers).toContain('Subject: Your Kindred alerts');
    expect(headers).toContain('To: Dr Asha <asha@example.org>');
    expect(Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('One new project near Leeds.\r\nhttp://localhost/projects/1');
  });

  it('fails when the server refuses the recipient', async () => {
    const server = fakeSmtpServer({ refuseRecipient: true });
    const port = await server.start();
    try {
      await expect(
        sendSmtp({ secure: false, host: '127.0.0.1', port, user: null, password: null, from: 'a@example.org' }, { to: 'b@example.org', subject: 's', text: 't' }),
      ).rejects.toThrow(/refused RCPT TO: 550 no such user/);
    } finally {
      await server.stop();
    }
  });

  it('never sends a password over a connection without TLS', async () => {
    const server = fakeSmtpServer();
    const port = await server.start();
    try {
      await expect(
        sendSmtp({ secure: false, host: '127.0.0.1', port, user: 'me', password: 'secret', from: 'a@example.org' }, { to: 'b@example.org', subject: 's', text: 't' }),
      ).rejects.toThrow(/refusing to send the password/);
    } finally {
      await server.stop();
    }
    expect(server.transcript.some((line) => line.startsWith('AUTH'))).toBe(false);
  });
});

import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { EmailDeliveryError, sendEmail } from './send-email';

// smtp-server's built-in self-signed certificate serves STARTTLS; the client is told to accept it.
type Received = { secure: boolean; user: string | undefined; subject: string | undefined; html: string | false | undefined };
const servers: SMTPServer[] = [];

async function startServer(accept: { user: string; pass: string }): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === accept.user && auth.password === accept.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            secure: session.secure,
            user: session.user as string | undefined,
            subject: mail.subject,
            html: mail.html,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, received };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

const message = {
  from: 'tracker@example.test',
  to: 'dana@example.test',
  subject: 'Monday list',
  text: 'hello',
  html: '<p>hello</p>',
};

describe('sendEmail', () => {
  it('upgrades to TLS with STARTTLS and logs in before sending', async () => {
    const server = await startServer({ user: 'bot', pass: 's3cret' });
    const smtp = {
      host: '127.0.0.1',
      port: server.port,
      security: 'starttls' as const,
      user: 'bot',
      password: 's3cret',
      allowSelfSigned: true,
    };
    await sendEmail(smtp, message);
    expect(server.received).toEqual([{ secure: true, user: 'bot', subject: 'Monday list', html: '<p>hello</p>' }]);
  });

  it('fails with the server’s answer, never the password, when the login is refused', async () => {
    const server = await startServer({ user: 'bot', pass: 's3cret' });
    const smtp = {
      host: '127.0.0.1',
      port: server.port,
      security: 'starttls' as const,
      user: 'bot',
      password: 'wrong-password',
      allowSelfSigned: true,
    };
    const error = await sendEmail(smtp, message).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect(error!.message).toMatch(/^SMTP 127\.0\.0\.1:\d+ refused the email \(the server answered 535\)/);
    expect(error!.message).not.toContain('wrong-password');
    expect(server.received).toEqual([]);
  });

  it('refuses a self-signed certificate unless told to accept it', async () => {
    const server = await startServer({ user: 'bot', pass: 's3cret' });
    const smtp = { host: '127.0.0.1', port: server.port, security: 'starttls' as const, user: 'bot', password: 's3cret' };
    await expect(sendEmail(smtp, message)).rejects.toBeInstanceOf(EmailDeliveryError);
    expect(server.received).toEqual([]);
  });
});

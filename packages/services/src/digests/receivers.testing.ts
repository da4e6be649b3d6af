import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it accepts, parsed. */
export async function startSmtpReceiver(): Promise<{ port: number; mails: ParsedMail[]; close(): Promise<void> }> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type ReceivedPost = { body: unknown; contentType: string | undefined };
/** How the receiver answers the n-th post (0-based): a status, its body and headers. */
export type Answer = (n: number) => { status: number; body?: string; headers?: Record<string, string> };

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

/** A real HTTP server on loopback standing in for a Slack incoming webhook. */
export async function startWebhookReceiver(
  answer: Answer = () => ({ status: 200, body: 'ok' }),
): Promise<{ url: string; posts: ReceivedPost[]; setAnswer(a: Answer): void; close(): Promise<void> }> {
  const posts: ReceivedPost[] = [];
  let current = answer;
  const server: Server = createServer((req, res) => {
    readBody(req).then(
      (text) => {
        const n = posts.length;
        posts.push({ body: JSON.parse(text), contentType: req.headers['content-type'] });
        const a = current(n);
        res.writeHead(a.status, { 'content-type': 'text/plain', ...a.headers });
        res.end(a.body ?? '');
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/secretwebhooktoken`,
    posts,
    setAnswer(a) {
      current = a;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

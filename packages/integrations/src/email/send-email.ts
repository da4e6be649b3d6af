import nodemailer from 'nodemailer';
import type { EmailContent } from './digest-email';

export type SmtpConfig = {
  host: string;
  port: number;
  /** tls: TLS from the start (port 465); starttls: upgrade required; none: plain (a local relay). */
  security: 'tls' | 'starttls' | 'none';
  user: string | null;
  password: string | null;
  /** Accept a self-signed certificate (tests, an internal relay). */
  allowSelfSigned?: boolean;
};

export class EmailDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmailDeliveryError';
  }
}

/** Sends one email over SMTP with a text and an HTML part; the error says why, never the password. */
export async function sendEmail(
  smtp: SmtpConfig,
  message: EmailContent & { from: string; to: string },
): Promise<{ messageId: string }> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    ...(smtp.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    const info = await transport.sendMail({
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    return { messageId: info.messageId };
  } catch (error) {
    const e = error as { code?: string; responseCode?: number; message?: string };
    const reason = e.responseCode ? `the server answered ${e.responseCode}` : (e.code ?? 'unknown error');
    throw new EmailDeliveryError(
      `SMTP ${smtp.host}:${smtp.port} refused the email (${reason}): ${(e.message ?? '').slice(0, 200)}`,
    );
  } finally {
    transport.close();
  }
}

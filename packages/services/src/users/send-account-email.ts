import { escapeHtml, sendEmail } from '@ptrack/integrations';
import type { Database } from '@ptrack/storage';
import { loadDigestSettings } from '../digests/digest-settings';

/**
 * Sends an invitation or reset link through the SMTP server configured for digests. Returns false when
 * none is configured or it refused: the caller then shows the link to copy instead.
 */
export async function sendAccountEmail(
  database: Database,
  message: { to: string; subject: string; lines: string[]; url: string },
): Promise<boolean> {
  const s = await loadDigestSettings(database.db);
  if (!s.smtpHost || !s.fromAddress) return false;
  const port = s.smtpPort ?? (s.smtpSecurity === 'tls' ? 465 : 587);
  const text = [...message.lines, '', message.url].join('\n');
  const html = `${message.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<p><a href="${escapeHtml(message.url)}">${escapeHtml(message.url)}</a></p>`;
  try {
    await sendEmail(
      { host: s.smtpHost, port, security: s.smtpSecurity, user: s.smtpUser, password: s.smtpPassword },
      { from: s.fromAddress, to: message.to, subject: message.subject, text, html },
    );
    return true;
  } catch {
    return false;
  }
}

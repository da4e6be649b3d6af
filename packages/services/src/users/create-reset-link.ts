import type { LinkResponse } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { users } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { createResetToken, resetUrl } from './password-reset-link';
import { sendAccountEmail } from './send-account-email';

/** POST /api/users/{id}/reset-link: an admin makes a password reset link (emailed when SMTP is set up). */
export async function createResetLink(ctx: ServiceContext, id: string, linkBase: string): Promise<LinkResponse> {
  authorize(ctx, 'users:manage');
  const { user, token, expiresAt } = await inTransaction(ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, id));
    if (!user) throw AppError.notFound('user', id);
    if (!user.active) throw new AppError('CONFLICTING_STATE', 'The user is deactivated: reactivate them first');
    const created = await createResetToken(tx, user.id, ctx.now());
    await audit(ctx, 'reset-link-created', { userId: user.id, email: user.email }, tx);
    return { user, ...created };
  });
  const url = resetUrl(linkBase, token);
  const emailed = await sendAccountEmail(ctx.database, {
    to: user.email,
    subject: 'Reset your Partner Tracker password',
    lines: [`Hello ${user.name},`, 'Use this link within an hour to choose a new Partner Tracker password:'],
    url,
  });
  return { url, expiresAt: expiresAt.toISOString(), emailed };
}

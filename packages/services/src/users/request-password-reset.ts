import type { PasswordResetRequest } from '@ptrack/contracts';
import { users } from '@ptrack/storage';
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { createResetToken, resetUrl } from './password-reset-link';
import { sendAccountEmail } from './send-account-email';
import { normaliseEmail } from './user-account';

/**
 * POST /api/password-reset: emails a reset link when the user exists and SMTP is configured. The
 * answer is the same either way, so it tells nobody which emails have accounts.
 */
export async function requestPasswordReset(ctx: ServiceContext, input: PasswordResetRequest, linkBase: string): Promise<void> {
  const email = normaliseEmail(input.email);
  const [user] = await ctx.database.db
    .select()
    .from(users)
    .where(and(eq(users.email, email), eq(users.active, true)));
  if (!user) return;
  const { token } = await inTransaction(ctx, async (tx) => {
    const created = await createResetToken(tx, user.id, ctx.now());
    await audit(
      { ...ctx, actor: { ...ctx.actor, name: user.name, userId: user.id } },
      'reset-link-created',
      { email, requested: true },
      tx,
    );
    return created;
  });
  await sendAccountEmail(ctx.database, {
    to: user.email,
    subject: 'Reset your Partner Tracker password',
    lines: [
      `Hello ${user.name},`,
      'Someone (hopefully you) asked to reset your Partner Tracker password. Use this link within an hour:',
    ],
    url: resetUrl(linkBase, token),
  });
}

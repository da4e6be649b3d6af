import { authVerifications, type Executor } from '@ptrack/storage';
import { hashToken, newToken } from '../sessions/identity';

/** A reset link is valid for an hour. */
export const RESET_LINK_MS = 60 * 60 * 1000;
export const RESET_IDENTIFIER = 'password-reset:';

/** Stores a new reset token (hashed) for a user; returns the token and the link's path. */
export async function createResetToken(tx: Executor, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + RESET_LINK_MS);
  await tx.insert(authVerifications).values({
    identifier: `${RESET_IDENTIFIER}${hashToken(token)}`,
    value: userId,
    expiresAt,
    createdAt: now,
    updatedAt: now,
  });
  return { token, expiresAt };
}

export function resetUrl(base: string, token: string): string {
  return `${base}/reset-password?token=${encodeURIComponent(token)}`;
}

import { auditLog, type Executor } from '@ptrack/storage';
import type { ServiceContext } from '../context';

/** What the audit log records (issue 12): sign-ins, account changes, exports, backups, secret changes. */
export type AuditKind =
  | 'setup'
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'sessions-revoked'
  | 'invitation-created'
  | 'invitation-accepted'
  | 'invitation-revoked'
  | 'user-created'
  | 'user-changed'
  | 'reset-link-created'
  | 'password-reset'
  | 'token-created'
  | 'token-revoked'
  | 'export'
  | 'backup'
  | 'restore'
  | 'secret-changed'
  | 'settings-changed';

// Keys whose values are never stored, whatever a caller passes: the log says THAT a secret changed.
const SECRET_KEY = /(password|secret|token|webhookurl|apikey)$/i;

function withoutSecrets(detail: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    if (SECRET_KEY.test(key)) continue;
    out[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? withoutSecrets(value as Record<string, unknown>)
        : value;
  }
  return out;
}

/**
 * Appends one entry to the audit log, in the caller's transaction when given one (so a write and its
 * entry commit together). Detail keys that name a secret are dropped.
 */
export async function audit(
  ctx: Pick<ServiceContext, 'actor' | 'now' | 'database' | 'ip'>,
  kind: AuditKind,
  detail: Record<string, unknown> = {},
  tx?: Executor,
): Promise<void> {
  await (tx ?? ctx.database.db).insert(auditLog).values({
    at: ctx.now(),
    kind,
    actorName: ctx.actor.name,
    userId: ctx.actor.userId,
    ip: ctx.ip ?? null,
    detail: withoutSecrets(detail),
  });
}

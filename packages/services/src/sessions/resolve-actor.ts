import { userInfo } from 'node:os';
import type { Role } from '@ptrack/domain';
import { apiTokens, authSessions, type Database, users } from '@ptrack/storage';
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { type Actor, systemActor } from '../context';
import { type AuthRequest, setCookiesOf } from './auth-request';
import { hashToken, type Identity } from './identity';

export const API_TOKEN_PREFIX = 'ptk_';
export const LOCAL_CLI_TOKEN_PREFIX = 'ptl_';
// last_used_at and a session's last-seen time are written at most once a minute, not on every request.
const TOUCH_EVERY_MS = 60_000;

export type ResolvedActor = { actor: Actor; setCookies: string[] };

/** The CLI on the machine that owns the data: this OS user, as a local admin ("dana (local CLI)"). */
export function localCliActor(env: NodeJS.ProcessEnv = process.env): Actor {
  let name = env.USER?.trim() || env.USERNAME?.trim() || '';
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      name = 'local user';
    }
  }
  return systemActor(`${name.slice(0, 100)} (local CLI)`, 'cli');
}

function bearerOf(headers: Headers): string | null {
  const value = headers.get('authorization');
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value.trim()) : null;
  return match?.[1] ?? null;
}

async function actorOfToken(database: Database, identity: Identity, token: string, now: Date): Promise<Actor | null> {
  const hash = hashToken(token);
  if (token.startsWith(LOCAL_CLI_TOKEN_PREFIX)) return identity.localCliTokenHash === hash ? localCliActor() : null;
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await database.db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(users.active, true),
      ),
    );
  if (!row) return null;
  const lastUsed = row.token.lastUsedAt;
  if (!lastUsed || now.getTime() - lastUsed.getTime() >= TOUCH_EVERY_MS) {
    await database.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  return {
    name: row.user.name,
    source: 'api',
    role: row.user.role as Role,
    userId: row.user.id,
    partnerId: row.user.partnerId,
    readOnly: row.token.access === 'read',
    tokenId: row.token.id,
  };
}

/**
 * Who sent a request: a bearer API token (`ptk_…`, or the local CLI's `ptl_…`), else the session cookie.
 * Unknown, revoked or expired credentials and inactive users are nobody (null).
 */
export async function resolveActor(
  database: Database,
  identity: Identity,
  request: AuthRequest,
  now: Date,
): Promise<ResolvedActor | null> {
  const bearer = bearerOf(request.headers);
  if (bearer) {
    const actor = await actorOfToken(database, identity, bearer, now);
    return actor ? { actor, setCookies: [] } : null;
  }
  if (!request.headers.get('cookie')) return null;
  const { headers, response } = await (await identity.auth()).api.getSession({ headers: request.headers, returnHeaders: true });
  if (!response) return null;
  const user = response.user as typeof response.user & { role: string; partnerId?: string | null; active?: boolean };
  if (user.active === false) return null;
  const session = response.session;
  if (now.getTime() - new Date(session.updatedAt).getTime() >= TOUCH_EVERY_MS) {
    await database.db
      .update(authSessions)
      .set({ updatedAt: now })
      .where(and(eq(authSessions.id, session.id), lt(authSessions.updatedAt, now)));
  }
  return {
    actor: {
      name: user.name,
      source: 'api',
      role: user.role as Role,
      userId: user.id,
      partnerId: user.partnerId ?? null,
      sessionId: session.id,
    },
    setCookies: setCookiesOf(headers),
  };
}

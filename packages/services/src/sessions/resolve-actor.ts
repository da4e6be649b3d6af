import { createHmac, timingSafeEqual } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Role } from '@ptrack/domain';
import { apiTokens, authSessions, type Database, users } from '@ptrack/storage';
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { type Actor, systemActor } from '../context';
import { type AuthRequest, setCookiesOf } from './auth-request';
import { hashToken, type Identity, SESSION_TIMING } from './identity';

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

/** The value of cookie `name` in a Cookie header, undecoded; null when absent. */
function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The session token of a signed session cookie (`token.signature`, HMAC-SHA256 in base64, URL-encoded —
 * better-call's format), or null when the signature does not verify.
 */
export function verifiedSessionToken(raw: string, key: string): string | null {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', key).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

type SessionCheck = { kind: 'actor'; actor: Actor } | { kind: 'nobody' } | { kind: 'ask-better-auth' };

/**
 * The session check every signed-in request pays: the cookie's signature, then one indexed query for
 * the session and its user. A session due for its daily extension is left to better-auth, which
 * extends it and sends the new cookie; the last-seen time is written at most once a minute.
 */
async function checkSessionCookie(database: Database, identity: Identity, cookie: string, now: Date): Promise<SessionCheck> {
  const raw = cookieValue(cookie, identity.sessionCookieName);
  if (!raw) return { kind: 'nobody' };
  const token = verifiedSessionToken(raw, await identity.signingKey());
  if (!token) return { kind: 'nobody' };
  const [row] = await database.db
    .select({
      sessionId: authSessions.id,
      expiresAt: authSessions.expiresAt,
      seenAt: authSessions.updatedAt,
      userId: users.id,
      name: users.name,
      role: users.role,
      partnerId: users.partnerId,
      active: users.active,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.token, token));
  if (!row?.active) return { kind: 'nobody' };
  const { expiresInSeconds, updateAgeSeconds } = SESSION_TIMING;
  // Expired (better-auth clears the cookie) or due for extension: better-auth's own check handles both.
  // Sessions are dated by better-auth on the system clock, so they are judged by it here too.
  const expires = row.expiresAt.getTime();
  const systemNow = Date.now();
  if (expires <= systemNow || expires - expiresInSeconds * 1000 + updateAgeSeconds * 1000 <= systemNow) {
    return { kind: 'ask-better-auth' };
  }
  if (now.getTime() - row.seenAt.getTime() >= TOUCH_EVERY_MS) {
    await database.db
      .update(authSessions)
      .set({ updatedAt: now })
      .where(and(eq(authSessions.id, row.sessionId), lt(authSessions.updatedAt, now)));
  }
  return {
    kind: 'actor',
    actor: {
      name: row.name,
      source: 'api',
      role: row.role as Role,
      userId: row.userId,
      partnerId: row.partnerId,
      sessionId: row.sessionId,
    },
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
  const cookie = request.headers.get('cookie');
  if (!cookie) return null;
  const checked = await checkSessionCookie(database, identity, cookie, now);
  if (checked.kind === 'nobody') return null;
  if (checked.kind === 'actor') return { actor: checked.actor, setCookies: [] };
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

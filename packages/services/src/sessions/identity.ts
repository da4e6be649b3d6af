import { createHash, randomBytes } from 'node:crypto';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@ptrack/contracts';
import { authAccounts, authConfig, authSessions, authVerifications, type Database, users } from '@ptrack/storage';
import { eq } from 'drizzle-orm';

/**
 * Sessions last a week of inactivity; better-auth extends them at most once a day. Read by better-auth
 * and by the request's fast session check (resolve-actor.ts), which leaves the extension to better-auth.
 */
export const SESSION_TIMING = { expiresInSeconds: 7 * 24 * 3600, updateAgeSeconds: 24 * 3600 } as const;

// The one header better-auth reads the client address from; the server sets it from Fastify's
// request.ip (which honours TRUST_PROXY) and drops any value the client sent.
export const CLIENT_IP_HEADER = 'x-ptrack-client-ip';

export type IdentityOptions = {
  /** PUBLIC_URL: links in emails, and Secure cookies when it is https. */
  publicUrl?: string | null;
};

async function createAuth(database: Database, secret: string, publicUrl: string | null) {
  // Loaded on first use: the CLI working on its own data directory never signs anyone in. The minimal
  // build leaves out Kysely; the Drizzle adapter is all this app uses.
  const [{ betterAuth }, { drizzleAdapter }] = await Promise.all([
    import('better-auth/minimal'),
    import('better-auth/adapters/drizzle'),
  ]);
  const secure = publicUrl?.startsWith('https://') ?? false;
  return betterAuth({
    appName: 'Partner Tracker',
    secret,
    baseURL: publicUrl ?? 'http://localhost',
    database: drizzleAdapter(database.db, {
      provider: 'pg',
      schema: { users, authSessions, authAccounts, authVerifications },
    }),
    user: {
      modelName: 'users',
      additionalFields: {
        role: { type: 'string', required: true, input: false },
        partnerId: { type: 'string', required: false, input: false },
        active: { type: 'boolean', required: false, input: false },
      },
    },
    session: {
      modelName: 'authSessions',
      expiresIn: SESSION_TIMING.expiresInSeconds,
      updateAge: SESSION_TIMING.updateAgeSeconds,
    },
    account: { modelName: 'authAccounts' },
    verification: { modelName: 'authVerifications' },
    // Accounts come from the first run, invitations and the CLI: nobody signs up on their own.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    // Our routes apply the rate limits (@fastify/rate-limit) and the per-account lockout.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: true },
    advanced: {
      cookiePrefix: 'ptrack',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
      database: { generateId: 'uuid' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

/** Accounts' moving parts: better-auth on the app's own database, and where links point. */
export type Identity = {
  /** better-auth, made on first use. */
  auth(): Promise<Auth>;
  publicUrl: string | null;
  /** SHA-256 of the local-admin token the server gave the CLI on this machine (local-cli.token). */
  localCliTokenHash: string | null;
  /** The session cookie's name (`__Secure-` prefixed behind https), as better-auth sets it. */
  sessionCookieName: string;
  /** The key better-auth signs cookies with (made on first use, kept in auth_config). */
  signingKey(): Promise<string>;
};

/** The cookie-signing key: made once, on first use, and kept in the database so sessions survive restarts. */
async function signingSecret(database: Database): Promise<string> {
  await database.db
    .insert(authConfig)
    .values({ id: 1, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await database.db.select({ secret: authConfig.secret }).from(authConfig).where(eq(authConfig.id, 1));
  if (!row) throw new Error('auth_config has no signing secret');
  return row.secret;
}

export function createIdentity(database: Database, options: IdentityOptions = {}): Identity {
  const publicUrl = options.publicUrl?.replace(/\/+$/, '') || null;
  let auth: Promise<Auth> | null = null;
  let secret: Promise<string> | null = null;
  const signingKey = (): Promise<string> => {
    if (!secret) {
      const read = signingSecret(database);
      read.catch(() => {
        if (secret === read) secret = null;
      });
      secret = read;
    }
    return secret;
  };
  return {
    signingKey,
    sessionCookieName: `${publicUrl?.startsWith('https://') ? '__Secure-' : ''}ptrack.session_token`,
    auth() {
      if (!auth) {
        const created = signingKey().then((key) => createAuth(database, key, publicUrl));
        // A failure (the database was down) is not kept: the next request tries again.
        created.catch(() => {
          if (auth === created) auth = null;
        });
        auth = created;
      }
      return auth;
    },
    publicUrl,
    localCliTokenHash: null,
  };
}

/** SHA-256 (hex) of a high-entropy token: how invitation, reset and API tokens are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token for a link or an API token (256 bits, URL-safe). */
export function newToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** better-auth's password hash (scrypt), the one its sign-in verifies. */
export async function hashPassword(password: string): Promise<string> {
  const { hashPassword: hash } = await import('better-auth/crypto');
  return hash(password);
}

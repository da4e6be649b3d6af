import { AppError, type Role } from '@ptrack/domain';
import type { Database, Tx } from '@ptrack/storage';
import { beginHistory, flushHistory } from './history';
import { beginRollups, settleRollups } from './writes/stale-rollups';

export type ChangeSource = 'api' | 'cli' | 'import' | 'hubspot' | 'system' | 'demo';
/**
 * Who is acting. `name` is what the history shows. A signed-in person has a `userId`; the CLI that owns
 * the data directory, background jobs and HubSpot act with no user, as a local administrator.
 * `partnerId` is set for partner users (their one partner); `readOnly` for a read-only API token.
 */
export type Actor = {
  name: string;
  source: ChangeSource;
  role: Role;
  userId: string | null;
  partnerId: string | null;
  readOnly?: boolean;
  /** How a signed-in person came: the session (cookie) or the API token (bearer) of this request. */
  sessionId?: string;
  tokenId?: string;
};

/** An actor that is not a person: a job, the HubSpot sync or webhook, the local CLI, a test. */
export function systemActor(name: string, source: ChangeSource): Actor {
  return { name, source, role: 'admin', userId: null, partnerId: null };
}

/** What every use case receives: the storage, the clock, and who is acting. */
export type ServiceContext = {
  database: Database;
  now: () => Date;
  actor: Actor;
  /** The client's address when the use case serves a request (for the audit log). */
  ip?: string | null;
};

export function createContext(database: Database, actor: Actor, now: () => Date = () => new Date()): ServiceContext {
  return { database, now, actor };
}

// Unique constraints and the request field each one guards, for DUPLICATE errors that name the field.
const UNIQUE_FIELDS: Record<string, { field: string; message: string }> = {
  partners_name_lower_uq: { field: 'name', message: 'a partner with this name already exists' },
  reps_partner_name_uq: { field: 'name', message: 'this partner already has a rep with this name' },
  reps_email_uq: { field: 'email', message: 'another rep has this email' },
  saved_views_name_uq: { field: 'name', message: 'a view with this name already exists' },
  accounts_domain_key_uq: { field: 'domain', message: 'an account with this domain already exists' },
  custom_field_defs_entity_key_uq: { field: 'key', message: 'a custom field with this key already exists' },
  referrals_hubspot_deal_uq: { field: 'hubspotDealId', message: 'another referral has this HubSpot deal id' },
  activation_plans_current_uq: { field: 'partnerId', message: 'this partner already has a current plan' },
};

type PgLikeError = { code?: string; constraint?: string; cause?: unknown; message?: string };

function pgErrorOf(error: unknown): PgLikeError | null {
  let e = error as PgLikeError | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    e = e.cause as PgLikeError | undefined;
  }
  return null;
}

/** Turns database constraint errors that slipped past the checks (races) into clear AppErrors. */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const pgError = pgErrorOf(error);
  if (!pgError) return error;
  if (pgError.code === '23505') {
    const constraint = pgError.constraint ?? /"([^"]+)"/.exec(pgError.message ?? '')?.[1] ?? '';
    const known = UNIQUE_FIELDS[constraint] ?? { field: 'id', message: 'already exists' };
    return new AppError('DUPLICATE', `${known.field}: ${known.message}`, { issues: [known] });
  }
  if (pgError.code === '23503') {
    return new AppError('CONFLICTING_STATE', 'The record is still referenced by other records', { stillReferenced: true });
  }
  if (pgError.code === '40001' || pgError.code === '40P01') {
    return new AppError('VERSION_CONFLICT', 'A concurrent change got there first; reload and try again', {});
  }
  return error;
}

export type TransactionOptions = {
  /** PostgreSQL's default is read committed; a backup reads every table from one repeatable-read snapshot. */
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readOnly?: boolean;
};

/** Runs one use case as one transaction: all of it is written, or none of it. */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const config = {
    ...(options.isolation ? { isolationLevel: options.isolation } : {}),
    ...(options.readOnly ? { accessMode: 'read only' as const } : {}),
  };
  try {
    return await ctx.database.db.transaction(
      async (tx) => {
        beginHistory(tx as Tx);
        beginRollups(tx as Tx);
        const result = await work(tx as Tx);
        await settleRollups(tx as Tx);
        await flushHistory(tx as Tx);
        return result;
      },
      Object.keys(config).length > 0 ? config : undefined,
    );
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/**
 * Runs queries one after another, for a tuple of results like Promise.all's: a transaction is one
 * connection, which runs one statement at a time (node-postgres deprecates queuing them concurrently).
 */
export async function inSequence<T extends readonly (() => unknown)[]>(
  ...steps: T
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

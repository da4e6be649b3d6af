import type { PGlite } from '@electric-sql/pglite';
import cronParser from 'cron-parser';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database } from './database';

/**
 * The background job queue: pg-boss 10 on the app's own database (its tables live in the `pgboss`
 * schema, which it creates and migrates itself). On PostgreSQL it shares the app's pool; on PGlite it
 * shares the one embedded connection, whose mutex runs each of its statements between (never inside)
 * the app's transactions, so a request waits at most for one short queue statement.
 */
export type QueuedJob = {
  id: string;
  name: string;
  data: Record<string, unknown>;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
};

export type QueuePolicy = {
  /** Attempts after the first one. */
  retryLimit: number;
  /** Seconds before the first retry; doubled for each later one (pg-boss's retryBackoff). */
  retryDelaySeconds: number;
  /** A run still active after this long is failed (and retried) by the queue's maintenance. */
  expireInSeconds: number;
};

export type QueueSchedule = { name: string; cron: string; timeZone: string };

export type JobQueue = {
  start(): Promise<void>;
  /** Stops polling and the scheduler, waiting for running handlers; leaves no timers behind. */
  stop(): Promise<void>;
  createQueue(name: string, policy: QueuePolicy): Promise<void>;
  send(name: string, data: Record<string, unknown>): Promise<string>;
  /** Creates or replaces the queue's cron schedule; the queue sends `data` at each tick. */
  schedule(name: string, cron: string, timeZone: string, data: Record<string, unknown>): Promise<void>;
  unschedule(name: string): Promise<void>;
  schedules(): Promise<QueueSchedule[]>;
  /** Runs `handler` for each job of the queue, one at a time; a thrown error fails the attempt. */
  work(name: string, handler: (job: QueuedJob) => Promise<void>): Promise<void>;
};

export type JobQueueOptions = {
  /** How often an idle worker looks for work (seconds; pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** Whether this process runs the cron scheduler (one per deployment is enough; pg-boss locks it anyway). */
  schedule?: boolean;
  onError?: (error: Error) => void;
};

type SqlResult = { rows: unknown[] };
type ExecuteSql = (text: string, values?: unknown[]) => Promise<SqlResult>;

/** pg-boss's `db` contract on the app's connection: PGlite's client or node-postgres's pool. */
function executorOf(database: Database): ExecuteSql {
  const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (database.kind === 'pglite') {
    const lite = client as PGlite;
    return async (text, values) => {
      if (values && values.length > 0) return lite.query(text, values);
      // Its maintenance commands are several statements in one string (BEGIN; lock; …; COMMIT), which
      // only the simple protocol (exec) takes; callers read the last statement's rows.
      const results = await lite.exec(text);
      return results.at(-1) ?? { rows: [] };
    };
  }
  const pool = client as pg.Pool;
  return async (text, values) => {
    const result = (await pool.query(text, values)) as unknown as pg.QueryResult | pg.QueryResult[];
    return Array.isArray(result) ? (result.at(-1) ?? { rows: [] }) : result;
  };
}

export function createJobQueue(database: Database, options: JobQueueOptions = {}): JobQueue {
  const boss = new PgBoss({
    db: { executeSql: executorOf(database) },
    schedule: options.schedule ?? true,
    supervise: true,
    migrate: true,
  } as PgBoss.ConstructorOptions);
  // An unhandled 'error' event would crash the process; the queue reports and carries on polling.
  boss.on('error', (error) => options.onError?.(error));
  const polling = Math.max(0.5, options.pollingIntervalSeconds ?? 2);
  let started = false;

  return {
    async start() {
      await boss.start();
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
    },
    async createQueue(name, policy) {
      const queue = {
        name,
        retryLimit: policy.retryLimit,
        retryDelay: policy.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: policy.expireInSeconds,
      };
      const existing = await boss.getQueue(name);
      if (existing) await boss.updateQueue(name, queue);
      else await boss.createQueue(name, queue);
    },
    async send(name, data) {
      const id = await boss.send(name, data);
      if (!id) throw new Error(`The queue ${name} refused the job`);
      return id;
    },
    async schedule(name, cron, timeZone, data) {
      await boss.schedule(name, cron, data, { tz: timeZone });
    },
    async unschedule(name) {
      await boss.unschedule(name);
    },
    async schedules() {
      const rows = (await boss.getSchedules()) as unknown as { name: string; cron: string; timezone: string }[];
      return rows.map((s) => ({ name: s.name, cron: s.cron, timeZone: s.timezone }));
    },
    async work(name, handler) {
      await boss.work<Record<string, unknown>>(
        name,
        { pollingIntervalSeconds: polling, batchSize: 1, includeMetadata: true },
        async (jobs) => {
          for (const job of jobs) {
            await handler({
              id: job.id,
              name: job.name,
              data: (job.data ?? {}) as Record<string, unknown>,
              retryCount: job.retryCount,
              retryLimit: job.retryLimit,
            });
          }
        },
      );
    },
  };
}

/**
 * The first cron tick strictly after `after` in `timeZone` (the parser pg-boss's scheduler uses, so the
 * next run shown is the one it will send), or null for an expression that has none.
 */
export function nextCronRun(cron: string, timeZone: string, after: Date): Date | null {
  const interval = cronParser.parseExpression(cron, { tz: timeZone, currentDate: after });
  if (!interval.hasNext()) return null;
  return interval.next().toDate();
}

/** Whether pg-boss's scheduler accepts the expression: the problem in words, or null. */
export function cronProblem(cron: string, timeZone: string): string | null {
  try {
    cronParser.parseExpression(cron, { tz: timeZone });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The last cron tick at or before `before` in `timeZone`, or null for an expression that has none. */
export function previousCronRun(cron: string, timeZone: string, before: Date): Date | null {
  // cron-parser's prev() is strictly before its current date: start a millisecond later to include `before`.
  const interval = cronParser.parseExpression(cron, { tz: timeZone, currentDate: new Date(before.getTime() + 1) });
  if (!interval.hasPrev()) return null;
  return interval.prev().toDate();
}

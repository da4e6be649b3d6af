import { AppError } from '@ptrack/domain';
import {
  type Actor,
  createContext,
  JOBS,
  type JobDefinition,
  type JobRunner,
  type ServiceContext,
  systemActor,
} from '@ptrack/services';
import type { Database } from '@ptrack/storage';
import type { FastifyRequest } from 'fastify';

export const ACTOR_HEADER = 'x-ptrack-actor';
const DEFAULT_ACTOR = 'local user';
const MAX_ACTOR_LENGTH = 100;

/** Who is acting: the x-ptrack-actor header (there is no authentication yet), else "local user". */
export function actorOf(request: FastifyRequest): Actor {
  const raw = request.headers[ACTOR_HEADER];
  const name = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  if (name.length > MAX_ACTOR_LENGTH) {
    throw AppError.validation([{ field: `headers.${ACTOR_HEADER}`, message: `must be at most ${MAX_ACTOR_LENGTH} characters` }]);
  }
  return systemActor(name || DEFAULT_ACTOR, 'api');
}

/**
 * Finds who sent a request: the `authenticate` step of buildApp puts the answer on `request.actor`
 * (null: nobody signed in), and every use case receives it through `contextOf`.
 */
export type Authenticate = (request: FastifyRequest) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The actor of a request that must come from someone; anonymous requests are refused with 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return request.actor;
}

/** What every route hands its use case: the storage, the clock and the actor of this request. */
export type RouteOptions = {
  contextOf(request: FastifyRequest): ServiceContext;
  database: Database;
  now: () => Date;
  version: string;
  /** The background jobs, and the worker running them when this process has one (the server's). */
  jobs: ServerJobs;
  /** The largest sheet upload accepted, in bytes (set by buildApp). */
  uploadLimitBytes?: number;
};

export type ServerJobs = { definitions: readonly JobDefinition[]; runner: JobRunner | null };

export function routeOptions(database: Database, now: () => Date, version: string, jobs: Partial<ServerJobs> = {}): RouteOptions {
  return {
    contextOf: (request) => createContext(database, requireActor(request), now),
    database,
    now,
    version,
    jobs: { definitions: jobs.runner?.jobs ?? jobs.definitions ?? JOBS, runner: jobs.runner ?? null },
  };
}

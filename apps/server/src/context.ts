import { AppError } from '@ptrack/domain';
import {
  type Actor,
  createContext,
  type Identity,
  JOBS,
  type JobDefinition,
  type JobRunner,
  type ServiceContext,
} from '@ptrack/services';
import type { Database } from '@ptrack/storage';
import type { FastifyRequest } from 'fastify';

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

// Public routes (sign-in, setup, invitation accept…) act for nobody: a role that holds no permission.
const ANONYMOUS: Actor = {
  name: 'anonymous',
  source: 'api',
  role: 'partner_member',
  userId: null,
  partnerId: null,
  readOnly: true,
};

/** What every route hands its use case: the storage, the clock and the actor of this request. */
export type RouteOptions = {
  contextOf(request: FastifyRequest): ServiceContext;
  /** The context of a public route: the signed-in actor when there is one, else anonymous. */
  publicContextOf(request: FastifyRequest): ServiceContext;
  identity: Identity;
  database: Database;
  now: () => Date;
  version: string;
  /** The background jobs, and the worker running them when this process has one (the server's). */
  jobs: ServerJobs;
};

export type ServerJobs = { definitions: readonly JobDefinition[]; runner: JobRunner | null };

export function routeOptions(
  database: Database,
  now: () => Date,
  version: string,
  identity: Identity,
  jobs: Partial<ServerJobs> = {},
): RouteOptions {
  return {
    contextOf: (request) => ({ ...createContext(database, requireActor(request), now), ip: request.ip }),
    publicContextOf: (request) => ({ ...createContext(database, request.actor ?? ANONYMOUS, now), ip: request.ip }),
    identity,
    database,
    now,
    version,
    jobs: { definitions: jobs.runner?.jobs ?? jobs.definitions ?? JOBS, runner: jobs.runner ?? null },
  };
}

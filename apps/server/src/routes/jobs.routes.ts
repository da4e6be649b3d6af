import { routeSchemas } from '@ptrack/contracts';
import { listJobRuns, listJobs, runJobNow } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['jobs'];

export const jobRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf, jobs }) => {
  app.get(
    '/jobs',
    {
      config: { permission: 'workspace:read' },
      schema: {
        tags,
        summary: 'Background jobs: schedule (in the workspace time zone), next run and last run with its counts or error',
        ...routeSchemas.listJobs,
      },
    },
    async (request) => listJobs(contextOf(request), { jobs: jobs.definitions, worker: jobs.runner !== null }),
  );

  app.get(
    '/jobs/runs',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'The latest runs, newest first, of one job (?job=) or of all', ...routeSchemas.listJobRuns },
    },
    async (request) => listJobRuns(contextOf(request), request.query, jobs.definitions),
  );

  app.post(
    '/jobs/:name/run',
    {
      config: { permission: 'jobs:run' },
      schema: {
        tags,
        summary: 'Run a job now: queued for the worker (202), or run in the request when no worker runs in this process (200)',
        ...routeSchemas.runJob,
      },
    },
    async (request, reply) => {
      const { queued, run } = await runJobNow(contextOf(request), request.params.name, jobs);
      return reply.code(queued ? 202 : 200).send(run);
    },
  );
};

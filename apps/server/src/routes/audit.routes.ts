import { routeSchemas } from '@ptrack/contracts';
import { listAudit } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

export const auditRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first (pass `next` as `before` for the following page)',
        ...routeSchemas.listAudit,
      },
    },
    async (request) => listAudit(contextOf(request), request.query),
  );
};

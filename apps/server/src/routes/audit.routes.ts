import { AuditPage, AuditQuery } from '@ptrack/contracts';
import { listAudit } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

export const auditRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first (pass `next` as `before` for the following page)',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => listAudit(contextOf(request), request.query),
  );
};

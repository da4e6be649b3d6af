import { routeSchemas } from '@ptrack/contracts';
import { getDashboard } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

export const dashboardRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/dashboard',
    {
      config: { permission: 'workspace:read' },
      schema: {
        tags: ['dashboard'],
        summary: 'Program numbers: tiers, plan statuses, funnel, pipeline by partner, benchmarks',
        ...routeSchemas.getDashboard,
      },
    },
    async (request) => getDashboard(contextOf(request)),
  );
};

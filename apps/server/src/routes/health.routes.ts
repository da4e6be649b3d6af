import { routeSchemas } from '@ptrack/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

export const healthRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { database, now, version }) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: 'Whether the server is up, and which storage it uses', ...routeSchemas.getHealth },
    },
    async () => ({
      status: 'ok' as const,
      version,
      storage: { kind: database.kind, location: database.location },
      time: now().toISOString(),
    }),
  );
};

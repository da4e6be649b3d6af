import { routeSchemas } from '@ptrack/contracts';
import { createView, deleteView, getView, listViews, updateView } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['views'];

export const viewRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/views',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'The built-in views and the saved views of the partner grid', ...routeSchemas.listViews },
    },
    async (request) => listViews(contextOf(request)),
  );

  app.post(
    '/views',
    {
      config: { permission: 'views:write' },
      schema: { tags, summary: 'Save a view', ...routeSchemas.createView },
    },
    async (request, reply) => reply.code(201).send(await createView(contextOf(request), request.body)),
  );

  app.get(
    '/views/:id',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'Get a view (built-in slug or saved view id)', ...routeSchemas.getView },
    },
    async (request) => getView(contextOf(request), request.params.id),
  );

  app.patch(
    '/views/:id',
    {
      config: { permission: 'views:write' },
      schema: { tags, summary: 'Change a saved view', ...routeSchemas.updateView },
    },
    async (request) => updateView(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/views/:id',
    {
      config: { permission: 'views:write' },
      schema: { tags, summary: 'Delete a saved view', ...routeSchemas.deleteView },
    },
    async (request, reply) => {
      await deleteView(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};

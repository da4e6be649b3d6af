import { routeSchemas } from '@ptrack/contracts';
import { createRep, deleteRep, getRep, listReps, updateRep } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['reps'];

export const repRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/reps',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'List reps, of one partner or matching a search', ...routeSchemas.listReps },
    },
    async (request) => listReps(contextOf(request), request.query),
  );

  app.post(
    '/reps',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Create a rep of a partner', ...routeSchemas.createRep },
    },
    async (request, reply) => reply.code(201).send(await createRep(contextOf(request), request.body)),
  );

  app.get(
    '/reps/:id',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'Get a rep', ...routeSchemas.getRep },
    },
    async (request) => getRep(contextOf(request), request.params.id),
  );

  app.patch(
    '/reps/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Change a rep', ...routeSchemas.updateRep },
    },
    async (request) => updateRep(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/reps/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Delete a rep', ...routeSchemas.deleteRep },
    },
    async (request, reply) => {
      await deleteRep(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};

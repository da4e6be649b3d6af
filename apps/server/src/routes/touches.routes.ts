import { routeSchemas } from '@ptrack/contracts';
import { deleteTouch, listTouches, logTouch } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['touches'];

export const touchRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.post(
    '/touches',
    {
      config: { permission: 'partners:write' },
      schema: {
        tags,
        summary: "Log a touch: completes the rep's open follow-ups and schedules the next at the tier cadence",
        ...routeSchemas.logTouch,
      },
    },
    async (request, reply) => reply.code(201).send(await logTouch(contextOf(request), request.body)),
  );

  app.get(
    '/touches',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'List touches, newest first', ...routeSchemas.listTouches },
    },
    async (request) => listTouches(contextOf(request), request.query),
  );

  app.delete(
    '/touches/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Delete a touch logged by mistake', ...routeSchemas.deleteTouch },
    },
    async (request, reply) => {
      await deleteTouch(contextOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};

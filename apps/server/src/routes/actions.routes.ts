import { routeSchemas } from '@ptrack/contracts';
import {
  completeAction,
  createAction,
  deleteAction,
  getAction,
  getToday,
  listActions,
  rescheduleOverdue,
  snoozeAction,
  updateAction,
} from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['actions'];

export const actionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/today',
    {
      config: { permission: 'workspace:read' },
      schema: {
        tags,
        summary: 'Who to contact today: overdue and due-today actions, oldest first, in the workspace time zone',
        ...routeSchemas.getToday,
      },
    },
    async (request) => getToday(contextOf(request), request.query),
  );

  app.post(
    '/actions/reschedule-overdue',
    {
      config: { permission: 'partners:write' },
      schema: {
        tags,
        summary: 'Move every overdue open action to a day from startDate on, optionally perDay a working day',
        ...routeSchemas.rescheduleOverdue,
      },
    },
    async (request) => rescheduleOverdue(contextOf(request), request.body),
  );

  app.get(
    '/actions',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'List actions', ...routeSchemas.listActions },
    },
    async (request) => listActions(contextOf(request), request.query),
  );

  app.post(
    '/actions',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Schedule an action', ...routeSchemas.createAction },
    },
    async (request, reply) => reply.code(201).send(await createAction(contextOf(request), request.body)),
  );

  app.get(
    '/actions/:id',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'Get an action', ...routeSchemas.getAction },
    },
    async (request) => getAction(contextOf(request), request.params.id),
  );

  app.patch(
    '/actions/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Change an action', ...routeSchemas.updateAction },
    },
    async (request) => updateAction(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/actions/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Delete an action', ...routeSchemas.deleteAction },
    },
    async (request, reply) => {
      await deleteAction(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.post(
    '/actions/:id/complete',
    {
      config: { permission: 'partners:write' },
      schema: {
        tags,
        summary: 'Complete an action and schedule the next (by default at the rep cadence)',
        ...routeSchemas.completeAction,
      },
    },
    async (request) => completeAction(contextOf(request), request.params.id, request.body ?? {}),
  );

  app.post(
    '/actions/:id/snooze',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Move an open action to a later day', ...routeSchemas.snoozeAction },
    },
    async (request) => snoozeAction(contextOf(request), request.params.id, request.body),
  );
};

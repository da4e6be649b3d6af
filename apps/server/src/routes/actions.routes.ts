import {
  ActionDto,
  ActionListQuery,
  ActionListResponse,
  CompleteActionRequest,
  CompleteActionResponse,
  CreateActionRequest,
  DeleteQuery,
  IdParams,
  RescheduleOverdueRequest,
  RescheduleOverdueResponse,
  SnoozeActionRequest,
  TodayQuery,
  TodayResponse,
  UpdateActionRequest,
} from '@ptrack/contracts';
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
import { z } from 'zod';
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
        querystring: TodayQuery,
        response: { 200: TodayResponse },
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
        body: RescheduleOverdueRequest,
        response: { 200: RescheduleOverdueResponse },
      },
    },
    async (request) => rescheduleOverdue(contextOf(request), request.body),
  );

  app.get(
    '/actions',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'List actions', querystring: ActionListQuery, response: { 200: ActionListResponse } },
    },
    async (request) => listActions(contextOf(request), request.query),
  );

  app.post(
    '/actions',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Schedule an action', body: CreateActionRequest, response: { 201: ActionDto } },
    },
    async (request, reply) => reply.code(201).send(await createAction(contextOf(request), request.body)),
  );

  app.get(
    '/actions/:id',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'Get an action', params: IdParams, response: { 200: ActionDto } },
    },
    async (request) => getAction(contextOf(request), request.params.id),
  );

  app.patch(
    '/actions/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Change an action', params: IdParams, body: UpdateActionRequest, response: { 200: ActionDto } },
    },
    async (request) => updateAction(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/actions/:id',
    {
      config: { permission: 'partners:write' },
      schema: {
        tags,
        summary: 'Delete an action',
        params: IdParams,
        querystring: DeleteQuery,
        response: { 204: z.undefined().describe('Deleted') },
      },
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
        params: IdParams,
        body: CompleteActionRequest.nullish(),
        response: { 200: CompleteActionResponse },
      },
    },
    async (request) => completeAction(contextOf(request), request.params.id, request.body ?? {}),
  );

  app.post(
    '/actions/:id/snooze',
    {
      config: { permission: 'partners:write' },
      schema: {
        tags,
        summary: 'Move an open action to a later day',
        params: IdParams,
        body: SnoozeActionRequest,
        response: { 200: ActionDto },
      },
    },
    async (request) => snoozeAction(contextOf(request), request.params.id, request.body),
  );
};

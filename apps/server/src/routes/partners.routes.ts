import { routeSchemas } from '@ptrack/contracts';
import { createPartner, deletePartner, getPartner, getPartnerHistory, listPartners, updatePartner } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['partners'];

export const partnerRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/partners',
    {
      config: { permission: 'workspace:read' },
      schema: {
        tags,
        summary: 'List partners (the grid): a view, search, filter, sort and cursor pages',
        ...routeSchemas.listPartners,
      },
    },
    async (request) => listPartners(contextOf(request), request.query),
  );

  app.post(
    '/partners',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Create a partner', ...routeSchemas.createPartner },
    },
    async (request, reply) => reply.code(201).send(await createPartner(contextOf(request), request.body)),
  );

  app.get(
    '/partners/:id',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'Get a partner with its rollups', ...routeSchemas.getPartner },
    },
    async (request) => getPartner(contextOf(request), request.params.id),
  );

  app.patch(
    '/partners/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Change a partner (fields given only; version required)', ...routeSchemas.updatePartner },
    },
    async (request) => updatePartner(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/partners/:id',
    {
      config: { permission: 'partners:write' },
      schema: {
        tags,
        summary: 'Delete a partner with its reps, touches, actions, referrals and plans',
        ...routeSchemas.deletePartner,
      },
    },
    async (request, reply) => {
      await deletePartner(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/partners/:id/history',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: "The partner's change history, newest first", ...routeSchemas.getPartnerHistory },
    },
    async (request) => getPartnerHistory(contextOf(request), request.params.id, request.query),
  );
};

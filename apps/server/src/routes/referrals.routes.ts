import { routeSchemas } from '@ptrack/contracts';
import { createReferral, deleteReferral, getReferral, listReferrals, updateReferral } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['referrals'];

export const referralRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/referrals',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'List referrals (intros and the deals they became)', ...routeSchemas.listReferrals },
    },
    async (request) => listReferrals(contextOf(request), request.query),
  );

  app.post(
    '/referrals',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Record a referral', ...routeSchemas.createReferral },
    },
    async (request, reply) => reply.code(201).send(await createReferral(contextOf(request), request.body)),
  );

  app.get(
    '/referrals/:id',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'Get a referral', ...routeSchemas.getReferral },
    },
    async (request) => getReferral(contextOf(request), request.params.id),
  );

  app.patch(
    '/referrals/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Change a referral', ...routeSchemas.updateReferral },
    },
    async (request) => updateReferral(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/referrals/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Delete a referral', ...routeSchemas.deleteReferral },
    },
    async (request, reply) => {
      await deleteReferral(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};

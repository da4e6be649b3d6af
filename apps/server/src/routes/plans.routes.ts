import { routeSchemas } from '@ptrack/contracts';
import { createPlan, deletePlan, getPlan, listPlans, updatePlan } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['plans'];

export const planRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/plans',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: "A partner's 90-day activation plans, the current one first", ...routeSchemas.listPlans },
    },
    async (request) => listPlans(contextOf(request), request.query),
  );

  app.post(
    '/plans',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Start a 90-day plan (closes the current one into history)', ...routeSchemas.createPlan },
    },
    async (request, reply) => reply.code(201).send(await createPlan(contextOf(request), request.body)),
  );

  app.get(
    '/plans/:id',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'Get a plan', ...routeSchemas.getPlan },
    },
    async (request) => getPlan(contextOf(request), request.params.id),
  );

  app.patch(
    '/plans/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Change a plan', ...routeSchemas.updatePlan },
    },
    async (request) => updatePlan(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/plans/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Delete a plan', ...routeSchemas.deletePlan },
    },
    async (request, reply) => {
      await deletePlan(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};

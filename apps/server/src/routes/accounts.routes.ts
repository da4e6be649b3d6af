import { routeSchemas } from '@ptrack/contracts';
import { createAccount, deleteAccount, getAccount, listAccounts, updateAccount } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['accounts'];

export const accountRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/accounts',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'List accounts (companies named by partners or referred)', ...routeSchemas.listAccounts },
    },
    async (request) => listAccounts(contextOf(request), request.query),
  );

  app.post(
    '/accounts',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Create an account', ...routeSchemas.createAccount },
    },
    async (request, reply) => reply.code(201).send(await createAccount(contextOf(request), request.body)),
  );

  app.get(
    '/accounts/:id',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'Get an account', ...routeSchemas.getAccount },
    },
    async (request) => getAccount(contextOf(request), request.params.id),
  );

  app.patch(
    '/accounts/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Change an account', ...routeSchemas.updateAccount },
    },
    async (request) => updateAccount(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/accounts/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Delete an account', ...routeSchemas.deleteAccount },
    },
    async (request, reply) => {
      await deleteAccount(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};

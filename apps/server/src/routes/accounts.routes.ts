import {
  AccountDto,
  AccountListQuery,
  AccountListResponse,
  CreateAccountRequest,
  DeleteQuery,
  IdParams,
  UpdateAccountRequest,
} from '@ptrack/contracts';
import { createAccount, deleteAccount, getAccount, listAccounts, updateAccount } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteOptions } from '../context';

const tags = ['accounts'];

export const accountRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/accounts',
    {
      config: { permission: 'workspace:read' },
      schema: {
        tags,
        summary: 'List accounts (companies named by partners or referred)',
        querystring: AccountListQuery,
        response: { 200: AccountListResponse },
      },
    },
    async (request) => listAccounts(contextOf(request), request.query),
  );

  app.post(
    '/accounts',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Create an account', body: CreateAccountRequest, response: { 201: AccountDto } },
    },
    async (request, reply) => reply.code(201).send(await createAccount(contextOf(request), request.body)),
  );

  app.get(
    '/accounts/:id',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'Get an account', params: IdParams, response: { 200: AccountDto } },
    },
    async (request) => getAccount(contextOf(request), request.params.id),
  );

  app.patch(
    '/accounts/:id',
    {
      config: { permission: 'partners:write' },
      schema: { tags, summary: 'Change an account', params: IdParams, body: UpdateAccountRequest, response: { 200: AccountDto } },
    },
    async (request) => updateAccount(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/accounts/:id',
    {
      config: { permission: 'partners:write' },
      schema: {
        tags,
        summary: 'Delete an account',
        params: IdParams,
        querystring: DeleteQuery,
        response: { 204: z.undefined().describe('Deleted') },
      },
    },
    async (request, reply) => {
      await deleteAccount(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};

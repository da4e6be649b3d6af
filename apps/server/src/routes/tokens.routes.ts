import { ApiTokenList, CreatedApiToken, CreateTokenRequest, IdParams } from '@ptrack/contracts';
import { createToken, listTokens, revokeToken } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteOptions } from '../context';

const tags = ['accounts'];

export const tokenRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get('/tokens', { schema: { tags, summary: 'Your API tokens', response: { 200: ApiTokenList } } }, async (request) =>
    listTokens(contextOf(request)),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (shown once; send it as Authorization: Bearer)',
        body: CreateTokenRequest,
        response: { 201: CreatedApiToken },
      },
    },
    async (request, reply) => reply.code(201).send(await createToken(contextOf(request), request.body)),
  );

  app.delete(
    '/tokens/:id',
    {
      schema: { tags, summary: 'Revoke an API token (yours, or any as an admin)', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeToken(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};

import { routeSchemas } from '@ptrack/contracts';
import { createToken, listTokens, revokeToken } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['accounts'];

export const tokenRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/tokens',
    { config: { signedIn: true }, schema: { tags, summary: 'Your API tokens', ...routeSchemas.listTokens } },
    async (request) => listTokens(contextOf(request)),
  );

  app.post(
    '/tokens',
    {
      config: { signedIn: true },
      schema: {
        tags,
        summary: 'Create an API token (shown once; send it as Authorization: Bearer)',
        ...routeSchemas.createToken,
      },
    },
    async (request, reply) => reply.code(201).send(await createToken(contextOf(request), request.body)),
  );

  app.delete(
    '/tokens/:id',
    {
      config: { signedIn: true },
      schema: { tags, summary: 'Revoke an API token (yours, or any as an admin)', ...routeSchemas.revokeToken },
    },
    async (request, reply) => {
      await revokeToken(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};

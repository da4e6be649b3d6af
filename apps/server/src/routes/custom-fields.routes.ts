import { routeSchemas } from '@ptrack/contracts';
import { createCustomField, deleteCustomField, listCustomFields, updateCustomField } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['custom fields'];

export const customFieldRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/custom-fields',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'The custom fields of partners and reps', ...routeSchemas.listCustomFields },
    },
    async (request) => listCustomFields(contextOf(request), request.query.entity),
  );

  app.post(
    '/custom-fields',
    {
      config: { permission: 'settings:write' },
      schema: { tags, summary: 'Add a custom field', ...routeSchemas.createCustomField },
    },
    async (request, reply) => reply.code(201).send(await createCustomField(contextOf(request), request.body)),
  );

  app.patch(
    '/custom-fields/:id',
    {
      config: { permission: 'settings:write' },
      schema: { tags, summary: 'Change a custom field', ...routeSchemas.updateCustomField },
    },
    async (request) => updateCustomField(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/custom-fields/:id',
    {
      config: { permission: 'settings:write' },
      schema: { tags, summary: 'Remove a custom field (and its values)', ...routeSchemas.deleteCustomField },
    },
    async (request, reply) => {
      await deleteCustomField(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};

import { routeSchemas } from '@ptrack/contracts';
import { getSettings, updateSettings } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf }) => {
  app.get(
    '/settings',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'Workspace settings: time zone, cadences, IPP bands, option lists', ...routeSchemas.getSettings },
    },
    async (request) => getSettings(contextOf(request)),
  );

  app.patch(
    '/settings',
    {
      config: { permission: 'settings:write' },
      schema: { tags, summary: 'Change workspace settings', ...routeSchemas.updateSettings },
    },
    async (request) => updateSettings(contextOf(request), request.body),
  );
};

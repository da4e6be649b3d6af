import { routeSchemas } from '@ptrack/contracts';
import {
  createContext,
  getCalendarFeed,
  getDigestSettings,
  previewDigest,
  regenerateCalendarToken,
  sendDigests,
  systemActor,
  updateDigestSettings,
} from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['digests'];
const asText = (payload: unknown) => payload as string;

export const digestRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf, database, now }) => {
  app.get(
    '/digests/settings',
    {
      config: { permission: 'workspace:read' },
      schema: {
        tags,
        summary: 'Where and when the Monday digest goes (secrets only as configured: true)',
        ...routeSchemas.getDigestSettings,
      },
    },
    async (request) => getDigestSettings(contextOf(request)),
  );

  app.put(
    '/digests/settings',
    {
      config: { permission: 'integrations:manage' },
      schema: {
        tags,
        summary: 'Change the digest settings; an omitted secret is kept, null removes it',
        ...routeSchemas.updateDigestSettings,
      },
    },
    async (request) => updateDigestSettings(contextOf(request), request.body),
  );

  app.post(
    '/digests/send',
    {
      config: { permission: 'integrations:run' },
      schema: {
        tags,
        summary: 'Send the digests now to Slack or by email, all owners or one; reports every delivery',
        ...routeSchemas.sendDigest,
      },
    },
    async (request) => sendDigests(contextOf(request), request.body),
  );

  app.get(
    '/digests/preview',
    {
      config: { permission: 'integrations:run' },
      schema: {
        tags,
        summary: 'The digests as they would go out now: JSON, or text/plain or text/html with format=',
        ...routeSchemas.previewDigest,
      },
    },
    async (request, reply) => {
      const preview = await previewDigest(contextOf(request), request.query);
      if (preview.format === 'json') return preview.body;
      return reply
        .type(preview.format === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8')
        .serializer(asText)
        .send(preview.body as never);
    },
  );

  app.post(
    '/digests/calendar-token',
    {
      config: { permission: 'integrations:manage' },
      schema: {
        tags,
        summary: 'Create a new secret calendar feed address; the previous one stops working',
        ...routeSchemas.regenerateCalendarToken,
      },
    },
    async (request) => regenerateCalendarToken(contextOf(request)),
  );

  app.get(
    '/calendar/:file',
    {
      config: { public: true },
      // The address is the secret: keep it out of the request log (logged at info level).
      logLevel: 'warn',
      schema: {
        tags,
        summary:
          'The ICS feed of open actions (overdue and the next 60 days) at its secret address (<token>.ics), for Google Calendar or Outlook',
        ...routeSchemas.getCalendarFeed,
      },
    },
    async (request, reply) => {
      // Calendar apps do not sign in: the secret address is the permission (a wrong one is 404).
      const ctx = createContext(database, systemActor('calendar feed', 'api'), now);
      const ics = await getCalendarFeed(ctx, request.params.file, { owner: request.query.owner });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .serializer(asText)
        .send(ics as never);
    },
  );
};

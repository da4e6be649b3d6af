import { routeSchemas } from '@ptrack/contracts';
import {
  createContext,
  getHubSpotConnection,
  listHubSpotRuns,
  pushHubSpot,
  receiveHubSpotWebhook,
  saveHubSpotConnection,
  setupHubSpotProperties,
  syncHubSpot,
  systemActor,
  testHubSpotConnection,
} from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';

const tags = ['hubspot'];
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export const hubspotRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, options) => {
  const { contextOf } = options;

  app.get(
    '/hubspot/connection',
    {
      config: { permission: 'workspace:read' },
      schema: {
        tags,
        summary: 'The HubSpot connection (the token only as `configured` and its last 4 characters)',
        ...routeSchemas.getHubSpotConnection,
      },
    },
    async (request) => getHubSpotConnection(contextOf(request)),
  );

  app.patch(
    '/hubspot/connection',
    {
      config: { permission: 'integrations:manage' },
      schema: {
        tags,
        summary: 'Store the private-app token, webhook client secret and sync options',
        ...routeSchemas.saveHubSpotConnection,
      },
    },
    async (request) => saveHubSpotConnection(contextOf(request), request.body),
  );

  app.post(
    '/hubspot/test',
    {
      config: { permission: 'integrations:manage' },
      schema: { tags, summary: 'Check the token and address with one authenticated read', ...routeSchemas.testHubSpotConnection },
    },
    async (request) => testHubSpotConnection(contextOf(request)),
  );

  app.post(
    '/hubspot/setup',
    {
      config: { permission: 'integrations:manage' },
      schema: {
        tags,
        summary: 'Create the custom contact and company properties the sync needs, if missing',
        ...routeSchemas.setupHubSpotProperties,
      },
    },
    async (request) => setupHubSpotProperties(contextOf(request)),
  );

  app.post(
    '/hubspot/sync',
    {
      config: { permission: 'integrations:run' },
      schema: {
        tags,
        summary: 'Pull reps, partner companies and deals (full, or changes since the last sync); resumes an interrupted one',
        ...routeSchemas.syncHubSpot,
      },
    },
    async (request) => syncHubSpot(contextOf(request), { mode: request.body?.mode ?? 'incremental' }),
  );

  app.post(
    '/hubspot/push',
    {
      config: { permission: 'integrations:run' },
      schema: {
        tags,
        summary: 'Push partner aggregates to companies and tracker tier/quality edits to contacts',
        ...routeSchemas.pushHubSpot,
      },
    },
    async (request) => pushHubSpot(contextOf(request)),
  );

  app.get(
    '/hubspot/runs',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'The latest syncs and pushes: status, counts, failures', ...routeSchemas.listHubSpotRuns },
    },
    async (request) => ({ items: await listHubSpotRuns(contextOf(request)) }),
  );

  // The v3 signature covers the body byte for byte, so this route reads it unparsed.
  await app.register(async (webhook) => {
    webhook.removeContentTypeParser('application/json');
    webhook.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    webhook.post(
      '/hubspot/webhook',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'HubSpot webhook receiver (v3 signature; stale or bad signatures get 401)',
          ...routeSchemas.receiveHubSpotWebhook,
        },
      },
      async (request) =>
        receiveHubSpotWebhook(createContext(options.database, systemActor('HubSpot webhook', 'hubspot'), options.now), {
          method: request.method,
          uri: `${request.protocol}://${request.host}${request.url}`,
          rawBody: typeof request.body === 'string' ? request.body : '',
          signature: header(request.headers['x-hubspot-signature-v3']),
          timestamp: header(request.headers['x-hubspot-request-timestamp']),
        }),
    );
  });
};

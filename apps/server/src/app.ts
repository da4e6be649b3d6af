import { readFileSync } from 'node:fs';
import fastifySwagger from '@fastify/swagger';
import { Problem } from '@ptrack/contracts';
import type { Database } from '@ptrack/storage';
import scalarApiReference from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { routeOptions } from './context';
import { PROBLEM_CONTENT_TYPE, registerErrorHandling } from './errors';
import { accountRoutes } from './routes/accounts.routes';
import { actionRoutes } from './routes/actions.routes';
import { customFieldRoutes } from './routes/custom-fields.routes';
import { dashboardRoutes } from './routes/dashboard.routes';
import { healthRoutes } from './routes/health.routes';
import { partnerRoutes } from './routes/partners.routes';
import { planRoutes } from './routes/plans.routes';
import { referralRoutes } from './routes/referrals.routes';
import { repRoutes } from './routes/reps.routes';
import { settingsRoutes } from './routes/settings.routes';
import { touchRoutes } from './routes/touches.routes';
import { viewRoutes } from './routes/views.routes';
import { workspaceRoutes } from './routes/workspace.routes';

export type BuildAppOptions = {
  database: Database;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
};

export const BODY_LIMIT_BYTES = 1024 * 1024;

export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

// Make sure the Problem schema (registered by its .meta id) is part of the document's components.
void Problem;

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

type RouteDoc = { schema?: Record<string, unknown>; url: string };

/**
 * Every operation can fail in the same few ways; documenting them here keeps the routes thin while
 * the OpenAPI document still tells clients about problem+json.
 */
function withProblemResponses(document: Parameters<typeof jsonSchemaTransform>[0]): RouteDoc {
  const transformed = jsonSchemaTransform(document) as RouteDoc;
  const schema = transformed.schema;
  if (!schema || schema.hide) return transformed;
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  const method = (document as { route?: { method?: string | string[] } }).route?.method;
  const methods = Array.isArray(method) ? method : [method ?? 'GET'];
  const writes = methods.some((m) => m !== 'GET' && m !== 'HEAD');
  response['400'] ??= problemResponse('Invalid input: errors[] names each field');
  if (transformed.url.includes(':')) response['404'] ??= problemResponse('No record with this id');
  if (writes) {
    response['409'] ??= problemResponse('Version conflict (with the current record), duplicate or conflicting state');
    response['413'] ??= problemResponse('Body larger than 1 MiB');
    response['415'] ??= problemResponse('Body not sent as application/json');
  }
  response['500'] ??= problemResponse('Unexpected error (details are logged, not sent)');
  response['503'] ??= problemResponse('Storage unavailable');
  return { ...transformed, schema: { ...schema, response } };
}

/** The HTTP app: Fastify with zod schemas driving validation, serialisation and the OpenAPI document. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Partner Tracker API',
        version: SERVER_VERSION,
        description:
          'Partners, reps, touches, next actions, referrals and 90-day plans. Errors are RFC 9457 problem+json with field-level ' +
          'details. Every update names the version it was based on; a stale version gets 409 with the current record. ' +
          'Send `x-ptrack-actor` to name who is acting (there is no authentication yet; the server binds to this machine only).',
      },
      tags: [
        'partners',
        'reps',
        'touches',
        'actions',
        'referrals',
        'accounts',
        'plans',
        'views',
        'custom fields',
        'settings',
        'dashboard',
        'workspace',
        'health',
      ].map((name) => ({ name })),
    },
    transform: withProblemResponses as never,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(scalarApiReference, {
    routePrefix: '/api/docs',
    configuration: { url: '/api/openapi.json', title: 'Partner Tracker API' },
    logLevel: 'warn',
  });

  const routes = routeOptions(options.database, now, SERVER_VERSION);
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const plugin of [
        healthRoutes,
        partnerRoutes,
        repRoutes,
        touchRoutes,
        actionRoutes,
        referralRoutes,
        accountRoutes,
        planRoutes,
        viewRoutes,
        customFieldRoutes,
        settingsRoutes,
        dashboardRoutes,
        workspaceRoutes,
      ]) {
        await api.register(plugin, routes);
      }
    },
    { prefix: '/api' },
  );
  return app;
}

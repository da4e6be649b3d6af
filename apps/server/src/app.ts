import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { Problem } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { createIdentity } from '@ptrack/services';
import type { Database } from '@ptrack/storage';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Authenticate, routeOptions, type ServerJobs } from './context';
import { frameworkErrors, PROBLEM_CONTENT_TYPE, registerErrorHandling } from './errors';
import { rateLimitError, registerCookieRefresh, sessionAuthenticate } from './identity';
import { validatorCompiler } from './input-hygiene';
import { safeLoggerOptions } from './log-safety';
import { policyExtensions, requireRoutePolicies, routePolicyOf } from './route-policy';
import { accountRoutes } from './routes/accounts.routes';
import { actionRoutes } from './routes/actions.routes';
import { auditRoutes } from './routes/audit.routes';
import { authRoutes } from './routes/auth.routes';
import { customFieldRoutes } from './routes/custom-fields.routes';
import { dashboardRoutes } from './routes/dashboard.routes';
import { digestRoutes } from './routes/digests.routes';
import { healthRoutes } from './routes/health.routes';
import { hubspotRoutes } from './routes/hubspot.routes';
import { DEFAULT_UPLOAD_LIMIT_BYTES, importRoutes } from './routes/imports.routes';
import { jobRoutes } from './routes/jobs.routes';
import { partnerRoutes } from './routes/partners.routes';
import { planRoutes } from './routes/plans.routes';
import { referralRoutes } from './routes/referrals.routes';
import { repRoutes } from './routes/reps.routes';
import { settingsRoutes } from './routes/settings.routes';
import { tokenRoutes } from './routes/tokens.routes';
import { touchRoutes } from './routes/touches.routes';
import { userRoutes } from './routes/users.routes';
import { viewRoutes } from './routes/views.routes';
import { workspaceRoutes } from './routes/workspace.routes';
import { DOCS_PREFIX, registerSecurity } from './security';

export type BuildAppOptions = {
  database: Database;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** Directory of the built web app (apps/web/dist by default); null serves no web app. */
  webRoot?: string | null;
  /** Background jobs: the registry by default; the server process passes its running worker (server.ts). */
  jobs?: Partial<ServerJobs>;
  /** The largest sheet upload accepted, in bytes (DEFAULT_UPLOAD_LIMIT_BYTES by default). */
  uploadLimitBytes?: number;
  /** Who sent a request (null: nobody); by default the session cookie or an API token. */
  authenticate?: Authenticate;
  /** The address people reach the server at (PUBLIC_URL): its host is allowed, its origin is the app's own, links in emails point there, and cookies are Secure when it is https. */
  publicUrl?: string;
  /** More host names the server answers for (ALLOWED_HOSTS), besides loopback and PUBLIC_URL's host. */
  allowedHosts?: string[];
  /** Fastify's trustProxy (TRUST_PROXY): believe X-Forwarded-* from a TLS-terminating proxy (a number: that many hops). */
  trustProxy?: boolean | number | string;
  /** SHA-256 of the token the server gave the CLI on this machine (`<dataDir>/local-cli.token`). */
  localCliTokenHash?: string;
};

/** Where `npm run build:web` writes the web app. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Requests carrying an API token, per client address and minute. */
export const TOKEN_REQUESTS_PER_MINUTE = 600;

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
type RouteOfDoc = { method?: string | string[]; url: string; config?: unknown };

/**
 * Every operation can fail in the same few ways; documenting them here keeps the routes thin while
 * the OpenAPI document still tells clients about problem+json.
 */
export function withProblemResponses(document: Parameters<typeof jsonSchemaTransform>[0]): RouteDoc {
  const transformed = jsonSchemaTransform(document) as RouteDoc;
  const schema = transformed.schema;
  if (!schema || schema.hide) return transformed;
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  const route = (document as { route?: RouteOfDoc }).route;
  const method = route?.method;
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
  return { ...transformed, schema: { ...schema, response, ...policyExtensions(route as never) } };
}

/**
 * Who is asking, before any route runs: rate limits, the actor found by `authenticate`, read-only tokens
 * held to reads, and anonymous requests to non-public routes refused.
 */
async function registerAuthentication(app: FastifyInstance, authenticate: Authenticate): Promise<void> {
  registerCookieRefresh(app);
  // Limits only the routes that ask for one (sign-in, setup, password reset, invitations).
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: rateLimitError });
  // Requests with an API token: at most TOKEN_REQUESTS_PER_MINUTE a minute from one address. Scripts and
  // the remote CLI stay far below it; guessing tokens, or a runaway loop, does not.
  const tokenLimit = app.rateLimit({
    max: TOKEN_REQUESTS_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (request) => `bearer:${request.ip}`,
  });
  app.addHook('onRequest', async (request, reply) => {
    // A route with a limit of its own (sign-in, reset) keeps it: the plugin applies one limit a request.
    if (request.headers.authorization && !request.routeOptions.config?.rateLimit) await tokenLimit.call(app, request, reply);
  });
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = await authenticate(request);
    // A read-only token holds only read permissions: refuse its writes before any use case runs.
    if (request.actor?.readOnly && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      throw new AppError('NOT_ALLOWED', 'This API token is read-only');
    }
  });
  // Who is asking comes before what is asked: an anonymous request to a route that is not public is
  // refused before its input is validated (the use cases then decide what a signed-in user may do).
  app.addHook('preValidation', async (request) => {
    // Unknown /api paths (the web app's catch-all, or no route) keep their 404.
    const url = request.routeOptions.url;
    if (request.actor || !url?.startsWith('/api/')) return;
    const policy = routePolicyOf({ url, config: request.routeOptions.config });
    if (!policy?.public) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  });
}

/** The HTTP app: Fastify with zod schemas driving validation, serialisation and the OpenAPI document. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: safeLoggerOptions(options.logger ?? false),
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
    // Fastify takes a hop count at run time though its type leaves numbers out.
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy as FastifyServerOptions['trustProxy'] } : {}),
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  requireRoutePolicies(app);
  await registerSecurity(app, { publicUrl: options.publicUrl, allowedHosts: options.allowedHosts });
  const identity = createIdentity(options.database, { publicUrl: options.publicUrl ?? null });
  identity.localCliTokenHash = options.localCliTokenHash ?? null;
  const authenticate: Authenticate = options.authenticate ?? sessionAuthenticate(options.database, identity, now);
  await registerAuthentication(app, authenticate);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Partner Tracker API',
        version: SERVER_VERSION,
        description:
          'Partners, reps, touches, next actions, referrals and 90-day plans. Errors are RFC 9457 problem+json with field-level ' +
          'details. Every update names the version it was based on; a stale version gets 409 with the current record. ' +
          'Sign in with `POST /api/session` (a session cookie) or send a personal API token as `Authorization: Bearer ptk_…`.',
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
        'digests',
        'hubspot',
        'workspace',
        'jobs',
        'accounts',
        'users',
        'audit',
        'health',
      ].map((name) => ({ name })),
    },
    transform: withProblemResponses as never,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PREFIX,
    uiConfig: { docExpansion: 'list', deepLinking: true },
    logLevel: 'warn',
  });

  const routes = {
    ...routeOptions(options.database, now, SERVER_VERSION, identity, options.jobs),
    uploadLimitBytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES,
  };
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
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
        importRoutes,
        dashboardRoutes,
        digestRoutes,
        hubspotRoutes,
        workspaceRoutes,
        jobRoutes,
        authRoutes,
        userRoutes,
        tokenRoutes,
        auditRoutes,
      ]) {
        await api.register(plugin, routes);
      }
    },
    { prefix: '/api' },
  );
  if (options.webRoot !== null) await serveWebApp(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}

const NOT_BUILT_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Partner Tracker</title>' +
  '<p>The web app is not built. Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it), then reload.' +
  ' The API is at <a href="/api/docs">/api/docs</a>.</p>';

/**
 * The built web app at `/`: its files as they are, and index.html for every other GET outside /api so
 * the browser router can handle deep links (/partners, /settings…). /api keeps its 404 problem+json, and
 * so does a missing file with an extension (a stale /assets/x.js must not come back as HTML).
 */
async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const built = existsSync(join(webRoot, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // One route per file, found at start: the catch-all below then owns every other path.
      wildcard: false,
      index: false,
      serveDotFiles: false,
      cacheControl: false,
      // scripts/ensure-web-build.mjs writes .br and .gz beside each asset.
      preCompressed: true,
      setHeaders(res, path) {
        // Vite names assets by content hash: they never change. index.html must always be revalidated.
        const immutable = path.startsWith(join(webRoot, 'assets'));
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('x-content-type-options', 'nosniff');
      },
    });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/') || extname(path) !== '') return reply.callNotFound();
    if (!built) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot, { cacheControl: false });
  });
}

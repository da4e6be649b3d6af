import { PERMISSIONS, type Permission } from '@ptrack/domain';
import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * What each /api route declares in its `config`: the permission of the policy it needs, or `public: true`
 * for the few routes anyone may call. The use case enforces the permission (docs/ARCHITECTURE.md); the
 * declaration documents it (`x-permission` in the OpenAPI document) and the authorization matrix test
 * holds the two to each other.
 */
export type RoutePolicy =
  | { permission: Permission; public?: never; signedIn?: never }
  | { public: true; permission?: never; signedIn?: never }
  // Any signed-in user, about their own account only (sign out, their sessions and tokens): no permission
  // of the workspace is involved, so a partner user may do it too.
  | { signedIn: true; permission?: never; public?: never };

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
    public?: boolean;
    signedIn?: boolean;
  }
}

// Routes a plugin adds for us: the API reference pages (Swagger UI) are public like the document they show.
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];

function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

/** The policy a route declares, or null when it declares none (or an unknown permission). */
export function routePolicyOf(route: Pick<RouteOptions, 'url' | 'config'>): RoutePolicy | null {
  const config = (route.config ?? {}) as { permission?: unknown; public?: unknown; signedIn?: unknown };
  if (config.public === true && config.permission === undefined && config.signedIn === undefined) return { public: true };
  if (config.signedIn === true && config.permission === undefined && config.public === undefined) return { signedIn: true };
  if (typeof config.permission === 'string' && (PERMISSIONS as readonly string[]).includes(config.permission)) {
    return config.public === undefined && config.signedIn === undefined ? { permission: config.permission as Permission } : null;
  }
  if (PLUGIN_PUBLIC_PREFIXES.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`))) {
    return { public: true };
  }
  return null;
}

/** Refuses to start when an /api route is added without a policy entry. Register before any route. */
export function requireRoutePolicies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!isApiUrl(route.url) || routePolicyOf(route)) return;
    const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
    throw new Error(
      `${methods} ${route.url} declares no access policy: add config: { permission: '<one of ${PERMISSIONS.join(', ')}>' }, config: { signedIn: true } or config: { public: true }`,
    );
  });
}

/** The OpenAPI operation extensions of a route's policy, for clients and the authorization matrix test. */
export function policyExtensions(route: Pick<RouteOptions, 'url' | 'config'> | undefined): Record<string, unknown> {
  const policy = route ? routePolicyOf(route) : null;
  if (!policy) return {};
  if (policy.public) return { 'x-public': true };
  if (policy.signedIn) return { 'x-signed-in': true };
  return { 'x-permission': policy.permission };
}

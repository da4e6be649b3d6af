import type { FastifyInstance } from 'fastify';
import { refuseRequest } from '../errors';
import { crossSiteRefusal } from './cross-site';
import { registerSecurityHeaders } from './headers';
import { allowedHostnames, type HostPolicy, isAllowedHost } from './host-allow-list';

export { CROSS_SITE_EXEMPT, CSRF_HEADER } from './cross-site';
export { DOCS_PREFIX } from './headers';

/**
 * The checks every request passes before its route runs: security headers, the Host allow-list and
 * the cross-site refusal. Registered before authentication, so a refused request is never signed in.
 */
export async function registerSecurity(app: FastifyInstance, policy: HostPolicy): Promise<void> {
  const publicOrigin = policy.publicUrl ? new URL(policy.publicUrl).origin : null;
  await registerSecurityHeaders(app, { https: publicOrigin?.startsWith('https:') ?? false });
  const allowed = allowedHostnames(policy);
  app.addHook('onRequest', async (request, reply) => {
    // The Host header as sent; with TRUST_PROXY, Fastify's request.host would be X-Forwarded-Host.
    const host = request.headers.host;
    if (!isAllowedHost(host, allowed)) {
      // 421 Misdirected Request: this server is not the one for that name (RFC 9110 §15.5.20), which is
      // what a rebinding page's request is; clients must not retry it elsewhere with the same name.
      return refuseRequest(
        request,
        reply,
        421,
        'MISDIRECTED_REQUEST',
        `This server does not answer for the host ${host ?? '(none)'}`,
        [{ field: 'headers.host', message: 'is not a name of this server (set PUBLIC_URL or ALLOWED_HOSTS to add one)' }],
      );
    }
    const refusal = crossSiteRefusal(request, publicOrigin);
    if (refusal) {
      return refuseRequest(request, reply, 403, 'CROSS_SITE_REQUEST', `Refused: ${refusal.field} ${refusal.message}`, [refusal]);
    }
  });
}

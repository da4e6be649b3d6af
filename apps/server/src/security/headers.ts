import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response. The built web app loads only its own scripts; Mantine sets
 * inline `style` attributes and injects a <style> element for its CSS variables, so styles must allow
 * 'unsafe-inline' (styles cannot run code; scripts stay 'self' only).
 */
const APP_CSP = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The API reference (Swagger UI) sets inline styles and shows images the document links to; this looser
 * policy applies under /api/docs only, which serves no data itself.
 */
const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const DOCS_PREFIX = '/api/docs';

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      // Upgrading subresources to https would break a plain-http loopback install.
      directives: options.https ? { ...APP_CSP, upgradeInsecureRequests: [] } : APP_CSP,
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS pins browsers to https for a year: only when the server is reached over https.
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === DOCS_PREFIX || path.startsWith(`${DOCS_PREFIX}/`)) reply.header('content-security-policy', DOCS_CSP);
  });
}

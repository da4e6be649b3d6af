import type { FastifyRequest } from 'fastify';

/**
 * Cross-site request refusal. A cookie-carrying browser request that changes state must come from this
 * app's own pages: its Origin (or Sec-Fetch-Site) says so, and it is JSON or carries `x-ptrack-csrf: 1` —
 * both need a CORS preflight from another site, and this server grants none. Bearer-token requests carry
 * no ambient credentials, so they are not at risk and skip the check.
 */
export const CSRF_HEADER = 'x-ptrack-csrf';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Routes that are cross-site by nature and authenticate every request on their own. The one place
 * exemptions are declared.
 */
export const CROSS_SITE_EXEMPT: readonly { method: string; url: string; why: string }[] = [
  { method: 'POST', url: '/api/hubspot/webhook', why: 'HubSpot calls it; each request is verified by its signature' },
];

export type CrossSiteRefusal = { field: string; message: string };

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The origins this server's pages are served from: the request's own, and PUBLIC_URL's. */
function ownOrigins(request: FastifyRequest, publicOrigin: string | null): string[] {
  const own = originOf(`${request.protocol}://${request.host}`);
  return [own, publicOrigin].filter((o): o is string => o !== null);
}

/** Why a request must be refused as cross-site, or null when it may proceed. */
export function crossSiteRefusal(request: FastifyRequest, publicOrigin: string | null): CrossSiteRefusal | null {
  if (!STATE_CHANGING.has(request.method)) return null;
  const route = request.routeOptions.url;
  if (CROSS_SITE_EXEMPT.some((e) => e.method === request.method && e.url === route)) return null;
  if (/^bearer\s/i.test(single(request.headers.authorization) ?? '')) return null;

  const origin = single(request.headers.origin);
  if (origin !== undefined) {
    const sent = originOf(origin);
    if (sent === null || !ownOrigins(request, publicOrigin).includes(sent)) {
      return { field: 'headers.origin', message: `${origin} is not this server's origin: cross-site requests are refused` };
    }
  } else {
    const site = single(request.headers['sec-fetch-site']);
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return { field: 'headers.sec-fetch-site', message: `is ${site}: cross-site requests are refused` };
    }
  }

  if (single(request.headers[CSRF_HEADER]) === '1') return null;
  const type = (single(request.headers['content-type']) ?? '').replace(/;.*/s, '').trim().toLowerCase();
  if (type === 'application/json') return null;
  return {
    field: `headers.${CSRF_HEADER}`,
    message: `send the body as application/json, or send the header ${CSRF_HEADER}: 1`,
  };
}

import { AppError } from '@ptrack/domain';
import { type AuthRequest, CLIENT_IP_HEADER, type Identity, resolveActor } from '@ptrack/services';
import type { Database } from '@ptrack/storage';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticate } from './context';

/** The request as better-auth reads it; the client address is Fastify's (TRUST_PROXY-aware), never the client's say. */
export function authRequestOf(request: FastifyRequest): AuthRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === CLIENT_IP_HEADER) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, String(value));
  }
  headers.set(CLIENT_IP_HEADER, request.ip);
  return { headers };
}

export function sendCookies(reply: FastifyReply, setCookies: readonly string[]): void {
  if (setCookies.length > 0) reply.header('set-cookie', [...setCookies]);
}

// A session that better-auth extended while authenticating sends its refreshed cookie with the response.
const refreshedCookies = new WeakMap<FastifyRequest, string[]>();

/** The default authenticate step: an API token (bearer) or the session cookie. */
export function sessionAuthenticate(database: Database, identity: Identity, now: () => Date): Authenticate {
  return async (request) => {
    const resolved = await resolveActor(database, identity, authRequestOf(request), now());
    if (resolved?.setCookies.length) refreshedCookies.set(request, resolved.setCookies);
    return resolved?.actor ?? null;
  };
}

export function registerCookieRefresh(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    const cookies = refreshedCookies.get(request);
    if (cookies && !reply.hasHeader('set-cookie')) reply.header('set-cookie', cookies);
  });
}

/** Where links in invitations and reset emails point: PUBLIC_URL, else the origin the request came to. */
export function linkBaseOf(identity: Identity, request: FastifyRequest): string {
  return identity.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** @fastify/rate-limit's refusal as our problem+json (429 with Retry-After). */
export function rateLimitError(_request: FastifyRequest, context: { ttl: number }): AppError {
  return new AppError('RATE_LIMITED', 'Too many attempts from this address: wait before trying again', {
    retryAfterSeconds: Math.ceil(context.ttl / 1000),
  });
}
